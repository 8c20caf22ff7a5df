// The Secrets Store CSI driver add-on (with ASCP): pinned, no IRSA role of its own, and the
// driver chart's values for syncing Secrets and rotation nested under the sub-chart name.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("EKS add-on: Secrets Store CSI driver with the AWS provider")
struct SecretsStoreAddonTests {
    @Test("the add-on is pinned and enables Secret sync and rotation through the driver sub-chart's values")
    func configuration() {
        let addon = EKSAddon.secretsStoreCSIDriver()
        #expect(addon.name == "aws-secrets-store-csi-driver-provider")
        #expect(addon.version == "v3.1.3-eksbuild.1")
        #expect(addon.version == EKSAddon.pinnedVersions[addon.name])
        #expect(addon.serviceAccountRole == nil)
        #expect(
            addon.configuration == [
                "secrets-store-csi-driver": [
                    "syncSecret": ["enabled": true], "enableSecretRotation": true, "rotationPollInterval": "2m",
                ]
            ])
        let noRotation = EKSAddon.secretsStoreCSIDriver(syncSecrets: false, rotationPollInterval: nil)
        #expect(
            noRotation.configuration == [
                "secrets-store-csi-driver": ["syncSecret": ["enabled": false], "enableSecretRotation": false]
            ])
        #expect(addon.diagnostics(at: "t", cluster: "c").isEmpty)
    }

    @Test("configuration_values carries the nested values into the cluster module")
    func synthesized() throws {
        let result = synthesizeConstructs {
            EKSCluster(
                "eks", clusterName: "c", kubernetesVersion: EKSCluster.recommendedKubernetesVersion, vpcID: "vpc-a",
                subnetIDs: ["subnet-a", "subnet-b"],
                nodeGroups: [EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 1, maxSize: 2)],
                addons: EKSAddon.core + [.secretsStoreCSIDriver()])
        }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let late = try #require(result.resource("aws_eks_addon", "eks"))
        let forEach = try #require(late["for_each"]?.stringValue)
        #expect(forEach.contains("aws-secrets-store-csi-driver-provider"))
        #expect(forEach.contains("\"syncSecret\" = { \"enabled\" = true }"), "\(forEach)")
        #expect(forEach.contains("\"rotationPollInterval\" = \"2m\""), "\(forEach)")
    }
}
