a = <<EOT
text
