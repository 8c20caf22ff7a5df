// `infra-manifest bootstrap`: creates (or repairs) Terraform's S3 state bucket — versioned, encrypted, public
// access blocked — and the DynamoDB lock table. Idempotent: a second run reports "no changes".

import ArgumentParser
import InfraExecutor

/// The `bootstrap` subcommand.
///
/// ```sh
/// infra-manifest bootstrap --bucket oves-terraform-state --table oves-terraform-locks --region us-east-1
/// ```
public struct BootstrapCommand: AsyncParsableCommand {
    /// Command name and help.
    public static let configuration = CommandConfiguration(
        commandName: "bootstrap",
        abstract: "Create or repair the Terraform state bucket and lock table.",
        discussion: """
            Ensures the bucket exists, has versioning enabled, default encryption (AES256 when none is set) and all \
            public access blocked, and that the DynamoDB table (hash key LockID, a string) exists and is ACTIVE. Only \
            what is missing is changed; safe to rerun after a failure; a second run changes nothing and says so. An \
            existing table with other keys is an error. Then `import <address> <id>` lines name the Terraform \
            resources of StateBackend(--name) that import blocks adopt, followed by those blocks in Swift \
            (`Import(AWSS3Bucket.self, named: …, id: …)`) and in HCL, to paste into the root that declares it.
            """)

    /// The state bucket.
    @Option(help: "Name of the S3 bucket for Terraform state.")
    public var bucket: String

    /// The lock table.
    @Option(help: "Name of the DynamoDB table for state locking.")
    public var table: String

    /// The `StateBackend` construct name the import lines use.
    @Option(help: "Name of the StateBackend construct whose Terraform addresses the import lines use.")
    public var name = "state"

    /// Shared AWS flags (including --region).
    @OptionGroup public var aws: ExecutorOptions

    /// Creates the command.
    public init() {}

    /// Checks and fixes the backend.
    public func run() async throws {
        let (bucket, table, name) = (bucket, table, name)
        try await ExecutorRuntime.run(aws) { session in
            try await ExecutorCommands.bootstrap(session, bucket: bucket, table: table, name: name)
        }
    }
}
