// `terraform/dns`: the Cloudflare side of the seed's domain structure that is not a host record —
// the delegation of cn.omnivoltaic.com to the shared root's Route53 zone. The host records
// (omnivoltaic.com, api, *, dev, *.dev) are written by external-dns in each cluster (`CloudflareDNS`),
// so no load balancer name is copied here at apply time. Its own root because the cloudflare
// provider is not available offline; see Documentation/OVESReference.md. The types (`CFDNSRecord`,
// `DataCFZone`, `CFProvider`) are generated from the provider's schema (Cloudflare/Generated/,
// codegen/cloudflare/).

import InfraAWS
import InfraCore
import InfraTerraform

/// The Cloudflare DNS root.
public enum CloudflareRoot {
    /// The root.
    public static var stack: Stack {
        let zone = DataCFZone("omnivoltaic", filter: .init(name: Expr(.string(OVESSettings.apexDomain))))
        return Stack(
            "dns", directory: "terraform/dns",
            settings: TerraformSettings(
                requiredProviders: [CFProvider.requirement],
                backend: OVESSettings.backend(key: "dns/terraform.tfstate"))
        ) {
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
        }
    }
}
