// VerticalPodAutoscalerComponents: the three components and their RBAC, the cert-manager chain that
// replaces upstream's `gencerts.sh`, the projection of cert-manager's keys onto the file names the
// admission controller's flags name, and the diagnostics for a set that would not work.

import InfraCore
import InfraKubernetes
import Testing

@Suite("VerticalPodAutoscalerComponents")
struct VerticalPodAutoscalerComponentsTests {
    static let components = VerticalPodAutoscalerComponents()

    static func kinds(_ objects: [any KubernetesObject]) -> [String] {
        objects.map { "\($0.kind)/\($0.metadata.name ?? "")" }
    }

    @Test("it renders identities and RBAC, the certificate chain, the webhook Service, then the Deployments")
    func objects() {
        let kinds = Self.kinds(Self.components.manifestObjects)
        #expect(
            kinds.filter { $0.hasPrefix("Deployment/") } == [
                "Deployment/vpa-recommender", "Deployment/vpa-updater", "Deployment/vpa-admission-controller",
            ])
        #expect(Array(kinds.suffix(3)) == kinds.filter { $0.hasPrefix("Deployment/") })
        #expect(
            kinds.filter { $0.hasPrefix("Issuer/") || $0.hasPrefix("Certificate/") } == [
                "Issuer/vpa-selfsigned", "Certificate/vpa-webhook-ca", "Issuer/vpa-webhook-ca",
                "Certificate/vpa-webhook",
            ])
        #expect(kinds.filter { $0.hasPrefix("ServiceAccount/") }.count == 3)
        #expect(kinds.contains("Service/vpa-webhook"))
        // Every ClusterRole is bound, to its own component's ServiceAccount.
        let roles = Self.components.manifestObjects.compactMap { $0 as? ClusterRole }.compactMap(\.metadata.name)
        let bindings = Self.components.manifestObjects.compactMap { $0 as? ClusterRoleBinding }
        #expect(roles.count == 11)
        #expect(Set(bindings.map(\.roleRef.name)) == Set(roles))
        for binding in bindings {
            let account = binding.subjects?.first?.name ?? ""
            #expect(binding.roleRef.name.hasPrefix(account), "\(binding.roleRef.name) bound to \(account)")
            #expect(binding.subjects?.first?.namespace == "kube-system")
        }
    }

    @Test("the recommender alone is rendered when the updater and the admission controller are off")
    func recommenderOnly() {
        let only = VerticalPodAutoscalerComponents(runsUpdater: false, runsAdmissionController: false)
        let kinds = Self.kinds(only.manifestObjects)
        #expect(kinds.filter { $0.hasPrefix("Deployment/") } == ["Deployment/vpa-recommender"])
        #expect(!kinds.contains { $0.hasPrefix("Certificate/") || $0.hasPrefix("Service/") })
        #expect(only.manifestDiagnostics(at: ComponentPath("prod")).isEmpty)
    }

    @Test("cert-manager's ca.crt, tls.crt and tls.key are projected to the files the flags name")
    func certificateProjection() throws {
        let deployment = Self.components.admissionControllerDeployment
        let pod = try #require(deployment.spec?.template.spec)
        let container = try #require(pod.containers.first)
        let mount = try #require(container.volumeMounts?.first)
        #expect(mount.mountPath == "/etc/tls-certs")
        #expect(mount.readOnly == true)
        let volume = try #require(pod.volumes?.first { $0.name == mount.name })
        let projection = try #require(volume.projected?.sources?.first?.secret)
        #expect(projection.name == "vpa-webhook-tls")
        let files = Dictionary(uniqueKeysWithValues: (projection.items ?? []).map { ($0.key, $0.path) })
        #expect(files == ["ca.crt": "caCert.pem", "tls.crt": "serverCert.pem", "tls.key": "serverKey.pem"])
        let args = try #require(container.args)
        for (flag, key) in [
            ("--client-ca-file", "ca.crt"), ("--tls-cert-file", "tls.crt"), ("--tls-private-key", "tls.key"),
        ] {
            #expect(args.contains("\(flag)=\(mount.mountPath)/\(files[key] ?? "?")"), "\(flag)")
        }
        #expect(args.contains("--reload-cert"))
        #expect(args.contains("--webhook-service=vpa-webhook"))
        // The serving Certificate writes that Secret, for the names the API server calls.
        let serving = try #require(
            Self.components.certificateObjects.compactMap { $0 as? Certificate }.first {
                $0.spec?.secretName == projection.name
            })
        #expect(serving.spec?.dnsNames?.contains("vpa-webhook.kube-system.svc") == true)
        #expect(serving.spec?.issuerRef.name == "vpa-webhook-ca")
        #expect(serving.spec?.usages?.contains("server auth") == true)
    }

    @Test("the webhook Service sends 443 to the container port the webhook listens on")
    func webhookService() throws {
        let service = Self.components.webhookService
        let port = try #require(service.spec?.ports?.first)
        #expect(port.port == 443)
        #expect(port.targetPort == .int(8000))
        let container = try #require(
            Self.components.admissionControllerDeployment.spec?.template.spec?.containers.first)
        #expect(container.ports?.contains { $0.containerPort == 8000 } == true)
        #expect(service.spec?.selector == ["app": "vpa-admission-controller"])
        #expect(
            Self.components.admissionControllerDeployment.spec?.template.metadata?.labels?["app"]
                == "vpa-admission-controller")
    }

    @Test("the pods run the pinned images as nobody, restricted, with upstream's resources and probes")
    func pods() throws {
        for deployment in [
            Self.components.recommenderDeployment, Self.components.updaterDeployment,
            Self.components.admissionControllerDeployment,
        ] {
            let pod = try #require(deployment.spec?.template.spec)
            let container = try #require(pod.containers.first)
            let name = deployment.metadata.name ?? ""
            #expect(container.image == "registry.k8s.io/autoscaling/\(name):1.7.1")
            #expect(pod.serviceAccountName == name)
            #expect(pod.securityContext?.runAsUser == 65534)
            #expect(container.securityContext?.allowPrivilegeEscalation == false)
            #expect(container.securityContext?.readOnlyRootFilesystem == true)
            #expect(container.securityContext?.capabilities?.drop == ["ALL"])
            #expect(container.livenessProbe?.httpGet?.path == "/health-check")
            #expect(container.resources?.requests?["cpu"] == "50m")
        }
        let recommender = try #require(Self.components.recommenderDeployment.spec?.template.spec?.containers.first)
        #expect(recommender.args == nil)
        let history = VerticalPodAutoscalerComponents(recommenderArguments: ["--storage=prometheus"])
        #expect(history.recommenderDeployment.spec?.template.spec?.containers.first?.args == ["--storage=prometheus"])
    }

    @Test("an updater without the admission controller, an empty namespace and root are errors")
    func diagnostics() {
        #expect(Self.components.manifestDiagnostics(at: ComponentPath("prod")).isEmpty)
        var broken = VerticalPodAutoscalerComponents(namespace: "", runsAdmissionController: false)
        broken.recommenderResources = ComputeResources(cpu: "1", memory: "1Gi", cpuLimit: "500m", memoryLimit: "1Gi")
        let messages = broken.manifestDiagnostics(at: ComponentPath("prod")).map(\.message)
        #expect(messages.contains { $0.contains("without the admission controller") })
        #expect(messages.contains { $0.contains("namespace is empty") })
        #expect(messages.count >= 3, "\(messages)")
    }
}
