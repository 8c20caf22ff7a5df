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
        #expect(records.count == 5)
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
        let names = Set(records.compactMap { $0.value["name"]?.stringValue })
        #expect(names == ["@", "api", "*", "dev", "*.dev"])
        for (_, body) in records {
            #expect(body["type"] == "CNAME")
            #expect(body["proxied"] == .bool(true))
        }
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
