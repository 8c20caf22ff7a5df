// Manifest synthesis: the builder accepts objects, arrays, groups, `if` and `for`;
// files are one per namespace plus `_cluster.yaml`, in a deterministic order;
// inventory and dependency edges describe the objects; errors mean no files.

import InfraCore
import InfraKubernetes
import Testing

/// A helper in the style the higher-level API will use: it yields several objects.
private struct TinyApp: ManifestContent {
    var name: String
    var manifestObjects: [any KubernetesObject] {
        [
            Samples.deployment(name: name, labels: ["app": name]),
            Service(
                metadata: .init(name: name, namespace: "prod"),
                spec: .init(ports: [ServicePort(name: "http", port: 80, targetPort: "http")], selector: ["app": name])),
        ]
    }
}

@Suite("Manifest")
struct ManifestTests {
    @Test("the builder accepts objects, arrays, helpers, groups, if/else and for")
    func builderControlFlow() {
        let extra = true
        let names = ["a", "b"]
        let manifest = Manifest("dev") {
            Samples.namespace
            [Samples.configMap, ConfigMap(metadata: .init(name: "second", namespace: "prod"))]
            for name in names { TinyApp(name: name) }
            if extra { Samples.serviceAccount } else { Samples.storageClass }
            if !extra { Samples.claim }
            ObjectGroup {
                Samples.autoscaler
                Samples.disruptionBudget
            }
        }
        #expect(
            manifest.objects.map(\.kind) == [
                "Namespace", "ConfigMap", "ConfigMap", "Deployment", "Service", "Deployment", "Service",
                "ServiceAccount",
                "HorizontalPodAutoscaler", "PodDisruptionBudget",
            ])
        #expect(manifest.outputDirectory == "kubernetes/dev")
    }

    @Test("files are one per namespace plus _cluster.yaml, and inventory names each object's file")
    func fileLayout() throws {
        let result = Samples.manifest.synthesize()
        #expect(result.artifacts.map(\.path) == ["kubernetes/prod/_cluster.yaml", "kubernetes/prod/prod.yaml"])
        let cluster = try #require(result.artifacts.first).text
        #expect(cluster.contains("kind: Namespace"))
        #expect(cluster.contains("kind: ClusterIssuer"))
        #expect(!cluster.contains("kind: Deployment"))
        let entry = try #require(result.inventory.first { $0.kind == "Deployment" })
        #expect(entry.address == "prod/Deployment/prod/account")
        #expect(entry.file == "kubernetes/prod/prod.yaml")
    }

    @Test("the cluster-scoped kinds of the generated API go to _cluster.yaml, the 1.33–1.35 ones included")
    func newClusterScopedKinds() {
        let objects: [any KubernetesObject] = [
            VolumeAttributesClass(metadata: .init(name: "fast"), driverName: "ebs.csi.aws.com"),
            IPAddress(
                metadata: .init(name: "10.100.0.10"), spec: .init(parentRef: .init(name: "dns", resource: "services"))),
            ServiceCIDR(metadata: .init(name: "extra"), spec: .init(cidrs: ["10.101.0.0/16"])),
            StorageClass(metadata: .init(name: "gp3"), provisioner: "ebs.csi.aws.com"),
        ]
        #expect(objects.allSatisfy { $0.isClusterScoped })
        #expect(!Samples.deployment().isClusterScoped)
    }

    @Test("objects are ordered for kubectl apply: accounts and config before workloads")
    func applyOrder() throws {
        let text = try #require(Samples.manifest.synthesize().artifacts.last).text
        let kinds = text.split(separator: "\n").filter { $0.hasPrefix("kind: ") }.map { $0.dropFirst(6) }
        #expect(
            Array(kinds.prefix(5)) == ["ServiceAccount", "ConfigMap", "PersistentVolumeClaim", "Service", "Deployment"])
    }

    @Test("output does not depend on the order objects are declared in")
    func declarationOrderDoesNotMatter() {
        let forward = Manifest("prod") {
            Samples.configMap
            Samples.deployment()
            Samples.service
        }
        let backward = Manifest("prod") {
            Samples.service
            Samples.deployment()
            Samples.configMap
        }
        #expect(forward.synthesize().artifacts == backward.synthesize().artifacts)
    }

    @Test("the manifest namespace is given to namespaced objects without one, and the path omits it")
    func defaultNamespace() throws {
        let manifest = Manifest("prod", namespace: "shop") {
            ConfigMap(metadata: .init(name: "settings"))
            StorageClass(metadata: .init(name: "fast"), provisioner: "ebs.csi.aws.com")
        }
        #expect(manifest.objects.map(\.metadata.namespace) == ["shop", nil])
        #expect(manifest.address(of: manifest.objects[0]).description == "prod/ConfigMap/settings")
        let result = manifest.synthesize()
        #expect(result.artifacts.map(\.path) == ["kubernetes/prod/_cluster.yaml", "kubernetes/prod/shop.yaml"])
    }

    @Test("dependency edges link workloads to what they use and controllers to what they target")
    func dependencyEdges() {
        let result = Samples.manifest.synthesize()
        let edges = Set(result.model.nodes.flatMap { node in node.references.map { "\(node.address) -> \($0)" } })
        let expected: Set<String> = [
            "prod/Deployment/prod/account -> prod/ServiceAccount/prod/account",
            "prod/Deployment/prod/account -> prod/ConfigMap/prod/account-config",
            "prod/Service/prod/account -> prod/Deployment/prod/account",
            "prod/HorizontalPodAutoscaler/prod/account-microservice-hpa -> prod/Deployment/prod/account",
            "prod/PodDisruptionBudget/prod/account -> prod/Deployment/prod/account",
            "prod/Ingress/prod/account -> prod/Service/prod/account",
            "prod/PersistentVolumeClaim/prod/mongodb-data -> prod/StorageClass/ebs-sc",
            "prod/Certificate/prod/account -> prod/ClusterIssuer/letsencrypt-prod",
            "prod/VerticalPodAutoscaler/prod/account -> prod/Deployment/prod/account",
            "prod/Deployment/prod/account -> prod/Namespace/prod",
        ]
        #expect(expected.subtracting(edges).isEmpty, "missing: \(expected.subtracting(edges))")
        // The graph's edges join the listed objects' node ids (folder, then address).
        let ids = Set(result.inventory.map(\.nodeID))
        #expect(result.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
        #expect(
            result.edges.contains(
                DependencyEdge(
                    from: "kubernetes/prod/prod/Deployment/prod/account", to: "kubernetes/prod/prod/Namespace/prod")))
    }

    @Test("a manifest with errors produces diagnostics and no files")
    func errorsWriteNothing() {
        let manifest = Manifest("prod") {
            Samples.namespace
            ConfigMap(metadata: .init(name: "Bad_Name", namespace: "prod"))
        }
        let result = manifest.synthesize()
        #expect(result.diagnostics.hasErrors)
        #expect(result.artifacts.isEmpty)
    }

    @Test("files are multi-document YAML with a comment header")
    func multiDocument() throws {
        let text = try #require(Samples.manifest.synthesize().artifacts.last).text
        #expect(text.hasPrefix("# Manifest prod, generated by swift-infra. Do not edit.\napiVersion: v1\n"))
        #expect(text.components(separatedBy: "\n---\n").count == 10)
    }
}
