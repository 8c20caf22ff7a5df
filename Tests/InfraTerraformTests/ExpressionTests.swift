import InfraCore
import InfraTerraform
import Testing

@Suite("Expressions")
struct ExpressionTests {
    let vpc = Resource("aws_vpc", "main", ["cidr_block": "10.0.0.0/16"])

    @Test("references render as Terraform interpolations")
    func references() {
        let id: Expr<String> = vpc.reference("id")
        #expect(id.expression.jsonValue == .string("${aws_vpc.main.id}"))
        let region: Expr<String> = DataSource("aws_region", "current").reference("name")
        #expect(region.expression.jsonValue == .string("${data.aws_region.current.name}"))
        #expect(Expression.reference("var", "env").jsonValue == .string("${var.env}"))
        #expect(Expression.reference("local", "tags").jsonValue == .string("${local.tags}"))
        #expect(Expression.reference("module", "vpc", "vpc_id").jsonValue == .string("${module.vpc.vpc_id}"))
        #expect(Expression.eachKey.jsonValue == .string("${each.key}"))
        #expect(Expression.countIndex.jsonValue == .string("${count.index}"))
    }

    @Test("Swift interpolation builds templates and keeps literal text escaped")
    func interpolation() {
        let id: Expr<String> = vpc.reference("id")
        let name: Expr<String> = "vpc-\(id)-${literal}"
        #expect(name.expression.jsonValue == .string("vpc-${aws_vpc.main.id}-$${literal}"))
        #expect(name.expression.hcl == "\"vpc-${aws_vpc.main.id}-$${literal}\"")
    }

    @Test(
        "literal strings with ${ and %{ are doubled",
        arguments: [
            ("${a}", "$${a}"), ("%{ if x }", "%%{ if x }"), ("$${a}", "$$${a}"), ("no braces $ %", "no braces $ %"),
            ("{plain}", "{plain}"),
        ])
    func escapes(literal: String, expected: String) {
        #expect(Expression.string(literal).jsonValue == .string(expected))
    }

    @Test("typed function helpers render HCL calls")
    func functions() {
        let cidr: Expr<String> = vpc.reference("cidr_block")
        #expect(
            Fn.cidrsubnet(cidr, newbits: 8, netnum: 2).expression.jsonValue
                == .string("${cidrsubnet(aws_vpc.main.cidr_block, 8, 2)}"))
        let doc: Expression = [
            "Version": "2012-10-17", "Statement": [["Effect": "Allow", "Resource": .raw("aws_s3_bucket.b.arn")]],
        ]
        #expect(
            Fn.jsonencode(Expr<Value>(doc)).expression.hcl
                == #"jsonencode({ "Version" = "2012-10-17", "Statement" = [{ "Effect" = "Allow", "Resource" = aws_s3_bucket.b.arn }] })"#
        )
        let a: Expr<[String: String]> = ["a": "1"]
        let b: Expr<[String: String]> = .raw("var.extra")
        #expect(Fn.merge(a, b).expression.hcl == #"merge({ "a" = "1" }, var.extra)"#)
        let zones: Expr<[String]> = .raw("data.aws_availability_zones.all.names")
        #expect(Fn.element(zones, index: 1).expression.hcl == "element(data.aws_availability_zones.all.names, 1)")
    }

    @Test("lists and objects of literals stay JSON; mixed ones interpolate element-wise")
    func collections() {
        let id: Expr<String> = vpc.reference("id")
        let list: Expr<[String]> = ["a", id]
        #expect(list.expression.jsonValue == .array(["a", "${aws_vpc.main.id}"]))
        let tags: Expr<[String: String]> = ["Name": "x", "${k}": "v"]
        #expect(tags.expression.jsonValue == .object(["Name": "x", "$${k}": "v"]))
    }

    @Test("HCL strings escape quotes, backslashes and control characters")
    func hclQuoting() {
        #expect(Expression.string("a\"b\\c\nd\u{1}").hcl == #""a\"b\\c\nd\u0001""#)
    }
}
