// The dns root needs the cloudflare provider, which is not available offline, so terraform
// cannot validate it here. Instead its JSON is checked against the argument names the
// cloudflare provider (v4.40+, `cloudflare/cloudflare`) documents for the `cloudflare_record`
// resource and the `cloudflare_zone` data source (registry docs; also the Pulumi bridge of
// the same provider, v5.41). See Documentation/OVESReference.md.

import InfraCore
import OVESInfrastructure
import Testing

@Suite("OVES Cloudflare root matches the provider's documented schema")
struct CloudflareSchemaTests {
    /// Documented arguments of `cloudflare_record` (provider v4): required, then optional.
    static let recordRequired: Set<String> = ["zone_id", "name", "type"]
    static let recordOptional: Set<String> = [
        "content", "value", "data", "ttl", "priority", "proxied", "comment", "tags", "allow_overwrite", "timeouts",
    ]
    /// Documented arguments of the `cloudflare_zone` data source (provider v4).
    static let zoneArguments: Set<String> = ["account_id", "name", "zone_id"]
    static let metaArguments: Set<String> = ["count", "for_each", "provider", "depends_on", "lifecycle"]

    var document: Value? { OVESSynthesis.document("terraform/dns/cloudflare.tf.json") }

    @Test("every record uses only documented arguments and sets the required ones")
    func recordArguments() throws {
        let records = try #require(document?["resource"]?["cloudflare_record"]?.objectValue)
        #expect(records.count == 6)
        for (name, body) in records {
            let keys = Set(body.objectValue?.keys ?? [])
            #expect(Self.recordRequired.isSubset(of: keys), "\(name) misses \(Self.recordRequired.subtracting(keys))")
            let unknown = keys.subtracting(Self.recordRequired).subtracting(Self.recordOptional).subtracting(
                Self.metaArguments)
            #expect(unknown.isEmpty, "\(name) has undocumented arguments \(unknown)")
            #expect(!(keys.contains("content") && keys.contains("value")), "content and value are exclusive")
            if let ttl = body["ttl"], case .int(let seconds) = ttl { #expect(seconds == 1 || seconds >= 60) }
        }
    }

    @Test("the zone is looked up with documented arguments only")
    func zoneLookup() throws {
        let zone = try #require(document?["data"]?["cloudflare_zone"]?["omnivoltaic"]?.objectValue)
        #expect(Set(zone.keys).isSubset(of: Self.zoneArguments))
        #expect(zone["name"] == "omnivoltaic.com")
    }

    @Test("the seed's Cloudflare names are all there: apex, api, wildcard, dev, *.dev")
    func seedNames() throws {
        let records = try #require(document?["resource"]?["cloudflare_record"]?.objectValue)
        let cnames = records.filter { $0.value["type"] == "CNAME" }
        let names = Set(cnames.compactMap { $0.value["name"]?.stringValue })
        #expect(names == ["@", "api", "*", "dev", "*.dev"])
        for (_, body) in cnames { #expect(body["proxied"] == .bool(true)) }
    }

    @Test("cn is delegated to the shared root's Route53 zone, whose name servers come from the shared root's state")
    func chinaDelegation() throws {
        let delegation = try #require(document?["resource"]?["cloudflare_record"]?["cn_delegation"])
        #expect(delegation["type"] == "NS")
        #expect(delegation["name"] == "cn")
        #expect(delegation["count"] == 4)
        #expect(
            delegation["content"]
                == "${element(data.terraform_remote_state.shared.outputs.china_zone_name_servers, count.index)}")
        let remote = try #require(
            OVESSynthesis.document("terraform/dns/main.tf.json")?["data"]?["terraform_remote_state"]?["shared"])
        #expect(remote["backend"] == "s3")
        #expect(remote["config"]?["key"] == "shared/terraform.tfstate")
        let shared = try #require(OVESSynthesis.document("terraform/shared/outputs.tf.json")?["output"])
        #expect(shared["china_zone_name_servers"]?["value"] == "${aws_route53_zone.cn.name_servers}")
        let order = Infrastructure(units: OVESReference.terraformUnits).rootOrder
        #expect(order.requiredUnits(of: ComponentPath(segments: ["dns"])).map(\.description) == ["shared"])
    }

    @Test("the dns root requires the cloudflare provider and no other root does")
    func providerIsolation() throws {
        let providers = try #require(
            OVESSynthesis.document("terraform/dns/backend.tf.json")?["terraform"]?["required_providers"]?.objectValue)
        #expect(providers["cloudflare"]?["source"] == "cloudflare/cloudflare")
        for artifact in OVESSynthesis.result.artifacts where !artifact.path.hasPrefix("terraform/dns/") {
            #expect(!artifact.text.contains("cloudflare/cloudflare"), "\(artifact.path)")
            #expect(!artifact.text.contains("\"cloudflare_"), "\(artifact.path)")
        }
    }
}
