a = <<EOT
text
EOT x
