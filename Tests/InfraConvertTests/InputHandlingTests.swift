import Foundation
import InfraConvert
import InfraHCL
import InfraTestSupport
import Testing

@Suite("convert: Terraform JSON, cdktf output, diagnostics and the report")
struct InputHandlingTests {
    @Test("cdktf names become readable Terraform and Swift names, and moved blocks keep the state")
    func cdktfNames() throws {
        let json = """
            {
              "//": {"metadata": {"stackName": "shop-dev", "version": "0.21.0"}},
              "provider": {"aws": [{"region": "us-east-1"}]},
              "resource": {
                "aws_vpc": {
                  "network_vpc_4E8F0223": {
                    "//": {"metadata": {"path": "shop-dev/network/vpc", "uniqueId": "network_vpc_4E8F0223"}},
                    "cidr_block": "10.0.0.0/16"
                  }
                },
                "aws_subnet": {
                  "network_public-0_A4E682E0": {
                    "//": {"metadata": {"path": "shop-dev/network/public-0", "uniqueId": "network_public-0_A4E682E0"}},
                    "vpc_id": "${aws_vpc.network_vpc_4E8F0223.id}",
                    "cidr_block": "10.0.0.0/24"
                  },
                  "edge": {
                    "//": {"metadata": {"path": "shop-dev/edge", "uniqueId": "edge"}},
                    "vpc_id": "${aws_vpc.network_vpc_4E8F0223.id}",
                    "cidr_block": "10.0.1.0/24"
                  }
                }
              },
              "output": {"vpc_id": {"value": "${aws_vpc.network_vpc_4E8F0223.id}"}}
            }
            """
        let result = try ConversionFixtures.convert(["cdk.tf.json": json], root: "shop-dev")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let swift = ConversionFixtures.flat(ConversionFixtures.swift(result))
        #expect(swift.contains(#"public enum ShopDev"#))
        #expect(swift.contains(#"let networkVpc = AWSVPC("network_vpc", cidrBlock: "10.0.0.0/16")"#))
        #expect(swift.contains(#"AWSSubnet("network_public_0", vpcId: networkVpc.id, cidrBlock: "10.0.0.0/24")"#))
        #expect(swift.contains(#"AWSSubnet("edge", vpcId: networkVpc.id"#), "top-level construct ids are kept")
        #expect(
            swift.contains(
                #"Moved(from: .resource(type: "aws_vpc", name: "network_vpc_4E8F0223"), to: networkVpc.address)"#))
        #expect(result.report.entries(.renamed).count == 2)
        let kept = try ConversionFixtures.convert(
            ["cdk.tf.json": json], root: "shop-dev", options: ConversionOptions(keepAddresses: true))
        #expect(ConversionFixtures.swift(kept).contains(#""network_vpc_4E8F0223""#))
        #expect(!ConversionFixtures.swift(kept).contains("Moved("))
    }

    @Test("the JSON and HCL spellings of one configuration convert to the same Swift")
    func syntaxesAgree() throws {
        let hcl = """
            variable "env" { default = "dev" }
            resource "aws_s3_bucket" "logs" {
              bucket = "logs-${var.env}"
              tags   = { Env = var.env }
            }
            resource "aws_s3_bucket_versioning" "logs" {
              bucket = aws_s3_bucket.logs.id
              versioning_configuration {
                status = "Enabled"
              }
            }
            """
        let json = """
            {
              "variable": {"env": {"default": "dev"}},
              "resource": {
                "aws_s3_bucket": {"logs": {"bucket": "logs-${var.env}", "tags": {"Env": "${var.env}"}}},
                "aws_s3_bucket_versioning": {
                  "logs": {"bucket": "${aws_s3_bucket.logs.id}", "versioning_configuration": {"status": "Enabled"}}
                }
              }
            }
            """
        func body(_ result: ConversionResult) -> String {
            ConversionFixtures.swift(result).split(separator: "\n").filter {
                !$0.hasPrefix("//") && !$0.contains("converted from")
            }
            .joined(separator: "\n")
        }
        let fromHCL = try ConversionFixtures.convert(["main.tf": hcl], root: "logs")
        let fromJSON = try ConversionFixtures.convert(["main.tf.json": json], root: "logs")
        #expect(fromHCL.diagnostics.isEmpty && fromJSON.diagnostics.isEmpty)
        #expect(body(fromHCL) == body(fromJSON))
        #expect(body(fromHCL).contains("versioningConfiguration: .init(status: \"Enabled\")"))
    }

    @Test("every syntax error is reported with file, line and column, and nothing is converted")
    func syntaxErrors() throws {
        let result = try ConversionFixtures.convert([
            "main.tf":
                "resource \"aws_vpc\" \"a\" {\n  cidr_block = [1 2]\n}\nresource \"aws_vpc\" \"b\" {\n  tags = {a = 1 b = 2}\n}\n",
            "extra.tf.json": "{\"resource\": {\"aws_vpc\": {\"c\": {\"cidr_block\": }}}}",
        ])
        #expect(result.files.isEmpty)
        let found = result.diagnostics.map { "\(($0.range.file as NSString).lastPathComponent):\($0.range.start)" }
        #expect(found.contains("main.tf:2:19"), "\(found)")
        #expect(found.contains("main.tf:5:17"), "\(found)")
        #expect(found.contains("extra.tf.json:1:47"), "\(found)")
    }

    @Test("types the bindings lack are written untyped and reported")
    func untypedResources() throws {
        let result = try ConversionFixtures.convert([
            "main.tf": """
            resource "cloudflare_record" "www" {
              zone_id = "z"
              name    = "www"
              value   = aws_eip.web.public_ip
            }
            resource "aws_eip" "web" {
              domain = "vpc"
            }
            """
        ])
        let swift = ConversionFixtures.flat(ConversionFixtures.swift(result))
        #expect(
            swift.contains(
                #"Resource("cloudflare_record", "www", ["zone_id": "z", "name": "www", "value": web.publicIp.expression])"#
            ))
        #expect(result.report.entries(.untypedResource).map(\.subject) == ["cloudflare_record.www"])
    }

    @Test("blocks without a Swift form are left out, commented and reported")
    func unsupportedBlocks() throws {
        let result = try ConversionFixtures.convert([
            "main.tf": """
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16"
              provisioner "local-exec" {
                command = "echo hi"
              }
            }
            import {
              to = aws_vpc.main
              id = "vpc-123"
            }
            import {
              for_each = { a = "vpc-a" }
              to       = aws_vpc.extra[each.key]
              id       = each.value
            }
            removed {
              from = aws_vpc.old
            }
            check "health" {
              assert {
                condition     = true
                error_message = "never"
              }
            }
            """
        ])
        let subjects = result.report.entries(.unsupported).map(\.subject)
        #expect(subjects.contains("check.health"))
        #expect(subjects.contains("aws_vpc.main"))
        // A plain import and a removed block convert typed; an import with for_each stays a comment.
        #expect(subjects.filter { $0 == "import" }.count == 1)
        #expect(!subjects.contains("removed"))
        let swift = ConversionFixtures.flat(ConversionFixtures.swift(result))
        #expect(swift.contains(#"Import(vpc, id: "vpc-123")"#), "\(swift)")
        #expect(swift.contains(#"Removed(from: .resource(type: "aws_vpc", name: "old"), destroy: true)"#), "\(swift)")
        #expect(swift.contains("// convert: import { to = aws_vpc.extra[each.key] }"), "\(swift)")
    }

    @Test("a required root variable without a value is provided at apply; tfvars become the stack's values")
    func variablesAndTFVars() throws {
        let result = try ConversionFixtures.convert([
            "variables.tf": """
            variable "password" {
              type      = string
              sensitive = true
            }
            variable "size" { type = number }
            """,
            "terraform.tfvars": "size = 3\n",
        ])
        let swift = ConversionFixtures.flat(ConversionFixtures.swift(result))
        #expect(swift.contains(#"Variable<String>("password", sensitive: true, providedAtApply: true)"#))
        #expect(swift.contains(#"let size = Variable<Double>("size")"#))
        #expect(swift.contains(#"tfvars: ["size": 3]"#))
    }

    @Test("converting twice gives the same files")
    func deterministic() throws {
        let folder = try ExternalTools.temporaryDirectory("deterministic").appendingPathComponent("network")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(TypedConversionTests.network.utf8).write(to: folder.appendingPathComponent("main.tf"))
        let converter = TerraformConverter(options: ConversionOptions(schemaPath: ConversionFixtures.schema))
        let first = try converter.convert([folder.path])
        let second = try converter.convert([folder.path])
        #expect(!first.files.isEmpty)
        #expect(first.files == second.files)
    }
}
