// A DNS-01 solver of a Let's Encrypt ClusterIssuer for a set of DNS zones: Route53 through a
// ServiceAccount token cert-manager requests for an IRSA role (`auth.kubernetes.serviceAccountRef`,
// which works when cert-manager's own ServiceAccount cannot be annotated, e.g. the EKS add-on), or
// Cloudflare with an API token Secret. DNS-01 is the only challenge that issues wildcard names.

import InfraCore

/// A DNS-01 solver for the names in some zones.
///
/// ```swift
/// ACMEDNS01Solver(
///     zones: ["cn.example.com"],
///     provider: .route53(region: "us-east-1", roleARN: "arn:aws:iam::111122223333:role/solver",
///                        serviceAccount: "cert-manager-route53"))
/// ```
public struct ACMEDNS01Solver: Sendable, Hashable {
    /// Where the challenge's TXT record is written.
    public enum Provider: Sendable, Hashable {
        /// Route53: cert-manager requests a token of `serviceAccount` (in cert-manager's namespace)
        /// and assumes `roleARN` with it; `hostedZoneID` skips the zone lookup.
        case route53(region: String, roleARN: String, serviceAccount: String, hostedZoneID: String? = nil)
        /// Cloudflare: an API token (Zone.DNS edit) in the Secret `secret` (cert-manager's namespace), key `key`.
        case cloudflare(secret: String, key: String = "api-token")
    }

    /// The token audience AWS STS accepts for IRSA.
    public static let stsAudience = "sts.amazonaws.com"

    /// The zones whose names (and subdomains) this solver answers for.
    public var zones: [String]
    /// The DNS provider.
    public var provider: Provider

    /// Creates a solver for `zones`.
    public init(zones: [String], provider: Provider) {
        self.zones = zones
        self.provider = provider
    }

    /// The ClusterIssuer solver, selected for names in ``zones`` (cert-manager picks the longest matching zone).
    public var solver: IssuerSolver {
        let dns01: IssuerDns01
        switch provider {
        case .route53(let region, let roleARN, let serviceAccount, let hostedZoneID):
            dns01 = IssuerDns01(
                route53: IssuerRoute53(
                    auth: IssuerRoute53Auth(
                        kubernetes: IssuerRoute53AuthKubernetes(
                            serviceAccountRef: IssuerServiceAccountRef(
                                name: serviceAccount, audiences: [Self.stsAudience]))),
                    hostedZoneID: hostedZoneID, region: region, role: roleARN))
        case .cloudflare(let secret, let key):
            dns01 = IssuerDns01(
                cloudflare: IssuerCloudflare(apiTokenSecretRef: IssuerPrivateKeySecretRef(name: secret, key: key)))
        }
        return IssuerSolver(dns01: dns01, selector: IssuerSelector(dnsZones: zones))
    }

    /// What the solver needs in cert-manager's namespace: for Route53, the ServiceAccount with the
    /// IRSA role annotation and the Role/RoleBinding that let cert-manager's controller
    /// (`controllerServiceAccount`) request its token; nothing for Cloudflare (the Secret comes from
    /// the secret store).
    public func identityObjects(
        certManagerNamespace: String = "cert-manager", controllerServiceAccount: String = "cert-manager"
    ) -> [any KubernetesObject] {
        guard case .route53(_, let roleARN, let serviceAccount, _) = provider else { return [] }
        let roleName = "cert-manager-\(serviceAccount)-tokenrequest"
        return [
            ServiceAccount(
                metadata: ObjectMeta(
                    name: serviceAccount, namespace: certManagerNamespace,
                    annotations: ["eks.amazonaws.com/role-arn": roleARN]),
                automountServiceAccountToken: false),
            Role(
                metadata: ObjectMeta(name: roleName, namespace: certManagerNamespace),
                rules: [
                    PolicyRule(
                        apiGroups: [""], resourceNames: [serviceAccount], resources: ["serviceaccounts/token"],
                        verbs: ["create"])
                ]),
            RoleBinding(
                metadata: ObjectMeta(name: roleName, namespace: certManagerNamespace),
                roleRef: RoleRef(kind: "Role", name: roleName, apiGroup: "rbac.authorization.k8s.io"),
                subjects: [
                    Subject(kind: "ServiceAccount", name: controllerServiceAccount, namespace: certManagerNamespace)
                ]),
        ]
    }

    /// Problems at `here`: no zones, or a zone that is not a DNS name.
    func diagnostics(at here: ComponentPath) -> [Diagnostic] {
        if zones.isEmpty { return [.error(here, "the DNS-01 solver has no zones")] }
        return zones.compactMap { zone in
            NameRules.dns1123Subdomain(zone).map { .error(here, "zone '\(zone)' is invalid: \($0)") }
        }
    }
}
