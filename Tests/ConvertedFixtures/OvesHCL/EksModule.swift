// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from modules/eks (3 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.
// Report: escape hatch 2.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform module `modules/eks`, converted from `main.tf`, `outputs.tf`, `variables.tf`.
public enum EksModule {
    /// The module, synthesized into `modules/eks` with the stacks that call it.
    public static let module = TerraformModule(
        "eks", directory: "modules/eks",
        settings: TerraformSettings(requiredVersion: nil, requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws", version: "~> 5.100")])
    ) {
        let accessEntries = Variable<[String: Value]>(
            "access_entries",
            type: "map(object({ kubernetes_groups = list(string) }))",
            description: "Access entries (Kubernetes groups) by IAM principal ARN"
        )
        accessEntries
        let accessPolicyAssociations = Variable<[String: Value]>(
            "access_policy_associations",
            type: "map(object({ principal_arn = string, policy_arn = string, namespaces = list(string) }))",
            description: "EKS access policies by \"<principal> <policy>\"; namespaces [] means cluster-wide"
        )
        accessPolicyAssociations
        let addons = Variable<[String: Value]>(
            "addons",
            type: "map(object({ addon_version = string, configuration_values = string, resolve_conflicts_on_create = string, resolve_conflicts_on_update = string, before_nodes = bool, namespace = string, service_account = string, managed_policy_arns = list(string), policy = string }))",
            description: "EKS add-ons by name; configuration_values and policy are JSON or \"\", namespace and service_account \"\" without an IRSA role"
        )
        addons
        let authenticationMode = Variable<String>(
            "authentication_mode",
            description: "How IAM principals authenticate: API or API_AND_CONFIG_MAP"
        )
        authenticationMode
        let clusterName = Variable<String>("cluster_name", description: "The EKS cluster's name")
        clusterName
        let endpointPublicAccess = Variable<Bool>(
            "endpoint_public_access",
            description: "Whether the API endpoint is public"
        )
        endpointPublicAccess
        let kubernetesVersion = Variable<String>(
            "kubernetes_version",
            description: "Kubernetes minor version (1.28 or later)"
        )
        kubernetesVersion
        let logRetentionDays = Variable<Double>("log_retention_days", description: "Days control-plane logs are kept")
        logRetentionDays
        let nodeGroups = Variable<[String: Value]>(
            "node_groups",
            type: "map(object({ instance_types = list(string), capacity_type = string, min_size = number, max_size = number, desired_size = number, disk_size = number, labels = map(string), taints = list(object({ key = string, value = string, effect = string })) }))",
            description: "Managed node groups by name"
        )
        nodeGroups
        let publicAccessCidrs = Variable<[String]>(
            "public_access_cidrs",
            description: "CIDRs allowed to the public endpoint"
        )
        publicAccessCidrs
        let subnetIds = Variable<[String]>(
            "subnet_ids",
            description: "Private subnets for control-plane interfaces and nodes"
        )
        subnetIds
        let tags = Variable<[String: String]>("tags", description: "Tags for every resource")
        tags
        let vpcId = Variable<String>("vpc_id", description: "The VPC the cluster runs in")
        vpcId
        let thisClusterGroup = AWSCloudWatchLogGroup(
            "this_cluster",
            name: "/aws/eks/\(clusterName.value)/cluster",
            retentionInDays: logRetentionDays.value,
            tags: tags.value
        )
        thisClusterGroup
        let thisClusterRole = AWSIAMRole(
            "this_cluster",
            assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRole", "sts:TagSession"], "Principal": ["Service": ["eks.amazonaws.com"]]]]] as Expression)),
            namePrefix: "\(clusterName.value)-cluster-",
            tags: tags.value
        )
        thisClusterRole
        let thisNodeRole = AWSIAMRole(
            "this_node",
            assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": ["Service": ["ec2.amazonaws.com"]]]]] as Expression)),
            namePrefix: "\(clusterName.value)-node-",
            tags: tags.value
        )
        thisNodeRole
        let thisClusterAttachment = AWSIAMRolePolicyAttachment(
            "this_cluster",
            policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
            role: thisClusterRole.nameRef
        )
        thisClusterAttachment
        let thisNodeCni = AWSIAMRolePolicyAttachment(
            "this_node_cni",
            policyArn: "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            role: thisNodeRole.nameRef
        )
        thisNodeCni
        let thisNodeEcr = AWSIAMRolePolicyAttachment(
            "this_node_ecr",
            policyArn: "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            role: thisNodeRole.nameRef
        )
        thisNodeEcr
        let thisNodeSsm = AWSIAMRolePolicyAttachment(
            "this_node_ssm",
            policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
            role: thisNodeRole.nameRef
        )
        thisNodeSsm
        let thisNodeWorker = AWSIAMRolePolicyAttachment(
            "this_node_worker",
            policyArn: "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            role: thisNodeRole.nameRef
        )
        thisNodeWorker
        let thisSecretsKey = AWSKMSKey(
            "this_secrets",
            deletionWindowInDays: 30,
            description: "EKS secrets encryption for \(clusterName.value)",
            enableKeyRotation: true,
            tags: tags.value
        )
        thisSecretsKey
        let eksCluster = AWSEKSCluster(
            "this",
            name: clusterName.value,
            roleArn: thisClusterRole.arn,
            vpcConfig: .init(
                subnetIds: Fn.toset(subnetIds.value),
                endpointPrivateAccess: true,
                endpointPublicAccess: endpointPublicAccess.value,
                publicAccessCidrs: Expr<Set<String>>.if(endpointPublicAccess.value, then: Fn.toset(publicAccessCidrs.value), else: nil)
            ),
            accessConfig: .init(
                authenticationMode: authenticationMode.value,
                bootstrapClusterCreatorAdminPermissions: true
            ),
            enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
            encryptionConfig: .init(provider: .init(keyArn: thisSecretsKey.arn), resources: ["secrets"]),
            tags: tags.value,
            version: kubernetesVersion.value
        )
            .dependsOn(thisClusterAttachment.address, thisClusterGroup.address)
        eksCluster
        let eksAccessEntry = AWSEKSAccessEntry(
            "this",
            clusterName: eksCluster.nameRef,
            principalArn: Expr<String>(Expression.eachKey),
            kubernetesGroups: Expr<Set<String>>(Expression.call("toset", Expression.eachValue.attribute("kubernetes_groups"))),
            tags: tags.value
        )
            .forEach(accessEntries.value.expression)
        eksAccessEntry
        let eksAccessPolicyAssociation = AWSEKSAccessPolicyAssociation(
            "this",
            accessScope: .init(
                type: Expr<String>.if((Fn.length(Expr<Value>(Expression.eachValue.attribute("namespaces"))) > 0), then: "namespace", else: "cluster"),
                namespaces: Expr<Set<String>>.if((Fn.length(Expr<Value>(Expression.eachValue.attribute("namespaces"))) > 0), then: Expr<Set<String>>(Expression.call("toset", Expression.eachValue.attribute("namespaces"))), else: nil)
            ),
            clusterName: eksCluster.nameRef,
            policyArn: Expr<String>(Expression.eachValue.attribute("policy_arn")),
            principalArn: Expr<String>(Expression.eachValue.attribute("principal_arn"))
        )
            .forEach(accessPolicyAssociations.value.expression)
            .dependsOn(eksAccessEntry.address)
        eksAccessPolicyAssociation
        let iamOpenidConnectProvider = AWSIAMOpenIDConnectProvider(
            "this",
            clientIdList: ["sts.amazonaws.com"],
            url: Expr<String>(eksCluster.identity[0].expression.attribute("oidc").index(0).attribute("issuer")),
            tags: tags.value
        )
        iamOpenidConnectProvider
        let thisAddonRole = AWSIAMRole(
            "this_addon",
            assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRoleWithWebIdentity"], "Principal": ["Federated": [iamOpenidConnectProvider.arn.expression]], "Condition": ["StringEquals": Expression.call("zipmap", ["\(Fn.replace(Expr<String>(eksCluster.identity[0].expression.attribute("oidc").index(0).attribute("issuer")), substr: "https://", replace: "")):sub", "\(Fn.replace(Expr<String>(eksCluster.identity[0].expression.attribute("oidc").index(0).attribute("issuer")), substr: "https://", replace: "")):aud"], [["system:serviceaccount:\(Expression.eachValue.attribute("namespace")):\(Expression.eachValue.attribute("service_account"))"], ["sts.amazonaws.com"]])]]]] as Expression)),
            name: "\(clusterName.value)-addon-\(Expression.eachKey)",
            tags: tags.value
        )
            .forEach(
                addons.value.filter(as: "k", "a") { k, a in Expr<Bool>(Expression.binary("!=", a.expression.attribute("service_account"), "")) }.toMap { k, a in (k, a) }.expression
            )
        thisAddonRole
        let thisAddonPolicy = AWSIAMRolePolicy(
            "this_addon",
            policy: Expr<String>(Expression.eachValue.attribute("policy")),
            role: thisAddonRole[Expr<String>(Expression.eachKey)].id
        )
            .forEach(
                addons.value.filter(as: "k", "a") { k, a in Expr<Bool>(Expression.binary("!=", a.expression.attribute("service_account"), "")) }.toMap { k, a in (k, a) }.filter(as: "k", "a") { k, a in Expr<Bool>(Expression.binary("!=", a.expression.attribute("policy"), "")) }.toMap { k, a in (k, a) }.expression
            )
        thisAddonPolicy
        // convert: argument expansion (`...`) kept as HCL: .build/convert-roundtrip/oves-hcl/terraform/modules/eks/main.tf:166:14
        let thisAddonAttachment = AWSIAMRolePolicyAttachment(
            "this_addon",
            policyArn: Expr<String>(Expression.eachValue.attribute("arn")),
            role: thisAddonRole[Expr<String>(Expression.eachValue.attribute("role"))].nameRef
        )
            .forEach(
                Expression.raw("merge([for k, a in var.addons : {for arn in a.managed_policy_arns : \"${k}:${arn}\" => { \"role\" = k, \"arn\" = arn }} if a.service_account != \"\"]...)")
            )
        thisAddonAttachment
        let thisBeforeNodes = AWSEKSAddon(
            "this_before_nodes",
            addonName: Expr<String>(Expression.eachKey),
            clusterName: eksCluster.nameRef,
            addonVersion: Expr<String>(Expression.eachValue.attribute("addon_version")),
            configurationValues: Expr<Value>.if(Expr<Bool>(Expression.binary("!=", Expression.eachValue.attribute("configuration_values"), "")), then: Expr<Value>(Expression.eachValue.attribute("configuration_values")), else: nil).unsafeCast(to: String.self),
            resolveConflictsOnCreate: Expr<String>(Expression.eachValue.attribute("resolve_conflicts_on_create")),
            resolveConflictsOnUpdate: Expr<String>(Expression.eachValue.attribute("resolve_conflicts_on_update")),
            serviceAccountRoleArn: Expr<String>(Expression.call("lookup", thisAddonRole.eachInstance.mapValues(as: "k", "r") { r in r.arn }.expression, Expression.eachKey, nil)),
            tags: tags.value
        )
            .forEach(
                addons.value.filter(as: "k", "a") { k, a in Expr<Bool>(a.expression.attribute("before_nodes")) }.toMap { k, a in (k, a) }.expression
            )
            .dependsOn(thisAddonAttachment.address)
        thisBeforeNodes
        let thisSecretsAlias = AWSKMSAlias(
            "this_secrets",
            targetKeyId: thisSecretsKey.keyId,
            name: "alias/eks/\(clusterName.value)"
        )
        thisSecretsAlias
        let thisNodeTemplate = AWSLaunchTemplate(
            "this_node",
            blockDeviceMappings: [
                .init(
                    deviceName: "/dev/xvda",
                    ebs: .init(
                        deleteOnTermination: "true",
                        encrypted: "true",
                        volumeSize: Expr<Double>(Expression.eachValue.attribute("disk_size")),
                        volumeType: "gp3"
                    )
                ),
            ],
            description: "Nodes of \(clusterName.value) group \(Expression.eachKey)",
            metadataOptions: .init(httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpTokens: "required"),
            namePrefix: "\(clusterName.value)-\(Expression.eachKey)-",
            tagSpecifications: [
                .init(
                    resourceType: "instance",
                    tags: Fn.merge(tags.value, ["Name": "\(clusterName.value)-\(Expression.eachKey)"])
                ),
                .init(resourceType: "volume", tags: tags.value),
            ],
            tags: tags.value,
            updateDefaultVersion: true
        )
            .forEach(nodeGroups.value.expression)
        thisNodeTemplate
        // convert: object with computed keys kept as HCL: .build/convert-roundtrip/oves-hcl/terraform/modules/eks/main.tf:103:44
        let eksNodeGroup = AWSEKSNodeGroup(
            "this",
            clusterName: eksCluster.nameRef,
            nodeRoleArn: thisNodeRole.arn,
            scalingConfig: .init(
                desiredSize: Expr<Double>(Expression.eachValue.attribute("desired_size")),
                maxSize: Expr<Double>(Expression.eachValue.attribute("max_size")),
                minSize: Expr<Double>(Expression.eachValue.attribute("min_size"))
            ),
            subnetIds: Fn.toset(subnetIds.value),
            capacityType: Expr<String>(Expression.eachValue.attribute("capacity_type")),
            instanceTypes: Expr<[String]>(Expression.eachValue.attribute("instance_types")),
            labels: Expr<[String: String]>(Expression.eachValue.attribute("labels")),
            launchTemplate: .init(
                version: thisNodeTemplate[Expr<String>(Expression.eachKey)].latestVersion.unsafeCast(to: String.self),
                id: thisNodeTemplate[Expr<String>(Expression.eachKey)].id
            ),
            nodeGroupNamePrefix: "\(clusterName.value)-\(Expression.eachKey)-",
            tags: Fn.merge(tags.value, Expr<[String: String]>.raw("{ \"k8s.io/cluster-autoscaler/enabled\" = \"true\", \"k8s.io/cluster-autoscaler/${var.cluster_name}\" = \"owned\" }")),
            updateConfig: .init(maxUnavailablePercentage: 33)
        )
            .forEach(nodeGroups.value.expression)
            .dependsOn(
                thisNodeCni.address,
                thisNodeEcr.address,
                thisNodeSsm.address,
                thisNodeWorker.address,
                thisBeforeNodes.address
            )
            .lifecycle(
                Lifecycle(createBeforeDestroy: true, ignoreChanges: .attributes(["scaling_config[0].desired_size"]))
            )
            .dynamic(\.taint, forEach: Expr<Value>(Expression.eachValue.attribute("taints"))) { taint in
                .init(
                    effect: Expr<String>(taint.value.expression.attribute("effect")),
                    key: Expr<String>(taint.value.expression.attribute("key")),
                    value: Expr<String>(taint.value.expression.attribute("value"))
                )
            }
        eksNodeGroup
        let eksAddon = AWSEKSAddon(
            "this",
            addonName: Expr<String>(Expression.eachKey),
            clusterName: eksCluster.nameRef,
            addonVersion: Expr<String>(Expression.eachValue.attribute("addon_version")),
            configurationValues: Expr<Value>.if(Expr<Bool>(Expression.binary("!=", Expression.eachValue.attribute("configuration_values"), "")), then: Expr<Value>(Expression.eachValue.attribute("configuration_values")), else: nil).unsafeCast(to: String.self),
            resolveConflictsOnCreate: Expr<String>(Expression.eachValue.attribute("resolve_conflicts_on_create")),
            resolveConflictsOnUpdate: Expr<String>(Expression.eachValue.attribute("resolve_conflicts_on_update")),
            serviceAccountRoleArn: Expr<String>(Expression.call("lookup", thisAddonRole.eachInstance.mapValues(as: "k", "r") { r in r.arn }.expression, Expression.eachKey, nil)),
            tags: tags.value
        )
            .forEach(
                addons.value.filter(as: "k", "a") { k, a in Expr<Bool>(Expression(.unary("!", a.expression.attribute("before_nodes").node))) }.toMap { k, a in (k, a) }.expression
            )
            .dependsOn(thisAddonAttachment.address, eksNodeGroup.address)
        eksAddon
        Output("cluster_arn", eksCluster.arn, description: "The cluster's ARN")
        Output(
            "cluster_certificate_authority_data",
            expression: eksCluster.certificateAuthority[0].expression.attribute("data"),
            description: "The API server's CA bundle (base64)"
        )
        Output("cluster_endpoint", eksCluster.endpoint, description: "The API server endpoint")
        Output("cluster_name", eksCluster.nameRef, description: "The cluster's name")
        Output(
            "cluster_security_group_id",
            expression: (eksCluster.address.attribute("vpc_config") as Expr<Value>).expression.index(0).attribute("cluster_security_group_id"),
            description: "The security group EKS created for the control plane and nodes"
        )
        Output("node_role_arn", thisNodeRole.arn, description: "The nodes' IAM role")
        Output(
            "oidc_issuer",
            expression: eksCluster.identity[0].expression.attribute("oidc").index(0).attribute("issuer"),
            description: "The OIDC issuer URL"
        )
        Output("oidc_provider_arn", iamOpenidConnectProvider.arn, description: "The IRSA OIDC provider's ARN")
        Output("secrets_kms_key_arn", thisSecretsKey.arn, description: "The secrets encryption key")
    }
}
