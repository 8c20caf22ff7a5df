// The two Let's Encrypt ClusterIssuers every cluster needs: staging (for trying things out,
// untrusted certificates, generous rate limits) and production, with the same solvers: DNS-01
// for the zones given (the only way to wildcard names), then HTTP-01 through the NGINX
// ingress class for any other name.

import InfraCore

/// `letsencrypt-staging` and `letsencrypt-prod` ClusterIssuers with DNS-01 solvers per zone and an HTTP-01 fallback.
///
/// ```swift
/// LetsEncryptIssuers(email: "devops@omnivoltaic.com")
/// ```
public struct LetsEncryptIssuers: ManifestContent, Hashable {
    /// The production ACME directory.
    public static let productionServer = "https://acme-v02.api.letsencrypt.org/directory"
    /// The staging ACME directory.
    public static let stagingServer = "https://acme-staging-v02.api.letsencrypt.org/directory"

    /// The ACME account's contact email (expiry notices go there).
    public var email: String
    /// The ingress class that serves HTTP-01 challenges.
    public var ingressClass: String
    /// The production issuer's name (also its account key Secret's name).
    public var productionName: String
    /// The staging issuer's name (also its account key Secret's name).
    public var stagingName: String
    /// DNS-01 solvers, each for its zones (cert-manager picks the most specific zone).
    public var dns01: [ACMEDNS01Solver]
    /// Whether names no DNS-01 solver covers are solved with HTTP-01 through ``ingressClass``.
    public var http01: Bool

    /// Creates both issuers.
    public init(
        email: String, ingressClass: String = "nginx", productionName: String = "letsencrypt-prod",
        stagingName: String = "letsencrypt-staging", dns01: [ACMEDNS01Solver] = [], http01: Bool = true
    ) {
        self.email = email
        self.ingressClass = ingressClass
        self.productionName = productionName
        self.stagingName = stagingName
        self.dns01 = dns01
        self.http01 = http01
    }

    /// The production ClusterIssuer.
    public var production: ClusterIssuer { issuer(productionName, server: Self.productionServer) }

    /// The staging ClusterIssuer.
    public var staging: ClusterIssuer { issuer(stagingName, server: Self.stagingServer) }

    /// Staging, then production.
    public var manifestObjects: [any KubernetesObject] { [staging, production] }

    /// An email without `@` or a domain is rejected by the ACME server; a solver needs valid zones and
    /// an issuer needs at least one solver: reported at `<manifest>/ClusterIssuer/<name>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("ClusterIssuer").appending(productionName)
        var found: [Diagnostic] = []
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") {
            found.append(.error(here.appending("email"), "'\(email)' is not an email address"))
        }
        for (offset, solver) in dns01.enumerated() {
            found += solver.diagnostics(at: here.appending("dns01", index: offset))
        }
        if dns01.isEmpty && !http01 { found.append(.error(here, "the issuers have no solver")) }
        return found
    }

    private func issuer(_ name: String, server: String) -> ClusterIssuer {
        ClusterIssuer(
            metadata: ObjectMeta(name: name),
            spec: IssuerSpec(
                acme: IssuerAcme(
                    email: email, privateKeySecretRef: IssuerPrivateKeySecretRef(name: name), server: server,
                    solvers: dns01.map(\.solver)
                        + (http01
                            ? [IssuerSolver(http01: IssuerHttp01(ingress: IssuerIngress(class: ingressClass)))] : [])
                )))
    }
}
