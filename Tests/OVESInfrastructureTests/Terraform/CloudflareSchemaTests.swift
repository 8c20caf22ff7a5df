// The dns root needs the cloudflare provider, which is not available offline, so terraform
// cannot validate it here. Instead its JSON is checked against the provider's real schema,
// the committed generator input codegen/cloudflare/cloudflare-provider-schema.json
// (`terraform providers schema -json` of cloudflare/cloudflare 5.14.0, trimmed to the types
// the root uses; provenance in codegen/cloudflare/README.md): every argument exists and is
// settable, required ones are set, nested attributes have the shape their nesting mode says.

import Foundation
import InfraCore
import InfraTestSupport
import OVESInfrastructure
import Testing

@Suite("OVES Cloudflare root matches the provider's schema")
struct CloudflareSchemaTests {
    static let metaArguments: Set<String> = ["count", "for_each", "provider", "depends_on", "lifecycle"]

    /// The committed schema of the provider (`registry.terraform.io/cloudflare/cloudflare`).
    static func schema() -> [String: Any]? {
        let url = ExternalTools.packageRoot.appendingPathComponent("codegen/cloudflare/cloudflare-provider-schema.json")
        guard let data = try? Data(contentsOf: url),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return (root["provider_schemas"] as? [String: Any])?["registry.terraform.io/cloudflare/cloudflare"]
            as? [String: Any]
    }

    static func attributes(_ kind: String, _ type: String) throws -> [String: Any] {
        let entry = (schema()?[kind] as? [String: Any])?[type] as? [String: Any]
        return try #require((entry?["block"] as? [String: Any])?["attributes"] as? [String: Any], "\(kind).\(type)")
    }

    /// Problems of `body` against schema `attributes` (names, settability, required, nested shapes), with paths.
    static func problems(_ body: Value, _ attributes: [String: Any], at path: String, meta: Bool) -> [String] {
        guard case .object(let object) = body else { return ["\(path): not an object"] }
        var problems: [String] = []
        for (key, value) in object {
            if meta && metaArguments.contains(key) { continue }
            guard let attribute = attributes[key] as? [String: Any] else {
                problems.append("\(path).\(key): not in the schema")
                continue
            }
            guard attribute["required"] as? Bool == true || attribute["optional"] as? Bool == true else {
                problems.append("\(path).\(key): computed only")
                continue
            }
            guard let nested = attribute["nested_type"] as? [String: Any],
                let inner = nested["attributes"] as? [String: Any]
            else { continue }
            switch nested["nesting_mode"] as? String {
            case "list", "set":
                guard case .array(let items) = value else {
                    problems.append("\(path).\(key): not an array")
                    continue
                }
                for (index, item) in items.enumerated() {
                    problems += Self.problems(item, inner, at: "\(path).\(key)[\(index)]", meta: false)
                }
            case "map":
                guard case .object(let items) = value else {
                    problems.append("\(path).\(key): not an object")
                    continue
                }
                for (name, item) in items {
                    problems += Self.problems(item, inner, at: "\(path).\(key).\(name)", meta: false)
                }
            default:
                problems += Self.problems(value, inner, at: "\(path).\(key)", meta: false)
            }
        }
        for (key, attribute) in attributes where (attribute as? [String: Any])?["required"] as? Bool == true {
            if object[key] == nil { problems.append("\(path): misses required \(key)") }
        }
        return problems
    }

    var document: Value? { OVESSynthesis.document("terraform/dns/cloudflare.tf.json") }

    @Test("every record sets only settable arguments of cloudflare_dns_record, and all required ones")
    func recordArguments() throws {
        let schema = try Self.attributes("resource_schemas", "cloudflare_dns_record")
        let records = try #require(document?["resource"]?["cloudflare_dns_record"]?.objectValue)
        #expect(records.count == 1)
        for (name, body) in records {
            #expect(Self.problems(body, schema, at: name, meta: true) == [])
            if case .int(let seconds) = body["ttl"] { #expect(seconds == 1 || seconds >= 60) }
        }
    }

    @Test("the zone is looked up by a filter on its name, with settable arguments only")
    func zoneLookup() throws {
        let schema = try Self.attributes("data_source_schemas", "cloudflare_zone")
        let zone = try #require(document?["data"]?["cloudflare_zone"]?["omnivoltaic"])
        #expect(Self.problems(zone, schema, at: "omnivoltaic", meta: true) == [])
        #expect(zone["filter"]?["name"] == "omnivoltaic.com")
    }

    @Test("the checker catches unknown, computed-only, missing and misshapen arguments")
    func checkerCatchesMistakes() throws {
        let schema = try Self.attributes("resource_schemas", "cloudflare_dns_record")
        let bad: Value = [
            "zone_id": "z", "name": "x", "type": "A", "value": "1.2.3.4", "proxiable": true,
            "settings": ["flatten": true],
        ]
        let problems = Self.problems(bad, schema, at: "bad", meta: true).sorted()
        #expect(
            problems == [
                "bad.proxiable: computed only", "bad.settings.flatten: not in the schema",
                "bad.value: not in the schema",
                "bad: misses required ttl",
            ])
    }

    @Test("the seed's host names are not the root's (external-dns writes them) and it takes no variable")
    func noHostRecords() throws {
        let records = try #require(document?["resource"]?["cloudflare_dns_record"]?.objectValue)
        #expect(records.map(\.key) == ["cn_delegation"])
        #expect(!records.contains { $0.value["type"] == "CNAME" || $0.value["type"] == "A" })
        let variables = OVESSynthesis.result.artifacts.filter { $0.path.hasPrefix("terraform/dns/") }
            .filter { $0.text.contains("\"variable\"") }
        #expect(variables.map(\.path) == [])
    }

    @Test("cn is delegated to the shared root's Route53 zone, whose name servers come from the shared root's state")
    func chinaDelegation() throws {
        let delegation = try #require(document?["resource"]?["cloudflare_dns_record"]?["cn_delegation"])
        #expect(delegation["type"] == "NS")
        #expect(delegation["name"] == "cn")
        #expect(delegation["count"] == 4)
        #expect(delegation["zone_id"] == "${data.cloudflare_zone.omnivoltaic.id}")
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

    @Test("the dns root requires the cloudflare provider the bindings were generated from, and no other root does")
    func providerIsolation() throws {
        let providers = try #require(
            OVESSynthesis.document("terraform/dns/backend.tf.json")?["terraform"]?["required_providers"]?.objectValue)
        #expect(providers["cloudflare"]?["source"] == "cloudflare/cloudflare")
        #expect(providers["cloudflare"]?["version"] == "~> 5.14")
        for artifact in OVESSynthesis.result.artifacts where !artifact.path.hasPrefix("terraform/dns/") {
            #expect(!artifact.text.contains("cloudflare/cloudflare"), "\(artifact.path)")
            #expect(!artifact.text.contains("\"cloudflare_"), "\(artifact.path)")
        }
    }
}
