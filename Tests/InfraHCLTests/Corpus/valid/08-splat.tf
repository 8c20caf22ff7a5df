locals {
  servers = [
    { name = "a", ip = "10.0.0.1", disks = [{ size = 10 }, { size = 20 }] },
    { name = "b", ip = "10.0.0.2", disks = [{ size = 30 }] },
  ]
  single = { name = "solo" }
}

resource "terraform_data" "counted" {
  count = 2
  input = "item-${count.index}"
}

resource "terraform_data" "each" {
  for_each = toset(["x", "y"])
  input    = each.key
}

output "full_splat" { value = local.servers[*].name }
output "attribute_splat" { value = local.servers.*.ip }
output "full_splat_index" { value = local.servers[*].disks[0].size }
output "attribute_splat_then_index" { value = local.servers.*.disks[0] }
output "splat_of_single" { value = local.single[*].name }
output "splat_of_null" { value = null[*] }
output "resource_splat" { value = terraform_data.counted[*].input }
output "resource_index" { value = terraform_data.counted[0].input }
output "each_values" { value = [for k, v in terraform_data.each : v.input] }
