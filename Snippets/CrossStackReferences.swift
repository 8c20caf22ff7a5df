// Roots that read each other: the network root publishes its VPC id and private subnets as typed
// outputs, the app root reads them as `network.outputs.vpcID` (a misspelt name does not compile)
// through `terraform_remote_state` on the network root's s3 backend, and the infrastructure
// knows the order to apply them in. Prints the data block, the order and what each root needs.
//
// Run: swift run CrossStackReferences

// snippet.hide
import Foundation
import InfraAWS
import InfraCore
import InfraTerraform

// snippet.show
/// What the network root publishes.
struct NetworkOutputs: RootOutputs {
    var vpcID: RootOutput<String>
    var privateSubnetIDs: RootOutput<[String]>
}

let state = S3Backend(bucket: "acme-terraform-state", key: "network/terraform.tfstate", region: "us-east-1")
let vpc = AWSVPC("main", cidrBlock: "10.0.0.0/16")
let subnets = AWSSubnet(
    "private", vpcId: vpc.id, cidrBlock: Fn.cidrsubnet("10.0.0.0/16", newbits: 8, netnum: Count.index)
)
.count(2)
let published = NetworkOutputs(
    vpcID: RootOutput("vpc_id", vpc.id), privateSubnetIDs: RootOutput("private_subnet_ids", subnets.all.id))

let network = Stack("network", directory: "terraform/network", settings: TerraformSettings(backend: .s3(state))) {
    Provider.aws(region: "us-east-1")
    vpc
    subnets
    published  // one output block per RootOutput
}

let app = Stack(
    "app", directory: "terraform/app",
    settings: TerraformSettings(
        backend: .s3(S3Backend(bucket: state.bucket, key: "app/terraform.tfstate", region: state.region)))
) {
    Provider.aws(region: "us-east-1")
    let net = RemoteRoot(network, outputs: published)  // data "terraform_remote_state" "network"
    net
    AWSSecurityGroup("app", vpcId: net.outputs.vpcID)
    Output("subnets_used", net.outputs.privateSubnetIDs)
}

let infrastructure = Infrastructure {
    app
    network
}

// snippet.hide
let result = infrastructure.synthesize()
guard !result.diagnostics.hasErrors else {
    print(result.diagnostics.errors.map { "\($0.path): \($0.message)" }.joined(separator: "\n"))
    exit(1)
}
let appMain = result.artifacts.first { $0.path == "terraform/app/main.tf.json" }
print(appMain.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "no terraform/app/main.tf.json")
let order = infrastructure.rootOrder
print("apply order:", order.groups.map { $0.map(\.componentPath.description) })  // [["network"], ["app"]]
print("app needs:", order.requiredUnits(of: app.componentPath).map(\.description))  // ["network"]
