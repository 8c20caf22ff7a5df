# Line comment with a hash.
// Line comment with slashes.
/* A block comment
   over several lines. */

terraform {
  required_version = ">= 1.5.0" # trailing comment
}

variable "name" {
  type        = string
  default     = "corpus"
  description = "A variable with a default." /* inline */
  nullable    = false
  validation {
    condition     = length(var.name) > 0
    error_message = "The name must not be empty."
  }
}

variable "settings" {
  type = object({
    size    = number
    enabled = optional(bool, true)
    tags    = map(string)
  })
  default = { size = 1, tags = {} }
}

locals {}
locals {
  prefix = "${var.name}-"
}

resource "terraform_data" "one_line" { input = "x" }

resource terraform_data bare_labels {
  input = local.prefix
  lifecycle { create_before_destroy = true }
}

resource "terraform_data" "nested" {
  input = var.settings.size

  lifecycle {
    ignore_changes = [input]
    precondition {
      condition     = var.settings.size > 0
      error_message = "Size must be positive."
    }
  }
  depends_on = [terraform_data.one_line]
}

output "names" {
  value       = [terraform_data.one_line.input, terraform_data.bare_labels.input]
  description = "Both inputs."
}
