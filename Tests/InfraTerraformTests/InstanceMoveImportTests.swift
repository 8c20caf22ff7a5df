// Moves between instance keys (`aws_subnet.app[0]` → `aws_subnet.app["a"]`), imports whose
// instance key and id are built from `each` (a set, a map, an untyped collection), and filters
// over a resource's instances: their JSON and HCL, our diagnostics, and terraform validate.

import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

@Suite("Instance moves, imports built from each, filters over instances")
struct InstanceMoveImportTests {
    static let zones: Expr<[String: String]> = ["a": "10.0.0.0/24", "b": "10.0.1.0/24"]
    static let names: Expr<Set<String>> = Expr(Expression(.call("toset", [.list([.string("x"), .string("y")])])))

    static func stack() -> Stack {
        Stack("moves", directory: "terraform/moves") {
            let vpc = FixtureVPC("main", cidrBlock: "10.0.0.0/16")
            vpc
            let each = Each.of(zones)
            let app = FixtureSubnet("app", vpcId: vpc.id, cidrBlock: each.value, availabilityZone: each.key)
                .forEach(zones)
            app
            let named = FixtureSubnet("named", vpcId: vpc.id).forEach(names)
            named
            let db = FixtureSubnet("db", vpcId: vpc.id).count(2)
            db
            Moved(from: app.address[0], to: app.address["a"])
            Moved(from: ReferenceTarget.resource(type: "aws_subnet", name: "old")[1], to: db.address[1])
            Import(forEach: names, into: named, id: { each in "subnet-\(each.key)" })
            Import(forEach: zones, into: app, key: { each in each.key }, id: { each in Fn.upper(each.value) })
        }
    }

    static func blocks(_ result: SynthesisResult, _ section: ResolvedBlock.Section) -> [ResolvedBlock] {
        result.model.nodes.compactMap { $0 as? ResolvedBlock }.filter { $0.section == section }
    }

    @Test("a move between instance keys writes both addresses with their keys, in JSON and HCL")
    func movedForms() throws {
        let result = Infrastructure { Self.stack() }.synthesize()
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
        let moves = Self.blocks(result, .moved)
        #expect(moves.map(\.address) == ["moved.aws_subnet.app[0]", "moved.aws_subnet.old[1]"])
        #expect(moves.first?.path.description == "moves/moved.aws_subnet.app[0]")
        #expect(moves.first?.document() == ["from": "aws_subnet.app[0]", "to": #"aws_subnet.app["a"]"#])
        #expect(moves.last?.document() == ["from": "aws_subnet.old[1]", "to": "aws_subnet.db[1]"])
        let hcl = Infrastructure { Self.stack() }.synthesize(options: SynthesisOptions(terraformFormat: .hcl))
        let main = try #require(hcl.artifacts.first { $0.path == "terraform/moves/main.tf" })
        let text = String(decoding: main.bytes, as: UTF8.self)
        #expect(text.contains("moved {\n  from = aws_subnet.app[0]\n  to   = aws_subnet.app[\"a\"]\n}"))
    }

    @Test("an import over a set or a map builds its instance key and id from each")
    func importsBuiltFromEach() {
        let result = Infrastructure { Self.stack() }.synthesize()
        let imports = Self.blocks(result, .importBlock)
        #expect(
            imports.map { $0.document() } == [
                [
                    "for_each": #"${toset(["x", "y"])}"#, "to": "aws_subnet.named[each.key]",
                    "id": "subnet-${each.key}",
                ],
                [
                    "for_each": ["a": "10.0.0.0/24", "b": "10.0.1.0/24"], "to": "aws_subnet.app[each.key]",
                    "id": "${upper(each.value)}",
                ],
            ])
        let untyped = Import(
            forEach: Expr<Value>(Expression.reference("var", "buckets")), into: FixtureVPC("b").forEach(Self.zones),
            key: { each in each.value.attribute("name") }, id: { each in each.value.attribute("id") })
        #expect(untyped.block.toAddress == "aws_vpc.b[each.value.name]")
        #expect(untyped.block.id.hcl == "each.value.id")
    }

    @Test("a move to a key the block cannot have, or away from a block still declared, is a diagnostic")
    func movedDiagnostics() {
        let vpc = FixtureVPC("main", cidrBlock: "10.0.0.0/16")
        let keyed = FixtureSubnet("app", vpcId: vpc.id).forEach(Self.zones)
        let counted = FixtureSubnet("db", vpcId: vpc.id).count(2)
        let result = Infrastructure {
            Stack("dev") {
                vpc
                keyed
                counted
                Moved(from: keyed.address[0], to: keyed.address["a"])
                Moved(from: keyed.address["b"], to: counted.address["b"])
                Moved(from: counted.address[3], to: keyed.address[3])
                Moved(from: ReferenceTarget.resource(type: "aws_vpc", name: "old")[0], to: vpc.address[0])
                Moved(from: vpc.address, to: keyed.address)
                Moved(from: keyed.address[1], to: ReferenceTarget.resource(type: "aws_subnet", name: "gone")["a"])
            }
        }.synthesize()
        #expect(result.artifacts.isEmpty)
        let found = result.diagnostics.errors.map { "\($0.path): \($0.message)" }
        let expected = [
            #"dev/moved.aws_subnet.app["b"]: moved to aws_subnet.db["b"]: aws_subnet.db has count, so its instance keys are numbers"#,
            "dev/moved.aws_subnet.db[3]: moved to aws_subnet.app[3]: aws_subnet.app has for_each, so its instance keys are strings",
            "dev/moved.aws_vpc.old[0]: moved to aws_vpc.main[0]: aws_vpc.main has neither count nor for_each, so it has no instance keys",
            "dev/moved.aws_vpc.main: moved from aws_vpc.main, which still exists",
            #"dev/moved.aws_subnet.app[1]: moved to aws_subnet.gone["a"], which is not defined in dev"#,
        ]
        for line in expected { #expect(found.contains(line), "missing: \(line)\nfound: \(found)") }
        #expect(found.count == expected.count, "\(found)")
    }

    @Test("a filter over instances is one for with an if, for count (a list) and for_each (a map)")
    func filterOverInstances() {
        let vpc = FixtureVPC("main", cidrBlock: "10.0.0.0/16")
        let keyed = FixtureSubnet("app", vpcId: vpc.id).forEach(Self.zones)
        let counted = FixtureSubnet("db", vpcId: vpc.id).count(2)
        let ids: Expr<[String]> = counted.eachInstance.filter(as: "s") { s in s.vpcId .== vpc.id }.map { s in s.id }
        #expect(ids.expression.hcl == "[for s in aws_subnet.db : s.id if s.vpc_id == aws_vpc.main.id]")
        let arns: Expr<[String: String]> = keyed.eachInstance
            .filter(as: "k", "s") { s in s.cidrBlock .!= "" }
            .mapValues { s in s.arn }
        #expect(arns.expression.hcl == #"{ for k, s in aws_subnet.app : k => s.arn if s.cidr_block != "" }"#)
        #expect(
            InfraTerraform.Expression(arns).node.traversals.map(\.root).sorted() == ["aws_subnet"])
    }

    @Test("terraform validate accepts the moves and imports, as .tf.json and as .tf")
    func validates() throws {
        let validate = ExternalTools.sharedTool("tf-validate")
        guard ExternalTools.require("tf-validate", at: validate), let validate,
            ExternalTools.require("terraform", at: ExternalTools.terraform())
        else { return }
        for format in [SynthesisOptions.TerraformFormat.json, .hcl] {
            let result = Infrastructure { Self.stack() }.synthesize(options: SynthesisOptions(terraformFormat: format))
            #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
            let dir = try ExternalTools.temporaryDirectory("moves-validate")
            defer { try? FileManager.default.removeItem(at: dir) }
            try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: dir)
            let out = try ExternalTools.run(validate, [dir.appendingPathComponent("terraform/moves").path])
            #expect(out.status == 0, "tf-validate (\(format)) failed:\n\(out.stdout)\n\(out.stderr)")
        }
    }
}
