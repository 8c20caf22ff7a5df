// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from modules/vpc (3 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.
// Report: escape hatch 6.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform module `modules/vpc`, converted from `main.tf`, `outputs.tf`, `variables.tf`.
public enum VpcModule {
    /// The module, synthesized into `modules/vpc` with the stacks that call it.
    public static let module = TerraformModule(
        "vpc", directory: "modules/vpc",
        settings: TerraformSettings(requiredVersion: nil, requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws", version: "~> 5.100")])
    ) {
        let cidrBlock = Variable<String>("cidr_block", description: "The VPC's IPv4 range")
        cidrBlock
        let databaseSubnets = Variable<[String: String]>(
            "database_subnets",
            description: "Isolated database subnet CIDR per availability zone"
        )
        databaseSubnets
        let eksClusterNames = Variable<[String]>(
            "eks_cluster_names",
            description: "EKS clusters whose load balancers use these subnets"
        )
        eksClusterNames
        let enableNatGateway = Variable<Bool>(
            "enable_nat_gateway",
            description: "Whether private subnets reach the internet through NAT"
        )
        enableNatGateway
        let flowLogRetentionDays = Variable<Double>(
            "flow_log_retention_days",
            description: "Days VPC flow logs are kept"
        )
        flowLogRetentionDays
        let name = Variable<String>("name", description: "Name tag prefix of every resource")
        name
        let peerCidrBlocks = Variable<[String]>(
            "peer_cidr_blocks",
            description: "Peered VPC ranges allowed by the private network ACL"
        )
        peerCidrBlocks
        let privateSubnets = Variable<[String: String]>(
            "private_subnets",
            description: "Private subnet CIDR per availability zone"
        )
        privateSubnets
        let publicSubnets = Variable<[String: String]>(
            "public_subnets",
            description: "Public subnet CIDR per availability zone"
        )
        publicSubnets
        let singleNatGateway = Variable<Bool>(
            "single_nat_gateway",
            description: "One shared NAT gateway instead of one per zone"
        )
        singleNatGateway
        let tags = Variable<[String: String]>("tags", description: "Tags for every resource")
        tags
        let thisFlowLogsGroup = AWSCloudWatchLogGroup(
            "this_flow_logs",
            name: "/aws/vpc/flow-logs/\(name.value)",
            retentionInDays: flowLogRetentionDays.value,
            tags: tags.value
        )
        thisFlowLogsGroup
        let thisNat = AWSEIP(
            "this_nat",
            domain: "vpc",
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-nat-\(Expression.eachKey)"])
        )
            .forEach(
                Expr<[String: String]>.if(enableNatGateway.value, then: Expr<[String: String]>.if(singleNatGateway.value, then: Expr<[String]>(Expression.call("slice", Expression.call("sort", Fn.keys(publicSubnets.value).expression), 0, 1)).toMap(as: "k") { k in (k, Expr<String>(publicSubnets.value.expression.index(k.expression))) }, else: publicSubnets.value), else: [:]).expression
            )
        thisNat
        let thisFlowLogsRole = AWSIAMRole(
            "this_flow_logs",
            assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": ["Service": ["vpc-flow-logs.amazonaws.com"]]]]] as Expression)),
            namePrefix: "\(name.value)-flow-logs-",
            tags: tags.value
        )
        thisFlowLogsRole
        let thisFlowLogsPolicy = AWSIAMRolePolicy(
            "this_flow_logs",
            policy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"], "Resource": [thisFlowLogsGroup.arn.expression, "\(thisFlowLogsGroup.arn):*"]]]] as Expression)),
            role: thisFlowLogsRole.id,
            namePrefix: "flow-logs-"
        )
        thisFlowLogsPolicy
        let vpc = AWSVPC(
            "this",
            cidrBlock: cidrBlock.value,
            enableDnsHostnames: true,
            enableDnsSupport: true,
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-vpc"])
        )
        vpc
        let defaultSecurityGroup = AWSDefaultSecurityGroup(
            "this",
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-default-deny"]),
            vpcId: vpc.id
        )
        defaultSecurityGroup
        let flowLog = AWSFlowLog(
            "this",
            iamRoleArn: thisFlowLogsRole.arn,
            logDestination: thisFlowLogsGroup.arn,
            logDestinationType: "cloud-watch-logs",
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-flow-logs"]),
            trafficType: "ALL",
            vpcId: vpc.id
        )
        flowLog
        let internetGateway = AWSInternetGateway(
            "this",
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-igw"]),
            vpcId: vpc.id
        )
            .count(Expr<Double>.if((Fn.length(publicSubnets.value) > 0), then: 1, else: 0))
        internetGateway
        let thisDatabaseTable = AWSRouteTable(
            "this_database",
            vpcId: vpc.id,
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-database"])
        )
            .count(Expr<Double>.if((Fn.length(databaseSubnets.value) > 0), then: 1, else: 0))
        thisDatabaseTable
        let thisPrivateTable = AWSRouteTable(
            "this_private",
            vpcId: vpc.id,
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-private-\(Expression.eachKey)"])
        )
            .forEach(privateSubnets.value.expression)
        thisPrivateTable
        let thisPublicTable = AWSRouteTable(
            "this_public",
            vpcId: vpc.id,
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-public"])
        )
            .count(Expr<Double>.if((Fn.length(publicSubnets.value) > 0), then: 1, else: 0))
        thisPublicTable
        let thisPublicInternet = AWSRoute(
            "this_public_internet",
            routeTableId: thisPublicTable[0].id,
            destinationCidrBlock: "0.0.0.0/0",
            gatewayId: internetGateway[0].id
        )
            .count(Expr<Double>.if((Fn.length(publicSubnets.value) > 0), then: 1, else: 0))
        thisPublicInternet
        let thisDatabaseSubnet = AWSSubnet(
            "this_database",
            vpcId: vpc.id,
            availabilityZone: Expr<String>(Expression.eachKey),
            cidrBlock: Expr<String>(Expression.eachValue),
            mapPublicIpOnLaunch: false,
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-database-\(Expression.eachKey)"])
        )
            .forEach(databaseSubnets.value.expression)
        thisDatabaseSubnet
        let thisDatabaseAssociation = AWSRouteTableAssociation(
            "this_database",
            routeTableId: thisDatabaseTable[0].id,
            subnetId: thisDatabaseSubnet[Expr<String>(Expression.eachKey)].id
        )
            .forEach(databaseSubnets.value.expression)
        thisDatabaseAssociation
        let thisPrivateSubnet = AWSSubnet(
            "this_private",
            vpcId: vpc.id,
            availabilityZone: Expr<String>(Expression.eachKey),
            cidrBlock: Expr<String>(Expression.eachValue),
            mapPublicIpOnLaunch: false,
            tags: Fn.merge(tags.value, eksClusterNames.value.toMap(as: "c") { c in (("kubernetes.io/cluster/\(c)" as Expr<String>), ("shared" as Expr<String>)) }, ["Name": "\(name.value)-private-\(Expression.eachKey)", "kubernetes.io/role/internal-elb": "1"])
        )
            .forEach(privateSubnets.value.expression)
        thisPrivateSubnet
        // convert: splat (`[*]`) kept as HCL: .build/convert-roundtrip/oves-hcl/terraform/modules/vpc/main.tf:63:29
        // convert: splat (`[*]`) kept as HCL: .build/convert-roundtrip/oves-hcl/terraform/modules/vpc/main.tf:63:68
        let thisPrivateAcl = AWSNetworkACL(
            "this_private",
            vpcId: vpc.id,
            subnetIds: Expr<Set<String>>(Expression.call("toset", Expression.call("concat", Expression.raw("values(aws_subnet.this_private)[*].id"), Expression.raw("values(aws_subnet.this_database)[*].id")))),
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-private"])
        )
        thisPrivateAcl
        let thisPrivateRule = AWSNetworkACLRule(
            "this_private",
            networkAclId: thisPrivateAcl.id,
            protocol: Expr<String>(Expression.eachValue.attribute("protocol")),
            ruleAction: "allow",
            ruleNumber: Expr<Double>(Expression.eachValue.attribute("rule_number")),
            cidrBlock: Expr<String>(Expression.eachValue.attribute("cidr_block")),
            egress: Expr<Bool>(Expression.eachValue.attribute("egress")),
            fromPort: Expr<Double>(Expression.eachValue.attribute("from_port")),
            toPort: Expr<Double>(Expression.eachValue.attribute("to_port"))
        )
            .forEach(
                Fn.merge(["ingress-100": Expr<Value>(["egress": false, "rule_number": 100, "protocol": "-1", "cidr_block": cidrBlock.value.expression, "from_port": 0, "to_port": 0] as Expression), "ingress-110": Expr<Value>(["egress": false, "rule_number": 110, "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 1024, "to_port": 65535] as Expression), "ingress-120": Expr<Value>(["egress": false, "rule_number": 120, "protocol": "udp", "cidr_block": "0.0.0.0/0", "from_port": 1024, "to_port": 65535] as Expression), "egress-100": Expr<Value>(["egress": true, "rule_number": 100, "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0] as Expression)], peerCidrBlocks.value.toMap(as: "i", "c") { i, c in (("ingress-\((Expr<Double>(200) + i))" as Expr<String>), (Expr<Value>(["egress": false, "rule_number": (Expr<Double>(200) + i).expression, "protocol": "-1", "cidr_block": c.expression, "from_port": 0, "to_port": 0] as Expression) as Expr<Value>)) }).expression
            )
        thisPrivateRule
        let thisPrivateAssociation = AWSRouteTableAssociation(
            "this_private",
            routeTableId: thisPrivateTable[Expr<String>(Expression.eachKey)].id,
            subnetId: thisPrivateSubnet[Expr<String>(Expression.eachKey)].id
        )
            .forEach(privateSubnets.value.expression)
        thisPrivateAssociation
        let thisPublicSubnet = AWSSubnet(
            "this_public",
            vpcId: vpc.id,
            availabilityZone: Expr<String>(Expression.eachKey),
            cidrBlock: Expr<String>(Expression.eachValue),
            mapPublicIpOnLaunch: false,
            tags: Fn.merge(tags.value, eksClusterNames.value.toMap(as: "c") { c in (("kubernetes.io/cluster/\(c)" as Expr<String>), ("shared" as Expr<String>)) }, ["Name": "\(name.value)-public-\(Expression.eachKey)", "kubernetes.io/role/elb": "1"])
        )
            .forEach(publicSubnets.value.expression)
        thisPublicSubnet
        let natGateway = AWSNATGateway(
            "this",
            subnetId: thisPublicSubnet[Expr<String>(Expression.eachKey)].id,
            allocationId: thisNat[Expr<String>(Expression.eachKey)].id,
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-nat-\(Expression.eachKey)"])
        )
            .forEach(
                Expr<[String: String]>.if(enableNatGateway.value, then: Expr<[String: String]>.if(singleNatGateway.value, then: Expr<[String]>(Expression.call("slice", Expression.call("sort", Fn.keys(publicSubnets.value).expression), 0, 1)).toMap(as: "k") { k in (k, Expr<String>(publicSubnets.value.expression.index(k.expression))) }, else: publicSubnets.value), else: [:]).expression
            )
            .dependsOn(internetGateway.address)
        natGateway
        // convert: splat (`[*]`) kept as HCL: .build/convert-roundtrip/oves-hcl/terraform/modules/vpc/main.tf:69:22
        let thisPublicAcl = AWSNetworkACL(
            "this_public",
            vpcId: vpc.id,
            subnetIds: Expr<Set<String>>(Expression.call("toset", Expression.raw("values(aws_subnet.this_public)[*].id"))),
            tags: Fn.merge(tags.value, ["Name": "\(name.value)-public"])
        )
        thisPublicAcl
        let thisPublicRule = AWSNetworkACLRule(
            "this_public",
            networkAclId: thisPublicAcl.id,
            protocol: Expr<String>(Expression.eachValue.attribute("protocol")),
            ruleAction: "allow",
            ruleNumber: Expr<Double>(Expression.eachValue.attribute("rule_number")),
            cidrBlock: Expr<String>(Expression.eachValue.attribute("cidr_block")),
            egress: Expr<Bool>(Expression.eachValue.attribute("egress")),
            fromPort: Expr<Double>(Expression.eachValue.attribute("from_port")),
            toPort: Expr<Double>(Expression.eachValue.attribute("to_port"))
        )
            .forEach(
                ([
                    "ingress-100": [
                        "egress": false,
                        "rule_number": 100,
                        "protocol": "tcp",
                        "cidr_block": "0.0.0.0/0",
                        "from_port": 443,
                        "to_port": 443,
                    ],
                    "ingress-110": [
                        "egress": false,
                        "rule_number": 110,
                        "protocol": "tcp",
                        "cidr_block": "0.0.0.0/0",
                        "from_port": 80,
                        "to_port": 80,
                    ],
                    "ingress-120": [
                        "egress": false,
                        "rule_number": 120,
                        "protocol": "tcp",
                        "cidr_block": "0.0.0.0/0",
                        "from_port": 1024,
                        "to_port": 65535,
                    ],
                    "ingress-130": [
                        "egress": false,
                        "rule_number": 130,
                        "protocol": "udp",
                        "cidr_block": "0.0.0.0/0",
                        "from_port": 1024,
                        "to_port": 65535,
                    ],
                    "ingress-140": [
                        "egress": false,
                        "rule_number": 140,
                        "protocol": "-1",
                        "cidr_block": cidrBlock.value.expression,
                        "from_port": 0,
                        "to_port": 0,
                    ],
                    "egress-100": [
                        "egress": true,
                        "rule_number": 100,
                        "protocol": "-1",
                        "cidr_block": "0.0.0.0/0",
                        "from_port": 0,
                        "to_port": 0,
                    ],
                ] as Expression)
            )
        thisPublicRule
        let thisPrivateNat = AWSRoute(
            "this_private_nat",
            routeTableId: thisPrivateTable[Expr<String>(Expression.eachKey)].id,
            destinationCidrBlock: "0.0.0.0/0",
            natGatewayId: natGateway[Expr<Value>.if(singleNatGateway.value, then: Expr<Value>.raw("sort(keys(var.public_subnets))[0]"), else: Expr<Value>(Expression.eachKey)).unsafeCast(to: String.self)].id
        )
            .forEach(
                Expr<[String: String]>.if(enableNatGateway.value, then: privateSubnets.value, else: [:]).expression
            )
        thisPrivateNat
        let thisPublicAssociation = AWSRouteTableAssociation(
            "this_public",
            routeTableId: thisPublicTable[0].id,
            subnetId: thisPublicSubnet[Expr<String>(Expression.eachKey)].id
        )
            .forEach(publicSubnets.value.expression)
        thisPublicAssociation
        // convert: splat (`[*]`) kept as HCL: .build/convert-roundtrip/oves-hcl/terraform/modules/vpc/outputs.tf:2:17
        Output(
            "database_subnet_ids",
            expression: Expression.raw("values(aws_subnet.this_database)[*].id"),
            description: "Database subnet ids, by zone"
        )
        Output("flow_log_id", flowLog.id, description: "The VPC flow log's id")
        Output(
            "private_route_table_ids",
            Fn.merge(thisPrivateTable.eachInstance.mapValues(as: "k", "rt") { rt in rt.id }, thisDatabaseTable.eachInstance.toMap(as: "i", "rt") { i, rt in (("database-\(i)" as Expr<String>), rt.id) }),
            description: "Route tables of the private and database subnets by zone (keys known at plan time, for peering routes)"
        )
        // convert: splat (`[*]`) kept as HCL: .build/convert-roundtrip/oves-hcl/terraform/modules/vpc/outputs.tf:17:17
        Output(
            "private_subnet_ids",
            expression: Expression.raw("values(aws_subnet.this_private)[*].id"),
            description: "Private subnet ids, by zone"
        )
        // convert: splat (`[*]`) kept as HCL: .build/convert-roundtrip/oves-hcl/terraform/modules/vpc/outputs.tf:22:17
        Output(
            "public_subnet_ids",
            expression: Expression.raw("values(aws_subnet.this_public)[*].id"),
            description: "Public subnet ids, by zone"
        )
        Output("vpc_cidr_block", vpc.cidrBlockRef, description: "The VPC's IPv4 range")
        Output("vpc_id", vpc.id, description: "The VPC's id")
    }
}
