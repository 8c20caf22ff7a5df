locals {
  a = "crlf"
  b = <<EOT
line
EOT
}

output "a" { value = local.a }
output "b" { value = local.b }
