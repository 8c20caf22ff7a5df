// `EBSSnapshotPolicy`: daily snapshots of every EBS volume carrying the target tags (e.g. the
// volumes the EBS CSI driver provisions for a StorageClass that sets the tag), kept for a number
// of days, taken by Data Lifecycle Manager with its own service role.

import InfraCore
import InfraTerraform

/// Daily DLM snapshots of the EBS volumes with the given tags.
///
/// ```swift
/// EBSSnapshotPolicy("prod_volumes", label: "oves-prod-volumes", targetTags: ["oves.io/backup": "daily"],
///                   retentionDays: 14)
/// ```
public struct EBSSnapshotPolicy: StackContent {
    /// The construct's name (resource names derive from it).
    public var name: String
    /// A readable name for the role prefix and the policy's description.
    public var label: String
    /// The tags a volume must carry to be snapshotted.
    public var targetTags: [String: String]
    /// How many daily snapshots are kept (one per day).
    public var retentionDays: Int
    /// When the daily snapshot starts (UTC, `HH:MM`).
    public var time: String
    /// Tags for the role and the policy (snapshots copy the volume's tags).
    public var tags: [String: String]

    /// Creates the policy; snapshots start at 03:00 UTC.
    public init(
        _ name: String, label: String, targetTags: [String: String], retentionDays: Int, time: String = "03:00",
        tags: [String: String] = [:]
    ) {
        self.name = name
        self.label = label
        self.targetTags = targetTags
        self.retentionDays = retentionDays
        self.time = time
        self.tags = tags
    }

    /// Target, retention and time problems.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if targetTags.isEmpty {
            result.append(.error(path, "without target tags the policy would select no volume"))
        }
        if !(1...1000).contains(retentionDays) {
            result.append(.error(path, "retention of \(retentionDays) snapshots is outside DLM's 1…1000"))
        }
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        let valid =
            parts.count == 2 && parts.allSatisfy { $0.count == 2 }
            && Int(parts[0]).map { (0...23).contains($0) } == true
            && Int(parts[1]).map { (0...59).contains($0) } == true
        if !valid { result.append(.error(path, "start time \"\(time)\" is not HH:MM (UTC)")) }
        return result
    }

    /// The DLM role, its managed policy and the lifecycle policy.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        let path = parent.appending(name)
        let n = ConstructNaming.local(name)
        let tagValue = Expr<[String: String]>(ConstructLiterals.map(tags))
        let trust = IAMPolicyDocument {
            IAMStatement(effect: .allow, actions: ["sts:AssumeRole"], principals: [.service("dlm.amazonaws.com")])
        }
        let role = AWSIAMRole(
            "\(n)_dlm", assumeRolePolicy: trust.json, namePrefix: Expr(.string("\(label)-dlm-")), tags: tagValue)
        let content: [any StackContent] = [
            role,
            AWSIAMRolePolicyAttachment(
                "\(n)_dlm", policyArn: "arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole",
                role: role.nameRef),
            AWSDLMLifecyclePolicy(
                n, description: Expr(.string("Daily snapshots of \(label)")), executionRoleArn: role.arn,
                policyDetails: .init(
                    resourceTypes: ["VOLUME"],
                    schedule: [
                        .init(
                            createRule: .init(
                                interval: 24, intervalUnit: "HOURS", times: ConstructLiterals.strings([time])),
                            name: "daily", retainRule: .init(count: ConstructLiterals.number(retentionDays)),
                            copyTags: true)
                    ],
                    targetTags: ConstructLiterals.stringMap(targetTags)),
                state: "ENABLED", tags: tagValue),
        ]
        return diagnostics(at: path).map { .diagnostic($0) } + content.flatMap { $0.stackElements(in: path) }
    }
}
