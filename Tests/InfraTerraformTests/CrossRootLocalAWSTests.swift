// Two roots with a cross-root reference under the real terraform: the producer creates a bucket
// in moto (../shared/tools/aws-local) with its state in a local backend; the consumer's
// `terraform_remote_state` reads that state and its plan carries the bucket's real ARN.

import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

/// What the producer publishes.
struct BucketOutputs: RootOutputs {
    var bucketARN: RootOutput<String>
    var bucketName: RootOutput<String>
}

@Suite("Cross-root references against the local AWS endpoint", .serialized, .timeLimit(.minutes(10)))
struct CrossRootLocalAWSTests {
    @Test("the consumer plans with the output value the applied producer wrote to its state")
    func consumerReadsProducer() async throws {
        guard let terraform = ExternalTools.terraform(), let tool = ExternalTools.sharedTool("aws-local") else {
            return
        }
        let work = try ExternalTools.temporaryDirectory("cross-root")
        defer { try? FileManager.default.removeItem(at: work) }
        let moto = try PrivateMoto.start(tool: tool, state: work.appendingPathComponent("moto"))
        defer { moto.stop() }

        let name = "produced-\(UUID().uuidString.prefix(8).lowercased())"
        let bucket = Resource("aws_s3_bucket", "produced", ["bucket": .string(name), "force_destroy": true])
        let outputs = BucketOutputs(
            bucketARN: RootOutput("bucket_arn", bucket.reference("arn")),
            bucketName: RootOutput("bucket_name", bucket.reference("bucket")))
        let producer = Stack(
            "producer", directory: "terraform/producer",
            settings: TerraformSettings(backend: .local(path: "terraform.tfstate"))
        ) {
            Provider.aws(region: "us-east-1")
            bucket
            outputs
        }
        let consumer = Stack("consumer", directory: "terraform/consumer") {
            let remote = RemoteRoot(producer, outputs: outputs)
            remote
            Output("seen_arn", remote.outputs.bucketARN)
            Output("seen_name", remote.outputs.bucketName)
        }
        let infrastructure = Infrastructure {
            consumer
            producer
        }
        #expect(
            infrastructure.rootOrder.groups.map { $0.map(\.componentPath.description) } == [["producer"], ["consumer"]])
        let result = infrastructure.synthesize()
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: work)
        let producerDir = work.appendingPathComponent("terraform/producer")
        let consumerDir = work.appendingPathComponent("terraform/consumer")
        try Data(moto.providerOverride.utf8).write(to: producerDir.appendingPathComponent("zz_moto_override.tf.json"))

        let pluginDir = ProcessInfo.processInfo.environment["TF_PLUGIN_DIR"] ?? "/opt/tf-plugins"
        func tf(_ arguments: [String], in directory: URL) async throws -> ExternalTools.Output {
            try await ExternalTools.runOffPool(
                terraform, arguments, in: directory,
                environment: [
                    "TF_IN_AUTOMATION": "1", "AWS_EC2_METADATA_DISABLED": "true",
                    "TF_DATA_DIR": directory.appendingPathComponent(".terraform").path,
                ])
        }
        for directory in [producerDir, consumerDir] {
            let initialized = try await tf(
                ["init", "-input=false", "-no-color", "-plugin-dir=\(pluginDir)"], in: directory)
            #expect(initialized.status == 0, "\(initialized.stdout)\(initialized.stderr)")
        }
        let applied = try await tf(["apply", "-input=false", "-no-color", "-auto-approve"], in: producerDir)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")

        let planned = try await tf(["plan", "-input=false", "-no-color", "-out=consumer.plan"], in: consumerDir)
        #expect(planned.status == 0, "\(planned.stdout)\(planned.stderr)")
        let shown = try await tf(["show", "-json", "consumer.plan"], in: consumerDir)
        let plan = try #require(JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let values = (plan["planned_values"] as? [String: Any])?["outputs"] as? [String: [String: Any]]
        #expect(values?["seen_arn"]?["value"] as? String == "arn:aws:s3:::\(name)")
        #expect(values?["seen_name"]?["value"] as? String == name)
    }
}
