// Every AWS root of the OVES reference (dev, prod, shared) applies against the local AWS
// endpoint (moto, through ../shared/tools/tf-apply-local): apply, a second plan with no
// changes, destroy. Before that, a copy of the synthesized output loses the resource types moto
// cannot serve (`MotoUnsupportedType.all`) and everything that depends on them, ignores the
// attributes moto does not read back (`MotoRoundTripGap.all`); protected
// resources are made destroyable, and the shared root gets a stand-in for the prod log bucket
// its buckets log to. The reference itself is never changed for moto.

import Foundation
import InfraTestSupport
import Testing

@Suite("OVES reference applies against the local AWS endpoint", .timeLimit(.minutes(25)))
struct OVESLocalApplyTests {
    /// One root's first apply: the pruned output it ran on and what the helper printed.
    struct FirstRun: Sendable {
        var folder: URL
        var pruned: URL
        var report: URL
        var removed: [String: [String]]
        var output: ExternalTools.Output
    }

    /// Each root's first run, started as the test run is planned (`.headStart`): minutes of
    /// terraform that overlap the rest of the run instead of ending it. `nil`: a tool is missing.
    static let firstRuns: [String: HeadStartWork<FirstRun?>] = Dictionary(
        uniqueKeysWithValues: OVESLocalAWS.roots.map { root in
            (root, HeadStartWork { try firstRun(root) })
        })

    /// Synthesizes the reference, prunes what moto cannot serve and applies `root` once.
    static func firstRun(_ root: String) throws -> FirstRun? {
        guard let python = ExternalTools.which("python3"), ExternalTools.which("terraform") != nil,
            ExternalTools.sharedTool("tf-apply-local") != nil
        else { return nil }
        let json = try OVESLocalAWS.write(.json)
        let folder = json.deletingLastPathComponent()
        let pruned = folder.appendingPathComponent("pruned")
        let removed = try OVESLocalAWS.prune(json, into: pruned, python: python)
        let report = folder.appendingPathComponent("report.json")
        let output = try apply(root, pruned: pruned, report: report, python: python)
        return FirstRun(folder: folder, pruned: pruned, report: report, removed: removed, output: output)
    }

    /// tf-apply-local through the helper, on a moto where bootstrap's bucket and table exist (the
    /// shared root imports them); each run starts a fresh moto.
    static func apply(_ root: String, pruned: URL, report: URL, python: String) throws -> ExternalTools.Output {
        let start = Date()
        let output = try ExternalTools.run(
            python,
            [OVESLocalAWS.helper.path, "apply"] + OVESLocalAWS.bootstrapArguments
                + [pruned.appendingPathComponent(root).path, "--report-json", report.path]
                + OVESLocalAWS.applyArguments,
            environment: OVESLocalAWS.environment)
        print("tf-apply-local \(root): \(Int(Date().timeIntervalSince(start))) s\n\(output.stdout.suffix(2000))")
        return output
    }

    @Test(
        "the root applies, re-plans with no changes and destroys",
        .headStart { firstRuns.values.forEach { $0.start() } },
        arguments: OVESLocalAWS.roots)
    func applies(root: String) async throws {
        guard let python = OVESLocalAWS.python(), ExternalTools.sharedTool("tf-apply-local") != nil else { return }
        let work = try #require(Self.firstRuns[root])
        let first = try #require(try await work.value.get(), "the first run of \(root) found no tools")
        defer { try? FileManager.default.removeItem(at: first.folder) }
        #expect(!first.removed.isEmpty)
        var output = first.output
        var retried = Self.retriedRequests(output.stderr)
        // The endpoint's own failures get one more run on a fresh moto: its internal error (HTTP
        // 500: moto's ReplaceNetworkAclAssociation raises StopIteration for some association
        // orders), and, only when the helper saw the AWS SDK send a request again
        // (`retriedRequests`), what a retry of a request moto had done looks like — the create
        // finding its own resource. Both used to come from werkzeug sending a response's headers
        // and body in two writes: a loaded machine's provider dropped the connection between
        // them and retried requests moto had carried out (Tests/LocalAWS/moto-serialized/moto_server
        // now writes each response at once). A configuration that really names two resources
        // alike fails without any retry, and fails again on a fresh moto.
        if output.status != 0, let races = try Self.onlyEndpointFailures(report: first.report, retried: retried) {
            print("tf-apply-local \(root): only the endpoint's failures, run again on a fresh endpoint: \(races)")
            // Minutes of terraform: off Swift's cooperative pool, so other suites keep their threads.
            output = try await ExternalTools.offPool {
                try Self.apply(root, pruned: first.pruned, report: first.report, python: python)
            }
            retried = Self.retriedRequests(output.stderr)
        }
        if output.status != 0, let gone = try Self.onlyAlreadyDeleted(report: first.report, retried: retried) {
            // moto answered a destroy's ReplaceNetworkAclAssociation with an internal error (HTTP 500
            // and a traceback instead of XML), or a delete the SDK sent again found its resource gone:
            // the endpoint failed, not the configuration.
            print("tf-apply-local \(root): destroy failures of the endpoint, not the configuration: \(gone)")
            return
        }
        #expect(output.status == 0, "\(output.stdout.suffix(8000))\n\(output.stderr.suffix(3000))")
    }

    /// The requests `oves-moto.py apply` saw the AWS SDK send more than once (its "retried by the
    /// AWS SDK" report on standard error), one line per attempt; empty when there were none.
    static func retriedRequests(_ stderr: String) -> [String] {
        guard let report = stderr.components(separatedBy: "retried by the AWS SDK:\n").dropFirst().first else {
            return []
        }
        return report.split(separator: "\n").prefix { $0.hasPrefix("  ") }.map { String($0.dropFirst(2)) }
    }

    /// The apply failures when every one of them is the endpoint's — its internal error, or, when
    /// the SDK sent requests again (`retried`), a create finding its own resource or a revoke its
    /// rule gone — or `nil`.
    static func onlyEndpointFailures(report: URL, retried: [String]) throws -> [String]? {
        let retryConflicts = [
            "AlreadyExists", "already exists", "InvalidSubnet.Conflict", "InvalidPermission.NotFound",
            "InvalidPermission.Duplicate",
        ]
        guard let json = try Self.report(report), let applyFailed = json["apply_failed"] as? [String: String],
            Self.allMention(applyFailed, ["StatusCode: 500"] + (retried.isEmpty ? [] : retryConflicts))
        else { return nil }
        return applyFailed.keys.sorted()
    }

    /// The destroy failures when every one of them was the local endpoint's internal error (HTTP
    /// 500) or, when the SDK sent requests again (`retried`), found its resource already deleted;
    /// `nil` when the report shows any other failure (apply, second plan, or a real destroy error).
    static func onlyAlreadyDeleted(report: URL, retried: [String]) throws -> [String]? {
        let alreadyDeleted = [
            "ResourceNotFoundException", "NoSuchEntity", "NotFound", "does not exist", "currently marked deleted",
        ]
        guard let json = try Self.report(report),
            let applied = json["applied"] as? [String], !applied.isEmpty,
            (json["apply_failed"] as? [String: Any])?.isEmpty == true,
            (json["not_idempotent"] as? [Any])?.isEmpty == true,
            let destroyFailed = json["destroy_failed"] as? [String: String],
            Self.allMention(destroyFailed, ["StatusCode: 500"] + (retried.isEmpty ? [] : alreadyDeleted))
        else { return nil }
        return destroyFailed.values.sorted()
    }

    /// tf-apply-local's `--report-json`, or `nil` when it was not written.
    static func report(_ url: URL) throws -> [String: Any]? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// Whether there are failures and each one's error mentions one of `needles`.
    static func allMention(_ failures: [String: String], _ needles: [String]) -> Bool {
        !failures.isEmpty && failures.values.allSatisfy { why in needles.contains { why.contains($0) } }
    }
}

@Suite("which local-endpoint failures are the endpoint's")
struct LocalAWSFailureTriageTests {
    /// A tf-apply-local report with these failures, written to a temporary file.
    static func report(applyFailed: [String: String], destroyFailed: [String: String] = [:]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).json")
        let json: [String: Any] = [
            "applied": ["aws_vpc.main"], "apply_failed": applyFailed, "not_idempotent": [],
            "destroy_failed": destroyFailed,
        ]
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        return url
    }

    @Test("only the endpoint's failures are run again; a conflict counts only when the SDK retried a request")
    func endpointFailures() throws {
        let retried = OVESLocalApplyTests.retriedRequests(
            "tf-apply-local: FAILED\noves-moto: 1 request(s) retried by the AWS SDK:\n"
                + "  18:05:58 op=CreateSubnet attempt=1 invocation=a4 status=200 queued=0.000s took=0.003s\n"
                + "  18:05:58 op=CreateSubnet attempt=2 invocation=a4 status=400 queued=0.000s took=0.018s\n")
        #expect(retried.count == 2 && retried[1].contains("attempt=2"))
        #expect(OVESLocalApplyTests.retriedRequests("tf-apply-local: FAILED\n").isEmpty)

        let conflict =
            "creating IAM Role (oves-prod-x): StatusCode: 409, EntityAlreadyExists: Role with name x already exists."
        let only = try Self.report(applyFailed: ["aws_iam_role.x": conflict])
        defer { try? FileManager.default.removeItem(at: only) }
        #expect(try OVESLocalApplyTests.onlyEndpointFailures(report: only, retried: retried) == ["aws_iam_role.x"])
        // Without a retry, a conflict is the configuration's.
        #expect(try OVESLocalApplyTests.onlyEndpointFailures(report: only, retried: []) == nil)

        let failures = try Self.report(applyFailed: [
            "aws_subnet.a": "creating EC2 Subnet: api error InvalidSubnet.Conflict: The CIDR '10.10.64.0/19' conflicts",
            "aws_network_acl.b":
                "ReplaceNetworkAclAssociation, exceeded maximum number of attempts, 2, StatusCode: 500",
        ])
        defer { try? FileManager.default.removeItem(at: failures) }
        #expect(
            try OVESLocalApplyTests.onlyEndpointFailures(report: failures, retried: retried) == [
                "aws_network_acl.b", "aws_subnet.a",
            ])

        let internalError = try Self.report(applyFailed: ["aws_network_acl.b": "StatusCode: 500"])
        defer { try? FileManager.default.removeItem(at: internalError) }
        #expect(
            try OVESLocalApplyTests.onlyEndpointFailures(report: internalError, retried: []) == ["aws_network_acl.b"])

        let mixed = try Self.report(applyFailed: ["aws_iam_role.x": conflict, "aws_s3_bucket.y": "InvalidBucketName"])
        defer { try? FileManager.default.removeItem(at: mixed) }
        #expect(try OVESLocalApplyTests.onlyEndpointFailures(report: mixed, retried: retried) == nil)

        let none = try Self.report(applyFailed: [:], destroyFailed: ["aws_vpc.main": "StatusCode: 500"])
        defer { try? FileManager.default.removeItem(at: none) }
        #expect(try OVESLocalApplyTests.onlyEndpointFailures(report: none, retried: retried) == nil)
        #expect(try OVESLocalApplyTests.onlyAlreadyDeleted(report: none, retried: []) == ["StatusCode: 500"])

        let redoneDelete =
            "deleting Secrets Manager Secret (oves/dev/x): InvalidRequestException: You tried to perform the "
            + "operation on a secret that's currently marked deleted."
        let deleted = try Self.report(applyFailed: [:], destroyFailed: ["aws_secretsmanager_secret.x": redoneDelete])
        defer { try? FileManager.default.removeItem(at: deleted) }
        #expect(try OVESLocalApplyTests.onlyAlreadyDeleted(report: deleted, retried: retried) == [redoneDelete])
        #expect(try OVESLocalApplyTests.onlyAlreadyDeleted(report: deleted, retried: []) == nil)
    }
}

@Suite("the moto limits are documented")
struct LocalAWSDocumentationTests {
    @Test("Documentation/OVESReference.md lists exactly the types moto cannot apply")
    func documentationListsUnsupportedTypes() throws {
        let text = try String(
            contentsOf: ExternalTools.packageRoot.appendingPathComponent("Documentation/OVESReference.md"),
            encoding: .utf8)
        let section =
            text.components(separatedBy: "### What cannot be applied against moto, and why").dropFirst()
            .first?.components(separatedBy: "\n### ").first ?? ""
        let listed = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `aws_") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        #expect(listed.sorted() == MotoUnsupportedType.all.map(\.type).sorted())
    }

    @Test("Documentation/OVESReference.md lists exactly the attributes moto does not read back")
    func documentationListsRoundTripGaps() throws {
        let text = try String(
            contentsOf: ExternalTools.packageRoot.appendingPathComponent("Documentation/OVESReference.md"),
            encoding: .utf8)
        let section =
            text.components(separatedBy: "### What moto does not read back").dropFirst().first?
            .components(separatedBy: "\n### ").first ?? ""
        let listed = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `aws_") else { return nil }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { return nil }
            return "\(cells[0]) \(cells[1])".replacingOccurrences(of: "`", with: "")
        }
        let expected = MotoRoundTripGap.all.map { "\($0.type) \($0.attributes.joined(separator: ", "))" }
        #expect(listed.sorted() == expected.sorted())
    }
}
