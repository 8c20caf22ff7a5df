// `for` expressions and `dynamic` blocks convert to the library's typed forms: closures whose
// parameters keep the HCL names, the iterator of a dynamic block typed by its collection, and
// the HCL text kept (with its note) only where the typed forms cannot say it. The round trip
// (RoundTripTests, Fixtures/expressions) compiles and plans the same forms.

import Foundation
import InfraConvert
import Testing

@Suite("convert: `for` expressions and `dynamic` blocks")
struct ForAndDynamicConversionTests {
    static let input = """
        variable "names" {
          type    = list(string)
          default = ["a", "b"]
        }
        variable "tags" {
          type    = map(string)
          default = { Team = "web" }
        }
        variable "zones" {
          type    = set(string)
          default = ["us-east-1a"]
        }
        variable "rules" {
          type    = any
          default = []
        }
        resource "aws_s3_bucket" "b" {
          count  = 2
          bucket = "b-${count.index}"
        }
        resource "aws_iam_role" "app" {
          for_each           = var.tags
          name               = each.key
          assume_role_policy = "{}"
        }
        locals {
          upper      = [for n in var.names : upper(n)]
          indexed    = [for i, n in var.names : "${i}-${n}"]
          filtered   = [for n in var.names : n if n != "a"]
          both       = [for i, n in var.names : n if i > 0]
          by_name    = { for n in var.names : n => length(n) }
          kept       = { for k, v in var.tags : k => v if v != "" }
          values     = [for v in var.tags : v if v != ""]
          grouped    = { for n in var.names : substr(n, 0, 1) => n... }
          zones      = [for z in var.zones : "${z}-x"]
          names      = [for r in var.rules : r.name]
          bucket_ids = [for b in aws_s3_bucket.b : b.id]
          role_arns  = { for k, r in aws_iam_role.app : k => r.arn }
          literal    = [for s in ["x", "y"] : upper(s)]
          computed   = [for b in aws_s3_bucket.b : b.id if b.bucket != ""]
          role_kept  = { for k, r in aws_iam_role.app : k => r.arn if r.name != "" }
        }
        resource "aws_autoscaling_group" "web" {
          max_size = 2
          min_size = 1
          dynamic "tag" {
            for_each = var.tags
            content {
              key                 = tag.key
              value               = tag.value
              propagate_at_launch = true
            }
          }
        }
        resource "aws_security_group" "web" {
          name = "web"
          dynamic "ingress" {
            for_each = var.rules
            iterator = rule
            content {
              from_port   = rule.value.port
              to_port     = rule.value.port
              protocol    = "tcp"
              cidr_blocks = ["0.0.0.0/0"]
            }
          }
        }
        """

    let result: ConversionResult
    let swift: String

    init() throws {
        result = try ConversionFixtures.convert(["main.tf": Self.input], root: "loops")
        swift = ConversionFixtures.flat(ConversionFixtures.swift(result))
    }

    @Test("the input converts without problems")
    func converts() {
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test("a list `for` is `map` with the HCL variable names, typed by the collection")
    func listForms() {
        #expect(swift.contains(#"Local<[String]>("upper", names.value.map(as: "n") { n in Fn.upper(n) })"#), "\(swift)")
        #expect(
            swift.contains(
                #"Local<[String]>("indexed", names.value.map(as: "i", "n") { i, n in ("\(i)-\(n)" as Expr<String>) })"#)
        )
        #expect(
            swift.contains(#"Local<[String]>("zones", zones.value.map(as: "z") { z in ("\(z)-x" as Expr<String>) })"#))
    }

    @Test("an `if` filter is `filter` followed by `map`; a map's filter keeps its entries")
    func filters() {
        #expect(
            swift.contains(
                #"Local<[String]>("filtered", names.value.filter(as: "n") { n in (n .!= "a") }.map { n in n })"#),
            "\(swift)")
        #expect(
            swift.contains(
                #"Local<[String]>("both", names.value.filter(as: "i", "n") { i, n in (i > 0) }.map { i, n in n })"#))
        #expect(
            swift.contains(
                #"Local<[String: String]>("kept", tags.value.filter(as: "k", "v") { k, v in (v .!= "") }.toMap { k, v in (k, v) })"#
            ))
        #expect(
            swift.contains(
                #"Local<[String]>("values", tags.value.filter(as: "k", "v") { v in (v .!= "") }.map { v in v })"#))
    }

    @Test("object `for`s are `toMap`, `...` is `grouped`")
    func objectForms() {
        #expect(
            swift.contains(
                #"Local<[String: Double]>("by_name", names.value.toMap(as: "n") { n in (n, Fn.length(n)) })"#),
            "\(swift)")
        #expect(
            swift.contains(
                #"Local<[String: [String]]>("grouped", names.value.grouped(as: "n") { n in (Expr<String>(Expression.call("substr", n.expression, 0, 1)), n) })"#
            ))
    }

    @Test(
        "an untyped collection is walked as Value; instances of a repeated resource through eachInstance, the variable renamed when it would hide the resource"
    )
    func untypedAndInstances() {
        #expect(
            swift.contains(#"rules.value.map(as: "r") { r in Expr<Value>(r.expression.attribute("name")) }"#),
            "\(swift)")
        #expect(swift.contains(#"Local<[String]>("bucket_ids", b.eachInstance.map(as: "b") { bItem in bItem.id })"#))
        #expect(
            swift.contains(
                #"Local<[String: String]>("role_arns", app.eachInstance.mapValues(as: "k", "r") { r in r.arn })"#))
    }

    @Test("an `if` over a resource's instances is `eachInstance.filter`, keyed for a for_each resource")
    func instanceFilters() {
        #expect(
            swift.contains(
                #"Local<[String]>("computed", b.eachInstance.filter(as: "b") { bItem in (bItem.bucketRef .!= "") }.map { bItem in bItem.id })"#
            ), "\(swift)")
        #expect(
            swift.contains(
                #"Local<[String: String]>("role_kept", app.eachInstance.filter(as: "k", "r") { r in (r.nameRef .!= "") }.mapValues { r in r.arn })"#
            ), "\(swift)")
    }

    @Test("what the typed forms cannot say stays HCL text with a note: a literal collection")
    func escapeHatches() throws {
        let text = ConversionFixtures.swift(result)
        #expect(
            text.contains(#"Local<Value>("literal", Expr<Value>.raw("[for s in [\"x\", \"y\"] : upper(s)]"))"#),
            "\(text)")
        #expect(result.report.entries(.escapeHatch).count == 1, "\(result.report.entries(.escapeHatch))")
    }

    @Test("a `dynamic` block of a nested block type is `.dynamic(\\.block)` with the generated type as content")
    func dynamicNestedBlock() {
        #expect(
            swift.contains(
                #".dynamic(\.tag, forEach: tags.value) { tag in .init(key: tag.key, propagateAtLaunch: true, value: tag.value) }"#
            ), "\(swift)")
        #expect(!swift.contains(#"override("dynamic.tag""#))
    }

    @Test("a `dynamic` block of an attribute written as blocks names the type and its iterator")
    func dynamicAttributeBlocks() {
        #expect(
            swift.contains(
                #".dynamic("ingress", forEach: rules.value, iterator: "rule") { rule in Block(["from_port": rule.value.expression.attribute("port"), "#
                    + #""to_port": rule.value.expression.attribute("port"), "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]]) }"#
            ), "\(swift)")
        #expect(result.report.entries(.override).isEmpty, "\(result.report.entries(.override))")
    }

    @Test("a data source's repeated block takes `.dynamic` too")
    func dynamicDataSource() throws {
        let input = """
            variable "filters" {
              type    = map(list(string))
              default = { name = ["al2023-ami-*"] }
            }
            data "aws_ami" "base" {
              owners = ["amazon"]
              dynamic "filter" {
                for_each = var.filters
                content {
                  name   = filter.key
                  values = filter.value
                }
              }
            }
            """
        let converted = try ConversionFixtures.convert(["main.tf": input], root: "ami")
        let text = ConversionFixtures.flat(ConversionFixtures.swift(converted))
        #expect(
            text.contains(
                #".dynamic(\.filter, forEach: filters.value) { filter in .init(name: filter.key, values: filter.value.unsafeCast(to: Set<String>.self)) }"#
            ),
            "\(text)")
    }

    @Test("a `dynamic` block inside a nested block keeps the resource untyped, with an untyped DynamicBlock")
    func dynamicInsideNestedBlock() throws {
        let input = """
            variable "transitions" {
              type    = map(number)
              default = { GLACIER = 90 }
            }
            resource "aws_s3_bucket_lifecycle_configuration" "tiers" {
              bucket = "logs"
              rule {
                id     = "tiers"
                status = "Enabled"
                dynamic "transition" {
                  for_each = var.transitions
                  content {
                    storage_class = transition.key
                    days          = transition.value
                  }
                }
              }
            }
            """
        let converted = try ConversionFixtures.convert(["main.tf": input], root: "tiers")
        let text = ConversionFixtures.flat(ConversionFixtures.swift(converted))
        #expect(converted.diagnostics.isEmpty, "\(converted.diagnostics)")
        #expect(text.contains(#"Resource("aws_s3_bucket_lifecycle_configuration", "tiers""#), "\(text)")
        #expect(text.contains(#"dynamicBlocks: [DynamicBlock("transition", forEach: "#), "\(text)")
        #expect(text.contains("convert: `dynamic \"transition\"` inside a nested block is an untyped DynamicBlock"))
        #expect(!text.contains("inside a nested block: left out"), "\(text)")
        let entry = try #require(converted.report.entries(.untypedResource).first)
        #expect(entry.subject == "aws_s3_bucket_lifecycle_configuration.tiers")
    }

    @Test("JSON input converts to the same Swift")
    func jsonInput() throws {
        let json = #"""
            {
              "variable": {"tags": {"type": "map(string)", "default": {"Team": "web"}}},
              "locals": {"kept": "${{ for k, v in var.tags : k => v if v != \"\" }}"},
              "resource": {"aws_autoscaling_group": {"web": {
                "max_size": 2, "min_size": 1,
                "dynamic": {"tag": {"for_each": "${var.tags}", "content": {
                  "key": "${tag.key}", "value": "${tag.value}", "propagate_at_launch": true}}}
              }}}
            }
            """#
        let converted = try ConversionFixtures.convert(["main.tf.json": json], root: "loops")
        let text = ConversionFixtures.flat(ConversionFixtures.swift(converted))
        #expect(converted.diagnostics.isEmpty, "\(converted.diagnostics)")
        #expect(
            text.contains(
                #"Local<[String: String]>("kept", tags.value.filter(as: "k", "v") { k, v in (v .!= "") }.toMap { k, v in (k, v) })"#
            ), "\(text)")
        #expect(
            text.contains(
                #".dynamic(\.tag, forEach: tags.value) { tag in .init(key: tag.key, propagateAtLaunch: true, value: tag.value) }"#
            ))
    }
}
