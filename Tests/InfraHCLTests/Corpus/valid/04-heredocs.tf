locals {
  who = "world"
}

output "plain" {
  value = <<EOT
hello
  indented ${local.who}
EOT
}

output "flush" {
  value = <<-EOT
    first
      second

    third ${local.who}
    EOT
}

output "indented_marker" {
  value = <<EOF
keep   
    this
  EOF
}

output "directives" {
  value = <<-CONFIG
    %{ for i in [1, 2] ~}
    line ${i}
    %{ endfor ~}
    end
  CONFIG
}

output "escapes_are_literal" {
  value = <<EOT
back\slash \n $${x} %%{y}
EOT
}

output "after" { value = "still parsed" }
