// `terraform/dns`: the Cloudflare records of the seed's domain structure (omnivoltaic.com,
// api, *, dev, *.dev), pointed at the ingress load balancers of each cluster. Its own root
// because the cloudflare provider is not available offline; see Documentation/OVESReference.md.
// The types (`CFDNSRecord`, `DataCFZone`, `CFProvider`) are generated from the provider's schema
// (Cloudflare/Generated/, codegen/cloudflare/).

import InfraAWS
import InfraCore
import InfraTerraform

/// The Cloudflare DNS root.
public enum CloudflareRoot {
    /// The records: name relative to the zone → the ingress they point to.
    public static let records: [(local: String, name: String, environment: String)] = [
        ("apex", "@", "prod"),
        ("api", "api", "prod"),
        ("wildcard", "*", "prod"),
        ("dev", "dev", "dev"),
        ("dev_wildcard", "*.dev", "dev"),
    ]

    /// The root.
    public static var stack: Stack {
        let prodIngress = Variable<String>(
            "prod_ingress_hostname", description: "DNS name of the production NGINX ingress load balancer",
            providedAtApply: true)
        let devIngress = Variable<String>(
            "dev_ingress_hostname", description: "DNS name of the development NGINX ingress load balancer",
            providedAtApply: true)
        let zone = DataCFZone("omnivoltaic", filter: .init(name: Expr(.string(OVESSettings.apexDomain))))
        return Stack(
            "dns", directory: "terraform/dns",
            settings: TerraformSettings(
                requiredProviders: [CFProvider.requirement],
                backend: OVESSettings.backend(key: "dns/terraform.tfstate"))
        ) {
            prodIngress
            devIngress
            CFProvider()
            zone.inFile("cloudflare")
            // cn.omnivoltaic.com is a Route53 zone of the shared root: delegate to its four name servers,
            // read from the shared root's state (so the dns root runs after shared).
            let shared = RemoteRoot(SharedRoot.stack, outputs: SharedRoot.outputs)
            shared
            CFDNSRecord(
                "cn_delegation", name: "cn", ttl: 3600, type: "NS", zoneId: zone.id,
                comment: "Managed by swift-infra (delegation to the Route53 zone of the shared root)",
                content: Fn.element(shared.outputs.chinaZoneNameServers, index: Count.index)
            ).count(4).inFile("cloudflare")
            for record in records {
                CFDNSRecord(
                    record.local, name: Expr(.string(record.name)), ttl: 1, type: "CNAME", zoneId: zone.id,
                    comment: "Managed by swift-infra (\(record.environment) ingress)",
                    content: record.environment == "prod" ? prodIngress.value : devIngress.value, proxied: true
                ).inFile("cloudflare")
            }
        }
    }
}
