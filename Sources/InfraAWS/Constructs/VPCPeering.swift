// `VPCPeering`: a (cross-region) VPC peering connection requested from one provider
// configuration and accepted through another (`aws.peer`), with DNS resolution across the
// link and routes to the other side's range in the route tables of both sides. Peering
// overlapping ranges cannot work, so it is refused before synthesis.

import InfraCore
import InfraTerraform

/// A VPC peering connection with routes and DNS options on both sides.
///
/// ```swift
/// VPCPeering("prod-to-db", requesterVPCID: prodVPC, requesterCIDR: "10.10.0.0/16",
///            accepterVPCID: dbVPC, accepterCIDR: "10.30.0.0/16", accepterRegion: "eu-central-1",
///            requesterRouteTables: prodTables, accepterRouteTables: dbTables)
/// ```
public struct VPCPeering: ModularConstruct {
    /// The construct's name.
    public var name: String
    /// The `Name` tag.
    public var connectionName: String
    /// The requesting VPC (default provider).
    public var requesterVPCID: Expr<String>
    /// The requesting VPC's range.
    public var requesterCIDR: String
    /// The accepting VPC (the `aws.peer` provider).
    public var accepterVPCID: Expr<String>
    /// The accepting VPC's range.
    public var accepterCIDR: String
    /// The accepting VPC's region.
    public var accepterRegion: String
    /// Requester route tables (map key → id; keys must be known at plan time) that get a route to the accepter.
    public var requesterRouteTables: Expr<[String: String]>
    /// Accepter route tables that get a route back to the requester.
    public var accepterRouteTables: Expr<[String: String]>
    /// Tags for every resource.
    public var tags: [String: String]
    /// The former construct name, for `moved` blocks.
    public var formerName: String?

    /// Creates a peering.
    public init(
        _ name: String, connectionName: String? = nil, requesterVPCID: Expr<String>, requesterCIDR: String,
        accepterVPCID: Expr<String>, accepterCIDR: String, accepterRegion: String,
        requesterRouteTables: Expr<[String: String]>, accepterRouteTables: Expr<[String: String]>,
        tags: [String: String] = [:], formerName: String? = nil
    ) {
        self.name = name
        self.connectionName = connectionName ?? name
        self.requesterVPCID = requesterVPCID
        self.requesterCIDR = requesterCIDR
        self.accepterVPCID = accepterVPCID
        self.accepterCIDR = accepterCIDR
        self.accepterRegion = accepterRegion
        self.requesterRouteTables = requesterRouteTables
        self.accepterRouteTables = accepterRouteTables
        self.tags = tags
        self.formerName = formerName
    }

    /// Malformed or overlapping ranges.
    public func diagnostics(at path: ComponentPath) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let requester = IPv4CIDR(requesterCIDR)
        let accepter = IPv4CIDR(accepterCIDR)
        if requester == nil {
            result.append(.error(path, "requester CIDR \"\(requesterCIDR)\" is not a valid IPv4 network"))
        }
        if accepter == nil {
            result.append(.error(path, "accepter CIDR \"\(accepterCIDR)\" is not a valid IPv4 network"))
        }
        if let requester, let accepter, requester.overlaps(accepter) {
            result.append(
                .error(
                    path,
                    "peered VPC ranges \(requesterCIDR) and \(accepterCIDR) overlap; peering needs disjoint CIDRs",
                    hint: "give one VPC a range outside the other"))
        }
        if accepterRegion.isEmpty { result.append(.error(path, "the accepter region is empty")) }
        return result
    }

    /// The inputs of the `networking` module.
    public struct Inputs: ConstructInputSet {
        /// `name`: the `Name` tag of the peering connection.
        public var connectionName: Expr<String> = nil
        /// `requester_vpc_id`: the requesting VPC (default provider).
        public var requesterVPCID: Expr<String> = nil
        /// `requester_cidr_block`: the requesting VPC's range.
        public var requesterCIDRBlock: Expr<String> = nil
        /// `accepter_vpc_id`: the accepting VPC (`aws.peer` provider).
        public var accepterVPCID: Expr<String> = nil
        /// `accepter_cidr_block`: the accepting VPC's range.
        public var accepterCIDRBlock: Expr<String> = nil
        /// `accepter_region`: the accepting VPC's region.
        public var accepterRegion: Expr<String> = nil
        /// `requester_route_table_ids`: requester route tables to route to the accepter.
        public var requesterRouteTableIDs: Expr<[String: String]> = nil
        /// `accepter_route_table_ids`: accepter route tables to route back.
        public var accepterRouteTableIDs: Expr<[String: String]> = nil
        /// `tags`: tags for every resource.
        public var tags: Expr<[String: String]> = nil

        /// Every input `null`.
        public init() {}

        /// The variables of the `networking` module.
        public static var variables: [ConstructVariable<Inputs>] {
            [
                ConstructVariable(\.connectionName, "name", "Name tag of the peering connection"),
                ConstructVariable(\.requesterVPCID, "requester_vpc_id", "The requesting VPC (default provider)"),
                ConstructVariable(\.requesterCIDRBlock, "requester_cidr_block", "The requesting VPC's range"),
                ConstructVariable(\.accepterVPCID, "accepter_vpc_id", "The accepting VPC (aws.peer provider)"),
                ConstructVariable(\.accepterCIDRBlock, "accepter_cidr_block", "The accepting VPC's range"),
                ConstructVariable(\.accepterRegion, "accepter_region", "The accepting VPC's region"),
                ConstructVariable(
                    \.requesterRouteTableIDs, "requester_route_table_ids",
                    "Requester route tables to route to the accepter"),
                ConstructVariable(
                    \.accepterRouteTableIDs, "accepter_route_table_ids", "Accepter route tables to route back"),
                ConstructVariable(\.tags, "tags", "Tags for every resource"),
            ]
        }
    }

    /// The parameters as module inputs.
    public var inputs: Inputs {
        var inputs = Inputs()
        inputs.connectionName = ConstructLiterals.string(connectionName)
        inputs.requesterVPCID = requesterVPCID
        inputs.requesterCIDRBlock = ConstructLiterals.string(requesterCIDR)
        inputs.accepterVPCID = accepterVPCID
        inputs.accepterCIDRBlock = ConstructLiterals.string(accepterCIDR)
        inputs.accepterRegion = ConstructLiterals.string(accepterRegion)
        inputs.requesterRouteTableIDs = requesterRouteTables
        inputs.accepterRouteTableIDs = accepterRouteTables
        inputs.tags = ConstructLiterals.stringMap(tags)
        return inputs
    }

    /// The values the peering exposes.
    public struct Outputs: Sendable {
        /// `peering_connection_id`: the peering connection's id.
        public var peeringConnectionID: Expr<String>
    }

    /// The connection, its acceptance, DNS options and routes. The accepter side uses `aws.peer`.
    public static func body(name: String, inputs: ConstructInputs<Inputs>) -> ConstructBody<Outputs> {
        let n = ConstructNaming.local(name)
        let tags = inputs.tags
        let peer = ProviderReference.aws(alias: "peer")
        let routeTable = Each<String>().value
        let connection = AWSVPCPeeringConnection(
            n, peerVpcId: inputs.accepterVPCID, vpcId: inputs.requesterVPCID, autoAccept: false,
            peerRegion: inputs.accepterRegion, tags: ConstructLiterals.tags(tags, name: inputs.connectionName))
        let accepter = AWSVPCPeeringConnectionAccepter(
            n, vpcPeeringConnectionId: connection.id, autoAccept: true,
            tags: ConstructLiterals.tags(tags, name: inputs.connectionName)
        ).provider(peer)
        let content: [any StackContent] = [
            connection,
            accepter,
            AWSVPCPeeringConnectionOptions(
                "\(n)_requester", vpcPeeringConnectionId: accepter.id,
                requester: .init(allowRemoteVpcDnsResolution: true)),
            AWSVPCPeeringConnectionOptions(
                "\(n)_accepter", vpcPeeringConnectionId: accepter.id,
                accepter: .init(allowRemoteVpcDnsResolution: true)
            ).provider(peer),
            AWSRoute(
                "\(n)_requester", routeTableId: routeTable, destinationCidrBlock: inputs.accepterCIDRBlock,
                vpcPeeringConnectionId: connection.id
            ).forEach(inputs.requesterRouteTableIDs).dependsOn(accepter.address),
            AWSRoute(
                "\(n)_accepter", routeTableId: routeTable, destinationCidrBlock: inputs.requesterCIDRBlock,
                vpcPeeringConnectionId: connection.id
            ).forEach(inputs.accepterRouteTableIDs).provider(peer).dependsOn(accepter.address),
        ]
        return ConstructBody(content) { output in
            Outputs(
                peeringConnectionID: output("peering_connection_id", connection.id, "The peering connection's id"))
        }
    }
}
