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

    /// The variables of the `networking` module.
    public static let variables: [ConstructVariable] = [
        ConstructVariable("name", "string", "Name tag of the peering connection"),
        ConstructVariable("requester_vpc_id", "string", "The requesting VPC (default provider)"),
        ConstructVariable("requester_cidr_block", "string", "The requesting VPC's range"),
        ConstructVariable("accepter_vpc_id", "string", "The accepting VPC (aws.peer provider)"),
        ConstructVariable("accepter_cidr_block", "string", "The accepting VPC's range"),
        ConstructVariable("accepter_region", "string", "The accepting VPC's region"),
        ConstructVariable(
            "requester_route_table_ids", "map(string)", "Requester route tables to route to the accepter"),
        ConstructVariable("accepter_route_table_ids", "map(string)", "Accepter route tables to route back"),
        ConstructVariable("tags", "map(string)", "Tags for every resource"),
    ]

    /// The parameters as module inputs.
    public var inputs: [String: Expression] {
        [
            "name": .string(connectionName),
            "requester_vpc_id": requesterVPCID.expression,
            "requester_cidr_block": .string(requesterCIDR),
            "accepter_vpc_id": accepterVPCID.expression,
            "accepter_cidr_block": .string(accepterCIDR),
            "accepter_region": .string(accepterRegion),
            "requester_route_table_ids": requesterRouteTables.expression,
            "accepter_route_table_ids": accepterRouteTables.expression,
            "tags": ConstructLiterals.map(tags),
        ]
    }

    /// The connection, its acceptance, DNS options and routes. The accepter side uses `aws.peer`.
    public static func body(name: String, inputs: ConstructInputs) -> [any StackContent] {
        let n = ConstructNaming.local(name)
        let tags = inputs.stringMap("tags")
        let peer = ProviderReference.aws(alias: "peer")
        let connection = AWSVPCPeeringConnection(
            n, peerVpcId: inputs.string("accepter_vpc_id"), vpcId: inputs.string("requester_vpc_id"), autoAccept: false,
            peerRegion: inputs.string("accepter_region"),
            tags: ConstructLiterals.tags(tags, name: inputs.string("name")))
        let accepter = AWSVPCPeeringConnectionAccepter(
            n, vpcPeeringConnectionId: connection.id, autoAccept: true,
            tags: ConstructLiterals.tags(tags, name: inputs.string("name"))
        ).provider(peer)
        return [
            connection,
            accepter,
            AWSVPCPeeringConnectionOptions("\(n)_requester", vpcPeeringConnectionId: accepter.id)
                .override("requester", Expression.object([("allow_remote_vpc_dns_resolution", true)])),
            AWSVPCPeeringConnectionOptions("\(n)_accepter", vpcPeeringConnectionId: accepter.id)
                .override("accepter", Expression.object([("allow_remote_vpc_dns_resolution", true)]))
                .provider(peer),
            AWSRoute(
                "\(n)_requester", routeTableId: Expr(.eachValue),
                destinationCidrBlock: inputs.string("accepter_cidr_block"),
                vpcPeeringConnectionId: connection.id
            ).forEach(inputs["requester_route_table_ids"]).dependsOn(accepter.address),
            AWSRoute(
                "\(n)_accepter", routeTableId: Expr(.eachValue),
                destinationCidrBlock: inputs.string("requester_cidr_block"),
                vpcPeeringConnectionId: connection.id
            ).forEach(inputs["accepter_route_table_ids"]).provider(peer).dependsOn(accepter.address),
        ]
    }

    /// The connection's exposed values.
    public static func outputs(name: String) -> [ConstructOutput] {
        let n = ConstructNaming.local(name)
        return [
            ConstructOutput(
                "peering_connection_id", .reference("aws_vpc_peering_connection", n, "id"),
                "The peering connection's id")
        ]
    }
}
