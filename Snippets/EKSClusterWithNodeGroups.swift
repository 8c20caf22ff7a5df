// An EKS cluster in its own VPC with two managed node groups (on-demand and spot), built from the
// `Network` and `EKSCluster` constructs; prints the control plane's settings and the node groups.
//
// Run: swift run EKSClusterWithNodeGroups

// snippet.hide
import Foundation
import InfraAWS
import InfraCore
import InfraTerraform

// snippet.show
let network = Network(
    "prod", vpcName: "acme-prod", cidrBlock: "10.10.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"], eksClusterNames: ["acme-prod"])

let cluster = EKSCluster(
    "prod", clusterName: "acme-prod", kubernetesVersion: "1.35",
    vpcID: network.outputs.vpcID, subnetIDs: network.outputs.privateSubnetIDs,
    nodeGroups: [
        EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 3, maxSize: 10, labels: ["workload": "general"]),
        EKSNodeGroup(
            "spot", instanceTypes: ["t3.large", "t3a.large", "m5.large"], capacity: .spot,
            minSize: 0, maxSize: 6, desiredSize: 1, labels: ["workload": "spot"],
            taints: [EKSNodeGroup.Taint(key: "capacity", value: "spot", effect: "PREFER_NO_SCHEDULE")]),
    ])

let stack = Stack("prod", directory: "terraform/prod") {
    Provider.aws(region: "us-east-1")
    network
    cluster
    Output("cluster_endpoint", cluster.outputs.clusterEndpoint)
    Output("oidc_provider_arn", cluster.outputs.oidcProviderARN)
}

let result = stack.synthesize()
// snippet.hide

for diagnostic in result.diagnostics.sorted { print(diagnostic) }
guard !result.diagnostics.hasErrors else { exit(1) }

/// The resources of `type` in the resolved model, by local name.
func resources(_ type: String) -> [(name: String, body: Value)] {
    result.model.nodes.filter { $0.kind == type }.sorted { $0.name < $1.name }.map { ($0.name, $0.document()) }
}

let json = JSONWriter(sortKeys: true, pretty: false)
for (name, body) in resources("aws_eks_cluster") {
    print("aws_eks_cluster.\(name)")
    for key in ["name", "version", "enabled_cluster_log_types", "vpc_config", "encryption_config"] {
        if let value = body[key] { print("  \(key) = \(json.string(value))") }
    }
}

// The node groups are one `aws_eks_node_group` block with `for_each` over the groups' settings.
print("\nNode groups:")
for (name, body) in resources("aws_eks_node_group") {
    guard let groups = body["for_each"]?.objectValue else {
        print("  aws_eks_node_group.\(name) = \(json.string(body))")
        continue
    }
    for (group, settings) in groups { print("  aws_eks_node_group.\(name)[\"\(group)\"] = \(json.string(settings))") }
}

let addons = resources("aws_eks_addon").compactMap { $0.body["addon_name"]?.stringValue }
print("\nAdd-ons: " + addons.joined(separator: ", "))
print("\(result.inventory.count) Terraform blocks in \(result.artifacts.count) files")
