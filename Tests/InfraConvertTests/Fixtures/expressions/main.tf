# Written for InfraConvertTests: one of each expression form convert writes typed (operators,
# conditionals, count.index, the generated Fn functions, one instance of a counted or for_each
# resource, a splat, `for` expressions of each shape, filters over instances, `dynamic` blocks of
# a nested block type, of an attribute written as blocks and inside a nested block) and of each
# `import` and `moved` form (into one instance, with a provider, with for_each over a literal
# map, a local and a set, between instance keys), so the round trip compiles and plans them. The
# round trip creates the imported buckets and tables on the local endpoint first
# (RoundTripTests.typedForms).

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
variable "ports" {
  type    = list(number)
  default = [80, 443]
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

locals {
  zone_labels = [for i, z in var.zones : "${i}-${z}" if z != ""]
  upper_tags  = { for k, v in var.tags : k => upper(v) }
  by_region   = { for z in var.zones : substr(z, 0, 9) => z... }
  lengths     = [for z in var.zones : length(z)]
  parts       = [for p in split("-", var.env) : upper(p)]
}
resource "aws_security_group" "web" {
  name = "web-${var.env}"
  dynamic "ingress" {
    for_each = var.ports
    iterator = port
    content {
      from_port   = port.value
      to_port     = port.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}
resource "aws_launch_template" "web" {
  name = "web-${var.env}"
  dynamic "tag_specifications" {
    for_each = toset(["instance", "volume"])
    content {
      resource_type = tag_specifications.value
      tags          = merge(var.tags, { Kind = tag_specifications.key })
    }
  }
}
# A `dynamic` block inside a nested block (`rule`): the generated nested types hold no dynamic
# blocks, so the resource converts untyped with an untyped DynamicBlock in its rule.
variable "transitions" {
  type    = map(number)
  default = { STANDARD_IA = 30, GLACIER = 90 }
}
resource "aws_s3_bucket_lifecycle_configuration" "tiers" {
  bucket = aws_s3_bucket.b[0].id
  rule {
    id     = "tiers"
    status = "Enabled"
    filter {
      prefix = "logs/"
    }
    dynamic "transition" {
      for_each = var.transitions
      content {
        storage_class = transition.key
        days          = transition.value
      }
    }
  }
}
output "loops" {
  value = {
    zone_labels = local.zone_labels
    upper_tags  = local.upper_tags
    by_region   = local.by_region
    lengths     = local.lengths
    parts       = local.parts
    buckets     = [for b in aws_s3_bucket.b : b.bucket]
    zone_bucket = { for k, b in aws_s3_bucket.zone : k => b.bucket }
  }
}

locals {
  kept_buckets = [for b in aws_s3_bucket.b : b.bucket if b.bucket != ""]
  kept_zones   = { for k, z in aws_s3_bucket.zone : k => z.bucket if z.bucket != "" }
}
output "filters" {
  value = {
    kept_buckets = local.kept_buckets
    kept_zones   = local.kept_zones
  }
}

moved {
  from = aws_s3_bucket.zone[0]
  to   = aws_s3_bucket.zone["us-east-1a"]
}

provider "aws" {
  alias  = "adopt"
  region = "us-east-1"
}
resource "aws_s3_bucket" "adopted" {
  for_each = toset(["state", "logs", "extra"])
  provider = aws.adopt
  bucket   = "convert-import-${each.key}"
}
import {
  to       = aws_s3_bucket.adopted["state"]
  id       = "convert-import-state"
  provider = aws.adopt
}
import {
  for_each = { logs = "convert-import-logs" }
  to       = aws_s3_bucket.adopted[each.key]
  id       = each.value
  provider = aws.adopt
}
import {
  for_each = toset(["extra"])
  to       = aws_s3_bucket.adopted[each.key]
  id       = "convert-import-${each.key}"
  provider = aws.adopt
}

locals {
  lock_tables = { second = "convert-import-locks-2" }
}
resource "aws_dynamodb_table" "locks" {
  count        = 1
  name         = "convert-import-locks"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"
  attribute {
    name = "LockID"
    type = "S"
  }
}
import {
  to = aws_dynamodb_table.locks[0]
  id = "convert-import-locks"
}
resource "aws_dynamodb_table" "more_locks" {
  for_each     = local.lock_tables
  name         = each.value
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"
  attribute {
    name = "LockID"
    type = "S"
  }
}
import {
  for_each = local.lock_tables
  to       = aws_dynamodb_table.more_locks[each.key]
  id       = each.value
}
