locals {
  a = 7
  b = 3
  t = true
  f = false
}

output "arithmetic" { value = [local.a + local.b * 2, (local.a + local.b) * 2, local.a - local.b - 1, local.a / local.b * 3, local.a % local.b, -local.a + 1, 1 - -2] }
output "comparison" { value = [local.a > local.b, local.a >= 7, local.b < 1, local.b <= 3, local.a == 7, local.a != local.b] }
output "logic" { value = [local.t && local.f, local.t || local.f && local.f, !local.t || local.t, !(local.t && local.f)] }
output "conditional" { value = local.a > local.b ? "greater" : "smaller" }
output "nested_conditional" { value = local.a < 0 ? "negative" : local.a == 0 ? "zero" : "positive" }
output "conditional_in_condition" { value = (local.t ? local.f : local.t) ? 1 : 2 }
output "mixed" { value = local.a * 2 > local.b + 10 == local.f || local.t && !local.f }
output "precedence_chain" { value = 2 + 3 * 4 - 10 / 5 % 3 }
