// The real consumer: `terraform validate` accepts a stack written with every typed expression
// form, in JSON and in HCL (together with other tests' roots, TerraformValidateBatch); and for the
// instance key mistakes it also detects, it agrees with our validation (../shared/tools/tf-validate).

import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

@Suite("Typed expressions under terraform validate", .serialized)
struct TypedExpressionsValidateTests {
    static func everyForm() -> Stack {
        let rules = Variable<[Value]>("rules", default: [["port": 443, "cidr": "0.0.0.0/0"]])
        let zones = Variable<[String: String]>("zones", default: ["us-east-1a": "10.0.0.0/24"])
        let enabled = Variable<Bool>("enabled", default: true)
        let ports = Variable<[Double]>("ports", default: [80, 443])
        let module = TerraformModule("net", directory: "terraform/modules/net") {
            let cidr = Variable<String>("cidr")
            cidr
            let vpc = FixtureVPC("this", cidrBlock: cidr.value)
            vpc
            Output("vpc_id", vpc.id)
        }
        return Stack("typed", directory: "terraform/typed") {
            rules
            zones
            enabled
            ports
            let vpc = FixtureVPC("main", cidrBlock: "10.0.0.0/16")
            vpc
            let each = Each.of(zones.value)
            let app = FixtureSubnet("app", vpcId: vpc.id, cidrBlock: each.value, availabilityZone: each.key)
                .forEach(zones.value)
            app
            let db = FixtureSubnet(
                "db", vpcId: vpc.id, cidrBlock: Fn.cidrsubnet("10.0.0.0/16", newbits: 8, netnum: Count.index + 10)
            ).count(.if(enabled.value && Fn.length(zones.value) > 0, then: 2, else: 0))
            db
            FixtureSubnet(
                "mirror", vpcId: vpc.id, cidrBlock: app[Each<String>().key].cidrBlockRef,
                tags: ["Name": "mirror-\(Each<String>().key)", "peer/\(Each<String>().key)": db[0].id]
            ).forEach(zones.value)
            FixtureSecurityGroup("web", vpcId: vpc.id)
                .dynamic(\.ingress, forEach: rules.value) { rule in
                    .init(
                        fromPort: rule.value.port.unsafeCast(), toPort: rule.value.port.unsafeCast(), protocol: "tcp",
                        cidrBlocks: [rule.value.cidr.unsafeCast()])
                }
                .dynamic(\.egress, forEach: ports.value, iterator: "port") { port in
                    .init(
                        fromPort: port.value, toPort: port.value, protocol: "tcp",
                        cidrBlocks: Fn.concat(db.all.cidrBlockRef, ["10.9.0.0/16"]))
                }
            FixtureZones("available").dynamic(
                \.filter, forEach: ["opt-in-status": ["opt-in-not-required"]] as Expr<[String: [String]]>
            ) { f in
                .init(name: f.key, values: f.value)
            }
            let calls = ModuleCall(
                "net", module: module,
                inputs: [
                    "cidr": InfraTerraform.Expression(Fn.cidrsubnet("10.8.0.0/16", newbits: 8, netnum: Count.index))
                ]
            ).count(2)
            calls
            Output("app_ids", app.all.id)
            Output("db_ids", db.all.id)
            Output("first_db", Expr<String>.if(Fn.length(db.all.id) > 0, then: db[0].id, else: ""))
            Output("by_zone", app.eachInstance.mapValues(as: "zone", "subnet") { subnet in subnet.id })
            Output("numbered", db.eachInstance.toMap(as: "i", "s") { i, s in ("db-\(i)", s.arn) })
            Output(
                "open_ports",
                rules.value.filter { r in r.port.unsafeCast(to: Double.self) > 0 }.map { r in
                    r.port.unsafeCast(to: Double.self)
                })
            Output("module_vpcs", calls.all.reference("vpc_id") as Expr<[String]>)
            Output("first_module_vpc", calls[0].output("vpc_id") as Expr<String>)
            Output("merged", Fn.merge(zones.value, ["extra": "10.1.0.0/24"]))
            Output("grouped", ports.value.grouped { p in (Expr<String>.if(p > 100, then: "high", else: "low"), p) })
        }
    }

    /// The stack synthesized as .tf.json and as .tf, once for the test and the validation of its roots.
    static let everyFormResults = [SynthesisOptions.TerraformFormat.json, .hcl].map { format in
        (format, Infrastructure { Self.everyForm() }.synthesize(options: SynthesisOptions(terraformFormat: format)))
    }

    /// The stack's root as .tf.json and as .tf, written for validation.
    static let everyFormRoots: TerraformValidateBatch.Roots = { folder in
        try everyFormResults.flatMap { format, result in
            try TerraformValidateBatch.write(
                result.artifacts.map { ($0.path, $0.bytes) }, to: folder.appendingPathComponent(format.rawValue),
                roots: ["terraform/typed"])
        }
    }

    @Test(
        "terraform validate accepts every typed form, as .tf.json and as .tf",
        .validatedTogether("typed-forms", everyFormRoots))
    func validates() async throws {
        for (format, result) in Self.everyFormResults {
            #expect(result.diagnostics.errors.isEmpty, "\(format): \(result.diagnostics.errors)")
        }
        try await TerraformValidateBatch.shared.expectValid("typed-forms")
    }

    @Test("for the instance-key mistakes terraform validate finds, our validation finds the same")
    func agreesWithTerraform() throws {
        let counted = Resource("terraform_data", "counted", ["input": "x"]).count(2)
        let keyed = Resource("terraform_data", "keyed", ["input": "y"]).forEach(["a": "1"] as Expr<[String: String]>)
        let single = Resource("terraform_data", "single", ["input": "z"])
        let cases: [(name: String, typed: InfraTerraform.Expression, raw: String, terraform: String?)] = [
            ("missing_count", counted.ref("output"), "terraform_data.counted.output", "Missing resource instance key"),
            ("missing_each", keyed.ref("output"), "terraform_data.keyed.output", "Missing resource instance key"),
            (
                "unexpected", (single[0].reference("output") as Expr<String>).expression,
                "terraform_data.single[0].output", "Unexpected resource instance key"
            ),
            (
                "fine_count", (counted[1].reference("output") as Expr<String>).expression,
                "terraform_data.counted[1].output", nil
            ),
            (
                "fine_each", (keyed["a"].reference("output") as Expr<String>).expression,
                #"terraform_data.keyed["a"].output"#, nil
            ),
            (
                "fine_splat", (counted.all.reference("output") as Expr<[String]>).expression,
                "terraform_data.counted[*].output", nil
            ),
        ]
        // Ours, on the typed references.
        for c in cases {
            let result = Stack("dev") {
                counted
                keyed
                single
                Resource("terraform_data", "use", ["input": c.typed])
            }.synthesize()
            #expect(
                result.diagnostics.errors.isEmpty == (c.terraform == nil), "\(c.name): \(result.diagnostics.errors)")
        }
        // Terraform's, on the same references written raw (which our validation cannot see), in one root.
        guard let validate = ExternalTools.sharedTool("tf-validate"), ExternalTools.terraform() != nil else { return }
        let result = Stack("dev") {
            counted
            keyed
            single
            for c in cases { Resource("terraform_data", "use_\(c.name)", ["input": .raw(c.raw)]) }
        }.synthesize()
        #expect(result.diagnostics.errors.isEmpty)
        let dir = try ExternalTools.temporaryDirectory("instance-keys")
        defer { try? FileManager.default.removeItem(at: dir) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: dir)
        let out = try ExternalTools.run(validate, [dir.appendingPathComponent("dev").path])
        #expect(out.status != 0)
        // tf-validate prints "ERROR: file:line:col: summary", the detail, then "> " and the source line.
        var reported: [(summary: String, source: String)] = []
        var summary: String?
        for line in out.stdout.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("ERROR:") {
                summary = line.split(separator: ": ").last.map(String.init)
            } else if line.hasPrefix("> "), let current = summary {
                reported.append((current, line))
                summary = nil
            }
        }
        for c in cases {
            let found = reported.filter { $0.source.contains(c.raw) }.map(\.summary)
            #expect(found == (c.terraform.map { [$0] } ?? []), "\(c.name): \(found)\n\(out.stdout)")
        }
        #expect(reported.count == cases.filter { $0.terraform != nil }.count, "\(out.stdout)")
    }
}
