// The code `infra-codegen provider` generates, compiled (ProviderFixture/, from the hand-made
// schema in codegen/test-provider/): a stack using it synthesizes the JSON Terraform expects for
// each nesting mode — a nested attribute is an object, a list or set of objects stays an array
// even with one element, a map is an object of objects — and the provider block and its
// required_providers entry come from the generated configuration type.

import Foundation
import InfraCore
import InfraTerraform
import Testing

@Suite("Generated bindings of another provider")
struct ProviderBindingTests {
    static func document() throws -> [String: Any] {
        let image = DataDemoImage("base", filter: .init(name: "debian-13", owner: .init(id: "42")))
        let server = DemoServer(
            "web", endpoint: .init(host: "web.internal", tls: .init(ciphers: .list(["TLS_AES_128_GCM_SHA256"]))),
            name: "web", disk: [.init(size: 20, encryption: .init(key: image.id))],
            labels: ["team": .init(value: "platform"), "env": .init(value: "prod")],
            listeners: [.init(port: 443, protocol: "https")], rules: [.init(action: "allow")],
            timeouts: .init(create: "5m"))
        let stack = Stack(
            "demo", directory: "demo", settings: TerraformSettings(requiredProviders: [DemoProvider.requirement])
        ) {
            DemoProvider(region: "eu", retry: .init(attempts: 3))
            image
            server
            DemoNetwork("net", cidr: "10.0.0.0/16", settings: .init())
        }
        let result = stack.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        var merged: [String: Any] = [:]
        for artifact in result.artifacts where artifact.path.hasSuffix(".tf.json") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(artifact.bytes)) as? [String: Any])
            merged.merge(object) { first, _ in first }
        }
        return merged
    }

    @Test("nested attributes render as objects, lists, sets and maps of objects")
    func nestedAttributeShapes() throws {
        let document = try Self.document()
        let resources = try #require(document["resource"] as? [String: Any])
        let web = try #require((resources["demo_server"] as? [String: Any])?["web"] as? [String: Any])
        let endpoint = try #require(web["endpoint"] as? [String: Any])
        #expect(endpoint["host"] as? String == "web.internal")
        #expect(endpoint["port"] == nil, "unset attributes are left out")
        #expect((endpoint["tls"] as? [String: Any])?["ciphers"] as? [String] == ["TLS_AES_128_GCM_SHA256"])
        let rules = try #require(web["rules"] as? [[String: Any]], "a one-element list stays an array")
        #expect(rules.count == 1 && rules[0]["action"] as? String == "allow")
        let listeners = try #require(web["listeners"] as? [[String: Any]])
        #expect(listeners.first?["protocol"] as? String == "https")
        let labels = try #require(web["labels"] as? [String: [String: Any]])
        #expect(labels["team"]?["value"] as? String == "platform" && labels["env"]?["value"] as? String == "prod")
        #expect((web["timeouts"] as? [String: Any])?["create"] as? String == "5m")
        let disk = try #require(web["disk"] as? [String: Any], "one block of a block list is written as an object")
        #expect((disk["encryption"] as? [String: Any])?["key"] as? String == "${data.demo_image.base.id}")
        let network = try #require((resources["demo_network"] as? [String: Any])?["net"] as? [String: Any])
        #expect((network["settings"] as? [String: Any])?.isEmpty == true)
    }

    @Test("a data source's nested filter is an object; references use the Terraform names")
    func dataSource() throws {
        let data = try #require(try Self.document()["data"] as? [String: Any])
        let base = try #require((data["demo_image"] as? [String: Any])?["base"] as? [String: Any])
        let filter = try #require(base["filter"] as? [String: Any])
        #expect(filter["name"] as? String == "debian-13")
        #expect((filter["owner"] as? [String: Any])?["id"] as? String == "42")
        #expect(DataDemoImage("x").nameRef.expression.jsonValue == .string("${data.demo_image.x.name}"))
    }

    @Test("the provider block and required_providers come from the generated configuration type")
    func providerConfiguration() throws {
        let document = try Self.document()
        let provider = try #require((document["provider"] as? [String: Any])?["demo"] as? [String: Any])
        #expect(provider["region"] as? String == "eu")
        #expect((provider["retry"] as? [String: Any])?["attempts"] as? Int == 3)
        let required = try #require(
            ((document["terraform"] as? [String: Any])?["required_providers"] as? [String: Any])?["demo"]
                as? [String: Any])
        #expect(required["source"] as? String == "example/demo")
        #expect(required["version"] as? String == "~> 1.2")
        #expect(DemoServer.sensitiveAttributes == ["labels.secret", "password"])
        #expect(DemoProvider(alias: "eu").reference.description == "demo.eu")
    }
}
