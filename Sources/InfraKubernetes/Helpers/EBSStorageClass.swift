// An encrypted gp3 StorageClass for the AWS EBS CSI driver. Volumes bind when the pod is
// scheduled (so the volume is created in the pod's zone) and can be expanded later.

import InfraCore

/// A StorageClass backed by the EBS CSI driver (`ebs.csi.aws.com`).
///
/// ```swift
/// EBSStorageClass()                         // ebs-sc: gp3, encrypted, 3000 IOPS, 125 MiB/s
/// EBSStorageClass(name: "ebs-fast", iops: 16000, throughput: 1000)
/// EBSStorageClass(volumeTags: ["backup": "daily"])  // tags every volume it provisions (a DLM target)
/// ```
public struct EBSStorageClass: ManifestContent, Hashable {
    /// The EBS CSI driver's provisioner name.
    public static let provisioner = "ebs.csi.aws.com"

    /// The StorageClass name.
    public var name: String
    /// The EBS volume type (`gp3`).
    public var volumeType: String
    /// Whether volumes are encrypted (with the AWS-managed key unless ``kmsKeyID`` is set).
    public var encrypted: Bool
    /// Provisioned IOPS (gp3: 3000–16000).
    public var iops: Int
    /// Provisioned throughput in MiB/s (gp3: 125–1000).
    public var throughput: Int
    /// A customer-managed KMS key ARN, or `nil` for the AWS-managed key.
    public var kmsKeyID: String?
    /// `Delete` or `Retain`; `nil` keeps the API default (`Delete`).
    public var reclaimPolicy: String?
    /// Whether this is the cluster's default StorageClass.
    public var isDefault: Bool
    /// Tags the EBS CSI driver puts on every volume it provisions (`tagSpecification_N` parameters),
    /// e.g. the tag a DLM snapshot policy or AWS Backup selects volumes by.
    public var volumeTags: [String: String]

    /// Creates the class; the defaults are the gp3 baseline.
    public init(
        name: String = "ebs-sc", volumeType: String = "gp3", encrypted: Bool = true, iops: Int = 3000,
        throughput: Int = 125, kmsKeyID: String? = nil, reclaimPolicy: String? = nil, isDefault: Bool = false,
        volumeTags: [String: String] = [:]
    ) {
        self.name = name
        self.volumeType = volumeType
        self.encrypted = encrypted
        self.iops = iops
        self.throughput = throughput
        self.kmsKeyID = kmsKeyID
        self.reclaimPolicy = reclaimPolicy
        self.isDefault = isDefault
        self.volumeTags = volumeTags
    }

    /// The StorageClass: `WaitForFirstConsumer` binding, expansion allowed.
    public var storageClass: StorageClass {
        var parameters = [
            "type": volumeType, "encrypted": encrypted ? "true" : "false", "iops": String(iops),
            "throughput": String(throughput),
        ]
        if let kmsKeyID { parameters["kmsKeyId"] = kmsKeyID }
        // The driver reads `tagSpecification_1`, `_2`, … as `key=value` (numbered in key order,
        // so the output is stable).
        for (number, key) in volumeTags.keys.sorted().enumerated() {
            parameters["tagSpecification_\(number + 1)"] = "\(key)=\(volumeTags[key] ?? "")"
        }
        return StorageClass(
            metadata: ObjectMeta(
                name: name,
                annotations: isDefault ? ["storageclass.kubernetes.io/is-default-class": "true"] : nil),
            allowVolumeExpansion: true, parameters: parameters, provisioner: Self.provisioner,
            reclaimPolicy: reclaimPolicy, volumeBindingMode: "WaitForFirstConsumer")
    }

    /// The StorageClass.
    public var manifestObjects: [any KubernetesObject] { [storageClass] }

    /// gp3 limits (IOPS 3000–16000, throughput 125–1000, at most 0.25 MiB/s per IOPS) and volume
    /// tags the driver can parse (a non-empty key without `=`, not `aws:`-prefixed), at
    /// `<manifest>/StorageClass/<name>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("StorageClass").appending(name)
        var found: [Diagnostic] = []
        for key in volumeTags.keys.sorted() where key.isEmpty || key.contains("=") || key.hasPrefix("aws:") {
            found.append(
                .error(
                    here.appending("volumeTags"),
                    "volume tag key '\(key)' cannot be used: the driver splits `key=value` at the first '=' and "
                        + "AWS reserves the `aws:` prefix"))
        }
        guard volumeType == "gp3" else { return found }
        if !(3000...16000).contains(iops) {
            found.append(.error(here.appending("iops"), "gp3 IOPS \(iops) is outside 3000–16000"))
        }
        if !(125...1000).contains(throughput) {
            found.append(.error(here.appending("throughput"), "gp3 throughput \(throughput) MiB/s is outside 125–1000"))
        } else if Double(throughput) > Double(iops) * 0.25 {
            found.append(
                .error(here.appending("throughput"), "gp3 throughput \(throughput) MiB/s exceeds 0.25 × IOPS (\(iops))")
            )
        }
        return found
    }
}
