// ACMEDNS01Solver renders the Route53 (serviceAccountRef + IRSA role) and Cloudflare solvers
// cert-manager reads, with the token RBAC Route53 needs, and LetsEncryptIssuers orders them
// before the HTTP-01 fallback.

import InfraCore
import InfraKubernetes
import Testing

@Suite("ACME DNS-01 solvers")
struct ACMEDNS01SolverTests {
    static let route53 = ACMEDNS01Solver(
        zones: ["cn.example.com"],
        provider: .route53(
            region: "us-east-1", roleARN: "arn:aws:iam::111122223333:role/solver", serviceAccount: "solver"))
    static let cloudflare = ACMEDNS01Solver(zones: ["example.com"], provider: .cloudflare(secret: "cf-token"))

    @Test("Route53 asks cert-manager for a token of the solver's ServiceAccount and assumes the role with it")
    func route53Solver() {
        let solver = Self.route53.solver
        #expect(solver.selector?.dnsZones == ["cn.example.com"])
        #expect(solver.dns01?.route53?.role == "arn:aws:iam::111122223333:role/solver")
        #expect(solver.dns01?.route53?.auth?.kubernetes.serviceAccountRef.name == "solver")
        #expect(solver.dns01?.route53?.auth?.kubernetes.serviceAccountRef.audiences == ["sts.amazonaws.com"])
        let objects = Self.route53.identityObjects()
        #expect(objects.map(\.kind) == ["ServiceAccount", "Role", "RoleBinding"])
        let role = objects[1] as? Role
        #expect(role?.rules?.first?.resources == ["serviceaccounts/token"])
        #expect(role?.rules?.first?.resourceNames == ["solver"])
        let binding = objects[2] as? RoleBinding
        #expect(binding?.subjects?.first?.name == "cert-manager")
        #expect(objects.allSatisfy { $0.metadata.namespace == "cert-manager" })
    }

    @Test("Cloudflare reads the API token Secret and needs no identity objects")
    func cloudflareSolver() {
        #expect(Self.cloudflare.solver.dns01?.cloudflare?.apiTokenSecretRef?.name == "cf-token")
        #expect(Self.cloudflare.solver.dns01?.cloudflare?.apiTokenSecretRef?.key == "api-token")
        #expect(Self.cloudflare.identityObjects().isEmpty)
    }

    @Test("LetsEncryptIssuers put the DNS-01 solvers before HTTP-01 and reject bad zones or no solver")
    func issuers() {
        let issuers = LetsEncryptIssuers(email: "ops@example.com", dns01: [Self.route53, Self.cloudflare])
        let solvers = issuers.production.spec.acme?.solvers ?? []
        #expect(solvers.map { $0.dns01 != nil } == [true, true, false])
        #expect(solvers.last?.http01?.ingress?.class == "nginx")
        let bad = LetsEncryptIssuers(
            email: "ops@example.com", dns01: [ACMEDNS01Solver(zones: ["Bad_Zone"], provider: .cloudflare(secret: "t"))])
        #expect(
            bad.manifestDiagnostics(at: "prod").map(\.path.description) == [
                "prod/ClusterIssuer/letsencrypt-prod/dns01[0]"
            ])
        let none = LetsEncryptIssuers(email: "ops@example.com", http01: false)
        #expect(none.manifestDiagnostics(at: "prod").count == 1)
    }
}
