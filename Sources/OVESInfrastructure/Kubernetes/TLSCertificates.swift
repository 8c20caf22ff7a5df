// Certificates for every name the seed lists, from Let's Encrypt through DNS-01: Cloudflare
// answers for omnivoltaic.com, Route53 (IRSA) for the cn.omnivoltaic.com zone. Each cluster
// gets one wildcard Certificate in the NGINX controller's namespace, which the controller serves
// for every TLS host without a Secret of its own and for unknown hosts (-wildcard-tls-secret,
// -default-server-tls-secret). cert-manager itself is the EKS add-on (Terraform).

import InfraKubernetes

/// The issuers' DNS-01 solvers and the wildcard Certificate of one environment.
struct TLSCertificates {
    /// The environment (cluster, IRSA role).
    var environment: OVESEnvironment
    /// The AWS account of the solver's IRSA role.
    var accountID: String

    /// cert-manager's namespace and controller ServiceAccount (fixed by the EKS add-on).
    static let certManagerNamespace = "cert-manager"
    /// The Secret (in cert-manager's namespace) with the Cloudflare API token, from the secret store.
    static let cloudflareTokenSecret = "cloudflare-api-token"
    /// The wildcard Certificate's Secret, in the NGINX controller's namespace.
    static let secretName = "wildcard-tls"

    /// Route53 for the China zone, Cloudflare for the apex zone (the more specific zone wins).
    var solvers: [ACMEDNS01Solver] {
        let role = environment.certManagerRoute53Role
        return [
            ACMEDNS01Solver(
                zones: [OVESSettings.chinaZone],
                provider: .route53(
                    region: environment.region, roleARN: role.arn(accountID: accountID),
                    serviceAccount: role.serviceAccountName)),
            ACMEDNS01Solver(
                zones: [OVESSettings.apexDomain], provider: .cloudflare(secret: Self.cloudflareTokenSecret)),
        ]
    }

    /// The seed's names this cluster serves: prod the apex, every first-level name and `cn`;
    /// dev `dev.` and every name below it.
    var dnsNames: [String] {
        let apex = OVESSettings.apexDomain
        switch environment {
        case .prod: return [apex, "*.\(apex)", OVESSettings.chinaZone]
        case .dev: return ["dev.\(apex)", "*.dev.\(apex)"]
        }
    }

    /// The wildcard Certificate from `letsencrypt-prod`, renewed 30 days before expiry (the seed's rule).
    var certificate: Certificate {
        Certificate(
            metadata: ObjectMeta(name: "wildcard", namespace: NGINXIngressController.namespace),
            spec: CertificateSpec(
                dnsNames: dnsNames, duration: "2160h",
                issuerRef: CertificateIssuerRef(
                    kind: "ClusterIssuer", name: "letsencrypt-prod", group: "cert-manager.io"),
                privateKey: CertificatePrivateKey(algorithm: "ECDSA", rotationPolicy: "Always", size: 256),
                renewBefore: "720h", secretName: Self.secretName))
    }

    /// The ClusterIssuers with these solvers (and HTTP-01 for any other name).
    var issuers: LetsEncryptIssuers {
        LetsEncryptIssuers(email: OVESSettings.alertEmail, dns01: solvers)
    }

    /// The solver's ServiceAccount and token RBAC in cert-manager's namespace, and the Certificate.
    /// The RoleBinding's subject, cert-manager's own ServiceAccount, comes with the EKS add-on.
    var content: ObjectGroup {
        ObjectGroup {
            ClusterProvided(
                ServiceAccount(metadata: ObjectMeta(name: "cert-manager", namespace: Self.certManagerNamespace)),
                by: "the EKS cert-manager add-on (Terraform)")
            solvers.flatMap { $0.identityObjects(certManagerNamespace: Self.certManagerNamespace) }
            certificate
        }
    }
}
