resource "${x}" "b" {
}
