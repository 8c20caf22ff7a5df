// The two Let's Encrypt ClusterIssuers every cluster needs: staging (for trying things out,
// untrusted certificates, generous rate limits) and production, both solving HTTP-01
// challenges through the NGINX ingress class.

import InfraCore

/// `letsencrypt-staging` and `letsencrypt-prod` ClusterIssuers with an HTTP-01 solver.
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

    /// Creates both issuers.
    public init(
        email: String, ingressClass: String = "nginx", productionName: String = "letsencrypt-prod",
        stagingName: String = "letsencrypt-staging"
    ) {
        self.email = email
        self.ingressClass = ingressClass
        self.productionName = productionName
        self.stagingName = stagingName
    }

    /// The production ClusterIssuer.
    public var production: ClusterIssuer { issuer(productionName, server: Self.productionServer) }

    /// The staging ClusterIssuer.
    public var staging: ClusterIssuer { issuer(stagingName, server: Self.stagingServer) }

    /// Staging, then production.
    public var manifestObjects: [any KubernetesObject] { [staging, production] }

    /// An email without `@` or a domain is rejected by the ACME server: report it at `<manifest>/ClusterIssuer/<name>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") else { return [] }
        return [
            .error(
                path.appending("ClusterIssuer").appending(productionName).appending("email"),
                "'\(email)' is not an email address")
        ]
    }

    private func issuer(_ name: String, server: String) -> ClusterIssuer {
        ClusterIssuer(
            metadata: ObjectMeta(name: name),
            spec: IssuerSpec(
                acme: IssuerAcme(
                    email: email, privateKeySecretRef: IssuerPrivateKeySecretRef(name: name), server: server,
                    solvers: [IssuerSolver(http01: IssuerHttp01(ingress: IssuerIngress(class: ingressClass)))])))
    }
}
