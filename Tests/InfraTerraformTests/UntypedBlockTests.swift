// The untyped `Resource` / `DataSource` seen through generic code: a function written once over
// `TerraformResource` (or `TerraformDataSource`) must read an untyped block's own type, address,
// references and component path, exactly as it reads a typed one's.

import InfraCore
import InfraTerraform
import Testing

/// What generic code over a resource knows of it: the address, one reference and its stack element.
private func described<R: TerraformResource>(_ resource: R) -> (address: String, arn: Expression, block: ResourceBlock?)
{
    let arn: Expr<String> = resource.reference("arn")
    guard case .resource(let block) = resource.stackElements(in: ComponentPath("root")).first else {
        return (resource.address.description, arn.expression, nil)
    }
    return (resource.address.description, arn.expression, block)
}

/// The same for data sources.
private func described<D: TerraformDataSource>(_ data: D) -> (address: String, id: Expression, block: ResourceBlock?) {
    let id: Expr<String> = data.reference("id")
    guard case .data(let block) = data.stackElements(in: ComponentPath("root")).first else {
        return (data.address.description, id.expression, nil)
    }
    return (data.address.description, id.expression, block)
}

@Suite("Untyped resources and data sources in generic code")
struct UntypedBlockTests {
    @Test("generic code reads an untyped resource's address, references and block like a typed one's")
    func untypedResource() throws {
        let untyped = described(Resource("aws_s3_bucket", "logs", ["bucket": "logs"]))
        #expect(untyped.address == "aws_s3_bucket.logs")
        #expect(untyped.arn.jsonValue == .string("${aws_s3_bucket.logs.arn}"))
        let block = try #require(untyped.block)
        #expect(block.type == "aws_s3_bucket")
        #expect(block.name == "logs")
        #expect(block.path == ComponentPath("root").appending("aws_s3_bucket.logs"))

        let typed = described(FixtureVPC("main"))
        #expect(typed.address == "aws_vpc.main")
        #expect(typed.arn.jsonValue == .string("${aws_vpc.main.arn}"))
        #expect(typed.block?.type == "aws_vpc")
        #expect(typed.block?.path == ComponentPath("root").appending("aws_vpc.main"))
    }

    @Test("generic code reads an untyped data source's address, references and block")
    func untypedDataSource() throws {
        let untyped = described(DataSource("aws_caller_identity", "current"))
        #expect(untyped.address == "data.aws_caller_identity.current")
        #expect(untyped.id.jsonValue == .string("${data.aws_caller_identity.current.id}"))
        let block = try #require(untyped.block)
        #expect(block.type == "aws_caller_identity")
        #expect(block.path == ComponentPath("root").appending("data.aws_caller_identity.current"))
    }

    @Test("the untyped reference, its untyped form and the address's attribute agree")
    func referenceForms() {
        let bucket = Resource("aws_s3_bucket", "logs")
        let typed: Expr<String> = bucket.reference("arn")
        let viaAddress: Expr<String> = bucket.address.attribute("arn")
        #expect(typed.expression == bucket.ref("arn"))
        #expect(viaAddress.expression == bucket.ref("arn"))
        let zone = DataSource("aws_route53_zone", "main")
        #expect(zone.ref("zone_id").jsonValue == .string("${data.aws_route53_zone.main.zone_id}"))
    }

    @Test("instance references of an untyped resource with count use its own address")
    func instances() {
        let subnets = Resource("aws_subnet", "app").count(2)
        let all: Expr<[String]> = subnets.all.reference("id")
        #expect(all.expression.jsonValue == .string("${aws_subnet.app[*].id}"))
    }
}
