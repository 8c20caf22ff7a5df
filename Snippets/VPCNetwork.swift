// A production VPC with the `Network` construct: private, public and database subnets over three
// availability zones, a NAT gateway per zone, network ACLs and flow logs — then what it synthesizes to.
//
// Run: swift run VPCNetwork

// snippet.hide
import Foundation
import InfraAWS
import InfraCore
import InfraTerraform

// snippet.show
let network = Network(
    "prod", vpcName: "acme-prod", cidrBlock: "10.10.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
    databaseSubnets: true, natGateways: .onePerZone, eksClusterNames: ["acme-prod"],
    tags: ["Environment": "prod", "Team": "platform"])

let stack = Stack("prod", directory: "terraform/prod") {
    Provider.aws(region: "us-east-1")
    network
    Output("vpc_id", network.outputs.vpcID, description: "The production VPC")
    Output("private_subnet_ids", network.outputs.privateSubnetIDs)
}

let result = stack.synthesize()
// snippet.hide

for diagnostic in result.diagnostics.sorted { print(diagnostic) }
guard !result.diagnostics.hasErrors else { exit(1) }

print("Address plan of \(network.cidrBlock):")
let plan = network.plannedSubnets
for zone in network.availabilityZones {
    let tiers = [
        "private \(plan.privateTier[zone] ?? "-")",
        "public \(plan.publicTier[zone] ?? "-")",
        "database \(plan.databaseTier[zone] ?? "-")",
    ]
    print("  \(zone): " + tiers.joined(separator: ", "))
}

print("\nResource blocks by type (per-zone resources are one block with for_each over the zones):")
var counts: [String: Int] = [:]
for entry in result.inventory { counts[entry.kind, default: 0] += 1 }
for (kind, count) in counts.sorted(by: { $0.key < $1.key }) { print("  \(count) × \(kind)") }

print("\nFiles:")
for artifact in result.artifacts { print("  \(artifact.path) (\(artifact.bytes.count) bytes)") }
