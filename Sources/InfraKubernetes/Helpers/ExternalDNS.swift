// external-dns as typed objects, for any provider: ServiceAccount, the upstream ClusterRole and
// its binding, a restricted Deployment whose flags come from typed settings, and a NetworkPolicy
// that lets its pods reach only HTTPS (the provider's API, the Kubernetes API) and DNS. Use it
// where no EKS add-on fits (the add-on is documented for Route53 only) or for a second instance.

import InfraCore

/// external-dns: DNS records follow the hosts of Ingresses and the `hostname` annotation of Services.
///
/// ```swift
/// ExternalDNS(
///     name: "external-dns-cloudflare", namespace: "external-dns",
///     provider: .cloudflare(tokenSecret: "cloudflare-api-token"),
///     domainFilter: ExternalDNS.DomainFilter(include: ["example.com"], exclude: ["dev.example.com"]),
///     ownerID: "prod-cloudflare")
/// ```
public struct ExternalDNS: ManifestContent, Hashable {
    /// The DNS service the records are written to.
    public enum Provider: Sendable, Hashable {
        /// Cloudflare with an API token (Zone.Read, DNS.Edit) in the Secret `tokenSecret`, key `tokenKey`
        /// (`CF_API_TOKEN`); `proxiedByDefault` turns Cloudflare's proxy on for records whose source has
        /// no `cloudflare-proxied` annotation. `zoneIDs` restrict the instance to those zones
        /// (`--zone-id-filter`) — needed when the domain filter is a subdomain of the zone, since the
        /// provider otherwise only finds zones whose name matches the filter (external-dns v0.20.0,
        /// `provider/cloudflare/cloudflare.go`, `Zones`: zones by id when ids are given, else listed
        /// zones that match the domain filter).
        case cloudflare(
            tokenSecret: String, tokenKey: String = "api-token", zoneIDs: [String] = [], proxiedByDefault: Bool = false)
        /// Route53 in `region` through the IAM role `roleARN` (IRSA annotation on the ServiceAccount).
        case aws(region: String, roleARN: String)

        /// The `--provider` value.
        public var name: String {
            switch self {
            case .cloudflare: "cloudflare"
            case .aws: "aws"
            }
        }
    }

    /// What external-dns does with records it no longer finds a source for.
    public enum Policy: String, Sendable, Hashable, CaseIterable {
        /// Create, update and delete, but only records its TXT registry marks as its own.
        case sync
        /// Create and update, never delete.
        case upsertOnly = "upsert-only"
        /// Create only.
        case createOnly = "create-only"
    }

    /// The Kubernetes objects names are read from.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        /// Ingress hosts (`spec.rules[].host`), pointed at the Ingress's load balancer status.
        case ingress
        /// Services of type LoadBalancer with the ``ExternalDNS/hostnameAnnotation``.
        case service
    }

    /// The names an instance may write: inside an included domain and outside every excluded one,
    /// with external-dns's matching rules (a domain matches itself and every name below it).
    ///
    /// ```swift
    /// let filter = ExternalDNS.DomainFilter(include: ["example.com"], exclude: ["dev.example.com"])
    /// filter.matches("api.example.com")        // true
    /// filter.matches("*.dev.example.com")      // false
    /// ```
    public struct DomainFilter: Sendable, Hashable {
        /// `--domain-filter` values; empty matches every name.
        public var include: [String]
        /// `--exclude-domains` values.
        public var exclude: [String]

        /// Creates a filter.
        public init(include: [String], exclude: [String] = []) {
            self.include = include
            self.exclude = exclude
        }

        /// The filter an external-dns command line sets (`--domain-filter=`, `--exclude-domains=`), so
        /// tests and checks can read it back from synthesized Deployments or add-on configuration.
        public init(arguments: [String]) {
            func values(_ flag: String) -> [String] {
                arguments.filter { $0.hasPrefix("--\(flag)=") }.map { String($0.dropFirst(flag.count + 3)) }
            }
            self.init(include: values("domain-filter"), exclude: values("exclude-domains"))
        }

        /// Whether `host` (a name such as `api.example.com` or `*.example.com`) is inside the filter.
        public func matches(_ host: String) -> Bool {
            let name = Self.normalized(host)
            let included = include.isEmpty || include.contains { Self.name(name, isWithin: $0) }
            return included && !exclude.contains { Self.name(name, isWithin: $0) }
        }

        /// Lower case without a trailing dot.
        static func normalized(_ name: String) -> String {
            let lower = name.lowercased()
            return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
        }

        /// external-dns's rule: a filter `.d` matches names ending in `.d`; `d` matches `d` and names ending in `.d`.
        static func name(_ name: String, isWithin domain: String) -> Bool {
            let filter = normalized(domain)
            if filter.isEmpty { return false }
            if filter.hasPrefix(".") { return name.hasSuffix(filter) }
            return name == filter || name.hasSuffix("." + filter)
        }
    }

    /// The annotation that lists a Service's names (comma-separated) for the `service` source.
    public static let hostnameAnnotation = "external-dns.alpha.kubernetes.io/hostname"
    /// The per-record Cloudflare proxy annotation (`"true"`/`"false"`) on an Ingress or Service.
    public static let cloudflareProxiedAnnotation = "external-dns.alpha.kubernetes.io/cloudflare-proxied"
    /// The IRSA annotation on the ServiceAccount of the `aws` provider.
    public static let roleARNAnnotation = "eks.amazonaws.com/role-arn"
    /// The pinned image: external-dns v0.20.0, the version of the EKS add-on `v0.20.0-eksbuild.3`.
    public static let defaultImage = "registry.k8s.io/external-dns/external-dns:v0.20.0"
    /// The metrics and health port (`--metrics-address`, `/healthz`).
    public static let metricsPort = 7979

    /// The name of the ServiceAccount, ClusterRole, binding, Deployment and NetworkPolicy.
    public var name: String
    /// The namespace.
    public var namespace: String
    /// The DNS service.
    public var provider: Provider
    /// The names this instance may write.
    public var domainFilter: DomainFilter
    /// The TXT registry owner id: an instance changes or deletes only records whose TXT record names it.
    public var ownerID: String
    /// The prefix of the TXT registry records (`%{record_type}` is replaced by the record's type); it ends
    /// in `.` so the apex's TXT record stays inside the zone and a CNAME never shares its name with a TXT.
    public var txtPrefix: String
    /// What replaces `*` in the TXT record name of a wildcard record.
    public var txtWildcardReplacement: String
    /// What happens to records whose source is gone.
    public var policy: Policy
    /// Where names come from.
    public var sources: [Source]
    /// Seconds between synchronizations (the Cloudflare API allows 1,200 requests per five minutes).
    public var intervalSeconds: Int
    /// The image.
    public var image: String
    /// Requests and limits.
    public var resources: ComputeResources

    /// Creates an instance; `ownerID` must differ from every other instance writing the same zone.
    public init(
        name: String = "external-dns", namespace: String = "external-dns", provider: Provider,
        domainFilter: DomainFilter, ownerID: String, txtPrefix: String = "extdns-%{record_type}.",
        txtWildcardReplacement: String = "wildcard", policy: Policy = .sync, sources: [Source] = [.ingress, .service],
        intervalSeconds: Int = 60, image: String = Self.defaultImage,
        resources: ComputeResources = ComputeResources(
            cpu: "50m", memory: "64Mi", cpuLimit: "200m", memoryLimit: "128Mi")
    ) {
        self.name = name
        self.namespace = namespace
        self.provider = provider
        self.domainFilter = domainFilter
        self.ownerID = ownerID
        self.txtPrefix = txtPrefix
        self.txtWildcardReplacement = txtWildcardReplacement
        self.policy = policy
        self.sources = sources
        self.intervalSeconds = intervalSeconds
        self.image = image
        self.resources = resources
    }

    /// The command-line arguments, in a fixed order.
    public var arguments: [String] {
        var result = sources.map { "--source=\($0.rawValue)" } + ["--provider=\(provider.name)"]
        result += domainFilter.include.map { "--domain-filter=\($0)" }
        result += domainFilter.exclude.map { "--exclude-domains=\($0)" }
        switch provider {
        case .cloudflare(_, _, let zoneIDs, let proxied):
            result += zoneIDs.map { "--zone-id-filter=\($0)" }
            if proxied { result.append("--cloudflare-proxied") }
        case .aws:
            break
        }
        result += [
            "--policy=\(policy.rawValue)", "--registry=txt", "--txt-owner-id=\(ownerID)", "--txt-prefix=\(txtPrefix)",
            "--txt-wildcard-replacement=\(txtWildcardReplacement)", "--interval=\(intervalSeconds)s",
            "--metrics-address=:\(Self.metricsPort)", "--log-format=json",
        ]
        return result
    }

    /// The environment: the Cloudflare token from its Secret, or the AWS region.
    public var environment: [EnvVar] {
        switch provider {
        case .cloudflare(let secret, let key, _, _):
            [
                EnvVar(
                    name: "CF_API_TOKEN",
                    valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: secret, key: key)))
            ]
        case .aws(let region, _):
            [EnvVar(name: "AWS_REGION", value: region), EnvVar(name: "AWS_DEFAULT_REGION", value: region)]
        }
    }

    private var labels: [String: String] {
        ["app.kubernetes.io/name": "external-dns", "app.kubernetes.io/instance": name]
    }

    /// The ServiceAccount (annotated with the IAM role for `aws`).
    public var serviceAccount: ServiceAccount {
        var annotations: [String: String]?
        if case .aws(_, let roleARN) = provider { annotations = [Self.roleARNAnnotation: roleARN] }
        return ServiceAccount(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels, annotations: annotations))
    }

    /// The ClusterRole of the upstream chart (kubernetes-sigs/external-dns `charts/external-dns/templates/
    /// clusterrole.yaml`, the rules its `ingress` and `service` sources need) plus EndpointSlices, which the
    /// `service` source reads since v0.19 (upstream docs, "informer sync timeout" RBAC list). Read-only.
    public var clusterRole: ClusterRole {
        var rules: [PolicyRule] = []
        if sources.contains(.service) {
            rules += [
                PolicyRule(apiGroups: [""], resources: ["nodes"], verbs: ["list", "watch"]),
                PolicyRule(apiGroups: [""], resources: ["pods"], verbs: ["get", "watch", "list"]),
                PolicyRule(apiGroups: [""], resources: ["services", "endpoints"], verbs: ["get", "watch", "list"]),
                PolicyRule(
                    apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["get", "watch", "list"]),
            ]
        }
        if sources.contains(.ingress) {
            rules.append(
                PolicyRule(
                    apiGroups: ["extensions", "networking.k8s.io"], resources: ["ingresses"],
                    verbs: ["get", "watch", "list"]))
        }
        return ClusterRole(metadata: ObjectMeta(name: name, labels: labels), rules: rules)
    }

    /// Binds the ClusterRole to the ServiceAccount (`<name>-viewer`, upstream's binding name).
    public var clusterRoleBinding: ClusterRoleBinding {
        ClusterRoleBinding(
            metadata: ObjectMeta(name: "\(name)-viewer", labels: labels),
            roleRef: RoleRef(kind: "ClusterRole", name: name, apiGroup: "rbac.authorization.k8s.io"),
            subjects: [Subject(kind: "ServiceAccount", name: name, namespace: namespace)])
    }

    /// The Deployment: one replica (two would race on the same records; `Recreate` keeps it one
    /// during rollouts), restricted security (uid 65532, the image's nonroot user), probed on `/healthz`.
    public var deployment: Deployment {
        let security = WorkloadSecurity(user: 65532, group: 65532, fsGroup: 65532, mountServiceAccountToken: true)
        let container = PodAssembly.container(
            name: "external-dns", image: image, args: arguments,
            ports: [ContainerPort(name: "http", containerPort: Self.metricsPort)], env: environment,
            resources: resources, security: security, health: .http(path: "/healthz", port: "http"),
            volumeMounts: [])
        return Deployment(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            spec: DeploymentSpec(
                replicas: 1, selector: .matching(labels), strategy: DeploymentStrategy(type: "Recreate"),
                template: PodAssembly.template(
                    labels: labels, containers: [container], volumes: [], security: security,
                    serviceAccountName: name, spreadSelector: labels)))
    }

    /// Egress to TCP 443 (the provider's API and the Kubernetes API server) and to DNS; no ingress.
    public var networkPolicy: NetworkPolicy {
        NetworkPolicy(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
            spec: NetworkPolicySpec(
                egress: [
                    NetworkPolicyEgressRule(ports: [NetworkPolicyPort(port: 443, protocol: "TCP")]),
                    NetworkPolicyEgressRule(
                        ports: [
                            NetworkPolicyPort(port: 53, protocol: "UDP"), NetworkPolicyPort(port: 53, protocol: "TCP"),
                        ]),
                ],
                ingress: [], podSelector: .matching(labels), policyTypes: ["Ingress", "Egress"]))
    }

    /// ServiceAccount, ClusterRole, ClusterRoleBinding, Deployment and NetworkPolicy.
    public var manifestObjects: [any KubernetesObject] {
        [serviceAccount, clusterRole, clusterRoleBinding, deployment, networkPolicy]
    }

    /// Problems with the filter, owner id, TXT prefix, interval and the provider's settings, at
    /// `<manifest>/Deployment/<name>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("Deployment").appending(name)
        var found = PodAssembly.diagnostics(image: image, security: .restricted, resources: resources, at: here)
        if domainFilter.include.isEmpty {
            found.append(
                .error(
                    here.appending("domainFilter"),
                    "no domain filter: the instance would write every zone it can reach",
                    hint: "name the domains it owns"))
        }
        for (offset, domain) in (domainFilter.include + domainFilter.exclude).enumerated()
        where !Self.isDomain(domain) {
            found.append(.error(here.appending("domainFilter", index: offset), "'\(domain)' is not a domain name"))
        }
        for excluded in domainFilter.exclude
        where !domainFilter.include.contains(where: {
            DomainFilter.name(
                DomainFilter.normalized(excluded), isWithin: $0)
        }) {
            found.append(
                .warning(
                    here.appending("domainFilter"), "excluded domain '\(excluded)' is outside every included domain"))
        }
        if ownerID.isEmpty || ownerID.contains(where: { $0.isWhitespace || $0 == "," || $0 == "\"" }) {
            found.append(
                .error(here.appending("ownerID"), "owner id '\(ownerID)' is empty or has spaces, commas or quotes"))
        }
        if txtPrefix.isEmpty || !txtPrefix.hasSuffix(".") {
            found.append(
                .error(
                    here.appending("txtPrefix"),
                    "TXT prefix '\(txtPrefix)' must end in '.': otherwise the apex's TXT record leaves the zone"))
        }
        if sources.isEmpty { found.append(.error(here.appending("sources"), "no source: the instance writes nothing")) }
        if intervalSeconds < 1 {
            found.append(.error(here.appending("intervalSeconds"), "the interval must be positive"))
        }
        switch provider {
        case .cloudflare(let secret, let key, let zoneIDs, _):
            if let problem = NameRules.dns1123Subdomain(secret) {
                found.append(.error(here.appending("tokenSecret"), "Secret name '\(secret)' is invalid: \(problem)"))
            }
            if key.isEmpty { found.append(.error(here.appending("tokenKey"), "the token key is empty")) }
            for (offset, zoneID) in zoneIDs.enumerated() where !Self.isCloudflareID(zoneID) {
                found.append(
                    .error(
                        here.appending("zoneIDs", index: offset),
                        "'\(zoneID)' is not a Cloudflare zone id (32 hex digits)"))
            }
        case .aws(let region, let roleARN):
            if region.isEmpty { found.append(.error(here.appending("region"), "the AWS region is empty")) }
            let parts = roleARN.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count != 6 || parts[0] != "arn" || parts[2] != "iam" || !parts[5].hasPrefix("role/") {
                found.append(
                    .error(
                        path.appending("ServiceAccount").appending(name).appending("annotations"),
                        "'\(roleARN)' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)"))
            }
        }
        return found
    }

    /// Whether `text` is a DNS name (labels of letters, digits and `-`, at least two), optionally led by `.`.
    static func isDomain(_ text: String) -> Bool {
        let body = text.hasPrefix(".") ? String(text.dropFirst()) : text
        let labels = body.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
    }

    /// Whether `text` is 32 lower-case hexadecimal digits.
    static func isCloudflareID(_ text: String) -> Bool {
        text.count == 32 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
