// `infra-codegen provider` (any provider): the translation of every nesting mode on the
// hand-made schema (codegen/test-provider/), the trimmer, stale-file removal, and the
// committed bindings of that schema (ProviderFixture/, compiled by this target) are what the
// generator produces now. The Cloudflare input and bindings: CloudflareGenerationTests.

import Foundation
import InfraAWSBindings
import InfraTestSupport
import Testing

@testable import infra_codegen

@Suite("infra-codegen provider")
struct ProviderGeneratorTests {
    /// The committed commands, as the generated headers name them (paths relative to the package root).
    static let fixtureArguments = [
        "--schema", "codegen/test-provider/test-provider-schema.json", "--prefix", "Demo", "--output",
        "Tests/InfraAWSTests/ProviderFixture",
    ]
    static var root: String { ExternalTools.packageRoot.path }

    static func demoProvider() throws -> SchemaParser.Provider {
        try SchemaParser.load(path: root + "/codegen/test-provider/test-provider-schema.json")
    }

    static func demoServer() throws -> TypeModel {
        let provider = try demoProvider()
        let entry = try #require(provider.resources.first { $0.type == "demo_server" })
        var translator = Translator(
            providerVersion: "1.2.3", typePrefix: TypePrefix(terraform: "demo_", swift: "Demo", source: "example/demo"))
        return try translator.translate(entry)
    }

    /// Files the committed command would write that differ from the folder's files, and generated files it no longer writes.
    static func staleFiles(_ arguments: [String]) throws -> [String] {
        let options = try ProviderOptions(arguments)
        let generation = try ProviderGeneration.make(options: options, arguments: arguments, root: root)
        let files = try generation.files()
        let folder = root + "/" + (options.output ?? "")
        var stale: [String] = []
        for (name, text) in files where (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) != text {
            stale.append(name)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where files[name] == nil {
            stale.append(name + " (not generated)")
        }
        return stale.sorted()
    }

    @Test("nested attribute types become structs: single, list, set and map, computed ones only references")
    func nestedAttributeKinds() throws {
        let server = try Self.demoServer()
        #expect(server.swiftName == "DemoServer")
        let kinds = Dictionary(uniqueKeysWithValues: server.properties.map { ($0.terraformName, $0.kind) })
        #expect(kinds["endpoint"] == .nestedAttribute(typeName: "Endpoint", nesting: .single))
        #expect(kinds["rules"] == .nestedAttribute(typeName: "Rules", nesting: .list))
        #expect(kinds["listeners"] == .nestedAttribute(typeName: "Listeners", nesting: .set))
        #expect(kinds["labels"] == .nestedAttribute(typeName: "Labels", nesting: .map))
        #expect(kinds["timeouts"] == .singleBlock(typeName: "Timeouts"))
        #expect(kinds["disk"] == .blockList(typeName: "Disk"))
        #expect(kinds["status"] == nil, "a computed-only nested attribute is not settable")
        #expect(server.references.first { $0.terraformName == "status" }?.swiftName == "status")
        let swiftTypes = Dictionary(uniqueKeysWithValues: server.properties.map { ($0.terraformName, $0.swiftType) })
        #expect(swiftTypes["endpoint"] == "Endpoint")
        #expect(swiftTypes["rules"] == "[Rules]")
        #expect(swiftTypes["listeners"] == "[Listeners]")
        #expect(swiftTypes["labels"] == "[String: Labels]")
        #expect(server.properties.first { $0.terraformName == "endpoint" }?.isRequired == true)
        let endpoint = try #require(server.nested.first { $0.swiftName == "Endpoint" })
        #expect(endpoint.isAttributeObject)
        #expect(endpoint.properties.map(\.terraformName) == ["host", "port", "tls"])
        #expect(endpoint.nested.map(\.swiftName) == ["TLS"])
        let disk = try #require(server.nested.first { $0.swiftName == "Disk" })
        #expect(!disk.isAttributeObject)
        #expect(
            disk.properties.first { $0.terraformName == "encryption" }?.kind
                == .nestedAttribute(typeName: "Encryption", nesting: .single))
    }

    @Test("sensitive attributes are found inside nested attribute types")
    func sensitivePaths() throws {
        #expect(try Self.demoServer().sensitiveAttributes == ["labels.secret", "password"])
    }

    @Test("nested attribute types past the depth limit fall back to typed JSON")
    func depthLimit() throws {
        let provider = try Self.demoProvider()
        let entry = try #require(provider.resources.first { $0.type == "demo_server" })
        var translator = Translator(maxDepth: 1, providerVersion: "1.2.3")
        let model = try translator.translate(entry)
        let endpoint = try #require(model.nested.first { $0.swiftName == "Endpoint" })
        #expect(endpoint.properties.first { $0.terraformName == "tls" }?.kind == .blockFallback)
    }

    @Test("an identical nested object is a typealias; a block with the same members is not")
    func deduplication() throws {
        let json = #"""
            {"provider_schemas": {"registry.terraform.io/example/demo": {"resource_schemas": {"demo_x": {"block": {
              "attributes": {
                "first": {"nested_type": {"attributes": {"a": {"type": "string", "optional": true}}, "nesting_mode": "single"}, "optional": true},
                "second": {"nested_type": {"attributes": {"a": {"type": "string", "optional": true}}, "nesting_mode": "single"}, "optional": true}},
              "block_types": {"third": {"nesting_mode": "single", "block": {"attributes": {"a": {"type": "string", "optional": true}}}}}}}}}}}
            """#
        let entry = try #require(try SchemaParser.parse(data: Data(json.utf8)).resources.first)
        var translator = Translator(providerVersion: "1")
        let model = try translator.translate(entry)
        let aliases = Dictionary(uniqueKeysWithValues: model.nested.map { ($0.swiftName, $0.aliasOf) })
        #expect(aliases["First"] == .some(nil))
        #expect(aliases["Second"] == .some("DemoX.First"))
        #expect(aliases["Third"] == .some(nil))
    }

    @Test("a malformed nested_type is refused with the attribute's name")
    func malformedNestedType() {
        let json = #"""
            {"provider_schemas": {"registry.terraform.io/example/demo": {"resource_schemas": {"demo_x": {"block": {
              "attributes": {"bad": {"nested_type": {"attributes": {}, "nesting_mode": "tuple"}, "optional": true}}}}}}}}
            """#
        #expect(throws: SchemaError.self) { try SchemaParser.parse(data: Data(json.utf8)) }
        do {
            _ = try SchemaParser.parse(data: Data(json.utf8))
        } catch {
            #expect("\(error)".contains("bad"))
        }
    }

    @Test("a schema with several providers needs --source; an unknown source is named")
    func providerSelection() throws {
        let keys = ["registry.terraform.io/hashicorp/random", "registry.terraform.io/cloudflare/cloudflare"]
        #expect(try SchemaParser.providerKey(in: keys, source: "cloudflare/cloudflare") == keys[1])
        #expect(throws: SchemaError.self) { try SchemaParser.providerKey(in: keys, source: nil) }
        #expect(throws: SchemaError.self) { try SchemaParser.providerKey(in: keys, source: "hashicorp/tls") }
        #expect(try SchemaParser.providerKey(in: [keys[0]], source: nil) == keys[0])
    }

    @Test("the trimmer keeps the provider configuration and the chosen types, and refuses unknown ones")
    func trimmer() throws {
        let raw = try Data(
            contentsOf: URL(fileURLWithPath: Self.root + "/codegen/test-provider/test-provider-schema.json"))
        let trimmed = try SchemaTrimmer.trimProvider(
            raw: raw, providerVersion: "1.2.4", source: "example/demo", keep: ["data.demo_image", "demo_network"])
        let provider = try SchemaParser.parse(data: trimmed)
        #expect(provider.resources.map(\.type) == ["demo_network"])
        #expect(provider.dataSources.map(\.type) == ["demo_image"])
        #expect(provider.configuration?.attributes.map(\.name) == ["region", "retry", "token"])
        #expect(provider.version == "1.2.4")
        #expect(throws: SchemaError.self) {
            try SchemaTrimmer.trimProvider(raw: raw, providerVersion: "1", source: nil, keep: ["demo_nothing"])
        }
    }

    @Test("names: prefix, data sources, provider configuration; two types with one Swift name are refused")
    func names() throws {
        let prefix = TypePrefix(terraform: "cloudflare_", swift: "CF", source: "cloudflare/cloudflare")
        #expect(prefix.typeName("cloudflare_dns_record", dataSource: false) == "CFDNSRecord")
        #expect(prefix.typeName("cloudflare_zone", dataSource: true) == "DataCFZone")
        let options = try ProviderOptions(Self.fixtureArguments)
        var generation = try ProviderGeneration.make(
            options: options, arguments: Self.fixtureArguments, root: Self.root)
        #expect(generation.localName == "demo")
        #expect(generation.versionConstraint == "~> 1.2")
        #expect(
            try generation.files().keys.sorted()
                == ["DataDemoImage.swift", "DemoNetwork.swift", "DemoProvider.swift", "DemoServer.swift"])
        generation.prefix = "demo"
        #expect(throws: SchemaError.self) { try generation.files() }
        generation.prefix = "Demo"
        generation.types = ["demo_nothing"]
        #expect(throws: SchemaError.self) { try generation.files() }
    }

    @Test("stale-file removal deletes only files this command generated")
    func staleRemoval() throws {
        let folder = try ExternalTools.temporaryDirectory("provider-stale")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated =
            "// x\n// y (a/b 1). DO NOT EDIT: regenerate with\n// `swift run infra-codegen provider --schema s`\n"
        try generated.write(to: folder.appendingPathComponent("Old.swift"), atomically: true, encoding: .utf8)
        try generated.write(to: folder.appendingPathComponent("Kept.swift"), atomically: true, encoding: .utf8)
        try "// mine\nstruct Mine {}\n".write(
            to: folder.appendingPathComponent("Mine.swift"), atomically: true, encoding: .utf8)
        try ProviderGeneration.removeStale(keeping: ["Kept.swift"], in: folder.path)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["Kept.swift", "Mine.swift"])
    }

    @Test("the compiled fixture is up to date (regenerate with the command in its header if this fails)")
    func fixtureUpToDate() throws {
        #expect(try Self.staleFiles(Self.fixtureArguments) == [])
    }
}
