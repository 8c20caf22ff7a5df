variable "key" {
  type    = string
  default = "dynamic"
}

locals {
  tuple          = [1, 2, 3]
  trailing_comma = [1, 2, 3, ]
  multi_line = [
    "a",
    "b",
  ]
  empty_tuple  = []
  empty_object = {}
  object = {
    name         = "n"
    "quoted key" = 1
    (var.key)    = "from a variable"
    colon : "separator"
    other = { x = 1, y = 2 }
  }
  one_line = { a = 1, b = 2 }
  mixed_separators = {
    a = 1, b = 2
    c = 3
  }
  index_string = local.object["name"]
  index_number = local.tuple[1]
  legacy_index = local.tuple.0
  chained      = local.object.other.x
}

output "all" {
  value = [local.tuple, local.trailing_comma, local.multi_line, local.empty_tuple, local.empty_object, local.object, local.one_line, local.mixed_separators, local.index_string, local.index_number, local.legacy_index, local.chained]
}
