// The settings of an Ingress that the F5 NGINX Ingress Controller (nginx/kubernetes-ingress,
// IngressClass controller `nginx.org/ingress-controller`) reads from annotations: rate limits,
// the HTTPS redirect, HSTS, WebSocket services, rewrites, timeouts and body size. Typed so a
// route cannot carry the retired community ingress-nginx's `nginx.ingress.kubernetes.io/*` keys,
// which the F5 controller ignores without a word. Names from its `internal/configs/annotations.go`.

import InfraCore

/// Annotations of the F5 NGINX Ingress Controller for one Ingress.
///
/// ```swift
/// var options = NGINXIngressOptions(rateLimit: .init(rate: 100, burst: 50))
/// options.webSocketServices = ["grafana"]
/// options.annotations   // ["nginx.org/limit-req-rate": "100r/s", "nginx.org/limit-req-burst": "50", …]
/// ```
public struct NGINXIngressOptions: Sendable, Hashable {
    /// A request rate limit per client (`limit_req`).
    public struct RateLimit: Sendable, Hashable {
        /// The unit of ``rate``.
        public enum Unit: String, Sendable, Hashable {
            /// Requests per second (`r/s`).
            case perSecond = "r/s"
            /// Requests per minute (`r/m`).
            case perMinute = "r/m"
        }

        /// Requests per ``unit``.
        public var rate: Int
        /// Per second or per minute.
        public var unit: Unit
        /// Requests above the rate that wait (or pass with ``noDelay``) instead of being rejected.
        public var burst: Int?
        /// Whether burst requests pass at once instead of being spaced out.
        public var noDelay: Bool
        /// The status code of rejected requests (the controller's default is 503).
        public var rejectCode: Int?
        /// Whether the rate is divided by the number of controller replicas, so the total matches.
        public var scaleWithReplicas: Bool

        /// Creates a limit; per second, rejected with 429.
        public init(
            rate: Int, unit: Unit = .perSecond, burst: Int? = nil, noDelay: Bool = false, rejectCode: Int? = 429,
            scaleWithReplicas: Bool = false
        ) {
            self.rate = rate
            self.unit = unit
            self.burst = burst
            self.noDelay = noDelay
            self.rejectCode = rejectCode
            self.scaleWithReplicas = scaleWithReplicas
        }
    }

    /// HTTP Strict Transport Security.
    public struct HSTS: Sendable, Hashable {
        /// `max-age` in seconds.
        public var maxAgeSeconds: Int
        /// Whether subdomains are covered too.
        public var includeSubdomains: Bool

        /// Creates an HSTS setting; one year, subdomains included, by default.
        public init(maxAgeSeconds: Int = 31_536_000, includeSubdomains: Bool = true) {
            self.maxAgeSeconds = maxAgeSeconds
            self.includeSubdomains = includeSubdomains
        }
    }

    /// A path rewrite for one backend Service (`nginx.org/rewrites`).
    public struct Rewrite: Sendable, Hashable {
        /// The backend Service.
        public var service: String
        /// The path the matched prefix is replaced with (e.g. `/`).
        public var path: String

        /// Creates a rewrite.
        public init(service: String, path: String) {
            self.service = service
            self.path = path
        }
    }

    /// The annotation keys, as the controller spells them.
    public enum Annotation {
        /// Requests per second or minute (`100r/s`).
        public static let limitRequestRate = "nginx.org/limit-req-rate"
        /// Burst size.
        public static let limitRequestBurst = "nginx.org/limit-req-burst"
        /// `true` to pass bursts at once.
        public static let limitRequestNoDelay = "nginx.org/limit-req-no-delay"
        /// Status code of rejected requests.
        public static let limitRequestRejectCode = "nginx.org/limit-req-reject-code"
        /// `true` to divide the rate by the replica count.
        public static let limitRequestScale = "nginx.org/limit-req-scale"
        /// Redirect HTTP to HTTPS when the Ingress has TLS (read without the `nginx.org/` prefix).
        public static let sslRedirect = "ingress.kubernetes.io/ssl-redirect"
        /// Redirect on `X-Forwarded-Proto: http`, when TLS ends at a load balancer in front.
        public static let redirectToHTTPS = "nginx.org/redirect-to-https"
        /// `true` to send HSTS.
        public static let hsts = "nginx.org/hsts"
        /// HSTS `max-age`.
        public static let hstsMaxAge = "nginx.org/hsts-max-age"
        /// HSTS `includeSubDomains`.
        public static let hstsIncludeSubdomains = "nginx.org/hsts-include-subdomains"
        /// Comma-separated Services that speak WebSocket.
        public static let webSocketServices = "nginx.org/websocket-services"
        /// `serviceName=<svc> rewrite=<path>;…`.
        public static let rewrites = "nginx.org/rewrites"
        /// `proxy_read_timeout`.
        public static let proxyReadTimeout = "nginx.org/proxy-read-timeout"
        /// `proxy_send_timeout`.
        public static let proxySendTimeout = "nginx.org/proxy-send-timeout"
        /// `client_max_body_size`.
        public static let clientMaxBodySize = "nginx.org/client-max-body-size"
    }

    /// The prefix of the retired community ingress-nginx's annotations, which this controller ignores.
    public static let retiredAnnotationPrefix = "nginx.ingress.kubernetes.io/"

    /// The rate limit, or `nil` for none.
    public var rateLimit: RateLimit?
    /// Whether plain HTTP is redirected to HTTPS when the Ingress has TLS (`nil`: the controller's default, on).
    public var sslRedirect: Bool?
    /// Whether to redirect on `X-Forwarded-Proto: http` (TLS ended before NGINX).
    public var redirectToHTTPS: Bool
    /// HSTS, or `nil` for none.
    public var hsts: HSTS?
    /// The Services that speak WebSocket.
    public var webSocketServices: [String]
    /// Path rewrites per backend Service.
    public var rewrites: [Rewrite]
    /// `proxy_read_timeout` in seconds (long polls, streams).
    public var proxyReadTimeoutSeconds: Int?
    /// `proxy_send_timeout` in seconds.
    public var proxySendTimeoutSeconds: Int?
    /// `client_max_body_size` (`10m`, `512k`, `0` for no limit).
    public var clientMaxBodySize: String?

    /// Creates options; nothing set means the controller's defaults.
    public init(
        rateLimit: RateLimit? = nil, sslRedirect: Bool? = nil, redirectToHTTPS: Bool = false, hsts: HSTS? = nil,
        webSocketServices: [String] = [], rewrites: [Rewrite] = [], proxyReadTimeoutSeconds: Int? = nil,
        proxySendTimeoutSeconds: Int? = nil, clientMaxBodySize: String? = nil
    ) {
        self.rateLimit = rateLimit
        self.sslRedirect = sslRedirect
        self.redirectToHTTPS = redirectToHTTPS
        self.hsts = hsts
        self.webSocketServices = webSocketServices
        self.rewrites = rewrites
        self.proxyReadTimeoutSeconds = proxyReadTimeoutSeconds
        self.proxySendTimeoutSeconds = proxySendTimeoutSeconds
        self.clientMaxBodySize = clientMaxBodySize
    }

    /// Every key these options can set (an Ingress's own annotations must not set them too).
    public static let ownedAnnotations: Set<String> = [
        Annotation.limitRequestRate, Annotation.limitRequestBurst, Annotation.limitRequestNoDelay,
        Annotation.limitRequestRejectCode, Annotation.limitRequestScale, Annotation.sslRedirect,
        Annotation.redirectToHTTPS, Annotation.hsts, Annotation.hstsMaxAge, Annotation.hstsIncludeSubdomains,
        Annotation.webSocketServices, Annotation.rewrites, Annotation.proxyReadTimeout, Annotation.proxySendTimeout,
        Annotation.clientMaxBodySize,
    ]

    /// The annotations for these options.
    public var annotations: [String: String] {
        var result: [String: String] = [:]
        if let rateLimit {
            result[Annotation.limitRequestRate] = "\(rateLimit.rate)\(rateLimit.unit.rawValue)"
            if let burst = rateLimit.burst { result[Annotation.limitRequestBurst] = String(burst) }
            if rateLimit.noDelay { result[Annotation.limitRequestNoDelay] = "true" }
            if let code = rateLimit.rejectCode { result[Annotation.limitRequestRejectCode] = String(code) }
            if rateLimit.scaleWithReplicas { result[Annotation.limitRequestScale] = "true" }
        }
        if let sslRedirect { result[Annotation.sslRedirect] = String(sslRedirect) }
        if redirectToHTTPS { result[Annotation.redirectToHTTPS] = "true" }
        if let hsts {
            result[Annotation.hsts] = "true"
            result[Annotation.hstsMaxAge] = String(hsts.maxAgeSeconds)
            result[Annotation.hstsIncludeSubdomains] = String(hsts.includeSubdomains)
        }
        if !webSocketServices.isEmpty {
            result[Annotation.webSocketServices] = webSocketServices.joined(separator: ",")
        }
        if !rewrites.isEmpty {
            result[Annotation.rewrites] = rewrites.map { "serviceName=\($0.service) rewrite=\($0.path)" }
                .joined(separator: ";")
        }
        if let seconds = proxyReadTimeoutSeconds { result[Annotation.proxyReadTimeout] = "\(seconds)s" }
        if let seconds = proxySendTimeoutSeconds { result[Annotation.proxySendTimeout] = "\(seconds)s" }
        if let clientMaxBodySize { result[Annotation.clientMaxBodySize] = clientMaxBodySize }
        return result
    }

    /// Problems at `here` (an Ingress): values the controller would reject, and Services named by
    /// WebSocket or rewrite settings that none of the route's `services` is.
    public func diagnostics(services: Set<String>, at here: ComponentPath) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let rateLimit {
            let at = here.appending("nginx").appending("rateLimit")
            if rateLimit.rate <= 0 { found.append(.error(at, "rate limit \(rateLimit.rate) must be positive")) }
            if let burst = rateLimit.burst, burst < 0 {
                found.append(.error(at, "burst \(burst) must not be negative"))
            }
            if let code = rateLimit.rejectCode, !(400...599).contains(code) {
                found.append(.error(at, "reject code \(code) is not a 4xx or 5xx status"))
            }
        }
        if let hsts, hsts.maxAgeSeconds <= 0 {
            found.append(.error(here.appending("nginx").appending("hsts"), "HSTS max-age must be positive"))
        }
        for (label, value) in [
            ("proxyReadTimeoutSeconds", proxyReadTimeoutSeconds), ("proxySendTimeoutSeconds", proxySendTimeoutSeconds),
        ] {
            if let value, value <= 0 {
                found.append(.error(here.appending("nginx").appending(label), "timeout \(value)s must be positive"))
            }
        }
        if let size = clientMaxBodySize, !Self.isSize(size) {
            found.append(
                .error(
                    here.appending("nginx").appending("clientMaxBodySize"),
                    "'\(size)' is not an NGINX size (digits with an optional k, m or g)"))
        }
        let named = webSocketServices.map { ("webSocketServices", $0) } + rewrites.map { ("rewrites", $0.service) }
        for (label, service) in named where !services.contains(service) {
            found.append(
                .error(
                    here.appending("nginx").appending(label),
                    "Service '\(service)' is not a backend of this Ingress, so the controller ignores the setting"))
        }
        return found
    }

    /// Whether `text` is an NGINX size: digits and an optional unit.
    static func isSize(_ text: String) -> Bool {
        var digits = Substring(text)
        if let last = digits.last, "kKmMgG".contains(last) { digits = digits.dropLast() }
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }
}
