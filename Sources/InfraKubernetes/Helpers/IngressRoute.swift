// An HTTP(S) route through the F5 NGINX Ingress Controller: one host, path → Service rules,
// TLS from a cert-manager ClusterIssuer and the controller's settings (rate limit, redirects,
// WebSocket, rewrites) as typed ``NGINXIngressOptions``, rendered into the Ingress exactly.

import InfraCore

/// An `Ingress` for the F5 NGINX Ingress Controller with cert-manager TLS and typed controller settings.
///
/// ```swift
/// IngressRoute(
///     name: "account-microservice", host: "api.omnivoltaic.com", tlsSecretName: "api-tls",
///     paths: [.init("/account", service: "account-microservice", port: 3000)],
///     nginx: NGINXIngressOptions(rateLimit: .init(rate: 100), sslRedirect: true))
/// ```
public struct IngressRoute: ManifestContent, Hashable {
    /// How a path matches requests (`pathType`).
    public enum PathType: String, Sendable, Hashable {
        /// Matches the path and everything below it (`/account`, `/account/x`).
        case prefix = "Prefix"
        /// Matches the path exactly.
        case exact = "Exact"
        /// Left to the ingress controller.
        case implementationSpecific = "ImplementationSpecific"
    }

    /// One path rule: requests under `path` go to `service:port`.
    public struct Path: Sendable, Hashable {
        /// The URL path, starting with `/`.
        public var path: String
        /// How the path matches.
        public var pathType: PathType
        /// The backend Service's name (same namespace as the Ingress).
        public var service: String
        /// The backend Service's port number.
        public var port: Int

        /// Creates a path rule; `Prefix` matching by default.
        public init(_ path: String, pathType: PathType = .prefix, service: String, port: Int) {
            self.path = path
            self.pathType = pathType
            self.service = service
            self.port = port
        }
    }

    /// The cert-manager annotation naming the ClusterIssuer that issues the TLS certificate.
    public static let clusterIssuerAnnotation = "cert-manager.io/cluster-issuer"

    /// The Ingress name.
    public var name: String
    /// The namespace, or `nil` for the manifest's default.
    public var namespace: String?
    /// The host name the rules answer for.
    public var host: String
    /// The path rules, in order.
    public var paths: [Path]
    /// The Secret holding the TLS certificate, or `nil` for plain HTTP.
    public var tlsSecretName: String?
    /// The ClusterIssuer cert-manager uses to fill ``tlsSecretName``, or `nil` when another Ingress
    /// (or a Certificate) already manages that Secret.
    public var clusterIssuer: String?
    /// The NGINX Ingress Controller's settings for this route (rate limit, redirects, WebSocket, rewrites).
    public var nginx: NGINXIngressOptions
    /// The IngressClass (`nginx`).
    public var ingressClassName: String
    /// Labels of the Ingress.
    public var labels: [String: String]
    /// More annotations; the issuer annotation and ``nginx``'s are added to them.
    public var annotations: [String: String]

    /// Creates a route; `rateLimit` is a shorthand for `nginx.rateLimit` (requests per second per client).
    public init(
        name: String, namespace: String? = nil, host: String, tlsSecretName: String? = nil,
        clusterIssuer: String? = "letsencrypt-prod", paths: [Path], rateLimit: Int? = nil,
        nginx: NGINXIngressOptions = NGINXIngressOptions(), ingressClassName: String = "nginx",
        labels: [String: String] = [:], annotations: [String: String] = [:]
    ) {
        self.name = name
        self.namespace = namespace
        self.host = host
        self.tlsSecretName = tlsSecretName
        self.clusterIssuer = clusterIssuer
        self.paths = paths
        var nginx = nginx
        if let rateLimit { nginx.rateLimit = NGINXIngressOptions.RateLimit(rate: rateLimit) }
        self.nginx = nginx
        self.ingressClassName = ingressClassName
        self.labels = labels
        self.annotations = annotations
    }

    /// The rendered Ingress.
    public var ingress: Ingress {
        var allAnnotations = annotations
        if let clusterIssuer, tlsSecretName != nil { allAnnotations[Self.clusterIssuerAnnotation] = clusterIssuer }
        allAnnotations.merge(nginx.annotations) { _, new in new }
        let rules = paths.map { rule in
            HTTPIngressPath(
                backend: IngressBackend(
                    service: IngressServiceBackend(name: rule.service, port: ServiceBackendPort(number: rule.port))),
                path: rule.path, pathType: rule.pathType.rawValue)
        }
        return Ingress(
            metadata: ObjectMeta(
                name: name, namespace: namespace, labels: labels.isEmpty ? nil : labels,
                annotations: allAnnotations.isEmpty ? nil : allAnnotations),
            spec: IngressSpec(
                ingressClassName: ingressClassName,
                rules: [IngressRule(host: host, http: HTTPIngressRuleValue(paths: rules))],
                tls: tlsSecretName.map { [IngressTLS(hosts: [host], secretName: $0)] }))
    }

    /// The Ingress.
    public var manifestObjects: [any KubernetesObject] { [ingress] }

    /// Problems with the host, the paths, the NGINX settings and the annotations, at `<manifest>/Ingress/<name>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("Ingress").appending(name)
        var found: [Diagnostic] = []
        if let problem = NameRules.dns1123Subdomain(host.hasPrefix("*.") ? String(host.dropFirst(2)) : host) {
            found.append(.error(here.appending("host"), "host '\(host)' is invalid: \(problem)"))
        }
        if paths.isEmpty { found.append(.error(here.appending("paths"), "the route has no paths")) }
        for (offset, rule) in paths.enumerated() where !rule.path.hasPrefix("/") {
            found.append(.error(here.appending("paths", index: offset), "path '\(rule.path)' must start with '/'"))
        }
        found += nginx.diagnostics(services: Set(paths.map(\.service)), at: here)
        for key in annotations.keys.sorted() {
            if key.hasPrefix(NGINXIngressOptions.retiredAnnotationPrefix) {
                found.append(
                    .error(
                        here.appending("annotations").appending(key),
                        "'\(key)' belongs to the retired community ingress-nginx; the NGINX Ingress Controller ignores it",
                        hint: "use `nginx:` (NGINXIngressOptions) or an nginx.org/ annotation"))
            } else if NGINXIngressOptions.ownedAnnotations.contains(key) {
                found.append(
                    .error(
                        here.appending("annotations").appending(key),
                        "'\(key)' is set by `nginx:` and would be overwritten",
                        hint: "set it through NGINXIngressOptions"))
            }
        }
        if clusterIssuer != nil && tlsSecretName == nil {
            found.append(
                .warning(
                    here, "a cluster issuer is set but no TLS secret: no certificate will be requested",
                    hint: "set tlsSecretName"))
        }
        return found
    }
}
