// `import` and `removed` against the local AWS endpoint (moto, ../shared/tools/aws-local) with the
// real terraform: a bucket created out of band is adopted by an import block (the plan imports it,
// the apply succeeds, the next plan is empty), then a removed block makes Terraform forget it
// while the bucket stays in AWS.

import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

@Suite("Import and removed against the local AWS endpoint", .serialized, .timeLimit(.minutes(10)))
struct ImportRemovedLocalAWSTests {
    struct ExternalToolFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func bucket(_ name: String) -> Resource {
        Resource("aws_s3_bucket", "adopted", ["bucket": .string(name), "force_destroy": true])
    }

    /// Writes `stack` (JSON) into `directory`, replacing what the previous stack wrote.
    static func write(_ stack: Stack, to directory: URL, moto: PrivateMoto) throws {
        let result = Infrastructure { stack }.synthesize()
        guard result.diagnostics.errors.isEmpty else {
            throw ExternalToolFailure(message: "\(result.diagnostics.errors)")
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".tf.json")
        {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(file))
        }
        for artifact in result.artifacts {
            let name = URL(fileURLWithPath: artifact.path).lastPathComponent
            try Data(artifact.bytes).write(to: directory.appendingPathComponent(name))
        }
        try Data(moto.providerOverride.utf8).write(to: directory.appendingPathComponent("zz_moto_override.tf.json"))
    }

    @Test("an import adopts a bucket made out of band (empty plan after apply); removed forgets it and keeps it")
    func adoptsAndForgets() async throws {
        guard let terraform = ExternalTools.terraform(), let tool = ExternalTools.sharedTool("aws-local"),
            let python = ExternalTools.which("python3"), ExternalTools.require("python3", at: python)
        else { return }
        let work = try ExternalTools.temporaryDirectory("import-moto")
        defer { try? FileManager.default.removeItem(at: work) }
        let moto = try PrivateMoto.start(tool: tool, state: work.appendingPathComponent("moto"))
        defer { moto.stop() }
        let root = work.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let name = "adopted-\(UUID().uuidString.prefix(8).lowercased())"
        let made = try moto.boto3(python, "s3.create_bucket(Bucket=\"\(name)\")")
        #expect(made.status == 0, "\(made.stderr)")

        let env = [
            "TF_IN_AUTOMATION": "1", "AWS_EC2_METADATA_DISABLED": "true",
            "TF_DATA_DIR": work.appendingPathComponent(".terraform").path,
        ]
        func tf(_ arguments: [String]) async throws -> ExternalTools.Output {
            try await ExternalTools.runOffPool(terraform, arguments, in: root, environment: env)
        }

        // Adopt: the plan imports the bucket instead of creating it.
        let bucket = Self.bucket(name)
        try Self.write(
            Stack("adopt") {
                Provider.aws(region: "us-east-1")
                bucket
                Import(bucket, id: Expr(.string(name)))
            }, to: root, moto: moto)
        let pluginDir = ProcessInfo.processInfo.environment["TF_PLUGIN_DIR"] ?? "/opt/tf-plugins"
        let initialized = try await tf(["init", "-input=false", "-no-color", "-plugin-dir=\(pluginDir)"])
        #expect(initialized.status == 0, "\(initialized.stdout)\(initialized.stderr)")
        let planned = try await tf(["plan", "-input=false", "-no-color", "-out=adopt.plan"])
        #expect(planned.status == 0, "\(planned.stdout)\(planned.stderr)")
        #expect(planned.stdout.contains("1 to import, 0 to add"), "\(planned.stdout)")
        let applied = try await tf(["apply", "-input=false", "-no-color", "adopt.plan"])
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let again = try await tf(["plan", "-input=false", "-no-color", "-detailed-exitcode"])
        #expect(again.status == 0, "the plan after the import is not empty:\n\(again.stdout)\(again.stderr)")
        let listed = try await tf(["state", "list"])
        #expect(listed.stdout.split(separator: "\n") == ["aws_s3_bucket.adopted"])

        // Forget: the removed block takes it out of the state; the bucket stays.
        try Self.write(
            Stack("adopt") {
                Provider.aws(region: "us-east-1")
                Removed(from: .resource(type: "aws_s3_bucket", name: "adopted"))
            }, to: root, moto: moto)
        let removed = try await tf(["apply", "-input=false", "-no-color", "-auto-approve"])
        #expect(removed.status == 0, "\(removed.stdout)\(removed.stderr)")
        #expect(removed.stdout.contains("0 destroyed"), "\(removed.stdout)")
        let after = try await tf(["state", "list"])
        #expect(after.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(after.stdout)")
        let kept = try moto.boto3(python, "s3.head_bucket(Bucket=\"\(name)\")")
        #expect(kept.status == 0, "the bucket is gone: \(kept.stderr)")
    }
}

extension PrivateMoto {
    /// Runs python with an S3 client on this endpoint as `s3`, then `code`.
    func boto3(_ python: String, _ code: String) throws -> ExternalTools.Output {
        let script = """
            import boto3, sys
            s3 = boto3.client("s3", endpoint_url="\(endpoint)", region_name="us-east-1",
                              aws_access_key_id="testing", aws_secret_access_key="testing")
            \(code)
            """
        return try ExternalTools.run(python, ["-c", script])
    }

    /// The provider settings that point the AWS provider at moto (an override file, as tf-apply-local writes).
    var providerOverride: String {
        """
        {"provider": {"aws": {"access_key": "testing", "secret_key": "testing", "skip_credentials_validation": true,
          "skip_requesting_account_id": true, "skip_metadata_api_check": true, "s3_use_path_style": true,
          "max_retries": 2, "endpoints": [{"s3": "\(endpoint)", "sts": "\(endpoint)"}]}}}
        """
    }
}
