// A bucket that logs to a log bucket's module call reads `log_target_bucket`: an output whose
// value (the name) is known at plan time and whose `depends_on` holds its readers until the
// log-delivery grant exists. Only the reader's logging waits; no `depends_on` sits on the call.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("SecureBucket's log target")
struct LogTargetTests {
    static let module = TerraformModule.construct(
        SecureBucket.self, "s3", directory: "m/s3", configurationAliases: ["replica"])

    @Test("the module's log_target_bucket is the bucket's name, after the log-delivery grant")
    func moduleOutput() throws {
        let output = try #require(Self.module.outputs.first { $0.name == "log_target_bucket" })
        #expect(output.value.jsonValue == .string("${var.bucket}"))
        #expect(output.dependsOn.map(\.description) == ["aws_s3_bucket_acl.this"])
        #expect(Self.module.synthesize().diagnostics.errors.isEmpty)
    }

    @Test("input(_:_:) passes the log bucket's output to a call, which then needs no depends_on")
    func callReadsTheOutput() throws {
        let providers: [String: ProviderReference] = ["aws": .aws(), "aws.replica": .aws(alias: "eu")]
        let logs = SecureBucket("logs", bucketName: "oves-logs", logBucket: nil, isLogBucket: true)
            .call("s3_logs", module: Self.module, providers: providers)
        let backups = SecureBucket("backups", bucketName: "oves-backups", logBucket: "oves-logs")
            .call("s3_backups", module: Self.module, providers: providers)
            .tunable(\.logBucket, as: "log_bucket")
            .input(\.logBucket, logs.outputs.logTargetBucket)
        let result = synthesizeConstructs {
            logs
            backups
        }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let call = try #require(result.document()?["module"]?["s3_backups"])
        #expect(call["log_bucket"] == .string("${module.s3_logs.log_target_bucket}"))
        #expect(call["depends_on"] == nil)
        // input(_:_:) replaced the lifted input: no root variable is left behind.
        #expect(result.document("variables")?["variable"]?["log_bucket"] == nil)
        #expect(backups.tfvars["log_bucket"] == nil)
        // Inlined, the output is the name alone.
        #expect(
            SecureBucket("logs", bucketName: "oves-logs", logBucket: nil, isLogBucket: true).outputs.logTargetBucket
                .expression.jsonValue == .string("oves-logs"))
    }
}
