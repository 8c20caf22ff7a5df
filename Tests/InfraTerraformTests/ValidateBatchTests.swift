// The test-support batch that validates many tests' roots in one `terraform validate`
// (Tests/InfraTestSupport/TerraformValidateBatch.swift): valid roots pass together, with
// required variables and relative modules; a broken root fails alone with terraform's message
// while the others still pass; a root with an import block is validated on its own.

import Foundation
import InfraTestSupport
import Testing

@Suite("Validating many tests' roots together")
struct ValidateBatchTests {
    /// Writes `files` (path → JSON text) under `folder` and returns `folder/root`.
    static func root(_ folder: URL, _ files: [String: String]) throws -> URL {
        try ExternalTools.write(files.map { ($0.key, Array($0.value.utf8)) }, to: folder)
        return folder.appendingPathComponent("root")
    }

    /// A root with a required variable, a module from `../modules`, and the AWS provider.
    static let valid: TerraformValidateBatch.Roots = { folder in
        [
            try root(
                folder,
                [
                    "root/main.tf.json": """
                    {"provider": {"aws": {"region": "us-east-1"}},
                     "variable": {"name": {"type": "string"}, "size": {"type": "number", "default": 1}},
                     "module": {"child": {"source": "../modules/child", "name": "${var.name}"}}}
                    """,
                    "modules/child/main.tf.json": """
                    {"variable": {"name": {"type": "string"}},
                     "resource": {"aws_s3_bucket": {"b": {"bucket": "${var.name}"}}}}
                    """,
                ])
        ]
    }

    /// A root whose resource has an argument the provider does not know.
    static let broken: TerraformValidateBatch.Roots = { folder in
        [
            try root(
                folder,
                ["root/main.tf.json": #"{"resource": {"aws_s3_bucket": {"b": {"no_such_argument": "x"}}}}"#])
        ]
    }

    /// A root that imports a bucket (import blocks are allowed in a root module only).
    static let importing: TerraformValidateBatch.Roots = { folder in
        [
            try root(
                folder,
                [
                    "root/main.tf.json": """
                    {"provider": {"aws": {"region": "us-east-1"}},
                     "resource": {"aws_s3_bucket": {"b": {"bucket": "adopted"}}},
                     "import": [{"to": "aws_s3_bucket.b", "id": "adopted"}]}
                    """
                ])
        ]
    }

    @Test("valid roots pass together; a broken one fails alone, naming the argument; an importing one runs alone")
    func together() async throws {
        guard ExternalTools.terraform() != nil, ExternalTools.sharedTool("tf-validate") != nil else { return }
        let batch = TerraformValidateBatch()
        batch.register("valid", roots: Self.valid)
        batch.register("importing", roots: Self.importing)
        let alone = try await batch.outcome("valid")
        #expect(alone.valid && alone.together, "\(alone.output)")
        let importing = try await batch.outcome("importing")
        #expect(importing.valid && !importing.together, "\(importing.output)")

        let mixed = TerraformValidateBatch()
        mixed.register("valid", roots: Self.valid)
        mixed.register("broken", roots: Self.broken)
        let broken = try await mixed.outcome("broken")
        #expect(!broken.valid && !broken.together)
        #expect(broken.output.contains("no_such_argument"), "\(broken.output)")
        let valid = try await mixed.outcome("valid")
        #expect(valid.valid && !valid.together, "\(valid.output)")
    }

    @Test("a key registered after the batch ran is validated when it asks; an unregistered key is an error")
    func lateKey() async throws {
        guard ExternalTools.terraform() != nil, ExternalTools.sharedTool("tf-validate") != nil else { return }
        let batch = TerraformValidateBatch()
        batch.register("valid", roots: Self.valid)
        _ = try await batch.outcome("valid")
        batch.register("late", roots: Self.broken)
        let late = try await batch.outcome("late")
        #expect(!late.valid)
        await #expect(throws: (any Error).self) { try await batch.outcome("never registered") }
    }
}
