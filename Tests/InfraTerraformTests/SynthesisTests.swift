import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

@Suite("Stack synthesis")
struct SynthesisTests {
    func files(_ infra: Infrastructure) -> [String: String] {
        Dictionary(uniqueKeysWithValues: infra.synthesize().artifacts.map { ($0.path, $0.text) })
    }

    @Test("a root with a local module writes the files of the output layout")
    func layout() throws {
        let (root, _) = StackFixtures.everyFeature()
        let result = Infrastructure { root }.synthesize()
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.all)")
        #expect(
            result.artifacts.map(\.path) == [
                "terraform/environments/dev/backend.tf.json", "terraform/environments/dev/main.tf.json",
                "terraform/environments/dev/monitoring.tf.json", "terraform/environments/dev/outputs.tf.json",
                "terraform/environments/dev/terraform.tfvars.json", "terraform/environments/dev/variables.tf.json",
                "terraform/modules/vpc/main.tf.json", "terraform/modules/vpc/outputs.tf.json",
                "terraform/modules/vpc/variables.tf.json",
            ])
    }

    @Test("module sources are relative paths between output folders")
    func moduleSource() throws {
        let (root, _) = StackFixtures.everyFeature()
        let main = try #require(files(Infrastructure { root })["terraform/environments/dev/main.tf.json"])
        #expect(main.contains(#""source": "../../modules/vpc""#))
        #expect(main.contains(#""aws.peer": "aws.eu""#))
    }

    @Test("two synths are byte-identical")
    func deterministic() {
        let a = Infrastructure { StackFixtures.everyFeature().root }.synthesize().artifacts
        let b = Infrastructure { StackFixtures.everyFeature().root }.synthesize().artifacts
        #expect(a == b)
    }

    @Test("reordering declarations changes nothing in the output")
    func orderIndependent() {
        let first = Stack("s") {
            Resource("aws_s3_bucket", "b", ["bucket": "b"])
            Resource("aws_s3_bucket", "a", ["bucket": "a"])
            Output("x", expression: "1")
            Output("w", expression: "2")
        }
        let second = Stack("s") {
            Output("w", expression: "2")
            Resource("aws_s3_bucket", "a", ["bucket": "a"])
            Output("x", expression: "1")
            Resource("aws_s3_bucket", "b", ["bucket": "b"])
        }
        #expect(first.synthesize().artifacts == second.synthesize().artifacts)
    }

    @Test("meta-arguments render in Terraform's JSON syntax")
    func metaArguments() throws {
        let (root, _) = StackFixtures.everyFeature()
        let main = try #require(files(Infrastructure { root })["terraform/environments/dev/main.tf.json"])
        #expect(main.contains(#""depends_on": ["#) && main.contains(#""module.vpc""#))
        #expect(main.contains(#""replace_triggered_by": ["#) && main.contains(#""aws_s3_bucket.logs.id""#))
        #expect(main.contains(#""ignore_changes": ["#))
        #expect(main.contains(#""for_each": {"#))
        #expect(main.contains(#""force_destroy": true"#))
        #expect(main.contains(#""$${not-a-ref}""#))
        let monitoring = try #require(files(Infrastructure { root })["terraform/environments/dev/monitoring.tf.json"])
        #expect(monitoring.contains(#""provider": "aws.eu""#))
    }

    /// The root of the stack that uses every language feature, written for validation.
    static let everyFeatureRoot: TerraformValidateBatch.Roots = { folder in
        let (root, _) = StackFixtures.everyFeature()
        return try TerraformValidateBatch.write(
            Infrastructure { root }.synthesize().artifacts.map { ($0.path, $0.bytes) }, to: folder,
            roots: ["terraform/environments/dev"])
    }

    @Test(
        "terraform validate accepts a stack that uses every language feature",
        .validatedTogether("every-feature", everyFeatureRoot))
    func terraformValidate() async throws {
        try await TerraformValidateBatch.shared.expectValid("every-feature")
    }

    /// The scale workload's root, written for validation.
    static let scaleRoot: TerraformValidateBatch.Roots = { folder in
        try TerraformValidateBatch.write(
            StackFixtures.scale(50).synthesize().artifacts.map { ($0.path, $0.bytes) }, to: folder, roots: ["scale"])
    }

    @Test("the scale workload has 2N resources and validates", .validatedTogether("scale", scaleRoot))
    func scale() async throws {
        let result = StackFixtures.scale(50).synthesize()
        #expect(result.inventory.count == 100)
        try await TerraformValidateBatch.shared.expectValid("scale")
    }
}
