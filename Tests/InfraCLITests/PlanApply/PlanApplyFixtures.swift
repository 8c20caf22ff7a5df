// Definitions and helpers for the plan/apply/destroy tests: small infrastructures whose roots run
// under the real terraform (S3 against the local AWS endpoint, or the built-in terraform_data
// resource, which needs no provider), and a private moto from ../shared/tools/aws-local.

import ArgumentParser
import Foundation
import InfraCLI
import InfraCore
import InfraKubernetes
import InfraTerraform
import InfraTestSupport
import Testing

/// What the producer root publishes to the consumer.
struct ProducedBucket: RootOutputs {
    var arn: RootOutput<String>
    var name: RootOutput<String>
}

/// Two roots with a cross-root reference: `producer` creates a bucket (local backend), `consumer`
/// reads its outputs through terraform_remote_state and keeps them in a terraform_data resource.
struct CrossRootInfra: InfrastructureCommand {
    /// The shared credentials file with moto's profile (the test writes it).
    static let credentialsFile = FileManager.default.temporaryDirectory.appendingPathComponent(
        "orchestrate-moto-credentials")

    var body: Infrastructure {
        let bucket = Resource("aws_s3_bucket", "produced", ["bucket": "orchestrate-produced", "force_destroy": true])
        let outputs = ProducedBucket(
            arn: RootOutput("bucket_arn", bucket.reference("arn")),
            name: RootOutput("bucket_name", bucket.reference("bucket")))
        let producer = Stack(
            "producer", directory: "terraform/producer",
            settings: TerraformSettings(backend: .local(path: "terraform.tfstate"))
        ) {
            // moto's test keys come from a credentials file (never literals); the endpoint from --endpoint-url.
            Provider(
                "aws",
                [
                    "region": .string("us-east-1"), "profile": .string("moto"),
                    "shared_credentials_files": .list([.string(Self.credentialsFile.path)]),
                ])
            bucket
            outputs
        }
        return Infrastructure {
            Stack("consumer", directory: "terraform/consumer") {
                let remote = RemoteRoot(producer, outputs: outputs)
                remote
                Resource("terraform_data", "seen", ["input": remote.outputs.arn.expression])
                Output("seen_name", remote.outputs.name)
            }
            producer
        }
    }
}

/// Three roots: `broken` fails in terraform (an argument terraform_data does not have), `fine` is
/// independent of it, and `after` depends on nothing either; with --parallel 1 only `broken` runs.
struct FailingInfra: InfrastructureCommand {
    var body: Infrastructure {
        Infrastructure {
            Stack("broken", directory: "terraform/broken") {
                Resource("terraform_data", "bad", ["no_such_argument": "x"])
            }
            Stack("fine", directory: "terraform/fine") { Resource("terraform_data", "ok", ["input": "fine"]) }
        }
    }
}

/// Two independent roots (no provider needed).
struct IndependentInfra: InfrastructureCommand {
    var body: Infrastructure {
        Infrastructure {
            Stack("left", directory: "terraform/left") { Resource("terraform_data", "one", ["input": "left"]) }
            Stack("right", directory: "terraform/right") { Resource("terraform_data", "one", ["input": "right"]) }
        }
    }
}

/// A cluster root whose outputs describe an EKS cluster (literal values: there is no Kubernetes
/// API server on these machines) and a manifest applied into that cluster.
struct ClusterInfra: InfrastructureCommand {
    static let endpoint = "https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com"
    static let certificate = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"

    var body: Infrastructure {
        Infrastructure {
            Stack("cluster", directory: "terraform/cluster") {
                Output("cluster_name", Expr<String>(.string("demo")))
                Output("cluster_endpoint", Expr<String>(.string(Self.endpoint)))
                Output("cluster_certificate_authority_data", Expr<String>(.string(Self.certificate)))
            }
            Manifest("apps", namespace: "apps", cluster: ManifestCluster(root: "cluster", region: "eu-west-1")) {
                ConfigMap(metadata: .init(name: "settings"), data: ["LOG_LEVEL": "info"])
            }
        }
    }
}

/// Helpers.
enum PlanApply {
    /// Runs `arguments` on `D`; returns the exit code (0 when the command returned normally).
    static func exitCode<D: InfrastructureCommand>(_ type: D.Type, _ arguments: [String]) async throws -> Int32 {
        do {
            try await run(type, arguments)
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        }
    }

    /// One row of `<output>/.infra-logs/<command>.json`.
    struct Row: Sendable, Equatable {
        var root: String?
        var result: String?
        var add: Int?
        var destroy: Int?
    }

    /// What went wrong reading a run's files.
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    /// The rows of `<output>/.infra-logs/<command>.json`.
    static func summary(_ output: URL, _ command: String) throws -> [Row] {
        let data = try Data(contentsOf: output.appendingPathComponent(".infra-logs/\(command).json"))
        guard let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw Unreadable(description: "\(command).json is not a list of objects")
        }
        return rows.map {
            Row(
                root: $0["root"] as? String, result: $0["result"] as? String, add: $0["add"] as? Int,
                destroy: $0["destroy"] as? Int)
        }
    }

    /// The row of `root`.
    static func row(_ rows: [Row], _ root: String) -> Row? {
        rows.first { $0.root == root }
    }

    /// The first and last timestamps the orchestration wrote into a log (`# <time> started …`, `# <time> finished …`).
    static func interval(_ log: URL) throws -> (start: Date, end: Date) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let stamps = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").compactMap { line -> Date? in
            guard line.hasPrefix("# ") else { return nil }
            return formatter.date(from: String(line.dropFirst(2).prefix { $0 != " " }))
        }
        guard let start = stamps.first, let end = stamps.last else {
            throw Unreadable(description: "\(log.lastPathComponent) has no timestamps")
        }
        return (start, end)
    }
}
