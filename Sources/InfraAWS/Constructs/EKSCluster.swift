// `EKSCluster`: an EKS control plane with KMS envelope encryption of secrets, every
// control-plane log type (audit included), private endpoint, an OIDC provider for IRSA,
// managed node groups on launch templates that require IMDSv2 and encrypt their gp3
// volumes, and the core add-ons (vpc-cni, coredns, kube-proxy, aws-ebs-csi-driver with
// its own IRSA role).

import InfraCore
import InfraTerraform

/// An EKS cluster with node groups, add-ons and an OIDC provider for IRSA.
///
/// ```swift
/// EKSCluster("prod", clusterName: "oves-prod", kubernetesVersion: EKSCluster.recommendedKubernetesVersion,
///            vpcID: network.output("vpc_id"), subnetIDs: network.output("private_subnet_ids"),
///            nodeGroups: [EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 3, maxSize: 10)])
/// ```
public struct EKSCluster: ModularConstruct {
    /// The construct's name.
    public var name: String
    /// The EKS cluster's name.
    public var clusterName: String
    /// The Kubernetes minor version, e.g. `1.35`; at least ``minimumKubernetesVersion`` and one EKS still
    /// creates clusters with (``EKSKubernetesCalendar``).
    public var kubernetesVersion: String
    /// The VPC the cluster runs in.
    public var vpcID: Expr<String>
    /// Private subnets for the control plane's network interfaces and the nodes.
    public var subnetIDs: Expr<[String]>
    /// Whether the API endpoint is reachable from the internet (off: reach it from the VPC or a VPN).
    public var endpointPublicAccess: Bool
    /// Where the public endpoint may be reached from when it is on.
    public var publicAccessCIDRs: [String]
    /// Managed node groups.
    public var nodeGroups: [EKSNodeGroup]
    /// Days control-plane logs are kept.
    public var logRetentionDays: Int
    /// Tags for every resource.
    public var tags: [String: String]
    /// The former construct name, for `moved` blocks.
    public var formerName: String?

    /// The oldest Kubernetes version this construct creates (the seed: 1.28+); versions past their
    /// EKS extended support are refused too (``EKSKubernetesCalendar``).
    public static let minimumKubernetesVersion = (major: 1, minor: 28)

    /// The version the documentation and examples use: in EKS standard support (until 2027-03-27)
    /// and the version the Kubernetes types are generated from. A test fails once it leaves
    /// standard support. Deliberately not the initializer's default: a new library version must not
    /// upgrade a cluster unasked.
    public static let recommendedKubernetesVersion = "1.35"

    /// Creates a cluster with a private endpoint and a year of control-plane logs.
    public init(
        _ name: String, clusterName: String? = nil, kubernetesVersion: String, vpcID: Expr<String>,
        subnetIDs: Expr<[String]>, endpointPublicAccess: Bool = false, publicAccessCIDRs: [String] = [],
        nodeGroups: [EKSNodeGroup], logRetentionDays: Int = 365, tags: [String: String] = [:],
        formerName: String? = nil
    ) {
        self.name = name
        self.clusterName = clusterName ?? name
        self.kubernetesVersion = kubernetesVersion
        self.vpcID = vpcID
        self.subnetIDs = subnetIDs
        self.endpointPublicAccess = endpointPublicAccess
        self.publicAccessCIDRs = publicAccessCIDRs
        self.nodeGroups = nodeGroups
        self.logRetentionDays = logRetentionDays
        self.tags = tags
        self.formerName = formerName
    }

    /// Version, endpoint and node group problems, the version checked against the EKS calendar today.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        diagnostics(at: path, on: .today())
    }

    /// Version, endpoint and node group problems, the version's EKS support checked on `day`.
    ///
    /// ```swift
    /// cluster.diagnostics(at: "prod/eks", on: EKSKubernetesCalendar.Day(2027, 4, 1))
    /// ```
    public func diagnostics(at path: ComponentPath, on day: EKSKubernetesCalendar.Day) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let parts = kubernetesVersion.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        if parts.count != 2 || parts.contains(where: { $0 == nil }) {
            result.append(.error(path, "Kubernetes version \"\(kubernetesVersion)\" is not of the form 1.35"))
        } else if let major = parts[0], let minor = parts[1],
            (major, minor) < (Self.minimumKubernetesVersion.major, Self.minimumKubernetesVersion.minor)
        {
            result.append(
                .error(
                    path, "Kubernetes version \(kubernetesVersion) is below the supported minimum 1.28",
                    hint: "use \(Self.recommendedKubernetesVersion)"))
        } else {
            result += EKSKubernetesCalendar.diagnostics(for: kubernetesVersion, at: path, on: day)
        }
        let validName =
            !clusterName.isEmpty && clusterName.count <= 100
            && clusterName.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            && clusterName.first.map { $0.isLetter || $0.isNumber } == true
        if !validName {
            result.append(.error(path, "cluster name \"\(clusterName)\" must be 1–100 letters, digits, - or _"))
        }
        if endpointPublicAccess && (publicAccessCIDRs.isEmpty || publicAccessCIDRs.contains { $0.hasSuffix("/0") }) {
            result.append(
                .error(
                    path, "a public API endpoint must be restricted to known CIDRs, not the whole internet",
                    hint: "set publicAccessCIDRs, or keep endpointPublicAccess false"))
        }
        if nodeGroups.isEmpty { result.append(.error(path, "a cluster needs at least one node group")) }
        var names: Set<String> = []
        for group in nodeGroups {
            let groupPath = path.appending("node-group").appending(group.name)
            if !names.insert(group.name).inserted {
                result.append(.error(groupPath, "node group \"\(group.name)\" is defined twice"))
            }
            result += group.diagnostics(at: groupPath)
        }
        return result
    }

    /// The variables of the `eks` module.
    public static let variables: [ConstructVariable] = [
        ConstructVariable("cluster_name", "string", "The EKS cluster's name"),
        ConstructVariable("kubernetes_version", "string", "Kubernetes minor version (1.28 or later)"),
        ConstructVariable("vpc_id", "string", "The VPC the cluster runs in"),
        ConstructVariable("subnet_ids", "list(string)", "Private subnets for control-plane interfaces and nodes"),
        ConstructVariable("endpoint_public_access", "bool", "Whether the API endpoint is public"),
        ConstructVariable("public_access_cidrs", "list(string)", "CIDRs allowed to the public endpoint"),
        ConstructVariable(
            "node_groups",
            "map(object({ instance_types = list(string), capacity_type = string, min_size = number, max_size = number, desired_size = number, disk_size = number, labels = map(string), taints = list(object({ key = string, value = string, effect = string })) }))",
            "Managed node groups by name"),
        ConstructVariable("log_retention_days", "number", "Days control-plane logs are kept"),
        ConstructVariable("tags", "map(string)", "Tags for every resource"),
    ]

    /// The parameters as module inputs.
    public var inputs: [String: Expression] {
        [
            "cluster_name": .string(clusterName),
            "kubernetes_version": .string(kubernetesVersion),
            "vpc_id": vpcID.expression,
            "subnet_ids": subnetIDs.expression,
            "endpoint_public_access": Expression(.bool(endpointPublicAccess)),
            "public_access_cidrs": ConstructLiterals.list(endpointPublicAccess ? publicAccessCIDRs : []),
            "node_groups": Expression.object(nodeGroups.sorted { $0.name < $1.name }.map { ($0.name, $0.literal) }),
            "log_retention_days": Expression(.int(logRetentionDays)),
            "tags": ConstructLiterals.map(tags),
        ]
    }

    /// The control-plane log types enabled on every cluster.
    public static let controlPlaneLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

    /// The cluster's resources.
    public static func body(name: String, inputs: ConstructInputs) -> [any StackContent] {
        let n = ConstructNaming.local(name)
        let cluster = inputs.string("cluster_name")
        let tags = inputs.stringMap("tags")
        var content: [any StackContent] = []

        // Envelope encryption of Kubernetes secrets with a rotating customer key.
        let key = AWSKMSKey(
            "\(n)_secrets", deletionWindowInDays: 30, description: "EKS secrets encryption for \(cluster)",
            enableKeyRotation: true, tags: tags)
        content.append(key)
        content.append(AWSKMSAlias("\(n)_secrets", targetKeyId: key.keyId, name: "alias/eks/\(cluster)"))

        // Control-plane logs go to this group (EKS writes to the fixed name).
        let logs = AWSCloudWatchLogGroup(
            "\(n)_cluster", name: "/aws/eks/\(cluster)/cluster", retentionInDays: inputs.number("log_retention_days"),
            tags: tags)
        content.append(logs)

        let clusterTrust = IAMPolicyDocument {
            IAMStatement(
                effect: .allow, actions: ["sts:AssumeRole", "sts:TagSession"],
                principals: [.service("eks.amazonaws.com")])
        }
        let clusterRole = AWSIAMRole(
            "\(n)_cluster", assumeRolePolicy: clusterTrust.json, namePrefix: "\(cluster)-cluster-", tags: tags)
        content.append(clusterRole)
        let clusterPolicy = AWSIAMRolePolicyAttachment(
            "\(n)_cluster", policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", role: clusterRole.nameRef)
        content.append(clusterPolicy)

        let eks = AWSEKSCluster(
            n, name: cluster, roleArn: clusterRole.arn,
            vpcConfig: .init(
                subnetIds: Fn.toset(inputs.strings("subnet_ids")), endpointPrivateAccess: true,
                endpointPublicAccess: inputs.bool("endpoint_public_access"),
                publicAccessCidrs: Expr.raw(
                    "\(inputs.hcl("endpoint_public_access")) ? toset(\(inputs.hcl("public_access_cidrs"))) : null")),
            accessConfig: .init(
                authenticationMode: "API_AND_CONFIG_MAP", bootstrapClusterCreatorAdminPermissions: true),
            enabledClusterLogTypes: Expr(ConstructLiterals.list(controlPlaneLogTypes)),
            encryptionConfig: .init(provider: .init(keyArn: key.arn), resources: ["secrets"]),
            tags: tags, version: inputs.string("kubernetes_version")
        ).dependsOn(clusterPolicy.address, logs.address)
        content.append(eks)

        // OIDC provider for IAM Roles for Service Accounts.
        let issuer: Expr<String> = .raw("aws_eks_cluster.\(n).identity[0].oidc[0].issuer")
        let oidc = AWSIAMOpenIDConnectProvider(
            n, clientIdList: ["sts.amazonaws.com"], url: issuer, tags: tags)
        content.append(oidc)

        // Nodes: one role, one launch template and one managed group per node group.
        let nodeTrust = IAMPolicyDocument {
            IAMStatement(effect: .allow, actions: ["sts:AssumeRole"], principals: [.service("ec2.amazonaws.com")])
        }
        let nodeRole = AWSIAMRole(
            "\(n)_node", assumeRolePolicy: nodeTrust.json, namePrefix: "\(cluster)-node-", tags: tags)
        content.append(nodeRole)
        let nodePolicies = [
            "worker": "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "cni": "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            "ecr": "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            "ssm": "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
        ]
        var nodeAttachments: [ReferenceTarget] = []
        for (suffix, arn) in nodePolicies.sorted(by: { $0.key < $1.key }) {
            let attachment = AWSIAMRolePolicyAttachment(
                "\(n)_node_\(suffix)", policyArn: Expr(.string(arn)), role: nodeRole.nameRef)
            nodeAttachments.append(attachment.address)
            content.append(attachment)
        }
        let groups = inputs["node_groups"]
        content.append(
            AWSLaunchTemplate(
                "\(n)_node",
                blockDeviceMappings: [
                    .init(
                        deviceName: "/dev/xvda",
                        ebs: .init(
                            deleteOnTermination: "true", encrypted: "true", volumeSize: .raw("each.value.disk_size"),
                            volumeType: "gp3"))
                ],
                description: "Nodes of \(cluster) group \(Expression.eachKey)",
                metadataOptions: .init(httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpTokens: "required"),
                namePrefix: "\(cluster)-\(Expression.eachKey)-",
                tagSpecifications: [
                    .init(
                        resourceType: "instance",
                        tags: Expr.raw(
                            "merge(\(inputs.hcl("tags")), { Name = \"${\(cluster.expression.hcl)}-${each.key}\" })")),
                    .init(resourceType: "volume", tags: tags),
                ],
                tags: tags, updateDefaultVersion: true
            ).forEach(groups))
        var nodeGroup =
            AWSEKSNodeGroup(
                n, clusterName: eks.nameRef, nodeRoleArn: nodeRole.arn,
                scalingConfig: .init(
                    desiredSize: .raw("each.value.desired_size"), maxSize: .raw("each.value.max_size"),
                    minSize: .raw("each.value.min_size")),
                subnetIds: Fn.toset(inputs.strings("subnet_ids")), capacityType: .raw("each.value.capacity_type"),
                instanceTypes: .raw("each.value.instance_types"), labels: .raw("each.value.labels"),
                launchTemplate: .init(
                    version: .raw("aws_launch_template.\(n)_node[each.key].latest_version"),
                    id: .raw("aws_launch_template.\(n)_node[each.key].id")),
                nodeGroupNamePrefix: "\(cluster)-\(Expression.eachKey)-",
                tags: Expr.raw(
                    "merge(\(inputs.hcl("tags")), { \"k8s.io/cluster-autoscaler/enabled\" = \"true\", \"k8s.io/cluster-autoscaler/${\(cluster.expression.hcl)}\" = \"owned\" })"
                ),
                updateConfig: .init(maxUnavailablePercentage: 33)
            )
            .forEach(groups)
            .override(
                "dynamic",
                Expression.object([
                    (
                        "taint",
                        Expression.object([
                            ("for_each", .raw("each.value.taints")),
                            (
                                "content",
                                Expression.object([
                                    ("key", .raw("taint.value.key")), ("value", .raw("taint.value.value")),
                                    ("effect", .raw("taint.value.effect")),
                                ])
                            ),
                        ])
                    )
                ])
            )
            .lifecycle(
                Lifecycle(createBeforeDestroy: true, ignoreChanges: .attributes(["scaling_config[0].desired_size"])))
        nodeGroup.meta.dependsOn = nodeAttachments
        content.append(nodeGroup)

        // The EBS CSI driver's controller assumes its own role through IRSA.
        let ebsTrust = IRSATrust.document(
            providerARN: oidc.arn, issuer: issuer, namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa")
        let ebsRole = AWSIAMRole(
            "\(n)_ebs_csi", assumeRolePolicy: ebsTrust.json, namePrefix: "\(cluster)-ebs-csi-", tags: tags)
        content.append(ebsRole)
        content.append(
            AWSIAMRolePolicyAttachment(
                "\(n)_ebs_csi", policyArn: "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
                role: ebsRole.nameRef))

        // Add-ons; coredns and the CSI driver need nodes to schedule on.
        let nodeGroupAddress = ReferenceTarget.resource(type: AWSEKSNodeGroup.terraformType, name: n)
        for addon in ["vpc-cni", "kube-proxy", "coredns", "aws-ebs-csi-driver"] {
            var resource = AWSEKSAddon(
                ConstructNaming.local(n, addon), addonName: Expr(.string(addon)), clusterName: eks.nameRef,
                resolveConflictsOnCreate: "OVERWRITE", resolveConflictsOnUpdate: "OVERWRITE",
                serviceAccountRoleArn: addon == "aws-ebs-csi-driver" ? ebsRole.arn : nil, tags: tags)
            if addon == "coredns" || addon == "aws-ebs-csi-driver" { resource = resource.dependsOn(nodeGroupAddress) }
            content.append(resource)
        }
        return content
    }

    /// The cluster's exposed values.
    public static func outputs(name: String) -> [ConstructOutput] {
        let n = ConstructNaming.local(name)
        return [
            ConstructOutput("cluster_name", .reference("aws_eks_cluster", n, "name"), "The cluster's name"),
            ConstructOutput("cluster_arn", .reference("aws_eks_cluster", n, "arn"), "The cluster's ARN"),
            ConstructOutput(
                "cluster_endpoint", .reference("aws_eks_cluster", n, "endpoint"), "The API server endpoint"),
            ConstructOutput(
                "cluster_security_group_id", .raw("aws_eks_cluster.\(n).vpc_config[0].cluster_security_group_id"),
                "The security group EKS created for the control plane and nodes"),
            ConstructOutput(
                "oidc_provider_arn", .reference("aws_iam_openid_connect_provider", n, "arn"),
                "The IRSA OIDC provider's ARN"),
            ConstructOutput(
                "oidc_issuer", .raw("aws_eks_cluster.\(n).identity[0].oidc[0].issuer"), "The OIDC issuer URL"),
            ConstructOutput("node_role_arn", .reference("aws_iam_role", "\(n)_node", "arn"), "The nodes' IAM role"),
            ConstructOutput(
                "secrets_kms_key_arn", .reference("aws_kms_key", "\(n)_secrets", "arn"), "The secrets encryption key"),
        ]
    }
}

/// One managed node group of an ``EKSCluster``.
///
/// ```swift
/// EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 3, maxSize: 10)
/// EKSNodeGroup("spot", instanceTypes: ["t3.medium", "t3a.medium"], capacity: .spot, minSize: 0, maxSize: 6)
/// ```
public struct EKSNodeGroup: Sendable, Hashable {
    /// On-demand or spot capacity.
    public enum Capacity: String, Sendable, Hashable {
        /// On-demand instances.
        case onDemand = "ON_DEMAND"
        /// Spot instances (interruptible, cheaper); give several instance types.
        case spot = "SPOT"
    }

    /// A Kubernetes taint on the group's nodes.
    public struct Taint: Sendable, Hashable {
        /// The taint key.
        public var key: String
        /// The taint value.
        public var value: String
        /// `NO_SCHEDULE`, `NO_EXECUTE` or `PREFER_NO_SCHEDULE`.
        public var effect: String

        /// Creates a taint.
        public init(key: String, value: String, effect: String = "NO_SCHEDULE") {
            self.key = key
            self.value = value
            self.effect = effect
        }
    }

    /// The group's name (unique in the cluster).
    public var name: String
    /// Instance types; the first is preferred.
    public var instanceTypes: [String]
    /// On-demand or spot.
    public var capacity: Capacity
    /// The fewest nodes.
    public var minSize: Int
    /// The most nodes.
    public var maxSize: Int
    /// The initial node count (the autoscaler owns it afterwards).
    public var desiredSize: Int
    /// The root volume size in GiB (gp3, encrypted).
    public var diskSize: Int
    /// Kubernetes labels on the nodes.
    public var labels: [String: String]
    /// Kubernetes taints on the nodes.
    public var taints: [Taint]

    /// Creates a node group; `desiredSize` defaults to `minSize`.
    public init(
        _ name: String, instanceTypes: [String], capacity: Capacity = .onDemand, minSize: Int, maxSize: Int,
        desiredSize: Int? = nil, diskSize: Int = 100, labels: [String: String] = [:], taints: [Taint] = []
    ) {
        self.name = name
        self.instanceTypes = instanceTypes
        self.capacity = capacity
        self.minSize = minSize
        self.maxSize = maxSize
        self.desiredSize = desiredSize ?? minSize
        self.diskSize = diskSize
        self.labels = labels
        self.taints = taints
    }

    /// Size and type problems.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if !ConstructNaming.isValidConstructName(name) {
            result.append(
                .error(path, "node group name \"\(name)\" must start with a letter and use letters, digits, - or _"))
        }
        if minSize < 0 { result.append(.error(path, "minimum node count \(minSize) is negative")) }
        if maxSize < 1 { result.append(.error(path, "maximum node count \(maxSize) must be at least 1")) }
        if minSize > maxSize {
            result.append(.error(path, "minimum node count \(minSize) is greater than the maximum \(maxSize)"))
        } else if desiredSize < minSize || desiredSize > maxSize {
            result.append(.error(path, "desired node count \(desiredSize) is outside \(minSize)…\(maxSize)"))
        }
        if instanceTypes.isEmpty { result.append(.error(path, "a node group needs at least one instance type")) }
        if capacity == .spot && instanceTypes.count < 2 {
            result.append(
                .warning(path, "spot node groups should allow several instance types to survive interruptions"))
        }
        if diskSize < 20 { result.append(.error(path, "node disk size \(diskSize) GiB is below the 20 GiB minimum")) }
        for taint in taints where !["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"].contains(taint.effect) {
            result.append(
                .error(path, "taint effect \"\(taint.effect)\" is not NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE"))
        }
        return result
    }

    /// The group as a literal object of the module's `node_groups` map.
    var literal: Expression {
        ConstructLiterals.value(
            .sortedObject([
                "instance_types": .array(instanceTypes.map(Value.string)),
                "capacity_type": .string(capacity.rawValue),
                "min_size": .int(minSize),
                "max_size": .int(maxSize),
                "desired_size": .int(desiredSize),
                "disk_size": .int(diskSize),
                "labels": .sortedObject(labels.mapValues(Value.string)),
                "taints": .array(
                    taints.map {
                        .sortedObject([
                            "key": .string($0.key), "value": .string($0.value), "effect": .string($0.effect),
                        ])
                    }
                ),
            ]))
    }
}
