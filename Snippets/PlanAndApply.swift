// `plan`, `apply` and `destroy` for your own infrastructure: an `InfrastructureCommand` gets them
// with the rest of the command line. The cluster root publishes the outputs a kubeconfig needs,
// and the manifest names that root (`Manifest(cluster:)`), so `apply` runs terraform in the root
// first, then `kubectl apply --server-side` with a kubeconfig written from those outputs
// (Documentation/PlanApply.md).
//
// Run: swift run PlanAndApply list                        (what it defines; no tools needed)
//      swift run PlanAndApply plan                        (terraform 1.7+, AWS credentials; exit 2 = changes)
//      swift run PlanAndApply apply --env prod --auto-approve

// snippet.hide
import InfraAWS
import InfraCLI
import InfraCore
import InfraKubernetes
import InfraTerraform

// snippet.show
struct ShopPlatform: InfrastructureCommand {
    static let commandName = "shop-platform"

    var body: Infrastructure {
        Infrastructure {
            Stack("prod", directory: "terraform/prod") {
                Provider.aws(region: "eu-west-1")
                let cluster = AWSEKSCluster(
                    "prod", name: "shop-prod", roleArn: "arn:aws:iam::111122223333:role/shop-prod-cluster",
                    vpcConfig: .init(subnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]))
                cluster
                // The names ManifestCluster reads by default.
                Output("cluster_name", cluster.nameRef)
                Output("cluster_endpoint", cluster.endpoint)
                Output(
                    "cluster_certificate_authority_data", expression: cluster.certificateAuthority[0].data.expression)
            }
            Manifest("prod", directory: "kubernetes/prod", namespace: "shop", cluster: ManifestCluster(root: "prod")) {
                Namespace(metadata: ObjectMeta(name: "shop"))
                ConfigMap(metadata: ObjectMeta(name: "settings"), data: ["LOG_LEVEL": "info"])
            }
        }
    }
}

await ShopPlatform.main()
