// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from modules/ec2 (3 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform module `modules/ec2`, converted from `main.tf.json`, `outputs.tf.json`, `variables.tf.json`.
public enum Ec2Module {
    /// The module, synthesized into `modules/ec2` with the stacks that call it.
    public static let module = TerraformModule(
        "ec2", directory: "modules/ec2",
        settings: TerraformSettings(requiredVersion: nil, requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws", version: "~> 5.100")])
    ) {
        let allowedCidrBlocks = Variable<[String]>(
            "allowed_cidr_blocks",
            description: "Ranges allowed to the application ports"
        )
        allowedCidrBlocks
        let amiSsmParameter = Variable<String>("ami_ssm_parameter", description: "SSM parameter holding the AMI id")
        amiSsmParameter
        let appPorts = Variable<[Double]>("app_ports", description: "Application ports")
        appPorts
        let desiredCapacity = Variable<Double>("desired_capacity", description: "The initial instance count")
        desiredCapacity
        let instanceType = Variable<String>("instance_type", description: "The instance type")
        instanceType
        let maxSize = Variable<Double>("max_size", description: "The most instances")
        maxSize
        let minSize = Variable<Double>("min_size", description: "The fewest instances")
        minSize
        let name = Variable<String>("name", description: "Name prefix of the group, template and volumes")
        name
        let snapshotRetentionDays = Variable<Double>(
            "snapshot_retention_days",
            description: "Days daily snapshots are kept"
        )
        snapshotRetentionDays
        let subnetIds = Variable<[String]>("subnet_ids", description: "Private subnets for the instances")
        subnetIds
        let tags = Variable<[String: String]>("tags", description: "Tags for every resource")
        tags
        let volumeIops = Variable<Double>("volume_iops", description: "Root volume IOPS")
        volumeIops
        let volumeSize = Variable<Double>("volume_size", description: "Root volume size in GiB (gp3, encrypted)")
        volumeSize
        let volumeThroughput = Variable<Double>("volume_throughput", description: "Root volume throughput in MiB/s")
        volumeThroughput
        let vpcId = Variable<String>("vpc_id", description: "The VPC")
        vpcId
        let thisAmi = DataAWSSSMParameter("this_ami", name: amiSsmParameter.value)
        thisAmi
        let iamRole = AWSIAMRole(
            "this",
            assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": ["Service": ["ec2.amazonaws.com"]]]]] as Expression)),
            namePrefix: "\(name.value)-",
            tags: tags.value
        )
        iamRole
        let iamInstanceProfile = AWSIAMInstanceProfile(
            "this",
            namePrefix: "\(name.value)-",
            role: iamRole.nameRef,
            tags: tags.value
        )
        iamInstanceProfile
        let thisDlmRole = AWSIAMRole(
            "this_dlm",
            assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": ["Service": ["dlm.amazonaws.com"]]]]] as Expression)),
            namePrefix: "\(name.value)-dlm-",
            tags: tags.value
        )
        thisDlmRole
        let dlmLifecyclePolicy = AWSDLMLifecyclePolicy(
            "this",
            description: "Daily snapshots of \(name.value) volumes",
            executionRoleArn: thisDlmRole.arn,
            policyDetails: .init(
                resourceTypes: ["VOLUME"],
                schedule: [
                    .init(
                        createRule: .init(interval: 24, intervalUnit: "HOURS", times: ["03:00"]),
                        name: "daily",
                        retainRule: .init(count: snapshotRetentionDays.value),
                        copyTags: true
                    ),
                ],
                targetTags: ["Snapshot": "\(name.value)-daily"]
            ),
            state: "ENABLED",
            tags: tags.value
        )
        dlmLifecyclePolicy
        let thisCloudwatch = AWSIAMRolePolicyAttachment(
            "this_cloudwatch",
            policyArn: "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
            role: iamRole.nameRef
        )
        thisCloudwatch
        let thisDlmAttachment = AWSIAMRolePolicyAttachment(
            "this_dlm",
            policyArn: "arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole",
            role: thisDlmRole.nameRef
        )
        thisDlmAttachment
        let thisSsm = AWSIAMRolePolicyAttachment(
            "this_ssm",
            policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
            role: iamRole.nameRef
        )
        thisSsm
        let securityGroup = AWSSecurityGroup(
            "this",
            description: "Legacy application instances of \(name.value)",
            namePrefix: "\(name.value)-",
            tags: Fn.merge(tags.value, ["Name": name.value]),
            vpcId: vpcId.value
        )
            .lifecycle(Lifecycle(createBeforeDestroy: true))
        securityGroup
        let launchTemplate = AWSLaunchTemplate(
            "this",
            blockDeviceMappings: [
                .init(
                    deviceName: "/dev/xvda",
                    ebs: .init(
                        deleteOnTermination: "true",
                        encrypted: "true",
                        iops: volumeIops.value,
                        throughput: volumeThroughput.value,
                        volumeSize: volumeSize.value,
                        volumeType: "gp3"
                    )
                ),
            ],
            description: "Legacy application instances of \(name.value)",
            ebsOptimized: "true",
            iamInstanceProfile: .init(arn: iamInstanceProfile.arn),
            imageId: thisAmi.value,
            instanceType: instanceType.value,
            metadataOptions: .init(httpEndpoint: "enabled", httpPutResponseHopLimit: 1, httpTokens: "required"),
            monitoring: .init(enabled: true),
            namePrefix: "\(name.value)-",
            tagSpecifications: [
                .init(resourceType: "instance", tags: Fn.merge(tags.value, ["Name": name.value])),
                .init(resourceType: "volume", tags: Fn.merge(tags.value, ["Snapshot": "\(name.value)-daily"])),
            ],
            tags: tags.value,
            updateDefaultVersion: true,
            vpcSecurityGroupIds: [securityGroup.id]
        )
        launchTemplate
        let autoscalingGroup = AWSAutoScalingGroup(
            "this",
            maxSize: maxSize.value,
            minSize: minSize.value,
            desiredCapacity: desiredCapacity.value,
            healthCheckGracePeriod: 300,
            healthCheckType: "EC2",
            launchTemplate: .init(
                id: launchTemplate.id,
                version: launchTemplate.latestVersion.unsafeCast(to: String.self)
            ),
            namePrefix: "\(name.value)-",
            tag: [.init(key: "Name", propagateAtLaunch: true, value: name.value)],
            vpcZoneIdentifier: Fn.toset(subnetIds.value)
        )
            .lifecycle(Lifecycle(ignoreChanges: .attributes(["desired_capacity"])))
        autoscalingGroup
        let thisHttps = AWSVPCSecurityGroupEgressRule(
            "this_https",
            ipProtocol: "tcp",
            securityGroupId: securityGroup.id,
            cidrIpv4: "0.0.0.0/0",
            description: "HTTPS out (updates, SSM, AWS APIs)",
            fromPort: 443,
            toPort: 443
        )
        thisHttps
        let vpcSecurityGroupIngressRule = AWSVPCSecurityGroupIngressRule(
            "this",
            ipProtocol: "tcp",
            securityGroupId: securityGroup.id,
            cidrIpv4: Expr<String>(Expression.eachValue.attribute("cidr")),
            description: "Application port from an allowed range",
            fromPort: Expr<Double>(Expression.eachValue.attribute("port")),
            toPort: Expr<Double>(Expression.eachValue.attribute("port"))
        )
            .forEach(
                Expr<Value>(Expression.call("setproduct", allowedCidrBlocks.value.expression, appPorts.value.expression)).toMap(as: "pair") { pair in (("\(pair.expression.index(0)):\(pair.expression.index(1))" as Expr<String>), (["cidr": Expr<Value>(pair.expression.index(0)), "port": Expr<Value>(pair.expression.index(1))] as Expr<[String: Value]>)) }.expression
            )
        vpcSecurityGroupIngressRule
        Output("autoscaling_group_name", autoscalingGroup.nameRef, description: "The Auto Scaling group")
        Output("launch_template_id", launchTemplate.id, description: "The launch template")
        Output("security_group_id", securityGroup.id, description: "The instances' security group")
    }
}
