import Foundation
import InfraConvert
import Testing

@Suite("convert: typed resources, references and expressions")
struct TypedConversionTests {
    static let network = """
        variable "cidr" {
          type    = string
          default = "10.0.0.0/16"
        }
        variable "zones" {
          type = list(string)
          default = ["us-east-1a", "us-east-1b"]
        }
        locals {
          name = "shop-${terraform.workspace}"
          tags = { Project = "shop", Name = local.name }
        }
        provider "aws" {
          region = "us-east-1"
          default_tags {
            tags = { ManagedBy = "swift-infra" }
          }
        }
        provider "aws" {
          alias  = "eu"
          region = "eu-central-1"
        }
        data "aws_region" "current" {}
        resource "aws_vpc" "main" {
          cidr_block           = var.cidr
          enable_dns_hostnames = true
          tags                 = local.tags
        }
        resource "aws_subnet" "private" {
          count             = length(var.zones)
          vpc_id            = aws_vpc.main.id
          cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
          availability_zone = var.zones[count.index]
          tags = {
            Name = "${local.name}-private-${count.index}"
          }
        }
        resource "aws_iam_role" "flow" {
          name               = "flow-logs"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
        }
        resource "aws_iam_role_policy_attachment" "flow" {
          role       = aws_iam_role.flow.name
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
          depends_on = [aws_vpc.main]
        }
        resource "aws_s3_bucket" "eu" {
          provider = aws.eu
          bucket   = "shop-${data.aws_region.current.name}"
          lifecycle {
            prevent_destroy = true
            ignore_changes  = [tags]
          }
        }
        resource "aws_security_group" "web" {
          name   = "web"
          vpc_id = aws_vpc.main.id
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }
        output "vpc_id" {
          value       = aws_vpc.main.id
          description = "The VPC"
        }
        output "subnet_ids" {
          value = aws_subnet.private[*].id
        }
        output "first_subnet" {
          value = aws_subnet.private[0].id
        }
        output "subnet_cidrs" {
          value = [for s in aws_subnet.private : s.cidr_block if s.id != ""]
        }
        output "later_cidrs" {
          value = [for i, s in aws_subnet.private : s.cidr_block if i > 0]
        }
        """

    let result: ConversionResult
    let swift: String

    init() throws {
        result = try ConversionFixtures.convert(["main.tf": Self.network], root: "network")
        swift = ConversionFixtures.flat(ConversionFixtures.swift(result))
    }

    @Test("the input has no problems and converts to one root and the list of stacks")
    func converts() {
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.files.map(\.name) == ["Network.swift", "ConvertedStacks.swift"])
        #expect(result.stacks.map(\.stack) == ["Network.stack"])
        #expect(result.products == ["InfraAWS"])
        #expect(result.traits.isEmpty)
    }

    @Test("a type from a gated family needs the trait AWSFamilies; one from InfraAWSAllContainers does not")
    func familyTraits() throws {
        let queue = try ConversionFixtures.convert(["main.tf": #"resource "aws_sqs_queue" "jobs" {}"#], root: "queue")
        #expect(queue.products == ["InfraAWSAllMessaging"])
        #expect(queue.traits == ["AWSFamilies"])
        let registry = try ConversionFixtures.convert(
            ["main.tf": #"resource "aws_ecr_repository" "app" { name = "app" }"#], root: "registry")
        #expect(registry.products == ["InfraAWSAllContainers"])
        #expect(registry.traits.isEmpty)
    }

    @Test("resources become the generated types with arguments in initializer order")
    func typedResources() {
        #expect(
            swift.contains(
                #"let vpc = AWSVPC("main", cidrBlock: cidr.value, enableDnsHostnames: true, tags: tags.value)"#))
        #expect(swift.contains(#"let region = DataAWSRegion("current")"#))
        #expect(
            swift.contains(
                #"AWSIAMRole("flow", assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": []] as Expression)), name: "flow-logs")"#
            ))
    }

    @Test("references are the converted values' typed properties, …Ref for arguments")
    func references() {
        #expect(swift.contains("vpcId: vpc.id"))
        #expect(swift.contains("role: flowRole.nameRef") || swift.contains("role: flow.nameRef"))
        #expect(
            swift.contains("Fn.cidrsubnet(vpc.cidrBlockRef, newbits: 8, netnum: Count.index)"))
        #expect(swift.contains(#"bucket: "shop-\(region.nameRef)""#))
    }

    @Test("templates become Swift interpolation, locals and variables keep their types")
    func templatesAndLocals() {
        #expect(
            swift.contains(
                #"let name = Local<String>("name", "shop-\(Expression.reference("terraform", "workspace"))")"#))
        #expect(swift.contains(#"let tags = Local<[String: String]>("tags", ["Project": "shop", "Name": name.value])"#))
        #expect(swift.contains(#"let zones = Variable<[String]>("zones", default: ["us-east-1a", "us-east-1b"])"#))
        #expect(swift.contains(#""Name": "\(name.value)-private-\(Count.index)""#))
    }

    @Test("meta-arguments become modifiers: count, provider, depends_on, lifecycle")
    func metaArguments() {
        #expect(swift.contains(".count(Fn.length(zones.value))"))
        #expect(swift.contains(".provider(awsEu.reference)"))
        #expect(swift.contains(".dependsOn(vpc.address)"))
        #expect(swift.contains(#".lifecycle(Lifecycle(preventDestroy: true, ignoreChanges: .attributes(["tags"])))"#))
    }

    @Test("providers with aliases, default tags and the settings block")
    func providers() {
        #expect(
            swift.contains(#"let aws = Provider.aws(region: "us-east-1", defaultTags: ["ManagedBy": "swift-infra"])"#))
        #expect(swift.contains(#"let awsEu = Provider.aws(region: "eu-central-1", alias: "eu")"#))
        #expect(swift.contains(#"requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws")]"#))
    }

    @Test("attributes written as blocks (security group rules) become objects, the unset attributes null")
    func attributesAsBlocks() {
        #expect(
            swift.contains(
                #"ingress: [Expr<Value>(["from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "#
                    + #""description": nil, "ipv6_cidr_blocks": nil, "prefix_list_ids": nil, "security_groups": nil, "#
                    + #""self": nil] as Expression)]"#
            ))
    }

    @Test("one instance and a splat of a counted resource use the typed instance access")
    func instancesAndSplats() {
        #expect(swift.contains(#"Output("subnet_ids", expression: privateSubnet.all.id.expression)"#), "\(swift)")
        #expect(swift.contains(#"Output("first_subnet", privateSubnet[0].id)"#))
    }

    @Test("instances of a for_each resource take string keys, each.key typed; a for_each splat stays HCL")
    func forEachInstances() throws {
        let input = """
            variable "zones" {
              type    = set(string)
              default = ["a", "b"]
            }
            resource "aws_vpc" "main" {
              cidr_block = "10.0.0.0/16"
            }
            resource "aws_subnet" "app" {
              for_each   = var.zones
              vpc_id     = aws_vpc.main.id
              cidr_block = "10.0.1.0/24"
            }
            resource "aws_route_table" "app" {
              for_each = var.zones
              vpc_id   = aws_subnet.app[each.key].vpc_id
            }
            output "a" {
              value = aws_subnet.app["a"].id
            }
            output "all" {
              value = aws_subnet.app[*].id
            }
            """
        let converted = try ConversionFixtures.convert(["main.tf": input], root: "zones")
        let text = ConversionFixtures.flat(ConversionFixtures.swift(converted))
        #expect(text.contains(#"vpcId: appSubnet[Expr<String>(Expression.eachKey)].vpcId"#), "\(text)")
        #expect(text.contains(#"Output("a", appSubnet["a"].id)"#))
        #expect(text.contains(#"Expression.raw("aws_subnet.app[*].id")"#))
    }

    @Test(
        "a `for` the typed forms cannot say (a filter on an instance's index) stays HCL text with a note naming its line and column, and the report lists it"
    )
    func escapeHatches() throws {
        let text = ConversionFixtures.swift(result)
        #expect(
            swift.contains(
                #"Output("subnet_cidrs", expression: privateSubnet.eachInstance.filter(as: "s") { s in (s.id .!= "") }.map { s in s.cidrBlockRef }.expression)"#
            ), "a filter over the instances themselves is typed: \(swift)")
        #expect(
            swift.contains(
                #"Output("later_cidrs", expression: Expression.raw("[for i, s in aws_subnet.private : s.cidr_block if i > 0]"))"#
            ), "\(swift)")
        #expect(text.contains("// convert: `for` expression kept as HCL:"))
        let entry = try #require(result.report.entries(.escapeHatch).first)
        #expect(entry.subject == "output.later_cidrs")
        let line = Self.network.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0.contains("[for i, s in aws_subnet.private")
        }
        #expect(entry.location?.hasSuffix("main.tf:\((line ?? 0) + 1):11") == true, "\(entry)")
        #expect(swift.contains(#"Output("vpc_id", vpc.id, description: "The VPC")"#))
    }
}
