// The Vertical Pod Autoscaler's three components (kubernetes/autoscaler) as typed objects: without
// them every VerticalPodAutoscaler is only recorded. Transcribed from upstream's chart templates and
// `deploy/*.yaml` (no helm binary renders the chart here); the admission controller's certificate
// comes from cert-manager instead of upstream's `gencerts.sh`, projected to the file names it reads.

import InfraCore

/// The VPA recommender, updater and admission controller: ServiceAccounts, RBAC, Deployments, the
/// webhook Service and the cert-manager objects that issue the webhook's TLS certificate.
///
/// ```swift
/// VerticalPodAutoscalerComponents()                                    // all three, kube-system, 1.7.1
/// VerticalPodAutoscalerComponents(recommenderArguments: ["--storage=prometheus",
///                                 "--prometheus-address=http://prometheus.monitoring.svc:9090"])
/// ```
///
/// The recommender writes recommendations into every VerticalPodAutoscaler (`updateMode: Off` needs
/// only it). The admission controller applies them when pods are created (`Initial`, and the pods the
/// updater recreates); it registers its own MutatingWebhookConfiguration `vpa-webhook-config` (upstream's
/// self-registration, `failurePolicy: Ignore`) with the CA it reads from ``certificateDirectory`` and,
/// with `--reload-cert`, patches that CA when cert-manager renews it. The updater evicts pods whose
/// requests are far from the recommendation (`Recreate`, `Auto`). The VPA CRDs
/// (`vpa-v1-crd-gen.yaml` of the same release) are included by the caller, and cert-manager must run.
public struct VerticalPodAutoscalerComponents: ManifestContent, Hashable {
    /// The pinned release of the images; its CRDs must be the same release's.
    public static let defaultVersion = "1.7.1"
    /// Where the images live.
    public static let registry = "registry.k8s.io/autoscaling"
    /// Where the admission controller reads its certificates (its default directory).
    public static let certificateDirectory = "/etc/tls-certs"
    /// The cert-manager Secret keys and the file names the admission controller reads
    /// (`--client-ca-file`, `--tls-cert-file`, `--tls-private-key`), in that order.
    public static let certificateFiles: [(secretKey: String, fileName: String, flag: String)] = [
        ("ca.crt", "caCert.pem", "--client-ca-file"), ("tls.crt", "serverCert.pem", "--tls-cert-file"),
        ("tls.key", "serverKey.pem", "--tls-private-key"),
    ]
    /// The port the webhook server listens on (the admission controller's `--port` default).
    public static let webhookPort = 8000
    /// The metrics and health ports of the recommender, updater and admission controller.
    public static let metricsPorts = (recommender: 8942, updater: 8943, admissionController: 8944)

    /// The namespace (upstream's `kube-system`; the admission controller registers its Service there).
    public var namespace: String
    /// The image tag of all three components.
    public var version: String
    /// Whether the updater runs (needed by `Recreate`/`Auto` VPAs).
    public var runsUpdater: Bool
    /// Whether the admission controller runs (needed by `Initial`, `Recreate` and `Auto` VPAs).
    public var runsAdmissionController: Bool
    /// Flags added to the recommender's (its history provider, e.g. `--storage=prometheus`).
    public var recommenderArguments: [String]
    /// The recommender's requests and limits (upstream's: 50m/500Mi, 200m/1000Mi).
    public var recommenderResources: ComputeResources
    /// The updater's requests and limits (upstream's: 50m/500Mi, 200m/1000Mi).
    public var updaterResources: ComputeResources
    /// The admission controller's requests and limits (upstream's: 50m/200Mi, 200m/500Mi).
    public var admissionControllerResources: ComputeResources

    /// Creates the components; the defaults are upstream's `deploy/` manifests.
    public init(
        namespace: String = "kube-system", version: String = Self.defaultVersion, runsUpdater: Bool = true,
        runsAdmissionController: Bool = true, recommenderArguments: [String] = [],
        recommenderResources: ComputeResources = ComputeResources(
            cpu: "50m", memory: "500Mi", cpuLimit: "200m", memoryLimit: "1000Mi"),
        updaterResources: ComputeResources = ComputeResources(
            cpu: "50m", memory: "500Mi", cpuLimit: "200m", memoryLimit: "1000Mi"),
        admissionControllerResources: ComputeResources = ComputeResources(
            cpu: "50m", memory: "200Mi", cpuLimit: "200m", memoryLimit: "500Mi")
    ) {
        self.namespace = namespace
        self.version = version
        self.runsUpdater = runsUpdater
        self.runsAdmissionController = runsAdmissionController
        self.recommenderArguments = recommenderArguments
        self.recommenderResources = recommenderResources
        self.updaterResources = updaterResources
        self.admissionControllerResources = admissionControllerResources
    }

    /// The recommender's name (ServiceAccount, Deployment, `app` label).
    public static let recommenderName = "vpa-recommender"
    /// The updater's name.
    public static let updaterName = "vpa-updater"
    /// The admission controller's name.
    public static let admissionControllerName = "vpa-admission-controller"
    /// The webhook Service (the admission controller's `--webhook-service` default).
    public static let webhookServiceName = "vpa-webhook"
    /// The Secret cert-manager writes the webhook's serving certificate, key and CA into.
    public static let webhookSecretName = "vpa-webhook-tls"
    /// The CA Certificate and Secret that sign the serving certificate.
    static let caName = "vpa-webhook-ca"
    /// The self-signed Issuer of the CA.
    static let selfSignedIssuerName = "vpa-selfsigned"

    /// The image of a component (`vpa-recommender`, `vpa-updater`, `vpa-admission-controller`).
    public func image(_ component: String) -> String { "\(Self.registry)/\(component):\(version)" }

    /// The admission controller's flags: upstream's logging and `--reload-cert`, and the certificate
    /// files named explicitly (the projection in ``admissionControllerDeployment`` writes them).
    public var admissionControllerArguments: [String] {
        ["--v=4", "--stderrthreshold=info", "--reload-cert"]
            + Self.certificateFiles.map { "\($0.flag)=\(Self.certificateDirectory)/\($0.fileName)" }
            + ["--webhook-service=\(Self.webhookServiceName)"]
    }

    /// The pods run as upstream's `nobody` (65534), restricted otherwise; they call the API server.
    private var security: WorkloadSecurity {
        WorkloadSecurity(user: 65534, group: 65534, fsGroup: 65534, mountServiceAccountToken: true)
    }

    private func labels(_ component: String) -> [String: String] {
        [
            "app": component, "app.kubernetes.io/name": "vertical-pod-autoscaler",
            "app.kubernetes.io/component": component,
        ]
    }

    private func serviceAccount(_ component: String) -> ServiceAccount {
        ServiceAccount(metadata: ObjectMeta(name: component, namespace: namespace, labels: labels(component)))
    }

    private func rule(_ groups: [String], _ resources: [String], _ verbs: [String]) -> PolicyRule {
        PolicyRule(apiGroups: groups, resources: resources, verbs: verbs)
    }

    private static let read = ["get", "list", "watch"]

    /// Reading the scale subresource and the controllers a VPA can target (the `target-reader` role).
    private var targetReaderRules: [PolicyRule] {
        [
            rule(["*"], ["*/scale"], ["get", "watch"]), rule([""], ["replicationcontrollers"], Self.read),
            rule(["apps"], ["daemonsets", "deployments", "replicasets", "statefulsets"], Self.read),
            rule(["batch"], ["jobs", "cronjobs"], Self.read),
        ]
    }

    /// Pods, nodes, limit ranges, events and VPAs (the `actor` role of the recommender and the updater).
    private var actorRules: [PolicyRule] {
        [
            rule([""], ["pods", "nodes", "limitranges"], Self.read),
            rule(["", "events.k8s.io"], ["events"], ["create", "get", "list", "watch", "patch", "update"]),
            rule(["poc.autoscaling.k8s.io"], ["verticalpodautoscalers"], Self.read),
            rule(["autoscaling.k8s.io"], ["verticalpodautoscalers"], Self.read),
        ]
    }

    /// The ClusterRoles of each component, by role suffix (`<component>-<suffix>`, or the component's name).
    func clusterRoleRules(_ component: String) -> [(suffix: String?, rules: [PolicyRule])] {
        switch component {
        case Self.recommenderName:
            return [
                ("metrics-reader", [rule(["metrics.k8s.io"], ["pods"], ["get", "list"])]),
                ("actor", actorRules),
                ("status-actor", [rule(["autoscaling.k8s.io"], ["verticalpodautoscalers/status"], ["get", "patch"])]),
                (
                    "checkpoint-actor",
                    [
                        rule(
                            ["poc.autoscaling.k8s.io"], ["verticalpodautoscalercheckpoints"],
                            ["get", "list", "watch", "create", "patch", "delete"]),
                        rule(
                            ["autoscaling.k8s.io"], ["verticalpodautoscalercheckpoints"],
                            ["get", "list", "watch", "create", "patch", "delete"]),
                        rule([""], ["namespaces"], ["get", "list"]),
                    ]
                ),
                ("target-reader", targetReaderRules),
            ]
        case Self.updaterName:
            return [
                ("in-place", [rule([""], ["pods/resize", "pods"], ["patch"])]),
                ("actor", actorRules),
                (
                    "evictioner",
                    [
                        rule(["apps", "extensions"], ["replicasets"], ["get"]),
                        rule([""], ["pods/eviction"], ["create"]),
                    ]
                ),
                ("target-reader", targetReaderRules),
                // The admission controller's status lease: the updater evicts only while it is alive.
                ("status-reader", [rule(["coordination.k8s.io"], ["leases"], Self.read)]),
            ]
        default:
            return [
                (
                    nil,
                    [
                        rule([""], ["pods", "configmaps", "nodes", "limitranges"], Self.read),
                        // Self-registration: delete and create at start, patch the CA on renewal.
                        rule(
                            ["admissionregistration.k8s.io"], ["mutatingwebhookconfigurations"],
                            ["create", "delete", "get", "list", "patch"]),
                        rule(["poc.autoscaling.k8s.io"], ["verticalpodautoscalers"], Self.read),
                        rule(["autoscaling.k8s.io"], ["verticalpodautoscalers"], Self.read),
                        rule(["coordination.k8s.io"], ["leases"], ["create", "update", "get", "list", "watch"]),
                    ] + targetReaderRules
                )
            ]
        }
    }

    /// ServiceAccount, ClusterRoles and their bindings of one component.
    private func identity(_ component: String) -> [any KubernetesObject] {
        var objects: [any KubernetesObject] = [serviceAccount(component)]
        for (suffix, rules) in clusterRoleRules(component) {
            let roleName = suffix.map { "\(component)-\($0)" } ?? component
            objects.append(ClusterRole(metadata: ObjectMeta(name: roleName, labels: labels(component)), rules: rules))
            objects.append(
                ClusterRoleBinding(
                    metadata: ObjectMeta(name: roleName, labels: labels(component)),
                    roleRef: RoleRef(kind: "ClusterRole", name: roleName, apiGroup: "rbac.authorization.k8s.io"),
                    subjects: [Subject(kind: "ServiceAccount", name: component, namespace: namespace)]))
        }
        return objects
    }

    private func deployment(
        _ component: String, container containerName: String, args: [String], metricsPort: Int,
        extraPorts: [ContainerPort] = [], resources: ComputeResources, volumeMounts: [VolumeMount] = [],
        volumes: [Volume] = []
    ) -> Deployment {
        let health = HealthCheck.http(path: "/health-check", port: .string("prometheus"))
        var container = PodAssembly.container(
            name: containerName, image: image(component), args: args.isEmpty ? nil : args,
            ports: extraPorts + [ContainerPort(name: "prometheus", containerPort: metricsPort, protocol: "TCP")],
            env: [
                EnvVar(
                    name: "NAMESPACE",
                    valueFrom: EnvVarSource(fieldRef: ObjectFieldSelector(fieldPath: "metadata.namespace")))
            ],
            resources: resources, security: security, health: nil, volumeMounts: volumeMounts)
        container.imagePullPolicy = "IfNotPresent"
        container.livenessProbe = health.probe(initialDelaySeconds: 5)
        container.readinessProbe = health.probe(initialDelaySeconds: 0)
        let selector = ["app": component]
        return Deployment(
            metadata: ObjectMeta(name: component, namespace: namespace, labels: labels(component)),
            spec: DeploymentSpec(
                replicas: 1, selector: .matching(selector),
                template: PodAssembly.template(
                    labels: labels(component), containers: [container], volumes: volumes, security: security,
                    serviceAccountName: component, spreadSelector: selector,
                    priorityClassName: "system-cluster-critical")))
    }

    /// The recommender (one replica, upstream's checkpoint history unless ``recommenderArguments`` say otherwise).
    public var recommenderDeployment: Deployment {
        deployment(
            Self.recommenderName, container: "recommender", args: recommenderArguments,
            metricsPort: Self.metricsPorts.recommender, resources: recommenderResources)
    }

    /// The updater (one replica).
    public var updaterDeployment: Deployment {
        deployment(
            Self.updaterName, container: "updater", args: [], metricsPort: Self.metricsPorts.updater,
            resources: updaterResources)
    }

    /// The projected volume that writes cert-manager's `ca.crt`, `tls.crt`, `tls.key` under the file
    /// names the admission controller reads (upstream's `gencerts.sh` wrote them into `vpa-tls-certs`).
    public var certificateVolume: Volume {
        Volume(
            name: "tls-certs",
            projected: ProjectedVolumeSource(
                defaultMode: 0o440,
                sources: [
                    VolumeProjection(
                        secret: SecretProjection(
                            name: Self.webhookSecretName,
                            items: Self.certificateFiles.map { KeyToPath(key: $0.secretKey, path: $0.fileName) }))
                ]))
    }

    /// The admission controller: webhook port 8000, the certificate volume at ``certificateDirectory``.
    public var admissionControllerDeployment: Deployment {
        deployment(
            Self.admissionControllerName, container: "admission-controller", args: admissionControllerArguments,
            metricsPort: Self.metricsPorts.admissionController,
            extraPorts: [ContainerPort(name: "webhook", containerPort: Self.webhookPort, protocol: "TCP")],
            resources: admissionControllerResources,
            volumeMounts: [VolumeMount(name: "tls-certs", mountPath: Self.certificateDirectory, readOnly: true)],
            volumes: [certificateVolume])
    }

    /// The webhook Service the API server calls (443 → 8000).
    public var webhookService: Service {
        Service(
            metadata: ObjectMeta(
                name: Self.webhookServiceName, namespace: namespace, labels: labels(Self.admissionControllerName)),
            spec: ServiceSpec(
                ports: [ServicePort(name: "webhook", port: 443, targetPort: .int(Self.webhookPort))],
                selector: ["app": Self.admissionControllerName]))
    }

    /// A self-signed Issuer, a CA Certificate it signs (five years), an Issuer of that CA and the
    /// webhook's serving Certificate for the Service's names (cert-manager renews it; the admission
    /// controller reloads it).
    public var certificateObjects: [any KubernetesObject] {
        let labels = labels(Self.admissionControllerName)
        let service = Self.webhookServiceName
        return [
            Issuer(
                metadata: ObjectMeta(name: Self.selfSignedIssuerName, namespace: namespace, labels: labels),
                spec: IssuerSpec(selfSigned: IssuerSelfSigned())),
            Certificate(
                metadata: ObjectMeta(name: Self.caName, namespace: namespace, labels: labels),
                spec: CertificateSpec(
                    commonName: Self.caName, duration: "43800h0m0s", isCA: true,
                    issuerRef: CertificateIssuerRef(kind: "Issuer", name: Self.selfSignedIssuerName),
                    privateKey: CertificatePrivateKey(algorithm: "RSA", size: 2048), secretName: Self.caName)),
            Issuer(
                metadata: ObjectMeta(name: Self.caName, namespace: namespace, labels: labels),
                spec: IssuerSpec(ca: IssuerCa(secretName: Self.caName))),
            Certificate(
                metadata: ObjectMeta(name: service, namespace: namespace, labels: labels),
                spec: CertificateSpec(
                    dnsNames: [
                        service, "\(service).\(namespace)", "\(service).\(namespace).svc",
                        "\(service).\(namespace).svc.cluster.local",
                    ],
                    issuerRef: CertificateIssuerRef(kind: "Issuer", name: Self.caName),
                    privateKey: CertificatePrivateKey(algorithm: "RSA", size: 2048), secretName: Self.webhookSecretName,
                    usages: ["digital signature", "key encipherment", "server auth"])),
        ]
    }

    /// Everything, in apply order: identities and RBAC, certificates, Service, Deployments.
    public var manifestObjects: [any KubernetesObject] {
        var objects = identity(Self.recommenderName)
        if runsUpdater { objects += identity(Self.updaterName) }
        if runsAdmissionController {
            objects += identity(Self.admissionControllerName) + certificateObjects + [webhookService]
        }
        objects.append(recommenderDeployment)
        if runsUpdater { objects.append(updaterDeployment) }
        if runsAdmissionController { objects.append(admissionControllerDeployment) }
        return objects
    }

    /// Problems with the version, namespace and resources, at `<manifest>/VerticalPodAutoscalerComponents/<namespace>`;
    /// an updater without an admission controller (evicted pods would come back with the old requests).
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("VerticalPodAutoscalerComponents").appending(namespace)
        var found: [Diagnostic] = []
        if namespace.isEmpty { found.append(.error(here.appending("namespace"), "the namespace is empty")) }
        for (component, resources, enabled) in [
            (Self.recommenderName, recommenderResources, true), (Self.updaterName, updaterResources, runsUpdater),
            (Self.admissionControllerName, admissionControllerResources, runsAdmissionController),
        ] where enabled {
            found += PodAssembly.diagnostics(
                image: image(component), security: security, resources: resources, at: here.appending(component))
        }
        if runsUpdater && !runsAdmissionController {
            found.append(
                .error(
                    here.appending("runsAdmissionController"),
                    "the updater evicts pods, but without the admission controller they are recreated with the old requests",
                    hint: "run the admission controller too, or neither"))
        }
        return found
    }
}
