variable "names" {
  type    = list(string)
  default = ["a", "b", "c"]
}

variable "enabled" {
  type    = bool
  default = true
}

locals {
  env = "dev"
}

output "interpolation" { value = "prefix-${local.env}-suffix" }
output "unwrapped" { value = "${var.names}" }
output "two_interpolations" { value = "${local.env}${local.env}" }
output "nested_quotes" { value = "outer ${"inner ${local.env}"} end" }
output "if_directive" { value = "state: %{ if var.enabled }on%{ else }off%{ endif }" }
output "if_without_else" { value = "x%{ if !var.enabled } hidden%{ endif }y" }
output "for_directive" { value = "%{ for n in var.names }[${n}]%{ endfor }" }
output "for_with_key" { value = "%{ for i, n in var.names }${i}=${n};%{ endfor }" }
output "strip_interp" { value = "a   ${~ local.env ~}   b" }
output "strip_directive" { value = "list: %{~ for n in var.names ~} ${n} %{~ endfor ~} done" }
output "expression_in_interp" { value = "${length(var.names) * 2} items" }
output "conditional_in_interp" { value = "${var.enabled ? "yes" : "no"}!" }
output "object_in_interp" { value = "${{ a = 1 }.a}" }
