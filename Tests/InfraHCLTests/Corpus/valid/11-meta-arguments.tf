variable "count_value" {
  type    = number
  default = 2
}

resource "terraform_data" "counted" {
  count = var.count_value
  input = count.index
}

resource "terraform_data" "mapped" {
  for_each = { a = 1, b = 2 }
  input    = "${each.key}=${each.value}"

  triggers_replace = [terraform_data.counted[0].id]
  depends_on       = [terraform_data.counted]

  lifecycle {
    replace_triggered_by = [terraform_data.counted[0]]
    postcondition {
      condition     = self.input != ""
      error_message = "Input must be set."
    }
  }
}

moved {
  from = terraform_data.old
  to   = terraform_data.mapped
}

check "inputs" {
  assert {
    condition     = length(terraform_data.counted) == var.count_value
    error_message = "Unexpected count."
  }
}

output "mapped" { value = { for k, v in terraform_data.mapped : k => v.input } }
