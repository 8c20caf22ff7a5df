// external-dns for Cloudflare in each OVES cluster, so the seed's names (omnivoltaic.com, api, *,
// dev, *.dev) follow the NGINX load balancers instead of hostnames copied into the dns root at apply
// time. The library's `ExternalDNS` (the EKS add-on is documented for Route53 only, and prod's add-on
// already writes cn.omnivoltaic.com). Both clusters write one zone: domain filters keep their names
// apart (prod excludes dev and cn), owner ids keep their TXT records apart.

import InfraKubernetes

/// The Cloudflare external-dns instance of one cluster and the names it publishes.
struct CloudflareDNS {
    /// The namespace (shared with prod's Route53 add-on; the token Secret lives here).
    static let namespace = "external-dns"
    /// The name of the instance's objects (the add-on's are `external-dns`).
    static let name = "external-dns-cloudflare"

    /// The environment.
    var environment: OVESEnvironment

    /// The names the NGINX load balancer publishes: prod the apex, `api` and `*`; dev `dev` and `*.dev`.
    var hostnames: [String] {
        let apex = OVESSettings.apexDomain
        return switch environment {
        case .prod: [apex, "api.\(apex)", "*.\(apex)"]
        case .dev: ["dev.\(apex)", "*.dev.\(apex)"]
        }
    }

    /// The names the instance may write: prod everything under the apex but dev's names and the
    /// Route53 zone (delegated by the dns root's NS records); dev only `dev.<apex>` and below.
    var domainFilter: ExternalDNS.DomainFilter {
        let apex = OVESSettings.apexDomain
        return switch environment {
        case .prod: ExternalDNS.DomainFilter(include: [apex], exclude: ["dev.\(apex)", OVESSettings.chinaZone])
        case .dev: ExternalDNS.DomainFilter(include: ["dev.\(apex)"])
        }
    }

    /// The TXT registry owner (`oves-<env>-cloudflare`), distinct from the Route53 add-on's `oves-prod`.
    var ownerID: String { "oves-\(environment.rawValue)-cloudflare" }

    /// The instance: `sync` (records of a removed host are deleted; the TXT registry keeps it off
    /// records it did not create, such as the dns root's NS delegation), the zone by id (dev's filter
    /// is a subdomain of the zone, which the Cloudflare provider finds only by id), and Cloudflare's
    /// proxy on by default, as the records the dns root wrote before.
    var externalDNS: ExternalDNS {
        let token = OVESWorkloadSecrets.cloudflareToken
        return ExternalDNS(
            name: Self.name, namespace: Self.namespace,
            provider: .cloudflare(
                tokenSecret: token.name, tokenKey: token.keys.first ?? "api-token",
                zoneIDs: [OVESConfiguration.current.cloudflareZoneID], proxiedByDefault: true),
            domainFilter: domainFilter, ownerID: ownerID, policy: .sync)
    }

    /// Whether the EKS add-on (Route53, prod) already creates the namespace.
    var addonCreatesNamespace: Bool {
        OVESAddons.addons(for: environment).contains { $0.name == "external-dns" }
    }

    /// The namespace where no add-on creates it (restricted pod security), then the instance.
    var content: ObjectGroup {
        ObjectGroup {
            if !addonCreatesNamespace {
                Namespace(
                    metadata: ObjectMeta(
                        name: Self.namespace,
                        labels: [
                            "pod-security.kubernetes.io/enforce": "restricted",
                            "pod-security.kubernetes.io/enforce-version": "latest",
                            "pod-security.kubernetes.io/audit": "restricted",
                            "pod-security.kubernetes.io/audit-version": "latest",
                            "pod-security.kubernetes.io/warn": "restricted",
                            "pod-security.kubernetes.io/warn-version": "latest",
                            "oves.omnivoltaic.com/environment": environment.rawValue,
                        ]))
            }
            externalDNS
        }
    }
}
