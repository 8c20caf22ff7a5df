// Expressions without strings: subnets per zone with for_each and typed `each`, one instance by
// key, all instances as a list, a conditional count, a `for` over instances, a dynamic block
// typed as the generated nested block, and built-in functions with typed signatures — then the
// Terraform JSON it synthesizes and the dependency edges validation found.
//
// Run: swift run TypedExpressions

// snippet.hide
import Foundation
import InfraAWS
import InfraCore
import InfraTerraform

// snippet.show
let zones = Variable<[String: String]>("zones", default: ["us-east-1a": "10.0.0.0/20", "us-east-1b": "10.0.16.0/20"])
let natEnabled = Variable<Bool>("nat_enabled", default: true)
let instanceTags = Variable<[String: String]>("instance_tags", default: ["Team": "web", "CostCenter": "42"])

let stack = Stack("app", directory: "terraform/app") {
    zones
    natEnabled
    instanceTags
    Provider.aws(region: "us-east-1")
    let vpc = AWSVPC("main", cidrBlock: "10.0.0.0/16")
    vpc

    // One subnet per zone: `each.key` and `each.value` are typed by the map.
    let each = Each.of(zones.value)
    let subnets = AWSSubnet("app", vpcId: vpc.id, availabilityZone: each.key, cidrBlock: each.value)
        .forEach(zones.value)
    subnets

    // A NAT gateway only when enabled, in the first zone's subnet: one instance by key.
    let firstZone = Fn.sort(Fn.keys(zones.value))[0]
    let eip = AWSEIP("nat", domain: "vpc").count(.if(natEnabled.value, then: 1, else: 0))
    eip
    AWSNATGateway("nat", subnetId: subnets[firstZone].id, allocationId: eip[0].id)
        .count(.if(natEnabled.value, then: 1, else: 0))

    // One `tag` block per entry of a map, each the generated `AWSAutoScalingGroup.Tag`.
    let template = AWSLaunchTemplate("web", imageId: "ami-0123456789abcdef0", instanceType: "t3.small")
    template
    AWSAutoScalingGroup(
        "web", maxSize: 4, minSize: 1, launchTemplate: .init(id: template.id, version: "$Latest"),
        vpcZoneIdentifier: Fn.toset(subnets.all.id)
    )
    .dynamic(\.tag, forEach: instanceTags.value) { tag in
        .init(key: tag.key, propagateAtLaunch: true, value: tag.value)
    }

    // All instances as a typed list, and a map over them with a `for` expression.
    Output("subnet_ids", subnets.all.id)
    Output("subnet_by_zone", subnets.eachInstance.mapValues { subnet in subnet.id })
    Output("nat_ip", Fn.one(eip.all.publicIp))
}

let result = stack.synthesize()
// snippet.hide

for diagnostic in result.diagnostics.sorted { print(diagnostic) }
guard !result.diagnostics.hasErrors else { exit(1) }

for artifact in result.artifacts
where artifact.path.hasSuffix("main.tf.json") || artifact.path.hasSuffix("outputs.tf.json") {
    print("# ---- \(artifact.path)")
    print(artifact.text)
}
print("# ---- dependency edges")
for edge in result.edges { print("\(edge.from) -> \(edge.to)") }
