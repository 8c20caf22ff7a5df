// The resolved model of the whole OVES reference (Terraform and Kubernetes) through the public
// API: it is complete — every file's bytes are what its nodes' documents give — and the readers
// built on it (policy engine, test templates) see both back ends.

import InfraCore
import InfraKubernetes
import InfraPolicy
import InfraTerraform
import InfraTesting
import OVESInfrastructure
import Testing

@Suite("OVES resolved model")
struct ResolvedModelTests {
    static let result = Infrastructure(units: OVESReference.units).synthesize()
    /// The Kubernetes objects of every manifest (both clusters' and the add-ons' CRDs), counted from
    /// the manifests themselves.
    static let kubernetesObjects = OVESKubernetes.manifests.compactMap { $0 as? Manifest }.map(\.objects.count)
        .reduce(0, +)

    @Test("every file is written from its nodes: the documents give the bytes, nothing more, nothing less")
    func filesComeFromTheModel() throws {
        let result = Self.result
        try #require(!result.diagnostics.hasErrors)
        var nodesByFile: [String: [any ModelNode]] = [:]
        for node in result.model.nodes { nodesByFile[node.file, default: []].append(node) }
        #expect(Set(nodesByFile.keys).isSubset(of: Set(result.artifacts.map(\.path))))
        var checked = 0
        for artifact in result.artifacts {
            let nodes = nodesByFile[artifact.path] ?? []
            if artifact.path.hasSuffix(".yaml") {
                let header = artifact.text.prefix { $0 != "\n" } + "\n"
                let documents = nodes.map { $0.document() }
                #expect(
                    artifact.bytes == Array(header.utf8) + YAMLWriter().writeStream(documents), "\(artifact.path)")
            } else if artifact.path.hasSuffix(".tf.json") {
                let blocks = nodes.compactMap { $0 as? ResolvedBlock }
                #expect(blocks.count == nodes.count)
                let document = TerraformJSONFiles.documents(of: blocks).first?.document ?? .object(ValueObject())
                #expect(artifact.bytes == JSONWriter(sortKeys: true).write(document), "\(artifact.path)")
            } else {
                #expect(
                    nodes.count == 1 && artifact.bytes == JSONWriter().write(nodes[0].document()), "\(artifact.path)")
            }
            checked += nodes.count
        }
        #expect(checked == result.model.nodes.count)
        #expect(result.model.nodes(.kubernetes).count == Self.kubernetesObjects)
        // 171 blocks + the add-on roles and access entries (7) + dns: the cn delegation and terraform_remote_state.shared (2)
        // + a Secrets Manager container per workload secret + an ECR repository and lifecycle policy per microservice
        // - the shared root's china_ingress_hostname variable and cn CNAME records, now external-dns's (2)
        // - the dns root's five host records, now external-dns's (5; its two hostname variables were no resources)
        let secretContainers = OVESEnvironment.allCases.map { OVESWorkloadSecrets.secrets($0).count }.reduce(0, +)
        let registry = 2 * OVESContainerRegistry.repositoryNames.count
        #expect(result.inventory.count == 180 - 2 - 5 + secretContainers + registry + Self.kubernetesObjects)
    }

    @Test("the graph's edges join listed nodes (or the blocks they reach), in both back ends")
    func edgesJoinNodeIDs() {
        let ids = Set(Self.result.model.nodes.map(\.nodeID))
        let edges = Self.result.edges
        #expect(edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
        #expect(edges.contains { $0.from.hasPrefix("kubernetes/prod/") })
        #expect(edges.contains { $0.from.hasPrefix("terraform/environments/prod/") })
    }

    @Test("the policy engine evaluates Kubernetes rules on every object and uses every OVES suppression")
    func policyCoversKubernetes() {
        let report = PolicyEngine(suppressions: OVESReference.allPolicySuppressions).evaluate(Self.result.model)
        let kubernetes = report.coverage.first { $0.format == .kubernetes }
        #expect(kubernetes?.rules ?? 0 > 0)
        #expect(kubernetes?.documents == Self.kubernetesObjects)
        #expect(report.active.isEmpty, "\(report.active.map(\.description))")
        #expect(report.unusedSuppressions.isEmpty, "\(report.unusedSuppressions)")
        let elasticsearch = report.suppressed.first {
            $0.ruleID == "INFRA-K8S-005" && $0.resource == "StatefulSet logging/elasticsearch"
        }
        #expect(elasticsearch?.path == "dev/StatefulSet/logging/elasticsearch")
        #expect(elasticsearch?.file == "kubernetes/dev/logging.yaml")
    }

    @Test("KubernetesTemplate finds the OVES objects from a synthesis, a manifest and a model")
    func kubernetesTemplates() throws {
        let fromResult = KubernetesTemplate(result: Self.result, directory: "kubernetes/prod")
        let fromManifest = KubernetesTemplate(manifest: OVESKubernetes.production())
        let fromModel = KubernetesTemplate(model: Self.result.model)
        for template in [fromResult, fromManifest, fromModel] {
            let account = try #require(
                template.object(kind: "Deployment", named: "account-microservice", namespace: "prod"))
            #expect(account.path == "prod/Deployment/account-microservice")
            #expect(account.file == "kubernetes/prod/prod.yaml")
            #expect(account.typed(Deployment.self)?.metadata.namespace == "prod")
            #expect(template.hasObject(kind: "Deployment", named: "account-microservice", namespace: "prod") == nil)
        }
        #expect(fromResult.objects.count == fromManifest.objects.count)
        #expect(fromModel.objects.count == Self.kubernetesObjects)
    }

    @Test("TerraformTemplate reads one OVES root from the model, with component paths")
    func terraformTemplate() throws {
        let prod = TerraformTemplate(result: Self.result, directory: "terraform/environments/prod")
        let vpc = try #require(prod.block("module.vpc"))
        #expect(vpc.file == "terraform/environments/prod/main.tf.json")
        #expect(vpc.path != nil)
        #expect(prod.hasModule("vpc", ["source": "../../modules/vpc"]) == nil)
    }
}
