// `Network`: a VPC with public, private and (optionally) database subnets over several
// availability zones, an internet gateway, NAT gateways (one per AZ, or one for dev),
// route tables, network ACLs, flow logs to CloudWatch and the subnet tags EKS load
// balancers look for. Subnets are keyed by availability zone, so adding or reordering
// zones never renumbers the others.

import InfraCore
import InfraTerraform

/// A VPC with subnets over availability zones, gateways, routes, NACLs and flow logs.
///
/// ```swift
/// Network("prod", vpcName: "oves-prod", cidrBlock: "10.10.0.0/16",
///         availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"], eksClusterNames: ["oves-prod"])
/// ```
public struct Network: ModularConstruct {
    /// How many NAT gateways the private subnets use.
    public enum NATGateways: String, Sendable, Hashable {
        /// One per availability zone: private traffic survives the loss of a zone (production).
        case onePerZone
        /// One shared gateway: cheaper, one zone's outage cuts egress (development).
        case single
        /// No NAT: private subnets have no route to the internet (e.g. a database VPC).
        case none
    }

    /// How subnets are laid out in the VPC range.
    public enum SubnetLayout: Sendable, Hashable {
        /// Carved from the VPC range: private subnets of `privatePrefix`, then public of
        /// `publicPrefix`, then database of `databasePrefix`, one each per zone.
        case carved(privatePrefix: Int, publicPrefix: Int, databasePrefix: Int)
        /// Explicit CIDRs, one per availability zone (in the order of `availabilityZones`).
        case explicit(publicCIDRs: [String], privateCIDRs: [String], databaseCIDRs: [String])

        /// /19 private (8k addresses for pods), /22 public, /24 database, for a /16 VPC.
        public static let standard = SubnetLayout.carved(privatePrefix: 19, publicPrefix: 22, databasePrefix: 24)
    }

    /// The construct's name (Terraform names and component path).
    public var name: String
    /// The `Name` tag prefix of every resource, e.g. `oves-prod`.
    public var vpcName: String
    /// The VPC range, e.g. `10.10.0.0/16`.
    public var cidrBlock: String
    /// The availability zones, e.g. `us-east-1a`.
    public var availabilityZones: [String]
    /// The subnet layout.
    public var subnetLayout: SubnetLayout
    /// Whether the VPC has public subnets and an internet gateway.
    public var publicSubnets: Bool
    /// Whether the VPC has isolated database subnets.
    public var databaseSubnets: Bool
    /// NAT gateways for the private subnets.
    public var natGateways: NATGateways
    /// EKS clusters whose load balancers may use the subnets (tagged `kubernetes.io/cluster/<name>`).
    public var eksClusterNames: [String]
    /// Peered VPC ranges allowed through the private network ACL.
    public var peerCIDRBlocks: [String]
    /// Days the flow logs are kept.
    public var flowLogRetentionDays: Int
    /// Tags for every resource.
    public var tags: [String: String]
    /// The former construct name, for `moved` blocks.
    public var formerName: String?

    /// Creates a network; defaults are production-grade (NAT per zone, flow logs kept a year).
    public init(
        _ name: String, vpcName: String? = nil, cidrBlock: String, availabilityZones: [String],
        subnetLayout: SubnetLayout = .standard, publicSubnets: Bool = true, databaseSubnets: Bool = false,
        natGateways: NATGateways = .onePerZone, eksClusterNames: [String] = [], peerCIDRBlocks: [String] = [],
        flowLogRetentionDays: Int = 365, tags: [String: String] = [:], formerName: String? = nil
    ) {
        self.name = name
        self.vpcName = vpcName ?? name
        self.cidrBlock = cidrBlock
        self.availabilityZones = availabilityZones
        self.subnetLayout = subnetLayout
        self.publicSubnets = publicSubnets
        self.databaseSubnets = databaseSubnets
        self.natGateways = natGateways
        self.eksClusterNames = eksClusterNames
        self.peerCIDRBlocks = peerCIDRBlocks
        self.flowLogRetentionDays = flowLogRetentionDays
        self.tags = tags
        self.formerName = formerName
    }

    /// The subnet CIDRs per tier and zone, as planned (`nil` entries when the layout does not fit).
    public var plannedSubnets:
        (publicTier: [String: String], privateTier: [String: String], databaseTier: [String: String])
    {
        let zones = availabilityZones
        var pub: [String] = []
        var priv: [String] = []
        var db: [String] = []
        switch subnetLayout {
        case .explicit(let p, let q, let d):
            pub = p
            priv = q
            db = d
        case .carved(let privatePrefix, let publicPrefix, let databasePrefix):
            var lengths = Array(repeating: privatePrefix, count: zones.count)
            if publicSubnets { lengths += Array(repeating: publicPrefix, count: zones.count) }
            if databaseSubnets { lengths += Array(repeating: databasePrefix, count: zones.count) }
            if let vpc = IPv4CIDR(cidrBlock), let carved = vpc.carve(lengths) {
                let text = carved.map(\.description)
                priv = Array(text.prefix(zones.count))
                if publicSubnets { pub = Array(text.dropFirst(zones.count).prefix(zones.count)) }
                if databaseSubnets { db = Array(text.suffix(zones.count)) }
            }
        }
        func keyed(_ list: [String], enabled: Bool) -> [String: String] {
            guard enabled else { return [:] }
            return Dictionary(zip(zones, list), uniquingKeysWith: { first, _ in first })
        }
        return (keyed(pub, enabled: publicSubnets), keyed(priv, enabled: true), keyed(db, enabled: databaseSubnets))
    }

    /// Address plan problems: malformed CIDRs, subnets outside the VPC or overlapping, missing zones.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        guard let vpc = IPv4CIDR(cidrBlock) else {
            return [.error(path, "VPC CIDR \"\(cidrBlock)\" is not a valid IPv4 network (a.b.c.d/n, host bits zero)")]
        }
        if vpc.prefixLength < 16 || vpc.prefixLength > 28 {
            result.append(
                .error(path, "VPC CIDR \(cidrBlock) must have a prefix length between /16 and /28 (AWS limit)"))
        }
        if availabilityZones.isEmpty {
            result.append(.error(path, "a network needs at least one availability zone"))
        }
        if Set(availabilityZones).count != availabilityZones.count {
            result.append(.error(path, "availability zones are listed more than once: \(availabilityZones)"))
        }
        if natGateways != .none && !publicSubnets {
            result.append(.error(path, "NAT gateways need public subnets", hint: "set natGateways: .none"))
        }
        for peer in peerCIDRBlocks where IPv4CIDR(peer) == nil {
            result.append(.error(path, "peer CIDR \"\(peer)\" is not a valid IPv4 network"))
        }
        var tiers: [(String, [String], Bool)] = []
        switch subnetLayout {
        case .explicit(let pub, let priv, let db):
            tiers = [("public", pub, publicSubnets), ("private", priv, true), ("database", db, databaseSubnets)]
        case .carved:
            let planned = plannedSubnets
            if planned.privateTier.count != availabilityZones.count {
                result.append(
                    .error(
                        path, "the subnets for \(availabilityZones.count) zones do not fit in \(cidrBlock)",
                        hint: "use longer subnet prefixes or a larger VPC range"))
            }
        }
        var seen: [(ComponentPath, IPv4CIDR)] = []
        for (tier, list, enabled) in tiers where enabled {
            if list.count != availabilityZones.count {
                result.append(
                    .error(
                        path.appending("\(tier)-subnets"),
                        "\(list.count) \(tier) subnet CIDRs for \(availabilityZones.count) availability zones"))
            }
            for (index, text) in list.enumerated() {
                let subnetPath = path.appending("\(tier)-subnet", index: index)
                guard let subnet = IPv4CIDR(text) else {
                    result.append(.error(subnetPath, "subnet CIDR \"\(text)\" is not a valid IPv4 network"))
                    continue
                }
                if !vpc.contains(subnet) {
                    result.append(.error(subnetPath, "subnet \(text) is outside the VPC CIDR \(cidrBlock)"))
                }
                if let clash = seen.first(where: { $0.1.overlaps(subnet) }) {
                    result.append(.error(subnetPath, "subnet \(text) overlaps \(clash.1) (\(clash.0))"))
                }
                seen.append((subnetPath, subnet))
            }
        }
        if ![1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]
            .contains(flowLogRetentionDays)
        {
            result.append(
                .error(
                    path, "flow log retention of \(flowLogRetentionDays) days is not a CloudWatch Logs retention value")
            )
        }
        return result
    }

    /// The variables of the `vpc` module.
    public static let variables: [ConstructVariable] = [
        ConstructVariable("name", "string", "Name tag prefix of every resource"),
        ConstructVariable("cidr_block", "string", "The VPC's IPv4 range"),
        ConstructVariable("public_subnets", "map(string)", "Public subnet CIDR per availability zone"),
        ConstructVariable("private_subnets", "map(string)", "Private subnet CIDR per availability zone"),
        ConstructVariable("database_subnets", "map(string)", "Isolated database subnet CIDR per availability zone"),
        ConstructVariable("enable_nat_gateway", "bool", "Whether private subnets reach the internet through NAT"),
        ConstructVariable("single_nat_gateway", "bool", "One shared NAT gateway instead of one per zone"),
        ConstructVariable("eks_cluster_names", "list(string)", "EKS clusters whose load balancers use these subnets"),
        ConstructVariable("peer_cidr_blocks", "list(string)", "Peered VPC ranges allowed by the private network ACL"),
        ConstructVariable("flow_log_retention_days", "number", "Days VPC flow logs are kept"),
        ConstructVariable("tags", "map(string)", "Tags for every resource"),
    ]

    /// The parameters as module inputs.
    public var inputs: [String: Expression] {
        let planned = plannedSubnets
        return [
            "name": .string(vpcName),
            "cidr_block": .string(cidrBlock),
            "public_subnets": ConstructLiterals.map(planned.publicTier),
            "private_subnets": ConstructLiterals.map(planned.privateTier),
            "database_subnets": ConstructLiterals.map(planned.databaseTier),
            "enable_nat_gateway": Expression(.bool(natGateways != .none)),
            "single_nat_gateway": Expression(.bool(natGateways == .single)),
            "eks_cluster_names": ConstructLiterals.list(eksClusterNames),
            "peer_cidr_blocks": ConstructLiterals.list(peerCIDRBlocks),
            "flow_log_retention_days": Expression(.int(flowLogRetentionDays)),
            "tags": ConstructLiterals.map(tags),
        ]
    }

    /// The VPC's resources.
    public static func body(name: String, inputs: ConstructInputs) -> [any StackContent] {
        let n = ConstructNaming.local(name)
        let label = inputs.string("name")
        let tags = inputs.stringMap("tags")
        let vpc = AWSVPC(
            n, cidrBlock: inputs.string("cidr_block"), enableDnsHostnames: true, enableDnsSupport: true,
            tags: ConstructLiterals.tags(tags, name: "\(label)-vpc"))
        let clusterTags =
            "{ for c in \(inputs.hcl("eks_cluster_names")) : \"kubernetes.io/cluster/${c}\" => \"shared\" }"
        let hasPublic = "length(\(inputs.hcl("public_subnets"))) > 0"
        var content: [any StackContent] = [vpc]

        // The default security group of a VPC allows all traffic between its members; empty it.
        content.append(
            AWSDefaultSecurityGroup(n, tags: ConstructLiterals.tags(tags, name: "\(label)-default-deny"), vpcId: vpc.id)
        )

        // Public tier: internet gateway, subnets, one route table.
        let gateway = AWSInternetGateway(n, tags: ConstructLiterals.tags(tags, name: "\(label)-igw"), vpcId: vpc.id)
            .count(Expr.raw("\(hasPublic) ? 1 : 0"))
        content.append(gateway)
        let publicSubnet = AWSSubnet(
            "\(n)_public", vpcId: vpc.id, availabilityZone: Expr(.eachKey), cidrBlock: Expr(.eachValue),
            mapPublicIpOnLaunch: false,
            tags: Expr.raw(
                "merge(\(inputs.hcl("tags")), \(clusterTags), { Name = \"${\(label.expression.hcl)}-public-${each.key}\", \"kubernetes.io/role/elb\" = \"1\" })"
            )
        ).forEach(inputs["public_subnets"])
        content.append(publicSubnet)
        let publicTable = AWSRouteTable(
            "\(n)_public", vpcId: vpc.id, tags: ConstructLiterals.tags(tags, name: "\(label)-public")
        ).count(Expr.raw("\(hasPublic) ? 1 : 0"))
        content.append(publicTable)
        content.append(
            AWSRoute(
                "\(n)_public_internet", routeTableId: .raw("aws_route_table.\(n)_public[0].id"),
                destinationCidrBlock: "0.0.0.0/0", gatewayId: .raw("aws_internet_gateway.\(n)[0].id")
            ).count(Expr.raw("\(hasPublic) ? 1 : 0")))
        content.append(
            AWSRouteTableAssociation(
                "\(n)_public", routeTableId: .raw("aws_route_table.\(n)_public[0].id"),
                subnetId: .raw("aws_subnet.\(n)_public[each.key].id")
            ).forEach(inputs["public_subnets"]))

        // NAT: one per zone, or the first zone's only.
        let natZones = Expression.raw(
            "\(inputs.hcl("enable_nat_gateway")) ? (\(inputs.hcl("single_nat_gateway")) ? { for k in slice(sort(keys(\(inputs.hcl("public_subnets")))), 0, 1) : k => \(inputs.hcl("public_subnets"))[k] } : \(inputs.hcl("public_subnets"))) : {}"
        )
        content.append(
            AWSEIP(
                "\(n)_nat", domain: "vpc",
                tags: Expr.raw(
                    "merge(\(inputs.hcl("tags")), { Name = \"${\(label.expression.hcl)}-nat-${each.key}\" })")
            )
            .forEach(natZones))
        content.append(
            AWSNATGateway(
                "\(n)", subnetId: .raw("aws_subnet.\(n)_public[each.key].id"),
                allocationId: .raw("aws_eip.\(n)_nat[each.key].id"),
                tags: Expr.raw(
                    "merge(\(inputs.hcl("tags")), { Name = \"${\(label.expression.hcl)}-nat-${each.key}\" })")
            ).forEach(natZones).dependsOn(.resource(type: AWSInternetGateway.terraformType, name: n)))

        // Private tier: one route table per zone, default route through that zone's NAT.
        content.append(
            AWSSubnet(
                "\(n)_private", vpcId: vpc.id, availabilityZone: Expr(.eachKey), cidrBlock: Expr(.eachValue),
                mapPublicIpOnLaunch: false,
                tags: Expr.raw(
                    "merge(\(inputs.hcl("tags")), \(clusterTags), { Name = \"${\(label.expression.hcl)}-private-${each.key}\", \"kubernetes.io/role/internal-elb\" = \"1\" })"
                )
            ).forEach(inputs["private_subnets"]))
        content.append(
            AWSRouteTable(
                "\(n)_private", vpcId: vpc.id,
                tags: Expr.raw(
                    "merge(\(inputs.hcl("tags")), { Name = \"${\(label.expression.hcl)}-private-${each.key}\" })")
            ).forEach(inputs["private_subnets"]))
        content.append(
            AWSRoute(
                "\(n)_private_nat", routeTableId: .raw("aws_route_table.\(n)_private[each.key].id"),
                destinationCidrBlock: "0.0.0.0/0",
                natGatewayId: .raw(
                    "aws_nat_gateway.\(n)[\(inputs.hcl("single_nat_gateway")) ? sort(keys(\(inputs.hcl("public_subnets"))))[0] : each.key].id"
                )
            ).forEach(Expression.raw("\(inputs.hcl("enable_nat_gateway")) ? \(inputs.hcl("private_subnets")) : {}")))
        content.append(
            AWSRouteTableAssociation(
                "\(n)_private", routeTableId: .raw("aws_route_table.\(n)_private[each.key].id"),
                subnetId: .raw("aws_subnet.\(n)_private[each.key].id")
            ).forEach(inputs["private_subnets"]))

        // Database tier: isolated subnets, one route table without any internet route.
        let hasDatabase = "length(\(inputs.hcl("database_subnets"))) > 0"
        content.append(
            AWSSubnet(
                "\(n)_database", vpcId: vpc.id, availabilityZone: Expr(.eachKey), cidrBlock: Expr(.eachValue),
                mapPublicIpOnLaunch: false,
                tags: Expr.raw(
                    "merge(\(inputs.hcl("tags")), { Name = \"${\(label.expression.hcl)}-database-${each.key}\" })")
            ).forEach(inputs["database_subnets"]))
        content.append(
            AWSRouteTable("\(n)_database", vpcId: vpc.id, tags: ConstructLiterals.tags(tags, name: "\(label)-database"))
                .count(Expr.raw("\(hasDatabase) ? 1 : 0")))
        content.append(
            AWSRouteTableAssociation(
                "\(n)_database", routeTableId: .raw("aws_route_table.\(n)_database[0].id"),
                subnetId: .raw("aws_subnet.\(n)_database[each.key].id")
            ).forEach(inputs["database_subnets"]))

        // Network ACLs: the public tier takes web traffic and return traffic; the private and
        // database tiers only the VPC, peered VPCs and return traffic.
        let cidr = inputs.hcl("cidr_block")
        content.append(
            AWSNetworkACL(
                "\(n)_public", vpcId: vpc.id, subnetIds: .raw("toset(values(aws_subnet.\(n)_public)[*].id)"),
                tags: ConstructLiterals.tags(tags, name: "\(label)-public")))
        content.append(
            networkACLRules(
                "\(n)_public", acl: "aws_network_acl.\(n)_public",
                rules: [
                    ACLRule(false, 100, "tcp", "\"0.0.0.0/0\"", 443, 443),
                    ACLRule(false, 110, "tcp", "\"0.0.0.0/0\"", 80, 80),
                    ACLRule(false, 120, "tcp", "\"0.0.0.0/0\"", 1024, 65535),
                    ACLRule(false, 130, "udp", "\"0.0.0.0/0\"", 1024, 65535),
                    ACLRule(false, 140, "-1", cidr, 0, 0),
                    ACLRule(true, 100, "-1", "\"0.0.0.0/0\"", 0, 0),
                ], peers: nil))
        content.append(
            AWSNetworkACL(
                "\(n)_private", vpcId: vpc.id,
                subnetIds: .raw(
                    "toset(concat(values(aws_subnet.\(n)_private)[*].id, values(aws_subnet.\(n)_database)[*].id))"),
                tags: ConstructLiterals.tags(tags, name: "\(label)-private")))
        content.append(
            networkACLRules(
                "\(n)_private", acl: "aws_network_acl.\(n)_private",
                rules: [
                    ACLRule(false, 100, "-1", cidr, 0, 0),
                    ACLRule(false, 110, "tcp", "\"0.0.0.0/0\"", 1024, 65535),
                    ACLRule(false, 120, "udp", "\"0.0.0.0/0\"", 1024, 65535),
                    ACLRule(true, 100, "-1", "\"0.0.0.0/0\"", 0, 0),
                ], peers: inputs.hcl("peer_cidr_blocks")))

        // Flow logs of all traffic to CloudWatch Logs, through a role only VPC flow logs can assume.
        let logGroup = AWSCloudWatchLogGroup(
            "\(n)_flow_logs", name: "/aws/vpc/flow-logs/\(label)",
            retentionInDays: inputs.number("flow_log_retention_days"), tags: tags)
        content.append(logGroup)
        let trust = IAMPolicyDocument {
            IAMStatement(
                effect: .allow, actions: ["sts:AssumeRole"], principals: [.service("vpc-flow-logs.amazonaws.com")])
        }
        let role = AWSIAMRole(
            "\(n)_flow_logs", assumeRolePolicy: trust.json, namePrefix: "\(label)-flow-logs-", tags: tags)
        content.append(role)
        let write = IAMPolicyDocument {
            IAMStatement(
                effect: .allow,
                actions: [
                    "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams",
                ],
                resources: [logGroup.arn, "\(logGroup.arn):*"])
        }
        content.append(
            AWSIAMRolePolicy("\(n)_flow_logs", policy: write.json, role: role.id, namePrefix: "flow-logs-"))
        content.append(
            AWSFlowLog(
                n, iamRoleArn: role.arn, logDestination: logGroup.arn, logDestinationType: "cloud-watch-logs",
                tags: ConstructLiterals.tags(tags, name: "\(label)-flow-logs"), trafficType: "ALL", vpcId: vpc.id))
        return content
    }

    /// The VPC's exposed values.
    public static func outputs(name: String) -> [ConstructOutput] {
        let n = ConstructNaming.local(name)
        return [
            ConstructOutput("vpc_id", .reference("aws_vpc", n, "id"), "The VPC's id"),
            ConstructOutput("vpc_cidr_block", .reference("aws_vpc", n, "cidr_block"), "The VPC's IPv4 range"),
            ConstructOutput(
                "public_subnet_ids", .raw("values(aws_subnet.\(n)_public)[*].id"), "Public subnet ids, by zone"),
            ConstructOutput(
                "private_subnet_ids", .raw("values(aws_subnet.\(n)_private)[*].id"), "Private subnet ids, by zone"),
            ConstructOutput(
                "database_subnet_ids", .raw("values(aws_subnet.\(n)_database)[*].id"), "Database subnet ids, by zone"),
            ConstructOutput(
                "private_route_table_ids",
                .raw(
                    "merge({ for k, rt in aws_route_table.\(n)_private : k => rt.id }, { for i, rt in aws_route_table.\(n)_database : \"database-${i}\" => rt.id })"
                ),
                "Route tables of the private and database subnets by zone (keys known at plan time, for peering routes)"
            ),
            ConstructOutput("flow_log_id", .reference("aws_flow_log", n, "id"), "The VPC flow log's id"),
        ]
    }

    /// One network ACL rule as HCL object text.
    struct ACLRule {
        var egress: Bool
        var number: Int
        var proto: String
        var cidrHCL: String
        var from: Int
        var to: Int

        init(_ egress: Bool, _ number: Int, _ proto: String, _ cidrHCL: String, _ from: Int, _ to: Int) {
            self.egress = egress
            self.number = number
            self.proto = proto
            self.cidrHCL = cidrHCL
            self.from = from
            self.to = to
        }

        var key: String { "\(egress ? "egress" : "ingress")-\(number)" }

        var hcl: String {
            "\"\(key)\" = { egress = \(egress), rule_number = \(number), protocol = \"\(proto)\", cidr_block = \(cidrHCL), from_port = \(from), to_port = \(to) }"
        }
    }

    /// `aws_network_acl_rule` for each rule, keyed `ingress-100`; peers get ingress 200+.
    static func networkACLRules(_ name: String, acl: String, rules: [ACLRule], peers: String?) -> AWSNetworkACLRule {
        var map = "{ " + rules.map(\.hcl).joined(separator: ", ") + " }"
        if let peers {
            map =
                "merge(\(map), { for i, c in \(peers) : \"ingress-${200 + i}\" => { egress = false, rule_number = 200 + i, protocol = \"-1\", cidr_block = c, from_port = 0, to_port = 0 } })"
        }
        return AWSNetworkACLRule(
            name, networkAclId: .raw("\(acl).id"), protocol: .raw("each.value.protocol"), ruleAction: "allow",
            ruleNumber: .raw("each.value.rule_number"), cidrBlock: .raw("each.value.cidr_block"),
            egress: .raw("each.value.egress"), fromPort: .raw("each.value.from_port"),
            toPort: .raw("each.value.to_port")
        ).forEach(.raw(map))
    }
}
