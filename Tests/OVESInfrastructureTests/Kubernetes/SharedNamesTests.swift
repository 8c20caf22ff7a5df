// The Kubernetes manifests read the names they share with Terraform instead of retyping
// them: cluster names, region, VPC ranges and the IRSA roles come from the Terraform side's
// `OVESSettings` and `OVESWorkloadRoles`, and the autoscaler image follows the cluster version.

import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES names shared by Terraform and Kubernetes")
struct SharedNamesTests {
    @Test("cluster names, region and VPC ranges are the Terraform settings")
    func environmentReadsSettings() {
        #expect(OVESEnvironment.prod.clusterName == OVESSettings.prodClusterName)
        #expect(OVESEnvironment.dev.clusterName == OVESSettings.devClusterName)
        #expect(OVESEnvironment.prod.clusterName == "oves-prod")
        #expect(OVESEnvironment.dev.clusterName == "oves-dev")
        #expect(OVESEnvironment.prod.region == "us-east-1")
        #expect(OVESEnvironment.prod.vpcCIDR == OVESSettings.prodVPCCIDR)
        #expect(OVESEnvironment.dev.vpcCIDR == OVESSettings.devVPCCIDR)
    }

    @Test(
        "every IRSA role Terraform creates has a role name <cluster>-<role> and the ServiceAccount it trusts",
        arguments: OVESEnvironment.allCases)
    func serviceAccountRoles(environment: OVESEnvironment) {
        let terraformRoles = OVESWorkloadRoles.roles(cluster: environment.clusterName)
        let roles = environment.serviceAccountRoles
        #expect(roles.map(\.roleName) == terraformRoles.map { "\(environment.clusterName)-\($0.name)" })
        #expect(
            roles.map(\.subject) == terraformRoles.map { "system:serviceaccount:\($0.namespace):\($0.serviceAccount)" })
        #expect(roles.contains(environment.clusterAutoscalerRole))
    }

    @Test(
        "the autoscaler's ServiceAccount is the one Terraform's IRSA role trusts", arguments: OVESEnvironment.allCases)
    func autoscalerAccountMatchesTrust(environment: OVESEnvironment) throws {
        let manifest = environment == .prod ? OVESKubernetes.production() : OVESKubernetes.development()
        let role = environment.clusterAutoscalerRole
        let account = try #require(
            ReferenceLookup.find(
                ServiceAccount.self, role.serviceAccountName, namespace: role.namespace, in: manifest.objects))
        #expect(account.metadata.annotations?["eks.amazonaws.com/role-arn"] == role.arn(accountID: OVESNames.accountID))
        let deployment = try #require(ReferenceLookup.find(Deployment.self, "cluster-autoscaler", in: manifest.objects))
        #expect(deployment.spec?.template.spec?.serviceAccountName == role.serviceAccountName)
        let env = deployment.spec?.template.spec?.containers.first?.env ?? []
        #expect(env.contains { $0.name == "AWS_REGION" && $0.value == OVESSettings.primaryRegion })
    }

    @Test("the autoscaler image's minor version is the cluster's Kubernetes version")
    func autoscalerImageFollowsClusterVersion() throws {
        let deployment = try #require(
            ReferenceLookup.find(Deployment.self, "cluster-autoscaler", in: ReferenceLookup.prod))
        let image = try #require(deployment.spec?.template.spec?.containers.first?.image)
        #expect(image.hasPrefix("registry.k8s.io/autoscaling/cluster-autoscaler:v\(OVESSettings.kubernetesVersion)."))
    }

    @Test("microservice images come from the account's ECR registry in the cluster's region")
    func imagesUseAccountRegistry() throws {
        let manifest = OVESKubernetes.production(accountID: "123456789012")
        let deployment = try #require(
            ReferenceLookup.find(Deployment.self, "account-microservice", in: manifest.objects))
        let image = try #require(deployment.spec?.template.spec?.containers.first?.image)
        #expect(image.hasPrefix("123456789012.dkr.ecr.us-east-1.amazonaws.com/oves/account-microservice:"))
    }
}
