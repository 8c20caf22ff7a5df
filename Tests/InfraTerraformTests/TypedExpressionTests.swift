// Operators, conditionals, for expressions, element access and generated functions: the HCL
// they render, and what Terraform itself computes from it (`terraform console`).

import InfraCore
import InfraTerraform
import Testing

@Suite("Typed expressions")
struct TypedExpressionTests {
    let a = Variable<Double>("a", default: 2).value
    let b = Variable<Double>("b", default: 3).value
    let c = Variable<Double>("c", default: 4).value
    let yes = Variable<Bool>("yes", default: true).value
    let no = Variable<Bool>("no", default: false).value
    let xs = Variable<[Double]>("xs", default: [1, 2, 3]).value
    let names = Variable<[String]>("names", default: ["ab", "ac", "bc"]).value
    let counts = Variable<[String: Double]>("counts", default: ["a": 1, "b": 2]).value
    let subnets = Variable<[String: Value]>("subnets").value

    /// The variables the console evaluates against (the defaults above).
    let consoleVariables: [String: Value] = [
        "a": 2, "b": 3, "c": 4, "yes": true, "no": false, "xs": [1, 2, 3], "names": ["ab", "ac", "bc"],
        "counts": ["a": 1, "b": 2],
        "subnets": [
            "a": ["cidr": "10.0.0.0/24", "zone": "us-east-1a", "public": true],
            "b": ["cidr": "10.0.1.0/24", "zone": "us-east-1b", "public": false],
        ],
        "objects": [["name": "x", "port": 80], ["name": "y", "port": 443]],
    ]

    @Test("operators render with HCL precedence: parentheses only where needed")
    func precedence() {
        #expect(((a + b) * c).expression.hcl == "(var.a + var.b) * var.c")
        #expect((a + b * c).expression.hcl == "var.a + var.b * var.c")
        #expect((a - (b - c)).expression.hcl == "var.a - (var.b - var.c)")
        #expect((a - b - c).expression.hcl == "var.a - var.b - var.c")
        #expect((!(yes && no)).expression.hcl == "!(var.yes && var.no)")
        #expect((-(a + b)).expression.hcl == "-(var.a + var.b)")
        #expect((yes || no && yes).expression.hcl == "var.yes || var.no && var.yes")
        #expect(((yes || no) && yes).expression.hcl == "(var.yes || var.no) && var.yes")
        #expect((Fn.length(xs) > 0).expression.hcl == "length(var.xs) > 0")
        #expect((a .== b).expression.hcl == "var.a == var.b")
        #expect((a.isEqual(to: b)).expression.hcl == "var.a == var.b")
    }

    @Test("conditionals are typed and nest in parentheses")
    func conditionals() {
        let count: Expr<Double> = .if(Fn.length(xs) > 0, then: 1, else: 0)
        #expect(count.expression.hcl == "length(var.xs) > 0 ? 1 : 0")
        #expect(count.expression.jsonValue == .string("${length(var.xs) > 0 ? 1 : 0}"))
        let nested: Expr<Double> = .if(yes, then: .if(no, then: 1, else: 2), else: 3)
        #expect(nested.expression.hcl == "var.yes ? (var.no ? 1 : 2) : 3")
        #expect((Expr<Double>.if(yes, then: a, else: b) + 1).expression.hcl == "(var.yes ? var.a : var.b) + 1")
        let cidrs: Expr<Set<String>> = .if(yes, then: Fn.toset(names), else: nil)
        #expect(cidrs.expression.hcl == "var.yes ? toset(var.names) : null")
    }

    @Test("for expressions: map, filter, toMap, grouped, mapValues; a filter and a map make one for")
    func forExpressions() {
        #expect(xs.map { v in v * 2 }.expression.hcl == "[for v in var.xs : v * 2]")
        #expect(xs.map { i, v in i + v }.expression.hcl == "[for i, v in var.xs : i + v]")
        #expect(xs.filter { v in v > 1 }.expression.hcl == "[for v in var.xs : v if v > 1]")
        #expect(
            xs.filter { v in v > 1 }.map { v in v * 10 }.expression.hcl == "[for v in var.xs : v * 10 if v > 1]")
        #expect(
            counts.mapValues { v in v + 1 }.expression.hcl == "{ for k, v in var.counts : k => v + 1 }")
        #expect(
            counts.filter { v in v > 1 }.expression.hcl == "{ for k, v in var.counts : k => v if v > 1 }")
        #expect(
            counts.toMap(as: "name", "n") { name, n in ("x-\(name)", n) }.expression.hcl
                == #"{ for name, n in var.counts : "x-${name}" => n }"#)
        #expect(
            names.grouped { n in (Fn.substr(n, offset: 0, length: 1), n) }.expression.hcl
                == "{ for v in var.names : substr(v, 0, 1) => v... }")
        let typed = subnets.unsafeCast(to: [String: SubnetSpec].self)
        #expect(
            typed.filter { s in s.isPublic }.mapValues { s in s.cidr }.expression.hcl
                == "{ for k, v in var.subnets : k => v.cidr if v.public }")
    }

    @Test("each.value has the for_each collection's value type, with the typed fields of an object shape")
    func typedEach() {
        let specs = subnets.unsafeCast(to: [String: SubnetSpec].self)
        let each = Each.of(specs)
        let cidr: Expr<String> = each.value.cidr
        let isPublic: Expr<Bool> = each.value.isPublic
        #expect(cidr.expression.hcl == "each.value.cidr")
        #expect(
            Expr<String>.if(isPublic, then: "public", else: "private").expression.hcl
                == #"each.value.public ? "public" : "private""#)
        #expect(each.key.expression.hcl == "each.key")
        let names: Expr<Set<String>> = ["a", "b"]
        let element: Expr<String> = Each.of(names).value
        #expect(element.expression.hcl == "each.value")
        #expect(Count.index.expression.hcl == "count.index")
    }

    @Test("nested for expressions get their own variable names, so the inner one never hides the outer")
    func nestedNames() {
        let table = xs.map { x in xs.map { y in x * y } }
        #expect(table.expression.hcl == "[for v in var.xs : [for v2 in var.xs : v * v2]]")
    }

    @Test("Value reads like HCL; maps and lists index with typed keys; template keys stay templates")
    func elementAccess() {
        let identity: Expr<[Value]> = FixtureSubnet("x", vpcId: "v").reference("identity")
        #expect(identity[0].oidc[0].issuer.expression.hcl == "aws_subnet.x.identity[0].oidc[0].issuer")
        #expect(counts["a"].expression.hcl == #"var.counts["a"]"#)
        #expect(xs[Count.index].expression.hcl == "var.xs[count.index]")
        let objects = Variable<[Value]>("objects").value
        #expect(objects.splat().name.expression.hcl == "var.objects[*].name")
        let env = Variable<String>("env").value
        let tags: Expr<[String: String]> = ["fixed": "1", "owner/\(env)": "team"]
        #expect(tags.expression.hcl == #"{ "fixed" = "1", "owner/${var.env}" = "team" }"#)
        #expect(tags.expression.jsonValue == .object(["fixed": "1", "owner/${var.env}": "team"]))
        #expect(Expression(tags).node.traversals.map(\.root) == ["var"])
    }

    @Test("generated functions keep types: merge, concat, lookup, zipmap, format with mixed arguments")
    func functionSignatures() {
        let common: Expr<[String: String]> = ["a": "1"]
        let merged: Expr<[String: String]> = Fn.merge(common, ["Name": "x"])
        #expect(merged.expression.hcl == #"merge({ "a" = "1" }, { "Name" = "x" })"#)
        let all: Expr<[Double]> = Fn.concat(xs, [4])
        #expect(all.expression.hcl == "concat(var.xs, [4])")
        let expanded: Expr<[String: Double]> = Fn.merge(expanding: [counts, counts])
        #expect(expanded.expression.hcl == "merge([var.counts, var.counts]...)")
        let one: Expr<Double> = Fn.lookup(counts, key: "z", default: 0)
        #expect(one.expression.hcl == #"lookup(var.counts, "z", 0)"#)
        #expect((Fn.lookup(counts, key: "a") as Expr<Double>).expression.hcl == #"lookup(var.counts, "a")"#)
        let zipped: Expr<[String: Double]> = Fn.zipmap(names, values: xs)
        #expect(zipped.expression.hcl == "zipmap(var.names, var.xs)")
        let text: Expr<String> = Fn.format("%s=%d", names[0], a)
        #expect(text.expression.hcl == #"format("%s=%d", var.names[0], var.a)"#)
        #expect(Fn.timestamp().expression.hcl == "timestamp()")
        #expect(Fn.join(",", names).expression.hcl == #"join(",", var.names)"#)
        #expect(Fn.try(names[5], "none").expression.hcl == #"try(var.names[5], "none")"#)
    }

    @Test("terraform console computes what the typed expressions mean")
    func evaluatedByTerraform() throws {
        let objects = Variable<[Value]>("objects").value
        let typed = subnets.unsafeCast(to: [String: SubnetSpec].self)
        let cases: [(any ExpressionConvertible, String)] = [
            ((a + b) * c, "20"),
            (a + b * c, "14"),
            (a - (b - c), "3"),
            (a - b - c, "-5"),
            (!(yes && no), "true"),
            (-(a + b), "-5"),
            (a % b, "2"),
            ((a .== 2) && (b .!= 4), "true"),
            (Expr<Double>.if(yes, then: .if(no, then: 1, else: 2), else: 3), "2"),
            (Expr<Double>.if(no, then: 1, else: 2) + 10, "12"),
            (xs.map { v in v * 2 }, "[2,4,6]"),
            (xs.map { i, v in i + v }, "[1,3,5]"),
            (xs.filter { v in v > 1 }.map { v in v * 10 }, "[20,30]"),
            (xs.map { x in xs.map { y in x * y } }, "[[1,2,3],[2,4,6],[3,6,9]]"),
            (counts.mapValues { v in v + 1 }, #"{"a":2,"b":3}"#),
            (counts.filter { k, v in v > 1 && k .!= "z" }, #"{"b":2}"#),
            (counts.toMap { k, v in ("x-\(k)", v) }, #"{"x-a":1,"x-b":2}"#),
            (names.grouped { n in (Fn.substr(n, offset: 0, length: 1), n) }, #"{"a":["ab","ac"],"b":["bc"]}"#),
            (typed.filter { s in s.isPublic }.mapValues { s in s.cidr }, #"{"a":"10.0.0.0/24"}"#),
            (objects.splat().port, "[80,443]"),
            (Fn.merge(counts, ["c": 3]), #"{"a":1,"b":2,"c":3}"#),
            (Fn.merge(expanding: [counts, ["a": 9]]), #"{"a":9,"b":2}"#),
            (Fn.concat(xs, [4]), "[1,2,3,4]"),
            (Fn.lookup(counts, key: "z", default: 0), "0"),
            (Fn.zipmap(names, values: xs), #"{"ab":1,"ac":2,"bc":3}"#),
            (Fn.format("%s=%d", names[0], a), #""ab=2""#),
            (Fn.max(expanding: xs), "3"),
            (Fn.one(xs.filter { v in v > 2 }), "3"),
            (Fn.setproduct(Fn.slice(names, startIndex: 0, endIndex: 1), xs), #"[["ab",1],["ab",2],["ab",3]]"#),
            (Fn.keys(counts), #"["a","b"]"#),
            (Fn.element(names, index: 4), #""ac""#),
            (Fn.join("-", names), #""ab-ac-bc""#),
            (Fn.try(names[5], "none"), #""none""#),
            (Fn.cidrsubnet("10.0.0.0/16", newbits: 8, netnum: a), #""10.0.2.0/24""#),
            (Fn.tolist(Fn.toset(Fn.concat(names, names))), #"["ab","ac","bc"]"#),
        ]
        guard
            let values = try TerraformConsole.evaluate(
                cases.map { $0.0.expression.hcl }, variables: consoleVariables)
        else { return }
        #expect(values.count == cases.count)
        for (value, (expression, expected)) in zip(values, cases) {
            #expect(try value == TerraformConsole.canonical(json: expected), "\(expression.expression.hcl)")
        }
    }
}
