// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from modules/networking (3 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform module `modules/networking`, converted from `main.tf.json`, `outputs.tf.json`, `variables.tf.json`.
public enum NetworkingModule {
    /// The module, synthesized into `modules/networking` with the stacks that call it.
    public static let module = TerraformModule(
        "networking", directory: "modules/networking",
        settings: TerraformSettings(requiredVersion: nil, requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws", version: "~> 5.100", configurationAliases: ["peer"])])
    ) {
        let accepterCidrBlock = Variable<String>("accepter_cidr_block", description: "The accepting VPC's range")
        accepterCidrBlock
        let accepterRegion = Variable<String>("accepter_region", description: "The accepting VPC's region")
        accepterRegion
        let accepterRouteTableIds = Variable<[String: String]>(
            "accepter_route_table_ids",
            description: "Accepter route tables to route back"
        )
        accepterRouteTableIds
        let accepterVpcId = Variable<String>("accepter_vpc_id", description: "The accepting VPC (aws.peer provider)")
        accepterVpcId
        let name = Variable<String>("name", description: "Name tag of the peering connection")
        name
        let requesterCidrBlock = Variable<String>("requester_cidr_block", description: "The requesting VPC's range")
        requesterCidrBlock
        let requesterRouteTableIds = Variable<[String: String]>(
            "requester_route_table_ids",
            description: "Requester route tables to route to the accepter"
        )
        requesterRouteTableIds
        let requesterVpcId = Variable<String>("requester_vpc_id", description: "The requesting VPC (default provider)")
        requesterVpcId
        let tags = Variable<[String: String]>("tags", description: "Tags for every resource")
        tags
        let vpcPeeringConnection = AWSVPCPeeringConnection(
            "this",
            peerVpcId: accepterVpcId.value,
            vpcId: requesterVpcId.value,
            autoAccept: false,
            peerRegion: accepterRegion.value,
            tags: Fn.merge(tags.value, ["Name": name.value])
        )
        vpcPeeringConnection
        let vpcPeeringConnectionAccepter = AWSVPCPeeringConnectionAccepter(
            "this",
            vpcPeeringConnectionId: vpcPeeringConnection.id,
            autoAccept: true,
            tags: Fn.merge(tags.value, ["Name": name.value])
        )
            .provider(ProviderReference("aws", alias: "peer"))
        vpcPeeringConnectionAccepter
        let thisAccepterRoute = AWSRoute(
            "this_accepter",
            routeTableId: Expr<String>(Expression.eachValue),
            destinationCidrBlock: requesterCidrBlock.value,
            vpcPeeringConnectionId: vpcPeeringConnection.id
        )
            .forEach(accepterRouteTableIds.value.expression)
            .provider(ProviderReference("aws", alias: "peer"))
            .dependsOn(vpcPeeringConnectionAccepter.address)
        thisAccepterRoute
        let thisRequesterRoute = AWSRoute(
            "this_requester",
            routeTableId: Expr<String>(Expression.eachValue),
            destinationCidrBlock: accepterCidrBlock.value,
            vpcPeeringConnectionId: vpcPeeringConnection.id
        )
            .forEach(requesterRouteTableIds.value.expression)
            .dependsOn(vpcPeeringConnectionAccepter.address)
        thisRequesterRoute
        let thisAccepterOptions = AWSVPCPeeringConnectionOptions(
            "this_accepter",
            vpcPeeringConnectionId: vpcPeeringConnectionAccepter.id,
            accepter: .init(allowRemoteVpcDnsResolution: true)
        )
            .provider(ProviderReference("aws", alias: "peer"))
        thisAccepterOptions
        let thisRequesterOptions = AWSVPCPeeringConnectionOptions(
            "this_requester",
            vpcPeeringConnectionId: vpcPeeringConnectionAccepter.id,
            requester: .init(allowRemoteVpcDnsResolution: true)
        )
        thisRequesterOptions
        Output("peering_connection_id", vpcPeeringConnection.id, description: "The peering connection's id")
    }
}
