// `EKSCluster`: an EKS control plane with KMS envelope encryption of secrets, every
// control-plane log type (audit included), private endpoint, an OIDC provider for IRSA,
// managed node groups on launch templates that require IMDSv2 and encrypt their gp3
// volumes, and its add-ons (`EKSAddon`: pinned versions, configuration values, an IRSA
// role per add-on that needs AWS access).

import InfraCore
import InfraTerraform

/// An EKS cluster with node groups, add-ons and an OIDC provider for IRSA.
///
/// ```swift
/// EKSCluster("prod", clusterName: "oves-prod", kubernetesVersion: EKSCluster.recommendedKubernetesVersion,
///            vpcID: network.outputs.vpcID, subnetIDs: network.outputs.privateSubnetIDs,
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
    /// The EKS add-ons, each at a pinned version (``EKSAddon/core`` unless given).
    public var addons: [EKSAddon]
    /// How IAM principals authenticate: ``AuthenticationMode/api`` (access entries only) unless given.
    public var authenticationMode: AuthenticationMode
    /// The IAM principals (operator roles) allowed into the Kubernetes API, with their groups and access policies.
    public var accessEntries: [EKSAccessEntry]

    /// How IAM principals are mapped to Kubernetes identities.
    public enum AuthenticationMode: String, Sendable, Hashable {
        /// Access entries only (``EKSAccessEntry``): every grant is an AWS API object, audited in
        /// CloudTrail; the `aws-auth` ConfigMap is ignored. EKS creates the entries of managed node groups itself.
        case api = "API"
        /// Access entries and the deprecated `aws-auth` ConfigMap, for clusters still migrating from it.
        case apiAndConfigMap = "API_AND_CONFIG_MAP"
    }
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
        nodeGroups: [EKSNodeGroup], addons: [EKSAddon] = EKSAddon.core,
        authenticationMode: AuthenticationMode = .api, accessEntries: [EKSAccessEntry] = [],
        logRetentionDays: Int = 365, tags: [String: String] = [:], formerName: String? = nil
    ) {
        self.name = name
        self.clusterName = clusterName ?? name
        self.kubernetesVersion = kubernetesVersion
        self.vpcID = vpcID
        self.subnetIDs = subnetIDs
        self.endpointPublicAccess = endpointPublicAccess
        self.publicAccessCIDRs = publicAccessCIDRs
        self.nodeGroups = nodeGroups
        self.addons = addons
        self.authenticationMode = authenticationMode
        self.accessEntries = accessEntries
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
        var addonNames: Set<String> = []
        for addon in addons {
            let addonPath = path.appending("addon").appending(addon.name)
            if !addonNames.insert(addon.name).inserted {
                result.append(.error(addonPath, "add-on \"\(addon.name)\" is defined twice"))
            }
            result += addon.diagnostics(at: addonPath, cluster: clusterName)
        }
        var principals: Set<String> = []
        for entry in accessEntries {
            let entryPath = path.appending("access-entry").appending(entry.principalARN)
            if !principals.insert(entry.principalARN).inserted {
                result.append(.error(entryPath, "principal \(entry.principalARN) has two access entries"))
            }
            result += entry.diagnostics(at: entryPath)
        }
        return result
    }

    /// The inputs of the `eks` module.
    public struct Inputs: ConstructInputSet {
        /// `cluster_name`: the EKS cluster's name.
        public var clusterName: Expr<String> = nil
        /// `kubernetes_version`: the Kubernetes minor version.
        public var kubernetesVersion: Expr<String> = nil
        /// `vpc_id`: the VPC the cluster runs in.
        public var vpcID: Expr<String> = nil
        /// `subnet_ids`: private subnets for control-plane interfaces and nodes.
        public var subnetIDs: Expr<[String]> = nil
        /// `endpoint_public_access`: whether the API endpoint is public.
        public var endpointPublicAccess: Expr<Bool> = nil
        /// `public_access_cidrs`: CIDRs allowed to the public endpoint.
        public var publicAccessCIDRs: Expr<[String]> = nil
        /// `node_groups`: managed node groups by name.
        public var nodeGroups: Expr<[String: EKSNodeGroup.Shape]> = nil
        /// `addons`: EKS add-ons by name.
        public var addons: Expr<[String: EKSAddon.Shape]> = nil
        /// `authentication_mode`: `API` or `API_AND_CONFIG_MAP`.
        public var authenticationMode: Expr<String> = nil
        /// `access_entries`: access entries by principal ARN.
        public var accessEntries: Expr<[String: EKSAccessEntry.Shape]> = nil
        /// `access_policy_associations`: access policy associations by `"<principal> <policy>"`.
        public var accessPolicyAssociations: Expr<[String: EKSAccessEntry.AssociationShape]> = nil
        /// `log_retention_days`: days control-plane logs are kept.
        public var logRetentionDays: Expr<Double> = nil
        /// `tags`: tags for every resource.
        public var tags: Expr<[String: String]> = nil

        /// Every input `null`.
        public init() {}

        init(
            clusterName: Expr<String>, kubernetesVersion: Expr<String>, vpcID: Expr<String>,
            subnetIDs: Expr<[String]>, endpointPublicAccess: Expr<Bool>, publicAccessCIDRs: Expr<[String]>,
            nodeGroups: Expr<[String: EKSNodeGroup.Shape]>, addons: Expr<[String: EKSAddon.Shape]>,
            logRetentionDays: Expr<Double>, tags: Expr<[String: String]>
        ) {
            self.clusterName = clusterName
            self.kubernetesVersion = kubernetesVersion
            self.vpcID = vpcID
            self.subnetIDs = subnetIDs
            self.endpointPublicAccess = endpointPublicAccess
            self.publicAccessCIDRs = publicAccessCIDRs
            self.nodeGroups = nodeGroups
            self.addons = addons
            self.logRetentionDays = logRetentionDays
            self.tags = tags
        }

        /// The variables of the `eks` module.
        public static var variables: [ConstructVariable<Inputs>] {
            [
                ConstructVariable(\.clusterName, "cluster_name", "The EKS cluster's name"),
                ConstructVariable(
                    \.kubernetesVersion, "kubernetes_version", "Kubernetes minor version (1.28 or later)"),
                ConstructVariable(\.vpcID, "vpc_id", "The VPC the cluster runs in"),
                ConstructVariable(
                    \.subnetIDs, "subnet_ids", "Private subnets for control-plane interfaces and nodes"),
                ConstructVariable(
                    \.endpointPublicAccess, "endpoint_public_access", "Whether the API endpoint is public"),
                ConstructVariable(\.publicAccessCIDRs, "public_access_cidrs", "CIDRs allowed to the public endpoint"),
                ConstructVariable(\.nodeGroups, "node_groups", "Managed node groups by name"),
                ConstructVariable(
                    \.addons, "addons",
                    "EKS add-ons by name; configuration_values and policy are JSON or \"\", namespace and service_account \"\" without an IRSA role"
                ),
                ConstructVariable(
                    \.authenticationMode, "authentication_mode",
                    "How IAM principals authenticate: API or API_AND_CONFIG_MAP"),
                ConstructVariable(
                    \.accessEntries, "access_entries", "Access entries (Kubernetes groups) by IAM principal ARN"),
                ConstructVariable(
                    \.accessPolicyAssociations, "access_policy_associations",
                    "EKS access policies by \"<principal> <policy>\"; namespaces [] means cluster-wide"),
                ConstructVariable(\.logRetentionDays, "log_retention_days", "Days control-plane logs are kept"),
                ConstructVariable(\.tags, "tags", "Tags for every resource"),
            ]
        }
    }

    /// The parameters as module inputs.
    public var inputs: Inputs {
        var inputs = Inputs(
            clusterName: ConstructLiterals.string(clusterName),
            kubernetesVersion: ConstructLiterals.string(kubernetesVersion), vpcID: vpcID, subnetIDs: subnetIDs,
            endpointPublicAccess: ConstructLiterals.bool(endpointPublicAccess),
            publicAccessCIDRs: ConstructLiterals.strings(endpointPublicAccess ? publicAccessCIDRs : []),
            nodeGroups: Expr(Expression.object(nodeGroups.sorted { $0.name < $1.name }.map { ($0.name, $0.literal) })),
            addons: Expr(Expression.object(addons.sorted { $0.name < $1.name }.map { ($0.name, $0.literal) })),
            logRetentionDays: ConstructLiterals.number(logRetentionDays), tags: ConstructLiterals.stringMap(tags))
        inputs.authenticationMode = ConstructLiterals.string(authenticationMode.rawValue)
        let entries = accessEntries.sorted { $0.principalARN < $1.principalARN }
        inputs.accessEntries = Expr(Expression.object(entries.map { ($0.principalARN, $0.literal) }))
        inputs.accessPolicyAssociations = Expr(
            Expression.object(entries.flatMap(\.associationLiterals).sorted { $0.0 < $1.0 }))
        return inputs
    }

    /// The values a cluster exposes: `cluster.outputs.oidcProviderARN` (inlined) or `call.outputs.oidcProviderARN`.
    public struct Outputs: Sendable {
        /// `cluster_name`: the cluster's name (a reference, so readers wait for the cluster).
        public var clusterName: Expr<String>
        /// `cluster_arn`: the cluster's ARN.
        public var clusterARN: Expr<String>
        /// `cluster_endpoint`: the API server endpoint.
        public var clusterEndpoint: Expr<String>
        /// `cluster_certificate_authority_data`: the API server's CA bundle (base64), for kubeconfigs.
        public var clusterCertificateAuthorityData: Expr<String>
        /// `cluster_security_group_id`: the security group EKS created for the control plane and nodes.
        public var clusterSecurityGroupID: Expr<String>
        /// `oidc_provider_arn`: the IRSA OIDC provider's ARN.
        public var oidcProviderARN: Expr<String>
        /// `oidc_issuer`: the OIDC issuer URL.
        public var oidcIssuer: Expr<String>
        /// `node_role_arn`: the nodes' IAM role.
        public var nodeRoleARN: Expr<String>
        /// `secrets_kms_key_arn`: the secrets encryption key.
        public var secretsKMSKeyARN: Expr<String>
    }

    /// The control-plane log types enabled on every cluster.
    public static let controlPlaneLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

    /// The cluster's resources and exposed values.
    public static func body(name: String, inputs: ConstructInputs<Inputs>) -> ConstructBody<Outputs> {
        let n = ConstructNaming.local(name)
        let cluster = inputs.clusterName
        let tags = inputs.tags
        var content: [any StackContent] = []

        // Envelope encryption of Kubernetes secrets with a rotating customer key.
        let key = AWSKMSKey(
            "\(n)_secrets", deletionWindowInDays: 30, description: "EKS secrets encryption for \(cluster)",
            enableKeyRotation: true, tags: tags)
        content.append(key)
        content.append(AWSKMSAlias("\(n)_secrets", targetKeyId: key.keyId, name: "alias/eks/\(cluster)"))

        // Control-plane logs go to this group (EKS writes to the fixed name).
        let logs = AWSCloudWatchLogGroup(
            "\(n)_cluster", name: "/aws/eks/\(cluster)/cluster", retentionInDays: inputs.logRetentionDays, tags: tags)
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
                subnetIds: Fn.toset(inputs.subnetIDs), endpointPrivateAccess: true,
                endpointPublicAccess: inputs.endpointPublicAccess,
                publicAccessCidrs: .if(inputs.endpointPublicAccess, then: Fn.toset(inputs.publicAccessCIDRs), else: nil)
            ),
            accessConfig: .init(
                authenticationMode: inputs.authenticationMode, bootstrapClusterCreatorAdminPermissions: true),
            enabledClusterLogTypes: ConstructLiterals.stringSet(controlPlaneLogTypes),
            encryptionConfig: .init(provider: .init(keyArn: key.arn), resources: ["secrets"]),
            tags: tags, version: inputs.kubernetesVersion
        ).dependsOn(clusterPolicy.address, logs.address)
        content.append(eks)

        // Operator access: one entry per principal, then its access policies (cluster or namespaces).
        let entries = AWSEKSAccessEntry(
            n, clusterName: eks.nameRef, principalArn: Each<EKSAccessEntry.Shape>().key,
            kubernetesGroups: Fn.toset(Each.of(inputs.accessEntries).value.kubernetesGroups), tags: tags
        ).forEach(inputs.accessEntries)
        content.append(entries)
        let association = Each.of(inputs.accessPolicyAssociations).value
        let scoped = Fn.length(association.namespaces) > Expr<Double>(Expression(.int(0)))
        content.append(
            AWSEKSAccessPolicyAssociation(
                n,
                accessScope: .init(
                    type: .if(scoped, then: "namespace", else: "cluster"),
                    namespaces: .if(scoped, then: Fn.toset(association.namespaces), else: nil)),
                clusterName: eks.nameRef, policyArn: association.policyARN, principalArn: association.principalARN
            ).forEach(inputs.accessPolicyAssociations).dependsOn(entries.address))

        // OIDC provider for IAM Roles for Service Accounts.
        let issuer: Expr<String> = eks.identity[0].oidc[0].issuer.unsafeCast()
        let oidc = AWSIAMOpenIDConnectProvider(
            n, clientIdList: ["sts.amazonaws.com"], url: issuer, tags: tags)
        content.append(oidc)

        // Add-ons that need AWS access get an IRSA role for their ServiceAccount, named exactly
        // `<cluster>-addon-<name>` so manifests can refer to it.
        let addonKey = Each<EKSAddon.Shape>().key
        let withRole = inputs.addons.filter(as: "k", "a") { a in a.serviceAccount .!= "" }
        let roleAddon = Each.of(withRole).value
        let addonTrust = IRSATrust.document(
            providerARN: oidc.arn, issuer: issuer, namespace: roleAddon.namespace,
            serviceAccount: roleAddon.serviceAccount)
        let addonRoles = AWSIAMRole(
            "\(n)_addon", assumeRolePolicy: addonTrust.json, name: "\(cluster)-addon-\(addonKey)", tags: tags
        ).forEach(withRole)
        content.append(addonRoles)
        let withPolicy = withRole.filter(as: "k", "a") { a in a.policy .!= "" }
        content.append(
            AWSIAMRolePolicy("\(n)_addon", policy: Each.of(withPolicy).value.policy, role: addonRoles[addonKey].id)
                .forEach(withPolicy))
        let attachments = Fn.merge(
            expanding: withRole.map(as: "k", "a") { k, a in
                a.managedPolicyARNs.toMap(as: "arn") { arn in
                    ("\(k):\(arn)", IRSARole.AttachmentShape.object(role: k, arn: arn))
                }
            })
        let attachment = Each.of(attachments).value
        let roleAttachments = AWSIAMRolePolicyAttachment(
            "\(n)_addon", policyArn: attachment.arn, role: addonRoles[attachment.role].nameRef
        ).forEach(attachments)
        content.append(roleAttachments)
        let roleARNs = addonRoles.eachInstance.mapValues(as: "k", "r") { r in r.arn }
        let noRole: Expr<String> = nil

        // Networking add-ons go first (nodes need them to become ready); the others wait for nodes to run on.
        let early = inputs.addons.filter(as: "k", "a") { a in a.beforeNodes }
        let late = inputs.addons.filter(as: "k", "a") { a in !a.beforeNodes }
        let nodeGroupAddress = ReferenceTarget.resource(type: AWSEKSNodeGroup.terraformType, name: n)
        var earlyAddons: [ReferenceTarget] = []
        for (suffix, selection) in [("", late), ("_before_nodes", early)] {
            let addon = Each.of(selection).value
            var resource = AWSEKSAddon(
                "\(n)\(suffix)", addonName: addonKey, clusterName: eks.nameRef, addonVersion: addon.addonVersion,
                configurationValues: .if(addon.configurationValues .!= "", then: addon.configurationValues, else: nil),
                resolveConflictsOnCreate: addon.resolveConflictsOnCreate,
                resolveConflictsOnUpdate: addon.resolveConflictsOnUpdate,
                serviceAccountRoleArn: Fn.lookup(roleARNs, key: addonKey, default: noRole), tags: tags
            ).forEach(selection)
            resource.meta.dependsOn = [roleAttachments.address] + (suffix.isEmpty ? [nodeGroupAddress] : [])
            if !suffix.isEmpty { earlyAddons.append(resource.address) }
            content.append(resource)
        }

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
                "\(n)_node_\(suffix)", policyArn: ConstructLiterals.string(arn), role: nodeRole.nameRef)
            nodeAttachments.append(attachment.address)
            content.append(attachment)
        }
        let each = Each.of(inputs.nodeGroups)
        let template = AWSLaunchTemplate(
            "\(n)_node",
            blockDeviceMappings: [
                .init(
                    deviceName: "/dev/xvda",
                    ebs: .init(
                        deleteOnTermination: "true", encrypted: "true", volumeSize: each.value.diskSize,
                        volumeType: "gp3"))
            ],
            description: "Nodes of \(cluster) group \(each.key)",
            metadataOptions: .init(httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpTokens: "required"),
            namePrefix: "\(cluster)-\(each.key)-",
            tagSpecifications: [
                .init(resourceType: "instance", tags: ConstructLiterals.tags(tags, name: "\(cluster)-\(each.key)")),
                .init(resourceType: "volume", tags: tags),
            ],
            tags: tags, updateDefaultVersion: true
        ).forEach(inputs.nodeGroups)
        content.append(template)
        var nodeGroup =
            AWSEKSNodeGroup(
                n, clusterName: eks.nameRef, nodeRoleArn: nodeRole.arn,
                scalingConfig: .init(
                    desiredSize: each.value.desiredSize, maxSize: each.value.maxSize, minSize: each.value.minSize),
                subnetIds: Fn.toset(inputs.subnetIDs), capacityType: each.value.capacityType,
                instanceTypes: each.value.instanceTypes, labels: each.value.labels,
                launchTemplate: .init(
                    version: template[each.key].latestVersion.unsafeCast(), id: template[each.key].id),
                nodeGroupNamePrefix: "\(cluster)-\(each.key)-",
                tags: Fn.merge(
                    tags,
                    ["k8s.io/cluster-autoscaler/enabled": "true", "k8s.io/cluster-autoscaler/\(cluster)": "owned"]),
                updateConfig: .init(maxUnavailablePercentage: 33)
            )
            .forEach(inputs.nodeGroups)
            .dynamic(\.taint, forEach: each.value.taints) { taint in
                .init(effect: taint.value.effect, key: taint.value.key, value: taint.value.value)
            }
            .lifecycle(
                Lifecycle(createBeforeDestroy: true, ignoreChanges: .attributes(["scaling_config[0].desired_size"])))
        nodeGroup.meta.dependsOn = nodeAttachments + earlyAddons
        content.append(nodeGroup)

        // Nested blocks have no generated reference property; `vpc_config` is read by its attribute name.
        let vpcConfig: Expr<[Value]> = eks.reference("vpc_config")
        return ConstructBody(content) { output in
            Outputs(
                clusterName: output("cluster_name", eks.nameRef, "The cluster's name"),
                clusterARN: output("cluster_arn", eks.arn, "The cluster's ARN"),
                clusterEndpoint: output("cluster_endpoint", eks.endpoint, "The API server endpoint"),
                clusterCertificateAuthorityData: output(
                    "cluster_certificate_authority_data", eks.certificateAuthority[0].data.unsafeCast(),
                    "The API server's CA bundle (base64)"),
                clusterSecurityGroupID: output(
                    "cluster_security_group_id", vpcConfig[0].cluster_security_group_id.unsafeCast(),
                    "The security group EKS created for the control plane and nodes"),
                oidcProviderARN: output("oidc_provider_arn", oidc.arn, "The IRSA OIDC provider's ARN"),
                oidcIssuer: output("oidc_issuer", issuer, "The OIDC issuer URL"),
                nodeRoleARN: output("node_role_arn", nodeRole.arn, "The nodes' IAM role"),
                secretsKMSKeyARN: output("secrets_kms_key_arn", key.arn, "The secrets encryption key"))
        }
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

extension EKSNodeGroup {
    /// The Terraform type of one node group in the `eks` module's `node_groups` variable: the
    /// phantom type of `Expr<EKSNodeGroup.Shape>`, whose fields read typed (`each.value.diskSize`).
    public enum Shape: TerraformTyped, Sendable {
        /// `object({ instance_types = list(string), capacity_type = string, … })`
        public static var terraformTypeConstraint: String {
            "object({ instance_types = list(string), capacity_type = string, min_size = number, max_size = number, desired_size = number, disk_size = number, labels = map(string), taints = \([EKSNodeGroup.Taint.Shape].terraformTypeConstraint) })"
        }
    }
}

extension EKSNodeGroup.Taint {
    /// The Terraform type of one taint of a node group: `object({ key = string, value = string, effect = string })`.
    public enum Shape: TerraformTyped, Sendable {
        /// `object({ key = string, value = string, effect = string })`
        public static var terraformTypeConstraint: String {
            "object({ key = string, value = string, effect = string })"
        }
    }
}

extension Expr where T == EKSNodeGroup.Shape {
    /// `instance_types`: the instance types, the first preferred.
    public var instanceTypes: Expr<[String]> { member("instance_types") }
    /// `capacity_type`: `ON_DEMAND` or `SPOT`.
    public var capacityType: Expr<String> { member("capacity_type") }
    /// `min_size`: the fewest nodes.
    public var minSize: Expr<Double> { member("min_size") }
    /// `max_size`: the most nodes.
    public var maxSize: Expr<Double> { member("max_size") }
    /// `desired_size`: the initial node count.
    public var desiredSize: Expr<Double> { member("desired_size") }
    /// `disk_size`: the root volume size in GiB.
    public var diskSize: Expr<Double> { member("disk_size") }
    /// `labels`: Kubernetes labels on the nodes.
    public var labels: Expr<[String: String]> { member("labels") }
    /// `taints`: Kubernetes taints on the nodes.
    public var taints: Expr<[EKSNodeGroup.Taint.Shape]> { member("taints") }
}

extension Expr where T == EKSNodeGroup.Taint.Shape {
    /// `key`: the taint key.
    public var key: Expr<String> { member("key") }
    /// `value`: the taint value.
    public var value: Expr<String> { member("value") }
    /// `effect`: `NO_SCHEDULE`, `NO_EXECUTE` or `PREFER_NO_SCHEDULE`.
    public var effect: Expr<String> { member("effect") }
}
