// The AWS Load Balancer Controller's IRSA role carries upstream's policy exactly: the typed
// document read from the vendored iam_policy.json has the file's statements, actions, resources and
// conditions, and the vendored folder records where each file came from (commit, hash, licence).

import Foundation
import InfraAWS
import InfraCore
import InfraTerraform
import InfraTestSupport
import OVESInfrastructure
import Testing

@Suite("OVES reference: the load balancer controller's vendored IAM policy")
struct LoadBalancerControllerPolicyTests {
    static let folder = ExternalTools.packageRoot.appendingPathComponent(
        "Sources/OVESInfrastructure/Vendor/aws-load-balancer-controller")

    static func strings(_ expressions: [Expr<String>]) -> [String] {
        expressions.map { expression in
            if case .string(let text) = expression.expression.node { return text }
            return expression.expression.hcl
        }
    }

    /// A JSON string-or-list as a list.
    static func list(_ raw: Any?) -> [String] {
        if let single = raw as? String { return [single] }
        return raw as? [String] ?? []
    }

    @Test("the role's policy is the vendored file, statement by statement")
    func policyEqualsFile() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("iam_policy.json"))
        let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let statements = try #require(file["Statement"] as? [[String: Any]])
        let policy = try AWSLoadBalancerControllerRelease.loadIAMPolicy()
        #expect(policy.version == file["Version"] as? String)
        #expect(policy.statements.count == statements.count)
        for (typed, raw) in zip(policy.statements, statements) {
            #expect(typed.effect.rawValue == raw["Effect"] as? String)
            #expect(Self.strings(typed.actions) == Self.list(raw["Action"]))
            #expect(Self.strings(typed.resources) == Self.list(raw["Resource"]))
            let conditions = raw["Condition"] as? [String: [String: Any]] ?? [:]
            var expected: [String] = []
            for test in conditions.keys.sorted() {
                for key in (conditions[test] ?? [:]).keys.sorted() {
                    expected.append("\(test) \(key) \(Self.list(conditions[test]?[key]))")
                }
            }
            let actual = typed.conditions.map { condition in
                "\(condition.test) \(Self.strings([condition.variable])[0]) \(Self.strings(condition.values))"
            }
            #expect(actual == expected)
        }
        #expect(policy.diagnostics(at: "iam/aws-load-balancer-controller").isEmpty)
    }

    @Test("the role's policy is the file plus one read-only statement for the release's newer EC2 calls")
    func rolePolicyAddsMissingReads() throws {
        let file = try AWSLoadBalancerControllerRelease.loadIAMPolicy()
        let role = try AWSLoadBalancerControllerRelease.loadRolePolicy()
        #expect(Array(role.statements.prefix(file.statements.count)) == file.statements)
        let added = try #require(role.statements.last)
        #expect(role.statements.count == file.statements.count + 1)
        #expect(Self.strings(added.actions) == AWSLoadBalancerControllerRelease.missingReadActions)
        #expect(Self.strings(added.resources) == ["*"])
        #expect(added.effect == .allow && added.conditions.isEmpty)
        let granted = Set(file.statements.flatMap { Self.strings($0.actions) })
        #expect(granted.isDisjoint(with: AWSLoadBalancerControllerRelease.missingReadActions))
        #expect(AWSLoadBalancerControllerRelease.missingReadActions.allSatisfy { $0.hasPrefix("ec2:Describe") })
    }

    @Test("both environments' IRSA roles include the controller's role with that policy")
    func rolesInRoots() throws {
        let policy = try AWSLoadBalancerControllerRelease.loadRolePolicy()
        for environment in OVESEnvironment.allCases {
            let role = try #require(
                OVESWorkloadRoles.roles(cluster: environment.clusterName).first {
                    $0.name == AWSLoadBalancerControllerRelease.roleName
                })
            #expect(role.namespace == "kube-system")
            #expect(role.serviceAccount == "aws-load-balancer-controller")
            #expect(role.policy == policy)
        }
    }

    /// The file's SHA-256 from coreutils' `sha256sum` (the test target has no hashing library).
    static func sha256(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    @Test("the vendored README names each file's upstream path, commit and SHA-256, and the licence")
    func provenance() throws {
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("kubernetes-sigs/aws-load-balancer-controller"))
        #expect(readme.contains("Apache-2.0"))
        #expect(readme.contains(AWSLoadBalancerControllerRelease.version))
        for (file, upstream) in [
            ("iam_policy.json", "docs/install/iam_policy.json"),
            ("crds.yaml", "helm/aws-load-balancer-controller/crds/crds.yaml"),
        ] {
            let hash = try Self.sha256(Self.folder.appendingPathComponent(file))
            let row = readme.split(separator: "\n").first { $0.contains("`\(file)`") } ?? ""
            #expect(row.contains(upstream), "\(file): no upstream path")
            #expect(row.contains(hash), "\(file) changed since it was vendored (SHA-256 \(hash))")
            #expect(row.range(of: "`[0-9a-f]{40}`", options: .regularExpression) != nil, "\(file): no commit")
        }
    }
}
