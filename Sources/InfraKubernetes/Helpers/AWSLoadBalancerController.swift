// The AWS Load Balancer Controller (kubernetes-sigs/aws-load-balancer-controller) as typed objects:
// what its Helm chart renders with default values and `enableCertManager: true` (there is no helm
// binary to render it), transcribed from the chart templates. The controller owns every Service with
// `loadBalancerClass: service.k8s.aws/nlb` (see `AWSNetworkLoadBalancer`); its CRDs come from the
// same release's `crds/crds.yaml` and are included by the caller (`Include`).

import InfraCore

/// The AWS Load Balancer Controller: ServiceAccount (IRSA), RBAC, Deployment, webhook Service,
/// webhook configurations and the cert-manager objects that issue the webhook's TLS certificate.
///
/// ```swift
/// AWSLoadBalancerController(
///     clusterName: "oves-prod", region: "us-east-1", vpc: .tags(["Name": "oves-prod-vpc"]),
///     roleARN: "arn:aws:iam::111122223333:role/oves-prod-aws-load-balancer-controller")
/// ```
///
/// Pods cannot read the instance metadata service when the node's hop limit is 1 (EKS managed node
/// groups with IMDSv2), so the region and the VPC are always given as flags. The controller's CRDs
/// (`TargetGroupBinding`, `IngressClassParams`) must be applied first, and cert-manager must run:
/// the webhook's certificate comes from a self-signed CA that cert-manager creates in `namespace`.
public struct AWSLoadBalancerController: ManifestContent, Hashable {
    /// How the controller finds its VPC.
    public enum VPCLookup: Sendable, Hashable {
        /// A VPC id (`--aws-vpc-id`), known once the VPC exists.
        case id(String)
        /// Tags the VPC carries (`--aws-vpc-tags`), e.g. `Name`; known before the VPC exists.
        case tags([String: String])
    }

    /// The annotation that binds a ServiceAccount to an IAM role (IRSA).
    public static let roleARNAnnotation = "eks.amazonaws.com/role-arn"
    /// The IngressClass controller name the ALB half answers for.
    public static let ingressController = "ingress.k8s.aws/alb"
    /// The default image: the last release of the v2 line, whose CRDs the OVES reference vendors.
    public static let defaultImage = "public.ecr.aws/eks/aws-load-balancer-controller:v2.17.1"
    /// The chart's name prefix of the webhook objects (`aws-load-balancer-…`).
    static let namePrefix = "aws-load-balancer"

    /// The EKS cluster's name (`--cluster-name`); the controller tags what it creates with it.
    public var clusterName: String
    /// The AWS region (`--aws-region`).
    public var region: String
    /// The VPC of the cluster.
    public var vpc: VPCLookup
    /// The ARN of the IAM role the controller assumes (IRSA).
    public var roleARN: String
    /// The namespace (`kube-system`, where the IRSA trust policy expects the ServiceAccount).
    public var namespace: String
    /// The name of the ServiceAccount, Deployment and RBAC objects.
    public var name: String
    /// The pinned image.
    public var image: String
    /// Controller pods; leader election makes one active, the other takes over at once.
    public var replicas: Int
    /// The Ingress class the ALB half serves (`--ingress-class`): Ingresses of other classes are
    /// left alone, so the NGINX Ingresses of a cluster are never given an ALB.
    public var ingressClass: String
    /// Requests and limits.
    public var resources: ComputeResources

    /// Creates the controller.
    public init(
        clusterName: String, region: String, vpc: VPCLookup, roleARN: String, namespace: String = "kube-system",
        name: String = "aws-load-balancer-controller", image: String = Self.defaultImage, replicas: Int = 2,
        ingressClass: String = "alb",
        resources: ComputeResources = ComputeResources(
            cpu: "100m", memory: "128Mi", cpuLimit: "500m", memoryLimit: "512Mi")
    ) {
        self.clusterName = clusterName
        self.region = region
        self.vpc = vpc
        self.roleARN = roleARN
        self.namespace = namespace
        self.name = name
        self.image = image
        self.replicas = replicas
        self.ingressClass = ingressClass
        self.resources = resources
    }

    /// The webhook Service's name (`aws-load-balancer-webhook-service`).
    public var webhookServiceName: String { "\(Self.namePrefix)-webhook-service" }
    /// The Secret cert-manager writes the webhook's serving certificate into (`aws-load-balancer-tls`).
    public var webhookSecretName: String { "\(Self.namePrefix)-tls" }
    /// The name of both webhook configurations (`aws-load-balancer-webhook`).
    public var webhookConfigurationName: String { "\(Self.namePrefix)-webhook" }
    /// The serving Certificate (`aws-load-balancer-serving-cert`), whose CA cert-manager injects into the webhooks.
    public var servingCertificateName: String { "\(Self.namePrefix)-serving-cert" }

    /// The controller's arguments, in the chart's order. The Service mutator webhook is off: it
    /// would give every new `LoadBalancer` Service to the controller and, with `failurePolicy:
    /// Fail`, block Service creation cluster-wide while the controller is down; Services opt in
    /// with `loadBalancerClass` instead.
    public var arguments: [String] {
        var result = ["--cluster-name=\(clusterName)", "--ingress-class=\(ingressClass)", "--aws-region=\(region)"]
        switch vpc {
        case .id(let id): result.append("--aws-vpc-id=\(id)")
        case .tags(let tags):
            let pairs = tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            result.append("--aws-vpc-tags=\(pairs.joined(separator: ","))")
        }
        result.append("--enable-service-mutator-webhook=false")
        return result
    }

    /// The chart's labels; the selector uses `name` and `instance`.
    private var selectorLabels: [String: String] {
        ["app.kubernetes.io/name": name, "app.kubernetes.io/instance": name]
    }

    private var labels: [String: String] {
        selectorLabels.merging(["app.kubernetes.io/component": "controller"]) { first, _ in first }
    }

    /// The ServiceAccount annotated with the IAM role.
    public var serviceAccount: ServiceAccount {
        ServiceAccount(
            metadata: ObjectMeta(
                name: name, namespace: namespace, labels: labels, annotations: [Self.roleARNAnnotation: roleARN]))
    }

    /// The chart's leader-election Role (`configmaps` and `leases` named `aws-load-balancer-controller-leader`),
    /// as `helm/aws-load-balancer-controller/templates/rbac.yaml` of v2.17.1 renders it.
    public var leaderElectionRole: Role {
        Role(
            metadata: ObjectMeta(name: "\(name)-leader-election-role", namespace: namespace, labels: labels),
            rules: [
                PolicyRule(apiGroups: [""], resources: ["configmaps"], verbs: ["create"]),
                PolicyRule(
                    apiGroups: [""], resourceNames: ["aws-load-balancer-controller-leader"], resources: ["configmaps"],
                    verbs: ["get", "patch", "update"]),
                PolicyRule(apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["create"]),
                PolicyRule(
                    apiGroups: ["coordination.k8s.io"], resourceNames: ["aws-load-balancer-controller-leader"],
                    resources: ["leases"], verbs: ["get", "update", "patch"]),
            ])
    }

    /// The chart's ClusterRole with default values (v2.17.1 `templates/rbac.yaml`, rule for rule): its
    /// CRDs, Services and Ingresses (with status), pods, nodes, namespaces, endpoints and EndpointSlices,
    /// ConfigMaps, events, and the Gateway API and Global Accelerator resources of the controller's other
    /// halves. No Secrets: the chart grants them cluster-wide only with `clusterSecretsPermissions.allowAllSecrets`
    /// (off by default; only ALB OIDC authentication reads them, and a namespaced Role is upstream's advice).
    public var clusterRole: ClusterRole {
        let gatewayAPIRoutes = ["grpcroutes", "httproutes", "tcproutes", "tlsroutes", "udproutes"]
        let gatewayConfigurations = [
            "loadbalancerconfigurations", "targetgroupconfigurations", "listenerruleconfigurations",
        ]
        return ClusterRole(
            metadata: ObjectMeta(name: "\(name)-role", labels: labels),
            rules: [
                PolicyRule(
                    apiGroups: ["elbv2.k8s.aws"], resources: ["targetgroupbindings"],
                    verbs: ["create", "delete", "get", "list", "patch", "update", "watch"]),
                PolicyRule(
                    apiGroups: ["elbv2.k8s.aws"], resources: ["ingressclassparams"], verbs: ["get", "list", "watch"]),
                PolicyRule(apiGroups: ["elbv2.k8s.aws"], resources: ["albtargetcontrolconfigs"], verbs: ["get"]),
                PolicyRule(apiGroups: [""], resources: ["events"], verbs: ["create", "patch"]),
                PolicyRule(apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"]),
                PolicyRule(
                    apiGroups: ["networking.k8s.io"], resources: ["ingressclasses"], verbs: ["get", "list", "watch"]),
                PolicyRule(
                    apiGroups: ["", "extensions", "networking.k8s.io"], resources: ["services", "ingresses"],
                    verbs: ["get", "list", "patch", "update", "watch"]),
                PolicyRule(
                    apiGroups: [""], resources: ["nodes", "namespaces", "endpoints"], verbs: ["get", "list", "watch"]),
                PolicyRule(apiGroups: [""], resources: ["configmaps"], verbs: ["get", "delete", "create", "update"]),
                PolicyRule(
                    apiGroups: ["elbv2.k8s.aws", "", "extensions", "networking.k8s.io"],
                    resources: ["targetgroupbindings/status", "pods/status", "services/status", "ingresses/status"],
                    verbs: ["update", "patch"]),
                PolicyRule(
                    apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["get", "list", "watch"]),
                PolicyRule(
                    apiGroups: ["gateway.k8s.aws"], resources: gatewayConfigurations,
                    verbs: ["get", "list", "watch", "patch"]),
                PolicyRule(
                    apiGroups: ["gateway.k8s.aws"], resources: gatewayConfigurations.map { "\($0)/finalizers" },
                    verbs: ["update", "patch"]),
                PolicyRule(
                    apiGroups: ["gateway.k8s.aws"], resources: gatewayConfigurations.map { "\($0)/status" },
                    verbs: ["get", "patch", "watch"]),
                PolicyRule(
                    apiGroups: ["gateway.networking.k8s.io"], resources: ["gatewayclasses", "gateways"],
                    verbs: ["get", "list", "watch", "patch"]),
                PolicyRule(
                    apiGroups: ["gateway.networking.k8s.io"], resources: ["referencegrants"],
                    verbs: ["get", "list", "watch"]),
                PolicyRule(
                    apiGroups: ["gateway.networking.k8s.io"],
                    resources: ["gatewayclasses/finalizers", "gateways/finalizers"], verbs: ["update", "patch"]),
                PolicyRule(
                    apiGroups: ["gateway.networking.k8s.io"], resources: ["gatewayclasses/status", "gateways/status"],
                    verbs: ["get", "patch", "update"]),
                PolicyRule(
                    apiGroups: ["gateway.networking.k8s.io"], resources: gatewayAPIRoutes,
                    verbs: ["get", "list", "watch"]),
                PolicyRule(
                    apiGroups: ["gateway.networking.k8s.io"], resources: gatewayAPIRoutes.map { "\($0)/finalizers" },
                    verbs: ["update"]),
                PolicyRule(
                    apiGroups: ["gateway.networking.k8s.io"], resources: gatewayAPIRoutes.map { "\($0)/status" },
                    verbs: ["get", "patch", "update"]),
                PolicyRule(
                    apiGroups: ["aga.k8s.aws"], resources: ["globalaccelerators"],
                    verbs: ["get", "list", "patch", "watch"]),
                PolicyRule(
                    apiGroups: ["aga.k8s.aws"], resources: ["globalaccelerators/finalizers"],
                    verbs: ["patch", "update"]
                ),
                PolicyRule(
                    apiGroups: ["aga.k8s.aws"], resources: ["globalaccelerators/status"], verbs: ["patch", "update"]),
            ])
    }

    private var subject: Subject { Subject(kind: "ServiceAccount", name: name, namespace: namespace) }

    /// Binds the leader-election Role to the ServiceAccount.
    public var leaderElectionRoleBinding: RoleBinding {
        RoleBinding(
            metadata: ObjectMeta(name: "\(name)-leader-election-rolebinding", namespace: namespace, labels: labels),
            roleRef: RoleRef(kind: "Role", name: "\(name)-leader-election-role", apiGroup: "rbac.authorization.k8s.io"),
            subjects: [subject])
    }

    /// Binds the ClusterRole to the ServiceAccount.
    public var clusterRoleBinding: ClusterRoleBinding {
        ClusterRoleBinding(
            metadata: ObjectMeta(name: "\(name)-rolebinding", labels: labels),
            roleRef: RoleRef(kind: "ClusterRole", name: "\(name)-role", apiGroup: "rbac.authorization.k8s.io"),
            subjects: [subject])
    }

    /// The security settings: the chart's uid-less non-root image runs as 65534 with a read-only root.
    private var security: WorkloadSecurity {
        WorkloadSecurity(user: 65534, group: 65534, fsGroup: 65534, mountServiceAccountToken: true)
    }

    /// The Deployment: the chart's ports (webhook 9443, metrics 8080), health port 61779, the
    /// webhook certificate mounted where controller-runtime reads it, `system-cluster-critical`.
    public var deployment: Deployment {
        var container = PodAssembly.container(
            name: name, image: image, args: arguments,
            ports: [
                ContainerPort(name: "webhook-server", containerPort: 9443, protocol: "TCP"),
                ContainerPort(name: "metrics-server", containerPort: 8080, protocol: "TCP"),
            ],
            env: [], resources: resources, security: security, health: .http(path: "/healthz", port: .int(61779)),
            volumeMounts: [
                VolumeMount(name: "cert", mountPath: "/tmp/k8s-webhook-server/serving-certs", readOnly: true)
            ])
        container.imagePullPolicy = "IfNotPresent"
        container.readinessProbe = HealthCheck.http(path: "/readyz", port: .int(61779)).readinessProbe
        return Deployment(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            spec: DeploymentSpec(
                replicas: replicas, selector: .matching(selectorLabels),
                template: PodAssembly.template(
                    labels: labels, annotations: ["prometheus.io/scrape": "true", "prometheus.io/port": "8080"],
                    containers: [container],
                    volumes: [
                        Volume(
                            name: "cert", secret: SecretVolumeSource(defaultMode: 420, secretName: webhookSecretName))
                    ],
                    security: security, serviceAccountName: name, spreadSelector: selectorLabels,
                    priorityClassName: "system-cluster-critical", terminationGracePeriodSeconds: 10)))
    }

    /// Keeps one controller pod running through node drains.
    public var podDisruptionBudget: PodDisruptionBudget {
        PodDisruptionBudget(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            spec: PodDisruptionBudgetSpec(maxUnavailable: .int(1), selector: .matching(selectorLabels)))
    }

    /// The webhook Service (443 → the pods' `webhook-server` port).
    public var webhookService: Service {
        Service(
            metadata: ObjectMeta(
                name: webhookServiceName, namespace: namespace,
                labels: labels.merging(["app.kubernetes.io/component": "webhook"]) { _, new in new }),
            spec: ServiceSpec(
                ports: [ServicePort(name: "webhook-server", port: 443, targetPort: .string("webhook-server"))],
                selector: selectorLabels))
    }

    /// The chart's `enableCertManager` objects: a self-signed Issuer, a CA Certificate it signs
    /// (five years, the chart's default), an Issuer of that CA, and the webhook's serving Certificate.
    public var certificateObjects: [any KubernetesObject] {
        let selfSigned = "\(Self.namePrefix)-selfsigned-issuer"
        let rootCert = "\(Self.namePrefix)-root-cert"
        let rootIssuer = "\(Self.namePrefix)-root-issuer"
        return [
            Issuer(
                metadata: ObjectMeta(name: selfSigned, namespace: namespace, labels: labels),
                spec: IssuerSpec(selfSigned: IssuerSelfSigned())),
            Certificate(
                metadata: ObjectMeta(name: rootCert, namespace: namespace, labels: labels),
                spec: CertificateSpec(
                    commonName: "ca.webhook.aws-load-balancer-controller", duration: "43800h0m0s", isCA: true,
                    issuerRef: CertificateIssuerRef(kind: "Issuer", name: selfSigned),
                    secretName: rootCert, subject: CertificateSubject(organizations: ["aws-load-balancer-controller"]))),
            Issuer(
                metadata: ObjectMeta(name: rootIssuer, namespace: namespace, labels: labels),
                spec: IssuerSpec(ca: IssuerCa(secretName: rootCert))),
            Certificate(
                metadata: ObjectMeta(name: servingCertificateName, namespace: namespace, labels: labels),
                spec: CertificateSpec(
                    dnsNames: [
                        "\(webhookServiceName).\(namespace).svc",
                        "\(webhookServiceName).\(namespace).svc.cluster.local",
                    ],
                    issuerRef: CertificateIssuerRef(kind: "Issuer", name: rootIssuer), secretName: webhookSecretName)),
        ]
    }

    /// One webhook of the chart: a path on the webhook Service, `failurePolicy: Fail`.
    private func webhook(
        _ webhookName: String, path: String, group: String, version: String, resource: String,
        operations: [String], namespaceLabel: String? = nil, excludeSelf: Bool = true
    ) -> Value {
        var hook: ValueObject = [
            "clientConfig": [
                "service": [
                    "name": .string(webhookServiceName), "namespace": .string(namespace), "path": .string(path),
                ]
            ],
            "failurePolicy": "Fail",
            "name": .string(webhookName),
            "admissionReviewVersions": ["v1beta1"],
        ]
        if let namespaceLabel {
            hook.appendUnique(
                "namespaceSelector",
                ["matchExpressions": [["key": .string(namespaceLabel), "operator": "In", "values": ["enabled"]]]])
        }
        if excludeSelf {
            hook.appendUnique(
                "objectSelector",
                [
                    "matchExpressions": [
                        ["key": "app.kubernetes.io/name", "operator": "NotIn", "values": [.string(name)]]
                    ]
                ])
        }
        hook.appendUnique(
            "rules",
            [
                [
                    "apiGroups": [.string(group)], "apiVersions": [.string(version)],
                    "operations": .array(operations.map { .string($0) }), "resources": [.string(resource)],
                ]
            ])
        hook.appendUnique("sideEffects", "None")
        return .object(hook)
    }

    /// The annotation that makes cert-manager's CA injector fill in the webhooks' `caBundle`.
    public var caInjectionAnnotation: [String: String] {
        ["cert-manager.io/inject-ca-from": "\(namespace)/\(servingCertificateName)"]
    }

    /// The chart's MutatingWebhookConfiguration without the Service mutator (see ``arguments``):
    /// pod readiness gates and QUIC server ids (only in namespaces labelled for them) and TargetGroupBindings.
    public var mutatingWebhookConfiguration: UnstructuredObject {
        UnstructuredObject(
            apiVersion: "admissionregistration.k8s.io/v1", kind: "MutatingWebhookConfiguration",
            metadata: ObjectMeta(name: webhookConfigurationName, labels: labels, annotations: caInjectionAnnotation),
            isClusterScoped: true,
            fields: [
                "webhooks": [
                    webhook(
                        "mpod.elbv2.k8s.aws", path: "/mutate-v1-pod", group: "", version: "v1", resource: "pods",
                        operations: ["CREATE"], namespaceLabel: "elbv2.k8s.aws/pod-readiness-gate-inject"),
                    webhook(
                        "quicid.elbv2.k8s.aws", path: "/mutate-v1-pod-server-id", group: "", version: "v1",
                        resource: "pods", operations: ["CREATE"], namespaceLabel: "elbv2.k8s.aws/quic-server-id-inject"),
                    webhook(
                        "mtargetgroupbinding.elbv2.k8s.aws", path: "/mutate-elbv2-k8s-aws-v1beta1-targetgroupbinding",
                        group: "elbv2.k8s.aws", version: "v1beta1", resource: "targetgroupbindings",
                        operations: ["CREATE", "UPDATE"], excludeSelf: false),
                ]
            ])
    }

    /// The chart's ValidatingWebhookConfiguration: IngressClassParams, TargetGroupBindings and Ingresses.
    public var validatingWebhookConfiguration: UnstructuredObject {
        UnstructuredObject(
            apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingWebhookConfiguration",
            metadata: ObjectMeta(name: webhookConfigurationName, labels: labels, annotations: caInjectionAnnotation),
            isClusterScoped: true,
            fields: [
                "webhooks": [
                    webhook(
                        "vingressclassparams.elbv2.k8s.aws",
                        path: "/validate-elbv2-k8s-aws-v1beta1-ingressclassparams", group: "elbv2.k8s.aws",
                        version: "v1beta1", resource: "ingressclassparams", operations: ["CREATE", "UPDATE"]),
                    webhook(
                        "vtargetgroupbinding.elbv2.k8s.aws", path: "/validate-elbv2-k8s-aws-v1beta1-targetgroupbinding",
                        group: "elbv2.k8s.aws", version: "v1beta1", resource: "targetgroupbindings",
                        operations: ["CREATE", "UPDATE"], excludeSelf: false),
                    webhook(
                        "vingress.elbv2.k8s.aws", path: "/validate-networking-v1-ingress", group: "networking.k8s.io",
                        version: "v1", resource: "ingresses", operations: ["CREATE", "UPDATE"], excludeSelf: false),
                ]
            ])
    }

    /// Everything, in apply order: identity and RBAC, certificates, webhook Service, Deployment,
    /// budget, then the webhook configurations (last, so nothing is blocked on a webhook not yet served).
    public var manifestObjects: [any KubernetesObject] {
        [serviceAccount, leaderElectionRole, clusterRole, leaderElectionRoleBinding, clusterRoleBinding]
            + certificateObjects
            + [
                webhookService, deployment, podDisruptionBudget, mutatingWebhookConfiguration,
                validatingWebhookConfiguration,
            ]
    }

    /// Problems with the cluster name, region, VPC lookup, role ARN, replicas and image, at `<manifest>/AWSLoadBalancerController/<name>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("AWSLoadBalancerController").appending(name)
        var found = PodAssembly.diagnostics(image: image, security: .restricted, resources: resources, at: here)
        if clusterName.isEmpty { found.append(.error(here.appending("clusterName"), "the cluster name is empty")) }
        if region.isEmpty {
            found.append(.error(here.appending("region"), "the region is empty (pods cannot read it from IMDS)"))
        }
        switch vpc {
        case .id(let id) where !id.hasPrefix("vpc-"):
            found.append(.error(here.appending("vpc"), "'\(id)' is not a VPC id (vpc-…)"))
        case .tags(let tags) where tags.isEmpty || tags.contains { $0.key.isEmpty || $0.value.isEmpty }:
            found.append(.error(here.appending("vpc"), "the VPC tags are empty: give at least one key=value tag"))
        default: break
        }
        let arnParts = roleARN.split(separator: ":", omittingEmptySubsequences: false)
        if arnParts.count != 6 || arnParts[0] != "arn" || arnParts[2] != "iam" || !arnParts[5].hasPrefix("role/") {
            found.append(
                .error(
                    here.appending("roleARN"),
                    "'\(roleARN)' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)"))
        }
        if replicas < 1 { found.append(.error(here.appending("replicas"), "replicas must be at least 1")) }
        return found
    }
}
