// Every name the seed lists is served with a certificate: a cert-manager Certificate of some
// cluster covers it (exactly or by a one-label wildcard), its Secret is served there (the NGINX
// controller's wildcard/default TLS Secret, or an Ingress's TLS for that host), its ClusterIssuer
// exists in the cluster with a solver that can validate the name (DNS-01 for wildcards), and the
// Route53 solver's ServiceAccount and token RBAC exist. Read from the synthesized model.

import InfraCore
import OVESInfrastructure
import Testing

@Suite("OVES Kubernetes reference: certificates for every name of the seed")
struct CertificateCoverageTests {
    /// The seed's DNS section (oves-infrastructure.md, "DNS").
    static let seedNames = [
        "omnivoltaic.com", "api.omnivoltaic.com", "*.omnivoltaic.com", "cn.omnivoltaic.com", "dev.omnivoltaic.com",
        "*.dev.omnivoltaic.com",
    ]

    /// Whether the certificate name `pattern` covers `name` (a wildcard covers one label, and itself).
    static func covers(_ pattern: String, _ name: String) -> Bool {
        if pattern == name { return true }
        guard pattern.hasPrefix("*.") else { return false }
        let suffix = String(pattern.dropFirst(1))
        return name.hasSuffix(suffix) && !name.dropLast(suffix.count).contains(".")
            && !name.dropLast(suffix.count).isEmpty
    }

    /// Whether the Certificate's Secret is served in its cluster.
    static func isServed(_ certificate: Value, name: String, in documents: [Value]) -> Bool {
        let secret = certificate["spec"]?["secretName"]?.stringValue ?? ""
        let namespace = PlatformModel.namespace(certificate)
        let controllers = PlatformModel.all("Deployment", in: documents).filter {
            PlatformModel.name($0) == "nginx-ingress" && PlatformModel.namespace($0) == namespace
        }
        let args = controllers.flatMap {
            PlatformModel.strings($0["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["args"])
        }
        if args.contains("-wildcard-tls-secret=$(POD_NAMESPACE)/\(secret)") { return true }
        return PlatformModel.all("Ingress", in: documents).contains { ingress in
            PlatformModel.namespace(ingress) == namespace
                && (ingress["spec"]?["tls"]?.arrayValue ?? []).contains {
                    $0["secretName"]?.stringValue == secret && PlatformModel.strings($0["hosts"]).contains(name)
                }
        }
    }

    @Test("every seed name is covered by a served Certificate of some cluster", arguments: seedNames)
    func nameIsServed(name: String) {
        let serving = PlatformModel.clusters.filter { _, documents in
            PlatformModel.all("Certificate", in: documents).contains { certificate in
                PlatformModel.strings(certificate["spec"]?["dnsNames"]).contains { Self.covers($0, name) }
                    && Self.isServed(certificate, name: name, in: documents)
            }
        }
        #expect(!serving.isEmpty, "\(name) has no served certificate")
    }

    @Test("each Certificate's issuer exists in its cluster and has a solver for each of its names")
    func issuersCanSolve() {
        var checked = 0
        for (cluster, documents) in PlatformModel.clusters {
            let issuers = Dictionary(
                PlatformModel.all("ClusterIssuer", in: documents).map { (PlatformModel.name($0), $0) },
                uniquingKeysWith: { first, _ in first })
            for certificate in PlatformModel.all("Certificate", in: documents) {
                let issuerName = certificate["spec"]?["issuerRef"]?["name"]?.stringValue ?? ""
                if certificate["spec"]?["issuerRef"]?["kind"]?.stringValue == "Issuer" {
                    // A namespaced Issuer (the load balancer controller's webhook CA): it must be in the
                    // Certificate's namespace and sign locally (self-signed or CA), with no ACME challenge.
                    let local = PlatformModel.all("Issuer", in: documents).first {
                        PlatformModel.name($0) == issuerName
                            && PlatformModel.namespace($0) == PlatformModel.namespace(certificate)
                    }
                    #expect(
                        local?["spec"]?["ca"] != nil || local?["spec"]?["selfSigned"] != nil,
                        "\(cluster): Issuer \(issuerName) is missing or not a local CA")
                    continue
                }
                guard let issuer = issuers[issuerName] else {
                    Issue.record("\(cluster): ClusterIssuer \(issuerName) is missing")
                    continue
                }
                let solvers = issuer["spec"]?["acme"]?["solvers"]?.arrayValue ?? []
                for name in PlatformModel.strings(certificate["spec"]?["dnsNames"]) {
                    let bare = name.hasPrefix("*.") ? String(name.dropFirst(2)) : name
                    // cert-manager: the solver whose dnsZones selector matches most specifically, else one without a selector.
                    let zoned = solvers.compactMap { solver -> (Int, Value)? in
                        let zones = PlatformModel.strings(solver["selector"]?["dnsZones"])
                        let best = zones.filter { bare == $0 || bare.hasSuffix("." + $0) }.map(\.count).max()
                        return best.map { ($0, solver) }
                    }
                    let chosen = zoned.max { $0.0 < $1.0 }?.1 ?? solvers.first { $0["selector"] == nil }
                    #expect(chosen != nil, "\(cluster): no solver for \(name)")
                    if name.hasPrefix("*.") {
                        #expect(chosen?["dns01"] != nil, "\(cluster): \(name) is a wildcard and needs DNS-01")
                    }
                    if bare.hasSuffix("cn.omnivoltaic.com") {
                        #expect(chosen?["dns01"]?["route53"] != nil, "\(cluster): \(name) is in the Route53 zone")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 5)
    }

    @Test("the Route53 solver's ServiceAccount has the IRSA role and cert-manager may request its token")
    func route53Identity() {
        for (cluster, documents) in PlatformModel.clusters {
            for issuer in PlatformModel.all("ClusterIssuer", in: documents) {
                for solver in issuer["spec"]?["acme"]?["solvers"]?.arrayValue ?? [] {
                    guard let route53 = solver["dns01"]?["route53"] else { continue }
                    let account =
                        route53["auth"]?["kubernetes"]?["serviceAccountRef"]?["name"]?.stringValue ?? ""
                    let serviceAccount = PlatformModel.all("ServiceAccount", in: documents).first {
                        PlatformModel.name($0) == account && PlatformModel.namespace($0) == "cert-manager"
                    }
                    let annotation = serviceAccount?["metadata"]?["annotations"]?["eks.amazonaws.com/role-arn"]
                    #expect(annotation?.stringValue == route53["role"]?.stringValue, "\(cluster)")
                    let roles = PlatformModel.all("Role", in: documents).filter { role in
                        (role["rules"]?.arrayValue ?? []).contains {
                            PlatformModel.strings($0["resources"]) == ["serviceaccounts/token"]
                                && PlatformModel.strings($0["resourceNames"]) == [account]
                                && PlatformModel.strings($0["verbs"]) == ["create"]
                        }
                    }.map(PlatformModel.name)
                    let bound = PlatformModel.all("RoleBinding", in: documents).contains { binding in
                        roles.contains(binding["roleRef"]?["name"]?.stringValue ?? "")
                            && (binding["subjects"]?.arrayValue ?? []).contains {
                                $0["name"]?.stringValue == "cert-manager"
                                    && $0["namespace"]?.stringValue == "cert-manager"
                            }
                    }
                    #expect(bound, "\(cluster): cert-manager cannot request a token of \(account)")
                }
            }
        }
    }
}
