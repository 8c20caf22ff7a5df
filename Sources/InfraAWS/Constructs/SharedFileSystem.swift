// `SharedFileSystem`: an EFS file system for data several pods or instances share —
// encrypted with a rotating customer key, backed up, moved to infrequent access when cold,
// with a mount target in each subnet and NFS open only to the given ranges.

import InfraCore
import InfraTerraform

/// An encrypted EFS file system with mount targets.
///
/// ```swift
/// SharedFileSystem("shared", fileSystemName: "oves-prod-shared", vpcID: vpc.outputs.vpcID,
///                  subnetIDs: vpc.outputs.privateSubnetIDs, allowedCIDRs: ["10.10.0.0/16"])
/// ```
public struct SharedFileSystem: StackContent {
    /// The construct's name.
    public var name: String
    /// The `Name` tag and creation token.
    public var fileSystemName: String
    /// The VPC.
    public var vpcID: Expr<String>
    /// One mount target per subnet.
    public var subnetIDs: Expr<[String]>
    /// Ranges allowed to NFS (2049).
    public var allowedCIDRs: [String]
    /// When files move to infrequent access, e.g. `AFTER_30_DAYS`.
    public var transitionToIA: String
    /// Tags.
    public var tags: [String: String]

    /// Creates the file system.
    public init(
        _ name: String, fileSystemName: String, vpcID: Expr<String>, subnetIDs: Expr<[String]>, allowedCIDRs: [String],
        transitionToIA: String = "AFTER_30_DAYS", tags: [String: String] = [:]
    ) {
        self.name = name
        self.fileSystemName = fileSystemName
        self.vpcID = vpcID
        self.subnetIDs = subnetIDs
        self.allowedCIDRs = allowedCIDRs
        self.transitionToIA = transitionToIA
        self.tags = tags
    }

    /// The key, file system, backup policy, security group and mount targets.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        let path = parent.appending(name)
        var diagnostics: [Diagnostic] = []
        if allowedCIDRs.isEmpty { diagnostics.append(.error(path, "no range may mount the file system")) }
        for (index, cidr) in allowedCIDRs.enumerated() {
            if let network = IPv4CIDR(cidr) {
                if network.prefixLength == 0 {
                    diagnostics.append(
                        .error(path.appending("allowed-cidr", index: index), "NFS would be open to the whole internet"))
                }
            } else {
                diagnostics.append(
                    .error(path.appending("allowed-cidr", index: index), "\"\(cidr)\" is not a valid IPv4 network"))
            }
        }
        let validTransitions = [
            "AFTER_1_DAY", "AFTER_7_DAYS", "AFTER_14_DAYS", "AFTER_30_DAYS", "AFTER_60_DAYS", "AFTER_90_DAYS",
        ]
        if !validTransitions.contains(transitionToIA) {
            diagnostics.append(
                .error(path, "\(transitionToIA) is not an EFS transition (\(validTransitions.joined(separator: ", ")))")
            )
        }
        let n = ConstructNaming.local(name)
        let tagValue = Expr<[String: String]>(ConstructLiterals.map(tags))
        let key = AWSKMSKey(
            "\(n)_efs", deletionWindowInDays: 30, description: Expr(.string("EFS encryption for \(fileSystemName)")),
            enableKeyRotation: true, tags: tagValue)
        let fileSystem = AWSEFSFileSystem(
            n, creationToken: Expr(.string(fileSystemName)), encrypted: true, kmsKeyId: key.arn,
            lifecyclePolicy: [.init(transitionToIa: Expr(.string(transitionToIA)))], performanceMode: "generalPurpose",
            tags: ConstructLiterals.tags(tagValue, name: Expr(.string(fileSystemName))), throughputMode: "elastic")
        let group = AWSSecurityGroup(
            "\(n)_efs", description: Expr(.string("NFS clients of \(fileSystemName)")),
            namePrefix: Expr(.string("\(fileSystemName)-nfs-")), tags: tagValue, vpcId: vpcID)
        let content: [any StackContent] = [
            key,
            fileSystem,
            AWSEFSBackupPolicy(n, backupPolicy: .init(status: "ENABLED"), fileSystemId: fileSystem.id),
            group,
            AWSVPCSecurityGroupIngressRule(
                "\(n)_efs", ipProtocol: "tcp", securityGroupId: group.id, cidrIpv4: Expr(.eachValue),
                description: "NFS from an allowed range", fromPort: 2049, toPort: 2049
            ).forEach(
                Expression(
                    literal: .sortedObject(
                        Dictionary(allowedCIDRs.map { ($0, Value.string($0)) }, uniquingKeysWith: { a, _ in a })))),
            AWSEFSMountTarget(
                n, fileSystemId: fileSystem.id, subnetId: Each<String>().value,
                securityGroups: Expr<[String]>.list([group.id]).unsafeCast()
            ).forEach(subnetIDs.toMap(as: "i", "id") { i, id in (Fn.tostring(i), id) }),
        ]
        return diagnostics.map(StackElement.diagnostic) + content.flatMap { $0.stackElements(in: path) }
    }

    /// The file system's id.
    public var fileSystemID: Expr<String> { Expr(.reference("aws_efs_file_system", ConstructNaming.local(name), "id")) }
}
