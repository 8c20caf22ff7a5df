locals {
  integers = [0, 1, 42, 1234567890]
  decimals = [1.5, 0.25, 100.0]
  exponents = [1e3, 2.5E-2, 3e+2]
  negative  = -7
  booleans  = [true, false]
  nothing   = null
}

output "integers" { value = local.integers }
output "decimals" { value = local.decimals }
output "exponents" { value = local.exponents }
output "negative" { value = local.negative }
output "booleans" { value = local.booleans }
output "nothing" { value = local.nothing }
output "string" { value = "plain text" }
output "escapes" { value = "tab\there\nnewline \"quoted\" back\\slash" }
output "unicode_escapes" { value = "\u00e9\u65e5\U0001F680" }
output "literal_sequences" { value = "$${not.interpolated} %%{ not a directive } $ % { }" }
output "dollar_end" { value = "ends with $" }
output "unicode" { value = "日本語 ✓ Ωmega 🚀" }
output "empty" { value = "" }
output "constant_tuple" { value = [1, "two", true, null, [3], { four = 4 }] }
output "constant_object" { value = { a = 1, "b c" = [true], nested = { d = "e" } } }
