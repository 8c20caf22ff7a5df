// The escape hatches stay usable, and every use is listed with its component path: raw HCL
// wherever an expression can sit, overrides, and untyped resources and data sources. A
// definition written in the typed layer lists none.

import InfraCore
import InfraTerraform
import Testing

@Suite("Escape hatches are listed where they are used")
struct EscapeHatchTests {
    func uses(of stack: Stack) -> [String] {
        stack.escapeHatches.map { "\($0.path) \($0.kind.rawValue) \($0.detail)" }
    }

    @Test("raw HCL in attributes, nested and dynamic blocks, meta-arguments, module inputs, outputs and locals")
    func rawExpressions() {
        let module = TerraformModule("m", directory: "modules/m") { Variable<String>("x") }
        let stack = Stack("dev") {
            let vpc = FixtureVPC("main", cidrBlock: .raw("var.cidr"))
            vpc
            FixtureSecurityGroup(
                "web", vpcId: vpc.id,
                ingress: [.init(fromPort: 443, toPort: 443, protocol: "tcp", cidrBlocks: [.raw("local.office")])]
            )
            .count(.raw("var.enabled ? 1 : 0"))
            FixtureSubnet("a", vpcId: vpc.id, tags: Fn.merge(["a": "b"], .raw("var.tags")))
            ModuleCall("m", module: module, inputs: ["x": .raw("upper(\"a\")")])
            Output("first", Expr<String>.raw("aws_vpc.main.id"))
            Local("office", Expr<String>.raw("\"10.0.0.0/8\""))
        }
        #expect(
            uses(of: stack) == [
                "dev/aws_vpc.main raw HCL in cidr_block: `var.cidr`",
                "dev/aws_security_group.web raw HCL in ingress.cidr_blocks: `local.office`",
                "dev/aws_security_group.web raw HCL in count: `var.enabled ? 1 : 0`",
                "dev/aws_subnet.a raw HCL in tags: `var.tags`",
                "dev/module.m raw HCL in x: `upper(\"a\")`",
                "dev/output.first raw HCL in value: `aws_vpc.main.id`",
                "dev/local.office raw HCL in value: `\"10.0.0.0/8\"`",
            ])
    }

    @Test("overrides and untyped resources and data sources, each with its block's path")
    func overridesAndUntypedBlocks() {
        let stack = Stack("dev") {
            FixtureVPC("main", cidrBlock: "10.0.0.0/16").override("enable_dns_support", true)
            Resource("aws_sns_topic", "alerts", ["name": "alerts"])
            DataSource("aws_caller_identity", "current")
        }
        #expect(
            uses(of: stack) == [
                "dev/aws_vpc.main override of enable_dns_support",
                "dev/aws_sns_topic.alerts untyped Resource Resource(\"aws_sns_topic\", \"alerts\")",
                "dev/data.aws_caller_identity.current untyped DataSource DataSource(\"aws_caller_identity\", \"current\")",
            ])
        let note = stack.escapeHatches[1].note
        #expect(note.severity == .note)
        #expect(note.path == "dev/aws_sns_topic.alerts")
        #expect(note.message.hasPrefix("escape hatch: untyped Resource"))
    }

    @Test("a definition in the typed layer uses none; modules are scanned like roots")
    func typedDefinitionHasNone() {
        let stack = Stack("dev") {
            let vpc = FixtureVPC("main", cidrBlock: "10.0.0.0/16")
            vpc
            FixtureSubnet(
                "a", vpcId: vpc.id, cidrBlock: Fn.cidrsubnet(vpc.reference("cidr_block"), newbits: 8, netnum: 1)
            )
            .count(2)
            Output("id", vpc.id)
        }
        #expect(stack.escapeHatches.isEmpty)
        let module = TerraformModule("m", directory: "modules/m") {
            Resource("aws_sns_topic", "t")
        }
        #expect(module.escapeHatches.map(\.kind) == [.untypedResource])
    }
}
