terraform {
  required_providers {
    terraform = { source = "terraform.io/builtin/terraform" }
  }
}

locals {
  lists = [["a", "b"], ["c"]]
  cidr  = "10.0.0.0/16"
}

output "simple" { value = upper("x") }
output "nested" { value = join(",", concat(["a"], ["b", "c"])) }
output "expanded" { value = concat(local.lists...) }
output "expanded_with_leading" { value = format("%s-%s", ["x", "y"]...) }
output "no_arguments" { value = timestamp() != "" }
output "multi_line_arguments" {
  value = cidrsubnet(
    local.cidr,
    8,
    2,
  )
}
output "provider_function" { value = provider::terraform::encode_tfvars({ a = 1 }) }
output "try" { value = try(local.lists[5], "fallback") }
output "jsonencode" { value = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow" }] }) }
