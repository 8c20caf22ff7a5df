// What the generated AWS bindings look like, for the converter: read from the same committed
// provider schema with the same translator `infra-codegen` uses (InfraAWSBindings), so every
// type, argument label, nested block and reference name the converter writes is the one the
// generated Swift declares, and so is the module (`InfraAWS` or an `InfraAWSAll…` family)
// that holds it.

import Foundation
import InfraAWSBindings

/// The generated AWS types, looked up by Terraform type.
final class BindingsCatalog: @unchecked Sendable {
    /// The committed schema, relative to the package root.
    static let defaultSchemaPath = "codegen/aws/aws-provider-schema.json.gz"

    /// The schema next to this source file's package, when the sources are present (a checkout
    /// or a dependency's checkout, as with `swift run`).
    static var packageSchemaPath: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent(defaultSchemaPath).path
    }

    let provider: SchemaParser.Provider
    private let resources: [String: SchemaEntry]
    private let dataSources: [String: SchemaEntry]
    private let curated: Set<String>
    private var translated: [String: TypeModel] = [:]
    private let lock = NSLock()

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: BindingsCatalog] = [:]

    /// The catalog of a schema file, read once per process (the schema is ~13 MB of JSON).
    static func shared(schemaPath: String) throws -> BindingsCatalog {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let catalog = cache[schemaPath] { return catalog }
        let catalog = try BindingsCatalog(schemaPath: schemaPath)
        cache[schemaPath] = catalog
        return catalog
    }

    /// Loads the schema (`.json` or `.json.gz`).
    init(schemaPath: String) throws {
        provider = try SchemaParser.load(path: schemaPath)
        resources = Dictionary(provider.resources.map { ($0.type, $0) }, uniquingKeysWith: { first, _ in first })
        dataSources = Dictionary(provider.dataSources.map { ($0.type, $0) }, uniquingKeysWith: { first, _ in first })
        curated = GenerationPlan.curatedKeys(provider)
    }

    /// The provider version the bindings were generated from.
    var providerVersion: String { provider.version ?? "unknown" }

    /// The schema of a resource type or data source.
    func schema(_ type: String, data: Bool) -> SchemaBlock? {
        (data ? dataSources[type] : resources[type])?.block
    }

    /// The generated Swift shape of a type, or `nil` when the bindings have no such type.
    func model(_ type: String, data: Bool) -> TypeModel? {
        let key = (data ? "data." : "") + type
        lock.lock()
        defer { lock.unlock() }
        if let model = translated[key] { return model }
        guard let entry = data ? dataSources[type] : resources[type] else { return nil }
        var translator = Translator(providerVersion: providerVersion)
        guard let model = try? translator.translate(entry) else { return nil }
        translated[key] = model
        return model
    }

    /// The Swift module (product) that declares a type: `InfraAWS` or `InfraAWSAll<Group>`.
    func module(_ type: String, data: Bool) -> String {
        if curated.contains((data ? "data." : "") + type) { return "InfraAWS" }
        let service = FamilyPlan.service(of: type)
        return FamilyPlan.targetName(FamilyPlan.groupOfService[service] ?? FamilyPlan.fallbackGroup)
    }
}
