import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

@Suite("HCL output for review")
struct HCLOutputTests {
    func synth(_ format: SynthesisOptions.TerraformFormat, backend: Bool = true) throws -> URL {
        let (root, _) = StackFixtures.everyFeature(backend: backend)
        let result = Infrastructure { root }.synthesize(options: SynthesisOptions(terraformFormat: format))
        #expect(!result.diagnostics.hasErrors)
        let dir = try ExternalTools.temporaryDirectory("hcl-\(format.rawValue)")
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: dir)
        return dir
    }

    @Test("HCL files mirror the JSON files")
    func files() {
        let (root, _) = StackFixtures.everyFeature()
        let paths = Infrastructure { root }.synthesize(options: SynthesisOptions(terraformFormat: .hcl)).artifacts.map(
            \.path)
        #expect(paths.contains("terraform/environments/dev/main.tf"))
        #expect(paths.contains("terraform/environments/dev/backend.tf"))
        #expect(paths.contains("terraform/environments/dev/monitoring.tf"))
        #expect(paths.contains("terraform/modules/vpc/outputs.tf"))
        #expect(!paths.contains { $0.hasSuffix(".tf.json") })
    }

    @Test("attributes are aligned the way terraform fmt aligns them")
    func alignment() {
        let stack = Stack("s") {
            Resource("aws_s3_bucket", "b", ["bucket": "x", "force_destroy": true, "tags": ["Name": "x"]])
        }
        let text = stack.synthesize(options: SynthesisOptions(terraformFormat: .hcl)).artifacts.first {
            $0.path == "s/main.tf"
        }?.text
        #expect(
            text?.contains(
                """
                resource "aws_s3_bucket" "b" {
                  bucket        = "x"
                  force_destroy = true
                  tags          = { "Name" = "x" }
                }
                """) == true)
    }

    @Test("object-valued overrides become nested blocks in HCL, dynamic blocks get their label, map arguments stay")
    func overridesOfNestedBlocks() {
        let stack = Stack("s") {
            Resource("aws_s3_bucket_lifecycle_configuration", "l", ["bucket": "x"])
                .override(
                    "rule",
                    Expression(
                        literal: [
                            ["id": "a", "filter": [:], "transition": [["days": 30], ["days": 90]]], ["id": "b"],
                        ])
                )
                .override("tags", Expression(literal: ["Name": "x"]))
            Resource("aws_eks_node_group", "n", ["cluster_name": "c"])
                .override(
                    "dynamic",
                    Expression(literal: ["taint": ["for_each": "${var.taints}", "content": ["key": "${taint.value}"]]]))
        }
        let text =
            stack.synthesize(options: SynthesisOptions(terraformFormat: .hcl)).artifacts.first {
                $0.path == "s/main.tf"
            }?.text ?? ""
        #expect(text.components(separatedBy: "  rule {").count - 1 == 2, "\(text)")
        #expect(text.components(separatedBy: "    transition {").count - 1 == 2, "\(text)")
        #expect(text.contains("    filter {"), "\(text)")
        #expect(
            text.contains("  tags   = { \"Name\" = \"x\" }") || text.contains("  tags = { \"Name\" = \"x\" }"),
            "\(text)")
        #expect(text.contains("  dynamic \"taint\" {"), "\(text)")
        #expect(text.contains("    content {"), "\(text)")
        #expect(!text.contains("rule ="), "\(text)")
    }

    /// The every-feature root as .tf and as .tf.json, written for validation.
    static let bothForms: TerraformValidateBatch.Roots = { folder in
        let (root, _) = StackFixtures.everyFeature()
        return try [SynthesisOptions.TerraformFormat.hcl, .json].flatMap { format in
            try TerraformValidateBatch.write(
                Infrastructure { root }.synthesize(options: SynthesisOptions(terraformFormat: format)).artifacts.map {
                    ($0.path, $0.bytes)
                }, to: folder.appendingPathComponent(format.rawValue), roots: ["terraform/environments/dev"])
        }
    }

    @Test(
        "terraform fmt -check accepts the HCL, and it validates and graphs to the same resources as the JSON",
        .validatedTogether("every-feature-hcl-and-json", bothForms))
    func terraformAgrees() async throws {
        guard let terraform = ExternalTools.terraform(), ExternalTools.sharedTool("tf-validate") != nil else {
            return
        }
        let hcl = try synth(.hcl)
        let fmt = try ExternalTools.run(terraform, ["fmt", "-check", "-recursive", "-diff", hcl.path])
        #expect(fmt.status == 0, "terraform fmt would change:\n\(fmt.stdout)\(fmt.stderr)")
        try await TerraformValidateBatch.shared.expectValid("every-feature-hcl-and-json")
        func resources(_ dir: URL) throws -> Set<String> {
            let root = dir.appendingPathComponent("terraform/environments/dev")
            let env = ["TF_PLUGIN_CACHE_DIR": "", "CHECKPOINT_DISABLE": "1"]
            let initOut = try ExternalTools.run(
                terraform, ["init", "-backend=false", "-input=false", "-plugin-dir=/opt/tf-plugins"], in: root,
                environment: env)
            #expect(initOut.status == 0, "\(initOut.stderr)")
            let graph = try ExternalTools.run(terraform, ["graph"], in: root, environment: env)
            let names = graph.stdout.split(separator: "\n").compactMap { line -> String? in
                guard let start = line.range(of: "[label=\""), let end = line[start.upperBound...].firstIndex(of: "\"")
                else { return nil }
                return String(line[start.upperBound..<end])
            }
            return Set(names)
        }
        // `terraform graph` needs an initialized backend, so compare configurations without one.
        let fromHCL = try resources(try synth(.hcl, backend: false))
        #expect(fromHCL.count > 5)
        #expect(fromHCL == (try resources(try synth(.json, backend: false))))
    }
}
