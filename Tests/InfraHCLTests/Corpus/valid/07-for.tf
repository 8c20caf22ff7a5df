variable "users" {
  type = map(object({ role = string, active = bool }))
  default = {
    ada   = { role = "admin", active = true }
    brian = { role = "dev", active = false }
    cleo  = { role = "dev", active = true }
  }
}

locals {
  names        = [for name, user in var.users : name]
  active       = [for name, user in var.users : upper(name) if user.active]
  by_role      = { for name, user in var.users : user.role => name... }
  roles        = { for name, user in var.users : name => user.role }
  indexed      = [for i, v in ["x", "y"] : "${i}:${v}"]
  nested       = [for r in ["a", "b"] : [for n in [1, 2] : "${r}${n}"]]
  multi_line = {
    for name, user in var.users :
    name => user.active
    if name != "brian"
  }
}

output "names" { value = local.names }
output "active" { value = local.active }
output "by_role" { value = local.by_role }
output "roles" { value = local.roles }
output "indexed" { value = local.indexed }
output "nested" { value = local.nested }
output "multi_line" { value = local.multi_line }
