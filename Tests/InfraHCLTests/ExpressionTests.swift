import InfraHCL
import Testing

@Suite("HCL expressions")
struct ExpressionTests {
    func parse(_ source: String) throws -> HCLExpression {
        let result = HCLParser.parseExpression(source)
        #expect(result.diagnostics.isEmpty, "\(source): \(result.diagnostics)")
        return try #require(result.expression)
    }

    @Test(
        "operators follow the specification's precedence and associativity",
        arguments: [
            ("a + b * c", "(a + (b * c))"),
            ("a * b + c", "((a * b) + c)"),
            ("a - b - c", "((a - b) - c)"),
            ("x / y * z", "((x / y) * z)"),
            ("a || b && c", "(a || (b && c))"),
            ("a == b && c != d", "((a == b) && (c != d))"),
            ("a < b == c > d", "((a < b) == (c > d))"),
            ("-a * b", "((-a) * b)"),
            ("!a.b && c", "((!a.b) && c)"),
            ("-46+5", "((-46) + 5)"),
            ("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
            ("a ? b ? c : d : e", "(a ? (b ? c : d) : e)"),
            ("a || b ? c + 1 : d", "((a || b) ? (c + 1) : d)"),
            ("(a + b) * c", "((a + b) * c)"),
            ("a % b * c", "((a % b) * c)"),
            ("1 - -2", "(1 - (-2))"),
        ])
    func precedence(source: String, expected: String) throws {
        #expect(try parse(source).fullyParenthesized == expected)
    }

    @Test("references: attributes, constant and computed indexes, legacy index")
    func references() throws {
        let expression = try parse("aws_subnet.private[count.index].id")
        let reference = try #require(HCLReference(expression))
        #expect(reference.root == "aws_subnet")
        #expect(reference.steps.count == 3)
        #expect(try parse("foo.0.bar").hcl == "foo.0.bar")
        #expect(try parse("a[\"k\"].b").references.map(\.description) == ["a[\"k\"].b"])
        #expect(Set(try parse("x[var.i] + local.y").references.map(\.root)) == ["x", "var", "local"])
    }

    @Test("function calls, namespaced provider functions and argument expansion")
    func calls() throws {
        guard case .call(let name, let arguments, let expands) = try parse("concat(a, b...)").kind else {
            Issue.record("not a call")
            return
        }
        #expect(name == "concat" && arguments.count == 2 && expands)
        guard case .call(let scoped, _, _) = try parse("provider::aws::arn_parse(x)").kind else {
            Issue.record("not a call")
            return
        }
        #expect(scoped == "provider::aws::arn_parse")
        #expect(try parse("f(\n  1,\n  2,\n)").hcl == "f(1, 2)")
        #expect(HCLParser.parseExpression("f(a... , b)").diagnostics.hasErrors)
    }

    @Test("splats: full and attribute-only, with the steps that apply to each element")
    func splats() throws {
        guard case .splat(let source, let each, let full) = try parse("aws_instance.web[*].network[0].ip").kind else {
            Issue.record("not a splat")
            return
        }
        #expect(full)
        #expect(source.hcl == "aws_instance.web")
        #expect(each.hcl == ".network[0].ip")
        guard case .index(let splat, _, _) = try parse("a.*.b[0]").kind,
            case .splat(_, let attributeEach, false) = splat.kind
        else {
            Issue.record("attribute splat takes no index")
            return
        }
        #expect(attributeEach.hcl == ".b")
        #expect(
            HCLParser.parseExpression("a.*.*").diagnostics.map(\.summary) == ["Nested splat expression not allowed"])
    }

    @Test("for expressions: tuple and object, key variables, grouping and conditions")
    func forExpressions() throws {
        guard case .forExpression(let tuple) = try parse("[for i, v in var.list : upper(v) if i > 0]").kind else {
            Issue.record("not a for")
            return
        }
        #expect(tuple.keyVariable == "i" && tuple.valueVariable == "v" && !tuple.isObject)
        #expect(tuple.condition?.hcl == "i > 0")
        guard case .forExpression(let object) = try parse("{for s in var.subnets : s.az => s.id...}").kind else {
            Issue.record("not a for")
            return
        }
        #expect(object.isObject && object.grouping && object.keyExpression?.hcl == "s.az")
        #expect(try parse("[for v in x : v]").references.map(\.root) == ["x"])
        #expect(HCLParser.parseExpression("[for v in x : v...]").diagnostics.hasErrors)
    }

    @Test("objects: identifier, quoted, parenthesized and number keys; commas or newlines")
    func objects() throws {
        let object = try parse("{\n  a = 1\n  \"b c\" = 2, (d) : 3\n  4 = \"four\"\n}")
        guard case .object(let items) = object.kind else {
            Issue.record("not an object")
            return
        }
        #expect(items.count == 4)
        #expect(items[0].key == .identifier("a"))
        #expect(object.constantValue == nil)
        #expect(HCLParser.parseExpression("{a = 1 b = 2}").diagnostics.hasErrors)
        // `{a.b = 1}` is syntax Terraform accepts; the key is a reference, evaluated (and rejected) later.
        guard case .object(let referenceKey)? = HCLParser.parseExpression("{a.b = 1}").expression?.kind,
            case .expression(let key) = referenceKey.first?.key
        else {
            Issue.record("a dotted key is an expression key")
            return
        }
        #expect(key.hcl == "a.b")
        #expect(HCLParser.parseExpression("{for = 1}").diagnostics.hasErrors)
    }

    @Test("constants: literals, tuples and objects of literals, negative numbers")
    func constants() throws {
        #expect(
            try parse("[1, \"a\", true, null, -2.5e3]").constantValue
                == .tuple([.number("1"), .string("a"), .bool(true), .null, .number("-2.5e3")]))
        #expect(try parse("{ a = { b = [] } }").constantValue == .object([("a", .object([("b", .tuple([]))]))]))
        #expect(try parse("\"x${y}\"").constantValue == nil)
    }
}
