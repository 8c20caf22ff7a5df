# Written for InfraConvertTests: one of each expression form convert writes typed (operators,
# conditionals, count.index, the generated Fn functions, one instance of a counted or for_each
# resource, a splat), so the round trip compiles and plans them.

variable "env" {
  type    = string
  default = "dev"
}
variable "size" {
  type    = number
  default = 2
}
variable "enabled" {
  type    = bool
  default = true
}
variable "zones" {
  type    = list(string)
  default = ["us-east-1a", "us-east-1b"]
}
variable "tags" {
  type    = map(string)
  default = { Team = "web" }
}
locals {
  prod        = var.env == "prod"
  not_dev     = var.env != "dev"
  count       = var.enabled && !local.prod ? var.size * 2 : var.size + 1
  big         = var.size >= 3 || var.size < 1
  name        = format("%s-%d", var.env, var.size)
  team        = lookup(var.tags, "Team", "none")
  first       = element(var.zones, 0)
  has_a       = contains(var.zones, "us-east-1a")
  keys        = keys(var.tags)
  values      = values(var.tags)
  upper       = upper(replace(var.env, "-", "_"))
  policy      = jsonencode({ Version = "2012-10-17", Statement = [] })
  host        = cidrhost("10.0.0.0/16", 5)
  ok          = can(tonumber(var.env))
  label       = tostring(var.size)
  maybe       = local.prod ? "p" : null
}
resource "aws_s3_bucket" "b" {
  count  = local.prod ? 2 : 1
  bucket = "${local.name}-${count.index}"
  tags   = merge(var.tags, { Name = local.upper })
}
resource "aws_s3_bucket" "zone" {
  for_each = toset(var.zones)
  bucket   = "${local.name}-${each.key}"
}
output "first_arn" {
  value = aws_s3_bucket.b[0].arn
}
output "bucket_ids" {
  value = aws_s3_bucket.b[*].id
}
output "zone_bucket" {
  value = aws_s3_bucket.zone["us-east-1a"].bucket
}
output "n" {
  value = length(var.zones) % 2 == 0 ? local.first : local.team
}
output "values" {
  value = {
    not_dev = local.not_dev
    big     = local.big
    has_a   = local.has_a
    keys    = local.keys
    values  = local.values
    policy  = local.policy
    host    = local.host
    ok      = local.ok
    label   = local.label
    maybe   = local.maybe
  }
}
