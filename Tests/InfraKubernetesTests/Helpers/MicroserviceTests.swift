// Microservice expands to Deployment + Service + HPA + PDB (+ Ingress) with the restricted
// pod security profile, requests and limits by default; every default can be changed and
// bad settings become diagnostics with the object path, with nothing written.

import InfraCore
import InfraKubernetes
import Testing

@Suite("Microservice")
struct MicroserviceTests {
    static let service = Microservice(
        name: "account", namespace: "prod", image: "ghcr.io/oves/account:1.4.2", port: 3000,
        ingress: IngressRoute(
            name: "account", host: "api.example.com", tlsSecretName: "api-tls",
            paths: [.init("/account", service: "account", port: 3000)], rateLimit: 100))

    @Test("expands to a Deployment, Service, HPA, PodDisruptionBudget and Ingress with the same name")
    func expandsToFiveObjects() {
        let objects = Self.service.manifestObjects
        #expect(
            objects.map(\.kind) == [
                "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress",
            ])
        #expect(objects.map(\.name) == ["account", "account", "account-hpa", "account-pdb", "account"])
        #expect(objects.allSatisfy { $0.metadata.namespace == "prod" })
    }

    @Test("containers run with the restricted security context by default")
    func restrictedContainerByDefault() throws {
        let container = try #require(Self.service.deployment.spec?.template.spec?.containers.first)
        let security = try #require(container.securityContext)
        #expect(security.runAsNonRoot == true)
        #expect(security.allowPrivilegeEscalation == false)
        #expect(security.privileged == false)
        #expect(security.capabilities?.drop == ["ALL"])
        #expect(security.capabilities?.add == nil)
        #expect(security.seccompProfile?.type == "RuntimeDefault")
        #expect(security.readOnlyRootFilesystem == true)
        #expect((security.runAsUser ?? 0) > 0)
    }

    @Test("the pod is non-root with RuntimeDefault seccomp and no service account token")
    func restrictedPodByDefault() throws {
        let pod = try #require(Self.service.deployment.spec?.template.spec)
        #expect(pod.securityContext?.runAsNonRoot == true)
        #expect(pod.securityContext?.seccompProfile?.type == "RuntimeDefault")
        #expect(pod.automountServiceAccountToken == false)
        #expect(pod.volumes?.contains { $0.name == "tmp" && $0.emptyDir != nil } == true)
    }

    @Test("containers have CPU and memory requests and limits and both probes")
    func resourcesAndProbes() throws {
        let container = try #require(Self.service.deployment.spec?.template.spec?.containers.first)
        #expect(container.resources?.requests?["cpu"] == "100m")
        #expect(container.resources?.requests?["memory"] == "128Mi")
        #expect(container.resources?.limits?["cpu"] == "500m")
        #expect(container.resources?.limits?["memory"] == "512Mi")
        #expect(container.readinessProbe?.httpGet?.path == "/health")
        #expect(container.livenessProbe?.httpGet?.port == "http")
    }

    @Test("the HPA scales the Deployment 2–10 at 70 % CPU and 80 % memory by default")
    func autoscalerDefaults() throws {
        let hpa = try #require(Self.service.horizontalPodAutoscaler)
        #expect(hpa.spec.minReplicas == 2)
        #expect(hpa.spec.maxReplicas == 10)
        #expect(
            hpa.spec.scaleTargetRef
                == CrossVersionObjectReference(apiVersion: "apps/v1", kind: "Deployment", name: "account"))
        let targets = (hpa.spec.metrics ?? []).map {
            ($0.resource?.name ?? "", $0.resource?.target.averageUtilization ?? 0)
        }
        #expect(targets.map(\.0) == ["cpu", "memory"])
        #expect(targets.map(\.1) == [70, 80])
    }

    @Test("security, resources and autoscaling can be changed")
    func settingsAreConfigurable() throws {
        var service = Self.service
        service.security.readOnlyRootFilesystem = false
        service.security.user = 20000
        service.resources = .large
        service.autoscaling = nil
        service.minAvailable = nil
        service.ingress = nil
        #expect(service.manifestObjects.map(\.kind) == ["Deployment", "Service"])
        let container = try #require(service.deployment.spec?.template.spec?.containers.first)
        #expect(container.securityContext?.readOnlyRootFilesystem == false)
        #expect(container.securityContext?.runAsUser == 20000)
        #expect(container.resources?.limits?["memory"] == "4Gi")
        #expect(service.deployment.spec?.replicas == 2)
    }

    @Test("the Service targets the named port and selects the pods")
    func serviceSelectsPods() {
        let service = Self.service.service
        #expect(service.spec?.ports?.first?.targetPort == "http")
        #expect(service.spec?.ports?.first?.port == 3000)
        #expect(service.spec?.selector == ["app": "account"])
    }

    @Test("a manifest with a microservice synthesizes without errors")
    func synthesizesCleanly() {
        let manifest = Manifest("prod", namespace: "prod") { Self.service }
        let result = manifest.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        #expect(result.artifacts.map(\.path) == ["kubernetes/prod/prod.yaml"])
    }

    @Test("bad input is reported at prod/Deployment/account/containers[0] and nothing is written")
    func badInputReportsPathAndWritesNothing() {
        var service = Self.service
        service.image = ""
        service.resources = ComputeResources(cpu: "2", memory: "lots", cpuLimit: "1", memoryLimit: "1Gi")
        service.security.user = 0
        let result = Manifest("prod", namespace: "prod") { service }.synthesize()
        #expect(result.artifacts.isEmpty)
        let paths = Set(result.diagnostics.errors.map(\.path.description))
        #expect(paths.contains("prod/Deployment/account/containers[0]"))
        #expect(paths.contains("prod/Deployment/account/containers[0]/resources"))
        #expect(paths.contains("prod/Deployment/account/containers[0]/securityContext"))
        let messages = result.diagnostics.errors.map(\.message).joined(separator: "\n")
        #expect(messages.contains("memory: 'lots'"))
        #expect(messages.contains("cpu request 2 is above its limit 1"))
        #expect(messages.contains("root"))
    }

    @Test("an Ingress path pointing at another port of the service is an error")
    func ingressPortMismatch() {
        var service = Self.service
        service.ingress?.paths = [.init("/account", service: "account", port: 8080)]
        let diagnostics = service.manifestDiagnostics(at: "prod")
        #expect(
            diagnostics.contains { $0.path.description == "prod/Ingress/account/paths[0]" && $0.severity == .error })
    }

    @Test("an unpinned image is a warning")
    func unpinnedImageWarns() {
        var service = Self.service
        service.image = "nginx"
        let diagnostics = service.manifestDiagnostics(at: "prod")
        #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("not pinned") })
    }
}
