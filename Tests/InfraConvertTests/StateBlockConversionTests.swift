// `import`, `moved` and `removed` blocks convert to the library's typed forms: imports into one
// instance, with `provider`, and with `for_each` (the map form, or closures over `each` when the
// instance key or the id is built from it); moves between instance keys. What has no typed form
// stays a `// convert:` comment and a report entry; an instance key in `removed` is an error, as
// in Terraform. The round trip (RoundTripTests, Fixtures/expressions) compiles and plans them.

import Foundation
import InfraConvert
import Testing

@Suite("convert: import, moved and removed blocks")
struct StateBlockConversionTests {
    static let input = """
        provider "aws" {
          region = "us-east-1"
        }
        provider "aws" {
          alias  = "west"
          region = "us-west-2"
        }
        variable "buckets" {
          type    = map(string)
          default = { logs = "corp-logs" }
        }
        variable "users" {
          type    = set(string)
          default = ["ana", "ben"]
        }
        variable "tables" {
          type    = any
          default = [{ key = "orders", name = "orders-table" }]
        }
        resource "aws_s3_bucket" "site" {
          for_each = toset(["www", "assets"])
          provider = aws.west
          bucket   = "corp-${each.key}"
        }
        resource "aws_s3_bucket" "logs" {
          for_each = var.buckets
          bucket   = each.value
        }
        resource "aws_iam_user" "team" {
          for_each = var.users
          name     = each.key
        }
        resource "aws_dynamodb_table" "t" {
          for_each     = { orders = "orders-table" }
          name         = each.value
          hash_key     = "id"
          billing_mode = "PAY_PER_REQUEST"
          attribute {
            name = "id"
            type = "S"
          }
        }
        resource "aws_eip" "ip" {
          count = 2
        }
        import {
          to       = aws_s3_bucket.site["www"]
          id       = "corp-www"
          provider = aws.west
        }
        import {
          to = aws_eip.ip[1]
          id = "eipalloc-1"
        }
        import {
          for_each = { assets = "corp-assets" }
          to       = aws_s3_bucket.site[each.key]
          id       = each.value
          provider = aws.west
        }
        import {
          for_each = var.buckets
          to       = aws_s3_bucket.logs[each.key]
          id       = each.value
        }
        import {
          for_each = var.users
          to       = aws_iam_user.team[each.key]
          id       = "user-${each.key}"
        }
        import {
          for_each = var.tables
          to       = aws_dynamodb_table.t[each.value.key]
          id       = each.value.name
        }
        import {
          to = aws_vpc.ghost
          id = "vpc-1"
        }
        import {
          to       = aws_eip.ip[0]
          identity = { id = "eipalloc-0" }
        }
        moved {
          from = aws_eip.old[0]
          to   = aws_eip.ip[0]
        }
        moved {
          from = aws_s3_bucket.site[0]
          to   = aws_s3_bucket.site["www"]
        }
        moved {
          from = aws_s3_bucket.site[var.zero]
          to   = aws_s3_bucket.site["assets"]
        }
        """

    let result: ConversionResult
    let swift: String

    init() throws {
        result = try ConversionFixtures.convert(["main.tf": Self.input], root: "adopt")
        swift = ConversionFixtures.flat(ConversionFixtures.swift(result))
    }

    @Test("the input converts without problems")
    func converts() {
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test("an import into one instance subscripts the resource; provider = aws.west is provider:")
    func instanceImports() {
        #expect(swift.contains(#"Import(site["www"], id: "corp-www", provider: awsWest.reference)"#), "\(swift)")
        #expect(swift.contains(#"Import(ip[1], id: "eipalloc-1")"#), "\(swift)")
    }

    @Test("a for_each import of each.value into each.key is the map form, a literal or a typed map")
    func forEachMapImports() {
        #expect(
            swift.contains(#"Import(forEach: ["assets": "corp-assets"], into: site, provider: awsWest.reference)"#),
            "\(swift)")
        #expect(swift.contains("Import(forEach: buckets.value, into: logs)"), "\(swift)")
    }

    @Test("an id or instance key built from each is a closure over the collection's typed each")
    func forEachClosures() {
        #expect(
            swift.contains(
                #"Import(forEach: users.value, into: team, id: { each in ("user-\(each.key)" as Expr<String>) })"#),
            "\(swift)")
        #expect(
            swift.contains(
                #"Import(forEach: tables.value, into: t, key: { each in Expr<String>(each.value.expression.attribute("key")) }, id: { each in Expr<String>(each.value.expression.attribute("name")) })"#
            ), "\(swift)")
    }

    @Test("a move between instance keys names both instances; a key that is not a literal stays a comment")
    func moves() {
        #expect(
            swift.contains(
                #"Moved(from: ReferenceTarget.resource(type: "aws_eip", name: "old")[0], to: ip.address[0])"#),
            "\(swift)")
        #expect(swift.contains(#"Moved(from: site.address[0], to: site.address["www"])"#), "\(swift)")
        #expect(swift.contains("// convert: moved { from = aws_s3_bucket.site[var.zero]"), "\(swift)")
        #expect(result.report.entries(.unsupported).filter { $0.subject == "moved" }.count == 1)
    }

    @Test("imports without a typed form stay comments and report entries: an undeclared resource, identity")
    func leftOut() {
        let imports = result.report.entries(.unsupported).filter { $0.subject == "import" }
        #expect(imports.count == 2, "\(imports)")
        #expect(
            swift.contains(
                "// convert: import { to = aws_vpc.ghost } left out: the import goes to a resource this module does not declare"
            ), "\(swift)")
        #expect(swift.contains("`identity` in an import block has no Swift form yet"), "\(swift)")
        #expect(!swift.contains(#"Import(ip[0]"#))
    }

    @Test("the JSON spelling converts to the same import and moved statements")
    func jsonInput() throws {
        let hcl = """
            variable "users" {
              type    = set(string)
              default = ["ana"]
            }
            resource "aws_iam_user" "team" {
              for_each = var.users
              name     = each.key
            }
            import {
              for_each = var.users
              to       = aws_iam_user.team[each.key]
              id       = "user-${each.key}"
            }
            import {
              to = aws_iam_user.team["ana"]
              id = "ana"
            }
            moved {
              from = aws_iam_user.team[0]
              to   = aws_iam_user.team["ana"]
            }
            """
        let json = """
            {
              "variable": {"users": {"type": "set(string)", "default": ["ana"]}},
              "resource": {"aws_iam_user": {"team": {"for_each": "${var.users}", "name": "${each.key}"}}},
              "import": [
                {"for_each": "${var.users}", "to": "aws_iam_user.team[each.key]", "id": "user-${each.key}"},
                {"to": "aws_iam_user.team[\\"ana\\"]", "id": "ana"}
              ],
              "moved": [{"from": "aws_iam_user.team[0]", "to": "aws_iam_user.team[\\"ana\\"]"}]
            }
            """
        func body(_ result: ConversionResult) -> String {
            ConversionFixtures.swift(result).split(separator: "\n").filter {
                !$0.hasPrefix("//") && !$0.contains("converted from")
            }
            .joined(separator: "\n")
        }
        let fromHCL = try ConversionFixtures.convert(["main.tf": hcl], root: "team")
        let fromJSON = try ConversionFixtures.convert(["main.tf.json": json], root: "team")
        #expect(fromHCL.diagnostics.isEmpty && fromJSON.diagnostics.isEmpty, "\(fromJSON.diagnostics)")
        #expect(body(fromHCL) == body(fromJSON))
        let text = ConversionFixtures.flat(ConversionFixtures.swift(fromJSON))
        #expect(text.contains(#"Import(team["ana"], id: "ana")"#), "\(text)")
        #expect(text.contains(#"Moved(from: team.address[0], to: team.address["ana"])"#), "\(text)")
    }

    @Test("an instance key in removed is Terraform's error, at its line and column, and nothing is converted")
    func removedInstance() throws {
        let result = try ConversionFixtures.convert([
            "main.tf": "removed {\n  from = aws_s3_bucket.gone[0]\n  lifecycle {\n    destroy = false\n  }\n}\n",
            "extra.tf.json": #"{"removed": [{"from": "aws_s3_bucket.old[\"a\"]", "lifecycle": {"destroy": false}}]}"#,
        ])
        #expect(result.files.isEmpty)
        let found = result.diagnostics.map {
            "\(($0.range.file as NSString).lastPathComponent):\($0.range.start): \($0.summary)"
        }
        #expect(found.contains("main.tf:2:10: Resource instance keys not allowed"), "\(found)")
        #expect(
            found.contains { $0.hasPrefix("extra.tf.json:1:") && $0.hasSuffix("Resource instance keys not allowed") })
        #expect(found.count == 2, "\(found)")
    }
}
