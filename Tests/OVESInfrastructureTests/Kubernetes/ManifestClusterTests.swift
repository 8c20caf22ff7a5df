// `infra-manifest apply` sends each OVES manifest into its cluster: every manifest names the
// Terraform root creating that cluster (`Manifest(cluster:)`), and that root publishes the three
// outputs the kubeconfig is written from (name, endpoint, CA), read from the EKS construct.

import InfraCore
import InfraKubernetes
import InfraTerraform
import OVESInfrastructure
import Testing

@Suite("OVES manifests name their cluster's root")
struct ManifestClusterTests {
    @Test("each manifest's cluster root is an environment root that outputs the cluster's name, endpoint and CA")
    func clusterRootsPublishTheKubeconfigOutputs() throws {
        let manifests = [OVESKubernetes.production(), OVESKubernetes.development()]
        let stacks = OVESReference.terraformUnits.compactMap { $0 as? Stack }
        for manifest in manifests {
            let cluster = try #require(manifest.cluster, "\(manifest.name) names no cluster")
            #expect(cluster.root.description == manifest.name)
            let stack = try #require(stacks.first { $0.componentPath == cluster.root }, "no root \(cluster.root)")
            let outputs = try #require(OVESSynthesis.document("\(stack.outputDirectory)/outputs.tf.json")?["output"])
            for name in [cluster.nameOutput, cluster.endpointOutput, cluster.certificateAuthorityOutput] {
                let value = outputs[name]?["value"]?.stringValue ?? ""
                #expect(value.hasPrefix("${module.eks."), "\(stack.outputDirectory): output \(name) is \(value)")
            }
            #expect(
                outputs[cluster.certificateAuthorityOutput]?["value"]
                    == .string("${module.eks.cluster_certificate_authority_data}"))
        }
    }
}
