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
    /// The `Name` tag of the VPC itself (`<vpcName>-vpc`): known before the VPC exists, so
    /// controllers that cannot read instance metadata find the VPC by it (`--aws-vpc-tags`).
    public var vpcNameTag: String { "\(vpcName)-vpc" }
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

    /// The inputs of the `vpc` module.
    public struct Inputs: ConstructInputSet {
        /// `name`: the `Name` tag prefix of every resource.
        public var label: Expr<String> = nil
        /// `cidr_block`: the VPC's IPv4 range.
        public var cidrBlock: Expr<String> = nil
        /// `public_subnets`: public subnet CIDR per availability zone.
        public var publicSubnets: Expr<[String: String]> = nil
        /// `private_subnets`: private subnet CIDR per availability zone.
        public var privateSubnets: Expr<[String: String]> = nil
        /// `database_subnets`: isolated database subnet CIDR per availability zone.
        public var databaseSubnets: Expr<[String: String]> = nil
        /// `enable_nat_gateway`: whether private subnets reach the internet through NAT.
        public var enableNATGateway: Expr<Bool> = nil
        /// `single_nat_gateway`: one shared NAT gateway instead of one per zone.
        public var singleNATGateway: Expr<Bool> = nil
        /// `eks_cluster_names`: EKS clusters whose load balancers use these subnets.
        public var eksClusterNames: Expr<[String]> = nil
        /// `peer_cidr_blocks`: peered VPC ranges allowed by the private network ACL.
        public var peerCIDRBlocks: Expr<[String]> = nil
        /// `flow_log_retention_days`: days VPC flow logs are kept.
        public var flowLogRetentionDays: Expr<Double> = nil
        /// `tags`: tags for every resource.
        public var tags: Expr<[String: String]> = nil

        /// Every input `null`.
        public init() {}

        init(
            label: Expr<String>, cidrBlock: Expr<String>, publicSubnets: Expr<[String: String]>,
            privateSubnets: Expr<[String: String]>, databaseSubnets: Expr<[String: String]>,
            enableNATGateway: Expr<Bool>, singleNATGateway: Expr<Bool>, eksClusterNames: Expr<[String]>,
            peerCIDRBlocks: Expr<[String]>, flowLogRetentionDays: Expr<Double>, tags: Expr<[String: String]>
        ) {
            self.label = label
            self.cidrBlock = cidrBlock
            self.publicSubnets = publicSubnets
            self.privateSubnets = privateSubnets
            self.databaseSubnets = databaseSubnets
            self.enableNATGateway = enableNATGateway
            self.singleNATGateway = singleNATGateway
            self.eksClusterNames = eksClusterNames
            self.peerCIDRBlocks = peerCIDRBlocks
            self.flowLogRetentionDays = flowLogRetentionDays
            self.tags = tags
        }

        /// The variables of the `vpc` module.
        public static var variables: [ConstructVariable<Inputs>] {
            [
                ConstructVariable(\.label, "name", "Name tag prefix of every resource"),
                ConstructVariable(\.cidrBlock, "cidr_block", "The VPC's IPv4 range"),
                ConstructVariable(\.publicSubnets, "public_subnets", "Public subnet CIDR per availability zone"),
                ConstructVariable(\.privateSubnets, "private_subnets", "Private subnet CIDR per availability zone"),
                ConstructVariable(
                    \.databaseSubnets, "database_subnets", "Isolated database subnet CIDR per availability zone"),
                ConstructVariable(
                    \.enableNATGateway, "enable_nat_gateway", "Whether private subnets reach the internet through NAT"),
                ConstructVariable(
                    \.singleNATGateway, "single_nat_gateway", "One shared NAT gateway instead of one per zone"),
                ConstructVariable(
                    \.eksClusterNames, "eks_cluster_names", "EKS clusters whose load balancers use these subnets"),
                ConstructVariable(
                    \.peerCIDRBlocks, "peer_cidr_blocks", "Peered VPC ranges allowed by the private network ACL"),
                ConstructVariable(\.flowLogRetentionDays, "flow_log_retention_days", "Days VPC flow logs are kept"),
                ConstructVariable(\.tags, "tags", "Tags for every resource"),
            ]
        }
    }

    /// The parameters as module inputs.
    public var inputs: Inputs {
        let planned = plannedSubnets
        return Inputs(
            label: ConstructLiterals.string(vpcName), cidrBlock: ConstructLiterals.string(cidrBlock),
            publicSubnets: ConstructLiterals.stringMap(planned.publicTier),
            privateSubnets: ConstructLiterals.stringMap(planned.privateTier),
            databaseSubnets: ConstructLiterals.stringMap(planned.databaseTier),
            enableNATGateway: ConstructLiterals.bool(natGateways != .none),
            singleNATGateway: ConstructLiterals.bool(natGateways == .single),
            eksClusterNames: ConstructLiterals.strings(eksClusterNames),
            peerCIDRBlocks: ConstructLiterals.strings(peerCIDRBlocks),
            flowLogRetentionDays: ConstructLiterals.number(flowLogRetentionDays),
            tags: ConstructLiterals.stringMap(tags))
    }

    /// The values a network exposes: `network.outputs.vpcID` (inlined) or `call.outputs.vpcID` (module).
    public struct Outputs: Sendable {
        /// `vpc_id`: the VPC's id.
        public var vpcID: Expr<String>
        /// `vpc_cidr_block`: the VPC's IPv4 range.
        public var vpcCIDRBlock: Expr<String>
        /// `public_subnet_ids`: public subnet ids, by zone.
        public var publicSubnetIDs: Expr<[String]>
        /// `private_subnet_ids`: private subnet ids, by zone.
        public var privateSubnetIDs: Expr<[String]>
        /// `database_subnet_ids`: database subnet ids, by zone.
        public var databaseSubnetIDs: Expr<[String]>
        /// `private_route_table_ids`: route tables of the private (by zone) and database subnets,
        /// keyed so the keys are known at plan time (for peering routes).
        public var privateRouteTableIDs: Expr<[String: String]>
        /// `flow_log_id`: the VPC flow log's id.
        public var flowLogID: Expr<String>
    }

    /// The VPC's resources and exposed values.
    public static func body(name: String, inputs: ConstructInputs<Inputs>) -> ConstructBody<Outputs> {
        let n = ConstructNaming.local(name)
        let label = inputs.label
        let tags = inputs.tags
        let each = Each<String>()
        let vpc = AWSVPC(
            n, cidrBlock: inputs.cidrBlock, enableDnsHostnames: true, enableDnsSupport: true,
            tags: ConstructLiterals.tags(tags, name: "\(label)-vpc"))
        let clusterTags = inputs.eksClusterNames.toMap(as: "c") { c in ("kubernetes.io/cluster/\(c)", "shared") }
        let ifPublic: Expr<Double> = .if(Fn.length(inputs.publicSubnets) > 0, then: 1, else: 0)
        var content: [any StackContent] = [vpc]

        // The default security group of a VPC allows all traffic between its members; empty it.
        content.append(
            AWSDefaultSecurityGroup(n, tags: ConstructLiterals.tags(tags, name: "\(label)-default-deny"), vpcId: vpc.id)
        )

        // Public tier: internet gateway, subnets, one route table.
        let gateway = AWSInternetGateway(n, tags: ConstructLiterals.tags(tags, name: "\(label)-igw"), vpcId: vpc.id)
            .count(ifPublic)
        content.append(gateway)
        let publicSubnet = AWSSubnet(
            "\(n)_public", vpcId: vpc.id, availabilityZone: each.key, cidrBlock: each.value,
            mapPublicIpOnLaunch: false,
            tags: Fn.merge(tags, clusterTags, ["Name": "\(label)-public-\(each.key)", "kubernetes.io/role/elb": "1"])
        ).forEach(inputs.publicSubnets)
        content.append(publicSubnet)
        let publicTable = AWSRouteTable(
            "\(n)_public", vpcId: vpc.id, tags: ConstructLiterals.tags(tags, name: "\(label)-public")
        ).count(ifPublic)
        content.append(publicTable)
        content.append(
            AWSRoute(
                "\(n)_public_internet", routeTableId: publicTable[0].id, destinationCidrBlock: "0.0.0.0/0",
                gatewayId: gateway[0].id
            ).count(ifPublic))
        content.append(
            AWSRouteTableAssociation(
                "\(n)_public", routeTableId: publicTable[0].id, subnetId: publicSubnet[each.key].id
            ).forEach(inputs.publicSubnets))

        // NAT: one per zone, or the first zone's only.
        let firstZone = Fn.slice(Fn.sort(Fn.keys(inputs.publicSubnets)), startIndex: 0, endIndex: 1)
            .toMap(as: "k") { k in (k, inputs.publicSubnets[k]) }
        let natZones: Expr<[String: String]> = .if(
            inputs.enableNATGateway, then: .if(inputs.singleNATGateway, then: firstZone, else: inputs.publicSubnets),
            else: [:])
        let eip = AWSEIP(
            "\(n)_nat", domain: "vpc", tags: ConstructLiterals.tags(tags, name: "\(label)-nat-\(each.key)")
        )
        .forEach(natZones)
        content.append(eip)
        let nat = AWSNATGateway(
            n, subnetId: publicSubnet[each.key].id, allocationId: eip[each.key].id,
            tags: ConstructLiterals.tags(tags, name: "\(label)-nat-\(each.key)")
        ).forEach(natZones).dependsOn(gateway.address)
        content.append(nat)

        // Private tier: one route table per zone, default route through that zone's NAT.
        let privateSubnet = AWSSubnet(
            "\(n)_private", vpcId: vpc.id, availabilityZone: each.key, cidrBlock: each.value,
            mapPublicIpOnLaunch: false,
            tags: Fn.merge(
                tags, clusterTags, ["Name": "\(label)-private-\(each.key)", "kubernetes.io/role/internal-elb": "1"])
        ).forEach(inputs.privateSubnets)
        content.append(privateSubnet)
        let privateTable = AWSRouteTable(
            "\(n)_private", vpcId: vpc.id, tags: ConstructLiterals.tags(tags, name: "\(label)-private-\(each.key)")
        ).forEach(inputs.privateSubnets)
        content.append(privateTable)
        let natZone: Expr<String> = .if(
            inputs.singleNATGateway, then: Fn.sort(Fn.keys(inputs.publicSubnets))[0], else: each.key)
        content.append(
            AWSRoute(
                "\(n)_private_nat", routeTableId: privateTable[each.key].id, destinationCidrBlock: "0.0.0.0/0",
                natGatewayId: nat[natZone].id
            ).forEach(Expr<[String: String]>.if(inputs.enableNATGateway, then: inputs.privateSubnets, else: [:])))
        content.append(
            AWSRouteTableAssociation(
                "\(n)_private", routeTableId: privateTable[each.key].id, subnetId: privateSubnet[each.key].id
            ).forEach(inputs.privateSubnets))

        // Database tier: isolated subnets, one route table without any internet route.
        let databaseSubnet = AWSSubnet(
            "\(n)_database", vpcId: vpc.id, availabilityZone: each.key, cidrBlock: each.value,
            mapPublicIpOnLaunch: false, tags: ConstructLiterals.tags(tags, name: "\(label)-database-\(each.key)")
        ).forEach(inputs.databaseSubnets)
        content.append(databaseSubnet)
        let databaseTable = AWSRouteTable(
            "\(n)_database", vpcId: vpc.id, tags: ConstructLiterals.tags(tags, name: "\(label)-database")
        ).count(.if(Fn.length(inputs.databaseSubnets) > 0, then: 1, else: 0))
        content.append(databaseTable)
        content.append(
            AWSRouteTableAssociation(
                "\(n)_database", routeTableId: databaseTable[0].id, subnetId: databaseSubnet[each.key].id
            ).forEach(inputs.databaseSubnets))

        // Network ACLs: the public tier takes web traffic and return traffic; the private and
        // database tiers only the VPC, peered VPCs and return traffic.
        let anywhere: Expr<String> = "0.0.0.0/0"
        let publicACL = AWSNetworkACL(
            "\(n)_public", vpcId: vpc.id, subnetIds: Fn.toset(publicSubnet.all.id),
            tags: ConstructLiterals.tags(tags, name: "\(label)-public"))
        content.append(publicACL)
        content.append(
            networkACLRules(
                "\(n)_public", acl: publicACL,
                rules: [
                    ACLRule(false, 100, "tcp", anywhere, 443, 443),
                    ACLRule(false, 110, "tcp", anywhere, 80, 80),
                    ACLRule(false, 120, "tcp", anywhere, 1024, 65535),
                    ACLRule(false, 130, "udp", anywhere, 1024, 65535),
                    ACLRule(false, 140, "-1", inputs.cidrBlock, 0, 0),
                    ACLRule(true, 100, "-1", anywhere, 0, 0),
                ], peers: nil))
        let privateACL = AWSNetworkACL(
            "\(n)_private", vpcId: vpc.id, subnetIds: Fn.toset(Fn.concat(privateSubnet.all.id, databaseSubnet.all.id)),
            tags: ConstructLiterals.tags(tags, name: "\(label)-private"))
        content.append(privateACL)
        content.append(
            networkACLRules(
                "\(n)_private", acl: privateACL,
                rules: [
                    ACLRule(false, 100, "-1", inputs.cidrBlock, 0, 0),
                    ACLRule(false, 110, "tcp", anywhere, 1024, 65535),
                    ACLRule(false, 120, "udp", anywhere, 1024, 65535),
                    ACLRule(true, 100, "-1", anywhere, 0, 0),
                ], peers: inputs.peerCIDRBlocks))

        // Flow logs of all traffic to CloudWatch Logs, through a role only VPC flow logs can assume.
        let logGroup = AWSCloudWatchLogGroup(
            "\(n)_flow_logs", name: "/aws/vpc/flow-logs/\(label)",
            retentionInDays: inputs.flowLogRetentionDays, tags: tags)
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
        let flowLog = AWSFlowLog(
            n, iamRoleArn: role.arn, logDestination: logGroup.arn, logDestinationType: "cloud-watch-logs",
            tags: ConstructLiterals.tags(tags, name: "\(label)-flow-logs"), trafficType: "ALL", vpcId: vpc.id)
        content.append(flowLog)

        return ConstructBody(content) { output in
            Outputs(
                vpcID: output("vpc_id", vpc.id, "The VPC's id"),
                vpcCIDRBlock: output("vpc_cidr_block", vpc.cidrBlockRef, "The VPC's IPv4 range"),
                publicSubnetIDs: output("public_subnet_ids", publicSubnet.all.id, "Public subnet ids, by zone"),
                privateSubnetIDs: output("private_subnet_ids", privateSubnet.all.id, "Private subnet ids, by zone"),
                databaseSubnetIDs: output(
                    "database_subnet_ids", databaseSubnet.all.id, "Database subnet ids, by zone"),
                privateRouteTableIDs: output(
                    "private_route_table_ids",
                    Fn.merge(
                        privateTable.eachInstance.mapValues(as: "k", "rt") { rt in rt.id },
                        databaseTable.eachInstance.toMap(as: "i", "rt") { i, rt in ("database-\(i)", rt.id) }),
                    "Route tables of the private and database subnets by zone (keys known at plan time, for peering routes)"
                ),
                flowLogID: output("flow_log_id", flowLog.id, "The VPC flow log's id"))
        }
    }

    /// One network ACL rule: direction, number, protocol, range and ports.
    struct ACLRule {
        var egress: Bool
        var number: Int
        var proto: String
        var cidr: Expr<String>
        var from: Int
        var to: Int

        init(_ egress: Bool, _ number: Int, _ proto: String, _ cidr: Expr<String>, _ from: Int, _ to: Int) {
            self.egress = egress
            self.number = number
            self.proto = proto
            self.cidr = cidr
            self.from = from
            self.to = to
        }

        /// `ingress-100`, `egress-100`: the rule's key in the `for_each` map.
        var key: String { "\(egress ? "egress" : "ingress")-\(number)" }

        /// The rule as an object of the `for_each` map.
        var value: Expr<ACLRuleShape> {
            ACLRuleShape.object(
                egress: ConstructLiterals.bool(egress), ruleNumber: ConstructLiterals.number(number),
                protocol: ConstructLiterals.string(proto), cidrBlock: cidr, fromPort: ConstructLiterals.number(from),
                toPort: ConstructLiterals.number(to))
        }
    }

    /// The shape of one rule in the `for_each` map of `aws_network_acl_rule`.
    enum ACLRuleShape {
        /// `{ egress = …, rule_number = …, protocol = …, cidr_block = …, from_port = …, to_port = … }`
        static func object(
            egress: Expr<Bool>, ruleNumber: Expr<Double>, protocol: Expr<String>, cidrBlock: Expr<String>,
            fromPort: Expr<Double>, toPort: Expr<Double>
        ) -> Expr<ACLRuleShape> {
            Expr(
                Expr<Value>.object([
                    "egress": egress, "rule_number": ruleNumber, "protocol": `protocol`, "cidr_block": cidrBlock,
                    "from_port": fromPort, "to_port": toPort,
                ]).expression)
        }
    }

    /// `aws_network_acl_rule` for each rule, keyed `ingress-100`; peers get ingress 200+.
    static func networkACLRules(
        _ name: String, acl: AWSNetworkACL, rules: [ACLRule], peers: Expr<[String]>?
    ) -> AWSNetworkACLRule {
        var map = Expr<[String: ACLRuleShape]>(Expression.object(rules.map { ($0.key, $0.value.expression) }))
        if let peers {
            map = Fn.merge(
                map,
                peers.toMap(as: "i", "c") { i, c in
                    (
                        "ingress-\(200 + i)",
                        ACLRuleShape.object(
                            egress: false, ruleNumber: 200 + i, protocol: "-1", cidrBlock: c, fromPort: 0, toPort: 0)
                    )
                })
        }
        let rule = Each.of(map).value
        return AWSNetworkACLRule(
            name, networkAclId: acl.id, protocol: rule.protocol, ruleAction: "allow", ruleNumber: rule.ruleNumber,
            cidrBlock: rule.cidrBlock, egress: rule.egress, fromPort: rule.fromPort, toPort: rule.toPort
        ).forEach(map)
    }
}

extension Expr where T == Network.ACLRuleShape {
    var egress: Expr<Bool> { attribute("egress") }
    var ruleNumber: Expr<Double> { attribute("rule_number") }
    var `protocol`: Expr<String> { attribute("protocol") }
    var cidrBlock: Expr<String> { attribute("cidr_block") }
    var fromPort: Expr<Double> { attribute("from_port") }
    var toPort: Expr<Double> { attribute("to_port") }
}
