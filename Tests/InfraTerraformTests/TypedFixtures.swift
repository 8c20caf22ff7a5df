// Typed resources written the way infra-codegen writes them (stored arguments, nested block
// structs, `…Ref` references), so the expression layer's instance references and dynamic
// blocks are tested here without depending on InfraAWS. Real AWS types are used for them in
// InfraAWSTests.

import InfraCore
import InfraTerraform

/// `aws_subnet` with the members the tests read.
struct FixtureSubnet: TerraformResource, MetaArgumentCarrier, Sendable {
    static let terraformType = "aws_subnet"
    var name: String
    var meta = MetaArguments()
    var vpcId: Expr<String>
    var cidrBlock: Expr<String>?
    var availabilityZone: Expr<String>?
    var tags: Expr<[String: String]>?

    init(
        _ name: String, vpcId: Expr<String>, cidrBlock: Expr<String>? = nil, availabilityZone: Expr<String>? = nil,
        tags: Expr<[String: String]>? = nil
    ) {
        self.name = name
        self.vpcId = vpcId
        self.cidrBlock = cidrBlock
        self.availabilityZone = availabilityZone
        self.tags = tags
    }

    func renderBody() -> Block {
        var b = Block()
        b.set("availability_zone", availabilityZone)
        b.set("cidr_block", cidrBlock)
        b.set("tags", tags)
        b.set("vpc_id", vpcId)
        return b
    }

    var id: Expr<String> { reference("id") }
    var arn: Expr<String> { reference("arn") }
    var cidrBlockRef: Expr<String> { reference("cidr_block") }
}

/// `aws_vpc`.
struct FixtureVPC: TerraformResource, MetaArgumentCarrier, Sendable {
    static let terraformType = "aws_vpc"
    var name: String
    var meta = MetaArguments()
    var cidrBlock: Expr<String>?

    init(_ name: String, cidrBlock: Expr<String>? = nil) {
        self.name = name
        self.cidrBlock = cidrBlock
    }

    func renderBody() -> Block {
        var b = Block()
        b.set("cidr_block", cidrBlock)
        return b
    }

    var id: Expr<String> { reference("id") }
}

/// `aws_security_group` with its repeatable `ingress`/`egress` blocks and single `timeouts` block.
struct FixtureSecurityGroup: TerraformResource, MetaArgumentCarrier, Sendable {
    static let terraformType = "aws_security_group"
    var name: String
    var meta = MetaArguments()
    var vpcId: Expr<String>?
    var ingress: [Rule]?
    var egress: [Rule]?
    var timeouts: Timeouts?

    init(_ name: String, vpcId: Expr<String>? = nil, ingress: [Rule]? = nil, egress: [Rule]? = nil) {
        self.name = name
        self.vpcId = vpcId
        self.ingress = ingress
        self.egress = egress
    }

    func renderBody() -> Block {
        var b = Block()
        b.appendBlocks("egress", egress)
        b.appendBlocks("ingress", ingress)
        b.appendBlock("timeouts", timeouts)
        b.set("vpc_id", vpcId)
        return b
    }

    var id: Expr<String> { reference("id") }

    /// The body of an `ingress` or `egress` block.
    struct Rule: BlockConvertible, Sendable {
        var fromPort: Expr<Double>
        var toPort: Expr<Double>
        var `protocol`: Expr<String>
        var cidrBlocks: Expr<[String]>?

        var terraformBlock: Block {
            var b = Block()
            b.set("cidr_blocks", cidrBlocks)
            b.set("from_port", fromPort)
            b.set("protocol", `protocol`)
            b.set("to_port", toPort)
            return b
        }
    }

    /// The body of a `timeouts` block.
    struct Timeouts: BlockConvertible, Sendable {
        var create: Expr<String>?

        var terraformBlock: Block {
            var b = Block()
            b.set("create", create)
            return b
        }
    }
}

/// `data "aws_availability_zones"` with its repeatable `filter` block.
struct FixtureZones: TerraformDataSource, MetaArgumentCarrier, Sendable {
    static let terraformType = "aws_availability_zones"
    var name: String
    var meta = MetaArguments()
    var filter: [Filter]?

    init(_ name: String) { self.name = name }

    func renderBody() -> Block {
        var b = Block()
        b.appendBlocks("filter", filter)
        return b
    }

    var names: Expr<[String]> { reference("names") }

    /// The body of a `filter` block.
    struct Filter: BlockConvertible, Sendable {
        var name: Expr<String>
        var values: Expr<[String]>

        var terraformBlock: Block {
            var b = Block()
            b.set("name", name)
            b.set("values", values)
            return b
        }
    }
}

/// A typed object shape, as users declare one for a variable of object type.
enum SubnetSpec: TerraformTyped {
    static var terraformTypeConstraint: String { "object({ cidr = string, zone = string, public = bool })" }
}

extension Expr<SubnetSpec> {
    var cidr: Expr<String> { attribute("cidr") }
    var zone: Expr<String> { attribute("zone") }
    var isPublic: Expr<Bool> { attribute("public") }
}
