// `LegacyCompute`: EC2 instances for applications not yet on Kubernetes — a launch
// template (IMDSv2 required, encrypted gp3 root volume, detailed monitoring, SSM access
// instead of SSH) behind an Auto Scaling group, and daily EBS snapshots through a Data
// Lifecycle Manager policy.

import InfraCore
import InfraTerraform

/// Legacy EC2 applications in an Auto Scaling group with daily snapshots.
///
/// ```swift
/// LegacyCompute("legacy", groupName: "oves-prod-legacy", vpcID: vpc.outputs.vpcID,
///               subnetIDs: vpc.outputs.privateSubnetIDs, instanceType: "t3.large",
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

    /// The inputs of the `ec2` module.
    public struct Inputs: ConstructInputSet {
        /// `name`: name prefix of the group, template and volumes.
        public var label: Expr<String> = nil
        /// `vpc_id`: the VPC.
        public var vpcID: Expr<String> = nil
        /// `subnet_ids`: private subnets for the instances.
        public var subnetIDs: Expr<[String]> = nil
        /// `instance_type`: the instance type.
        public var instanceType: Expr<String> = nil
        /// `ami_ssm_parameter`: the SSM parameter holding the AMI id.
        public var amiSSMParameter: Expr<String> = nil
        /// `min_size`: the fewest instances.
        public var minSize: Expr<Double> = nil
        /// `max_size`: the most instances.
        public var maxSize: Expr<Double> = nil
        /// `desired_capacity`: the initial instance count.
        public var desiredCapacity: Expr<Double> = nil
        /// `volume_size`: root volume size in GiB (gp3, encrypted).
        public var volumeSize: Expr<Double> = nil
        /// `volume_iops`: root volume IOPS.
        public var volumeIOPS: Expr<Double> = nil
        /// `volume_throughput`: root volume throughput in MiB/s.
        public var volumeThroughput: Expr<Double> = nil
        /// `app_ports`: application ports.
        public var appPorts: Expr<[Double]> = nil
        /// `allowed_cidr_blocks`: ranges allowed to the application ports.
        public var allowedCIDRBlocks: Expr<[String]> = nil
        /// `snapshot_retention_days`: days daily snapshots are kept.
        public var snapshotRetentionDays: Expr<Double> = nil
        /// `tags`: tags for every resource.
        public var tags: Expr<[String: String]> = nil

        /// Every input `null`.
        public init() {}

        /// The variables of the `ec2` module.
        public static var variables: [ConstructVariable<Inputs>] {
            [
                ConstructVariable(\.label, "name", "Name prefix of the group, template and volumes"),
                ConstructVariable(\.vpcID, "vpc_id", "The VPC"),
                ConstructVariable(\.subnetIDs, "subnet_ids", "Private subnets for the instances"),
                ConstructVariable(\.instanceType, "instance_type", "The instance type"),
                ConstructVariable(\.amiSSMParameter, "ami_ssm_parameter", "SSM parameter holding the AMI id"),
                ConstructVariable(\.minSize, "min_size", "The fewest instances"),
                ConstructVariable(\.maxSize, "max_size", "The most instances"),
                ConstructVariable(\.desiredCapacity, "desired_capacity", "The initial instance count"),
                ConstructVariable(\.volumeSize, "volume_size", "Root volume size in GiB (gp3, encrypted)"),
                ConstructVariable(\.volumeIOPS, "volume_iops", "Root volume IOPS"),
                ConstructVariable(\.volumeThroughput, "volume_throughput", "Root volume throughput in MiB/s"),
                ConstructVariable(\.appPorts, "app_ports", "Application ports"),
                ConstructVariable(
                    \.allowedCIDRBlocks, "allowed_cidr_blocks", "Ranges allowed to the application ports"),
                ConstructVariable(\.snapshotRetentionDays, "snapshot_retention_days", "Days daily snapshots are kept"),
                ConstructVariable(\.tags, "tags", "Tags for every resource"),
            ]
        }
    }

    /// The parameters as module inputs.
    public var inputs: Inputs {
        var inputs = Inputs()
        inputs.label = ConstructLiterals.string(groupName)
        inputs.vpcID = vpcID
        inputs.subnetIDs = subnetIDs
        inputs.instanceType = ConstructLiterals.string(instanceType)
        inputs.amiSSMParameter = ConstructLiterals.string(amiParameter)
        inputs.minSize = ConstructLiterals.number(minSize)
        inputs.maxSize = ConstructLiterals.number(maxSize)
        inputs.desiredCapacity = ConstructLiterals.number(desiredCapacity)
        inputs.volumeSize = ConstructLiterals.number(volumeSize)
        inputs.volumeIOPS = ConstructLiterals.number(volumeIOPS)
        inputs.volumeThroughput = ConstructLiterals.number(volumeThroughput)
        inputs.appPorts = Expr(ConstructLiterals.value(.array(appPorts.map(Value.int))))
        inputs.allowedCIDRBlocks = ConstructLiterals.strings(allowedCIDRs)
        inputs.snapshotRetentionDays = ConstructLiterals.number(snapshotRetentionDays)
        inputs.tags = ConstructLiterals.stringMap(tags)
        return inputs
    }

    /// The values the group exposes.
    public struct Outputs: Sendable {
        /// `autoscaling_group_name`: the Auto Scaling group.
        public var autoScalingGroupName: Expr<String>
        /// `security_group_id`: the instances' security group.
        public var securityGroupID: Expr<String>
        /// `launch_template_id`: the launch template.
        public var launchTemplateID: Expr<String>
    }

    /// The template, group, security group, instance role and snapshot policy.
    public static func body(name: String, inputs: ConstructInputs<Inputs>) -> ConstructBody<Outputs> {
        let n = ConstructNaming.local(name)
        let label = inputs.label
        let tags = inputs.tags
        let snapshotTag: Expr<String> = "\(label)-daily"
        var content: [any StackContent] = []

        let ami = DataAWSSSMParameter("\(n)_ami", name: inputs.amiSSMParameter)
        content.append(ami)

        let group = AWSSecurityGroup(
            n, description: "Legacy application instances of \(label)", namePrefix: "\(label)-",
            tags: ConstructLiterals.tags(tags, name: label), vpcId: inputs.vpcID
        ).lifecycle(Lifecycle(createBeforeDestroy: true))
        content.append(group)
        // One rule per allowed range and port, keyed `<cidr>:<port>`.
        let rules = Fn.setproduct(inputs.allowedCIDRBlocks, inputs.appPorts).toMap(as: "pair") { pair in
            ("\(pair[0]):\(pair[1])", PortRuleShape.object(cidr: pair[0].unsafeCast(), port: pair[1].unsafeCast()))
        }
        let rule = Each.of(rules).value
        content.append(
            AWSVPCSecurityGroupIngressRule(
                n, ipProtocol: "tcp", securityGroupId: group.id, cidrIpv4: rule.cidr,
                description: "Application port from an allowed range", fromPort: rule.port, toPort: rule.port
            ).forEach(rules))
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
                        deleteOnTermination: "true", encrypted: "true", iops: inputs.volumeIOPS,
                        throughput: inputs.volumeThroughput, volumeSize: inputs.volumeSize, volumeType: "gp3"))
            ],
            description: "Legacy application instances of \(label)", ebsOptimized: "true",
            iamInstanceProfile: .init(arn: profile.arn), imageId: ami.value,
            instanceType: inputs.instanceType,
            metadataOptions: .init(httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpTokens: "required"),
            monitoring: .init(enabled: true), namePrefix: "\(label)-",
            tagSpecifications: [
                .init(resourceType: "instance", tags: ConstructLiterals.tags(tags, name: label)),
                .init(resourceType: "volume", tags: Fn.merge(tags, ["Snapshot": snapshotTag])),
            ],
            tags: tags, updateDefaultVersion: true, vpcSecurityGroupIds: Expr<[String]>.list([group.id]).unsafeCast())
        content.append(template)
        let autoScaling = AWSAutoScalingGroup(
            n, maxSize: inputs.maxSize, minSize: inputs.minSize, desiredCapacity: inputs.desiredCapacity,
            healthCheckGracePeriod: 300, healthCheckType: "EC2",
            launchTemplate: .init(id: template.id, version: template.latestVersion.unsafeCast()),
            namePrefix: "\(label)-",
            tag: [.init(key: "Name", propagateAtLaunch: true, value: label)],
            vpcZoneIdentifier: Fn.toset(inputs.subnetIDs)
        ).lifecycle(Lifecycle(ignoreChanges: .attributes(["desired_capacity"])))
        content.append(autoScaling)

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
                    schedule: [
                        .init(
                            createRule: .init(interval: 24, intervalUnit: "HOURS", times: ["03:00"]), name: "daily",
                            retainRule: .init(count: inputs.snapshotRetentionDays), copyTags: true)
                    ],
                    targetTags: ["Snapshot": snapshotTag]),
                state: "ENABLED", tags: tags))
        return ConstructBody(content) { output in
            Outputs(
                autoScalingGroupName: output("autoscaling_group_name", autoScaling.nameRef, "The Auto Scaling group"),
                securityGroupID: output("security_group_id", group.id, "The instances' security group"),
                launchTemplateID: output("launch_template_id", template.id, "The launch template"))
        }
    }

    /// One application-port rule in the `for_each` map: `{ cidr = …, port = … }`.
    enum PortRuleShape {
        static func object(cidr: Expr<String>, port: Expr<Double>) -> Expr<PortRuleShape> {
            Expr(Expr<Value>.object(["cidr": cidr, "port": port]).expression)
        }
    }
}

extension Expr where T == LegacyCompute.PortRuleShape {
    var cidr: Expr<String> { attribute("cidr") }
    var port: Expr<Double> { attribute("port") }
}
