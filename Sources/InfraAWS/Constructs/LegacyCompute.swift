// `LegacyCompute`: EC2 instances for applications not yet on Kubernetes — a launch
// template (IMDSv2 required, encrypted gp3 root volume, detailed monitoring, SSM access
// instead of SSH) behind an Auto Scaling group, and daily EBS snapshots through a Data
// Lifecycle Manager policy.

import InfraCore
import InfraTerraform

/// Legacy EC2 applications in an Auto Scaling group with daily snapshots.
///
/// ```swift
/// LegacyCompute("legacy", groupName: "oves-prod-legacy", vpcID: vpc.output("vpc_id"),
///               subnetIDs: vpc.output("private_subnet_ids"), instanceType: "t3.large",
///               minSize: 2, maxSize: 4, appPorts: [8080], allowedCIDRs: ["10.10.0.0/16"])
/// ```
public struct LegacyCompute: ModularConstruct {
    /// The construct's name.
    public var name: String
    /// Name prefix of the group, template and volumes.
    public var groupName: String
    /// The VPC.
    public var vpcID: Expr<String>
    /// Private subnets for the instances.
    public var subnetIDs: Expr<[String]>
    /// The instance type.
    public var instanceType: String
    /// SSM parameter holding the AMI id (Amazon Linux 2023 by default).
    public var amiParameter: String
    /// The fewest instances.
    public var minSize: Int
    /// The most instances.
    public var maxSize: Int
    /// The initial instance count.
    public var desiredCapacity: Int
    /// Root volume size in GiB (gp3, encrypted).
    public var volumeSize: Int
    /// Root volume IOPS (gp3: 3000–16000).
    public var volumeIOPS: Int
    /// Root volume throughput in MiB/s (gp3: 125–1000).
    public var volumeThroughput: Int
    /// Application ports opened to `allowedCIDRs`.
    public var appPorts: [Int]
    /// Ranges allowed to the application ports.
    public var allowedCIDRs: [String]
    /// Days daily snapshots are kept.
    public var snapshotRetentionDays: Int
    /// Tags for every resource.
    public var tags: [String: String]
    /// The former construct name, for `moved` blocks.
    public var formerName: String?

    /// Creates the group with 100 GiB gp3 at baseline performance and two weeks of snapshots.
    public init(
        _ name: String, groupName: String, vpcID: Expr<String>, subnetIDs: Expr<[String]>, instanceType: String,
        amiParameter: String = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
        minSize: Int, maxSize: Int, desiredCapacity: Int? = nil, volumeSize: Int = 100, volumeIOPS: Int = 3000,
        volumeThroughput: Int = 125, appPorts: [Int], allowedCIDRs: [String], snapshotRetentionDays: Int = 14,
        tags: [String: String] = [:], formerName: String? = nil
    ) {
        self.name = name
        self.groupName = groupName
        self.vpcID = vpcID
        self.subnetIDs = subnetIDs
        self.instanceType = instanceType
        self.amiParameter = amiParameter
        self.minSize = minSize
        self.maxSize = maxSize
        self.desiredCapacity = desiredCapacity ?? minSize
        self.volumeSize = volumeSize
        self.volumeIOPS = volumeIOPS
        self.volumeThroughput = volumeThroughput
        self.appPorts = appPorts
        self.allowedCIDRs = allowedCIDRs
        self.snapshotRetentionDays = snapshotRetentionDays
        self.tags = tags
        self.formerName = formerName
    }

    /// Size, volume and exposure problems.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if minSize < 0 || maxSize < 1 { result.append(.error(path, "group sizes must be min ≥ 0 and max ≥ 1")) }
        if minSize > maxSize {
            result.append(.error(path, "minimum instance count \(minSize) is greater than the maximum \(maxSize)"))
        } else if desiredCapacity < minSize || desiredCapacity > maxSize {
            result.append(.error(path, "desired instance count \(desiredCapacity) is outside \(minSize)…\(maxSize)"))
        }
        if !(8...16384).contains(volumeSize) {
            result.append(.error(path, "gp3 volume size \(volumeSize) GiB is outside 8…16384"))
        }
        if !(3000...16000).contains(volumeIOPS) {
            result.append(.error(path, "gp3 IOPS \(volumeIOPS) is outside 3000…16000"))
        }
        if !(125...1000).contains(volumeThroughput) {
            result.append(.error(path, "gp3 throughput \(volumeThroughput) MiB/s is outside 125…1000"))
        }
        for port in appPorts where !(1...65535).contains(port) {
            result.append(.error(path, "port \(port) is outside 1…65535"))
        }
        for (index, cidr) in allowedCIDRs.enumerated() {
            let cidrPath = path.appending("allowed-cidr", index: index)
            guard let network = IPv4CIDR(cidr) else {
                result.append(.error(cidrPath, "\"\(cidr)\" is not a valid IPv4 network"))
                continue
            }
            if network.prefixLength == 0 {
                result.append(
                    .error(
                        cidrPath, "application ports \(appPorts) would be open to the whole internet",
                        hint: "put a load balancer in front, or allow only internal ranges"))
            }
        }
        if !(1...1000).contains(snapshotRetentionDays) {
            result.append(.error(path, "snapshot retention \(snapshotRetentionDays) is outside 1…1000"))
        }
        return result
    }

    /// The variables of the `ec2` module.
    public static let variables: [ConstructVariable] = [
        ConstructVariable("name", "string", "Name prefix of the group, template and volumes"),
        ConstructVariable("vpc_id", "string", "The VPC"),
        ConstructVariable("subnet_ids", "list(string)", "Private subnets for the instances"),
        ConstructVariable("instance_type", "string", "The instance type"),
        ConstructVariable("ami_ssm_parameter", "string", "SSM parameter holding the AMI id"),
        ConstructVariable("min_size", "number", "The fewest instances"),
        ConstructVariable("max_size", "number", "The most instances"),
        ConstructVariable("desired_capacity", "number", "The initial instance count"),
        ConstructVariable("volume_size", "number", "Root volume size in GiB (gp3, encrypted)"),
        ConstructVariable("volume_iops", "number", "Root volume IOPS"),
        ConstructVariable("volume_throughput", "number", "Root volume throughput in MiB/s"),
        ConstructVariable("app_ports", "list(number)", "Application ports"),
        ConstructVariable("allowed_cidr_blocks", "list(string)", "Ranges allowed to the application ports"),
        ConstructVariable("snapshot_retention_days", "number", "Days daily snapshots are kept"),
        ConstructVariable("tags", "map(string)", "Tags for every resource"),
    ]

    /// The parameters as module inputs.
    public var inputs: [String: Expression] {
        [
            "name": .string(groupName), "vpc_id": vpcID.expression, "subnet_ids": subnetIDs.expression,
            "instance_type": .string(instanceType), "ami_ssm_parameter": .string(amiParameter),
            "min_size": Expression(.int(minSize)), "max_size": Expression(.int(maxSize)),
            "desired_capacity": Expression(.int(desiredCapacity)), "volume_size": Expression(.int(volumeSize)),
            "volume_iops": Expression(.int(volumeIOPS)), "volume_throughput": Expression(.int(volumeThroughput)),
            "app_ports": ConstructLiterals.value(.array(appPorts.map(Value.int))),
            "allowed_cidr_blocks": ConstructLiterals.list(allowedCIDRs),
            "snapshot_retention_days": Expression(.int(snapshotRetentionDays)), "tags": ConstructLiterals.map(tags),
        ]
    }

    /// The template, group, security group, instance role and snapshot policy.
    public static func body(name: String, inputs: ConstructInputs) -> [any StackContent] {
        let n = ConstructNaming.local(name)
        let label = inputs.string("name")
        let tags = inputs.stringMap("tags")
        let snapshotTag: Expr<String> = "\(label)-daily"
        var content: [any StackContent] = []

        let ami = DataAWSSSMParameter("\(n)_ami", name: inputs.string("ami_ssm_parameter"))
        content.append(ami)

        let group = AWSSecurityGroup(
            n, description: "Legacy application instances of \(label)", namePrefix: "\(label)-",
            tags: ConstructLiterals.tags(tags, name: label), vpcId: inputs.string("vpc_id")
        ).lifecycle(Lifecycle(createBeforeDestroy: true))
        content.append(group)
        content.append(
            AWSVPCSecurityGroupIngressRule(
                n, ipProtocol: "tcp", securityGroupId: group.id, cidrIpv4: .raw("each.value.cidr"),
                description: "Application port from an allowed range", fromPort: .raw("each.value.port"),
                toPort: .raw("each.value.port")
            ).forEach(
                .raw(
                    "{ for pair in setproduct(\(inputs.hcl("allowed_cidr_blocks")), \(inputs.hcl("app_ports"))) : \"${pair[0]}:${pair[1]}\" => { cidr = pair[0], port = pair[1] } }"
                )))
        content.append(
            AWSVPCSecurityGroupEgressRule(
                "\(n)_https", ipProtocol: "tcp", securityGroupId: group.id, cidrIpv4: "0.0.0.0/0",
                description: "HTTPS out (updates, SSM, AWS APIs)", fromPort: 443, toPort: 443))

        let trust = IAMPolicyDocument {
            IAMStatement(effect: .allow, actions: ["sts:AssumeRole"], principals: [.service("ec2.amazonaws.com")])
        }
        let role = AWSIAMRole(n, assumeRolePolicy: trust.json, namePrefix: "\(label)-", tags: tags)
        content.append(role)
        content.append(
            AWSIAMRolePolicyAttachment(
                "\(n)_ssm", policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", role: role.nameRef))
        content.append(
            AWSIAMRolePolicyAttachment(
                "\(n)_cloudwatch", policyArn: "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy", role: role.nameRef)
        )
        let profile = AWSIAMInstanceProfile(n, namePrefix: "\(label)-", role: role.nameRef, tags: tags)
        content.append(profile)

        let template = AWSLaunchTemplate(
            n,
            blockDeviceMappings: [
                .init(
                    deviceName: "/dev/xvda",
                    ebs: .init(
                        deleteOnTermination: "true", encrypted: "true", iops: inputs.number("volume_iops"),
                        throughput: inputs.number("volume_throughput"), volumeSize: inputs.number("volume_size"),
                        volumeType: "gp3"))
            ],
            description: "Legacy application instances of \(label)", ebsOptimized: "true",
            iamInstanceProfile: .init(arn: profile.arn), imageId: ami.value,
            instanceType: inputs.string("instance_type"),
            metadataOptions: .init(httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpTokens: "required"),
            monitoring: .init(enabled: true), namePrefix: "\(label)-",
            tagSpecifications: [
                .init(resourceType: "instance", tags: ConstructLiterals.tags(tags, name: label)),
                .init(
                    resourceType: "volume",
                    tags: Fn.merge(tags, Expr(Expression.object([("Snapshot", snapshotTag.expression)])))),
            ],
            tags: tags, updateDefaultVersion: true, vpcSecurityGroupIds: Expr<[String]>.list([group.id]).unsafeCast())
        content.append(template)
        content.append(
            AWSAutoScalingGroup(
                n, maxSize: inputs.number("max_size"), minSize: inputs.number("min_size"),
                desiredCapacity: inputs.number("desired_capacity"), healthCheckGracePeriod: 300, healthCheckType: "EC2",
                launchTemplate: .init(id: template.id, version: template.latestVersion.unsafeCast()),
                namePrefix: "\(label)-",
                tag: [.init(key: "Name", propagateAtLaunch: true, value: label)],
                vpcZoneIdentifier: Fn.toset(inputs.strings("subnet_ids"))
            ).lifecycle(Lifecycle(ignoreChanges: .attributes(["desired_capacity"]))))

        // Daily snapshots of the tagged volumes, kept for snapshot_retention_days.
        let dlmTrust = IAMPolicyDocument {
            IAMStatement(effect: .allow, actions: ["sts:AssumeRole"], principals: [.service("dlm.amazonaws.com")])
        }
        let dlmRole = AWSIAMRole(
            "\(n)_dlm", assumeRolePolicy: dlmTrust.json, namePrefix: "\(label)-dlm-", tags: tags)
        content.append(dlmRole)
        content.append(
            AWSIAMRolePolicyAttachment(
                "\(n)_dlm", policyArn: "arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole",
                role: dlmRole.nameRef))
        content.append(
            AWSDLMLifecyclePolicy(
                n, description: "Daily snapshots of \(label) volumes", executionRoleArn: dlmRole.arn,
                policyDetails: .init(
                    resourceTypes: ["VOLUME"],
                    targetTags: Expr(Expression.object([("Snapshot", snapshotTag.expression)]))),
                state: "ENABLED", tags: tags
            ).override(
                "policy_details.schedule",
                Expression.object([
                    ("name", "daily"), ("copy_tags", true),
                    (
                        "create_rule",
                        Expression.object([("interval", 24), ("interval_unit", "HOURS"), ("times", ["03:00"])])
                    ),
                    ("retain_rule", Expression.object([("count", inputs["snapshot_retention_days"])])),
                ])))
        return content
    }

    /// The group's exposed values.
    public static func outputs(name: String) -> [ConstructOutput] {
        let n = ConstructNaming.local(name)
        return [
            ConstructOutput(
                "autoscaling_group_name", .reference("aws_autoscaling_group", n, "name"), "The Auto Scaling group"),
            ConstructOutput(
                "security_group_id", .reference("aws_security_group", n, "id"), "The instances' security group"),
            ConstructOutput("launch_template_id", .reference("aws_launch_template", n, "id"), "The launch template"),
        ]
    }
}
