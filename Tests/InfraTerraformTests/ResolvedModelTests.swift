// The Terraform half of the resolved model: every block of a root and its modules, with address,
// kind, file, component path and references; the files are written from it (JSON and HCL),
// and it is there (without files) when validation fails.

import InfraCore
import InfraTerraform
import Testing

@Suite("Terraform resolved model")
struct TerraformResolvedModelTests {
    @Test("every block of the root and its module is a node with its address, kind, file and path")
    func nodes() throws {
        let result = Infrastructure { StackFixtures.everyFeature().root }.synthesize()
        try #require(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        let blocks = result.model.nodes.compactMap { $0 as? ResolvedBlock }
        #expect(blocks.count == result.model.nodes.count)
        let kinds = Set(blocks.map(\.kind))
        for kind in ["terraform", "provider", "variable", "output", "module", "tfvars"] {
            #expect(kinds.contains(kind), "\(kind)")
        }
        // Every file holds nodes, and every node's file is written.
        #expect(Set(blocks.map(\.file)) == Set(result.artifacts.map(\.path)))
        // Nodes come grouped by file, files in order.
        let files = blocks.map(\.file)
        #expect(zip(files, files.dropFirst()).allSatisfy { $0 <= $1 })
        // Only resources, data sources and module calls are listed.
        let configuration: Set = ["terraform", "provider", "variable", "output", "local", "moved", "tfvars"]
        #expect(result.inventory.allSatisfy { !configuration.contains($0.kind) })
        #expect(result.inventory.count == blocks.filter { $0.role == .resource }.count)
    }

    @Test("references are the defined blocks a block refers to or depends on, and become graph edges")
    func references() {
        let topic = Resource("aws_sns_topic", "alerts", ["name": "alerts"])
        let result = Stack("dev", directory: "terraform/dev") {
            topic
            Resource("aws_sns_topic_subscription", "ops", ["topic_arn": topic.ref("arn"), "protocol": "email"])
                .dependsOn(.resource(type: "aws_sns_topic", name: "alerts"))
            Output("topic", expression: topic.ref("arn"))
        }.synthesize()
        let byAddress = Dictionary(uniqueKeysWithValues: result.model.nodes.map { ($0.address, $0) })
        #expect(byAddress["aws_sns_topic_subscription.ops"]?.references == ["aws_sns_topic.alerts"])
        #expect(byAddress["output.topic"]?.references == ["aws_sns_topic.alerts"])
        #expect(byAddress["output.topic"]?.role == .configuration)
        #expect(byAddress["output.topic"]?.file == "terraform/dev/outputs.tf.json")
        #expect(byAddress["aws_sns_topic.alerts"]?.path == "dev/aws_sns_topic.alerts")
        #expect(
            Set(result.edges) == [
                DependencyEdge(
                    from: "terraform/dev/aws_sns_topic_subscription.ops", to: "terraform/dev/aws_sns_topic.alerts"),
                DependencyEdge(from: "terraform/dev/output.topic", to: "terraform/dev/aws_sns_topic.alerts"),
            ])
    }

    @Test("a node's document is what its file holds for it")
    func documents() throws {
        let result = Stack("dev", directory: "terraform/dev") {
            Resource("aws_s3_bucket", "logs", ["bucket": "logs"]).provider(.aws(alias: "eu"))
            Provider.aws(region: "eu-central-1", alias: "eu")
        }.synthesize()
        let bucket = try #require(result.model.nodes.first { $0.address == "aws_s3_bucket.logs" })
        #expect(bucket.document() == ["bucket": "logs", "provider": "aws.eu"])
        let main = try #require(result.artifacts.first { $0.path == "terraform/dev/main.tf.json" })
        let file = try JSONReader.read(main.bytes)
        #expect(file["resource"]?["aws_s3_bucket"]?["logs"] == bucket.document())
        let provider = try #require(result.model.nodes.first { $0.kind == "provider" })
        #expect(provider.name == "aws.eu" && provider.address == "provider.aws.eu")
        #expect(file["provider"]?["aws"] == provider.document())
    }

    @Test("HCL output is written from the same nodes, with .tf files")
    func hcl() {
        let stack = Stack("dev", directory: "terraform/dev") { Resource("aws_s3_bucket", "logs", ["bucket": "logs"]) }
        let result = stack.synthesize(options: SynthesisOptions(terraformFormat: .hcl))
        #expect(result.model.nodes.map(\.file).allSatisfy { $0.hasSuffix(".tf") })
        #expect(Set(result.model.nodes.map(\.file)).isSubset(of: Set(result.artifacts.map(\.path))))
    }

    @Test("a result with errors has the model and no files")
    func errors() {
        let result = Stack("dev") {
            Resource("aws_sns_topic", "a", ["name": .reference("aws_sns_topic", "missing", "name")])
        }.synthesize()
        #expect(result.diagnostics.hasErrors)
        #expect(result.artifacts.isEmpty)
        #expect(result.model.nodes.contains { $0.address == "aws_sns_topic.a" && $0.references.isEmpty })
    }
}
