locals {
  naïve    = "identifier with a diaeresis"
  日本      = "identifier in Japanese"
  with-dash = "dashes are allowed"
  _under    = "leading underscore"
}

output "values" { value = [local.naïve, local.日本, local.with-dash, local._under] }
