// The whole pipeline as a pure function: provider schema → (relative path → file text).
// The CLI writes the result; the staleness test compares it with the committed files.

import InfraAWSBindings

/// Runs translate + render for every output of the package.
struct Generator {
    /// The parsed provider schema.
    var provider: SchemaParser.Provider
    /// Provider facts for the headers.
    var context: GenerationContext
    /// Depth limit for nested block structs.
    var maxDepth = 3
    /// Subtree size limit for nested block structs.
    var maxSubtreeAttributes = 120

    /// Files of the curated `InfraAWS` module, keyed by path relative to the package root.
    func curatedFiles() throws -> [String: String] {
        var translator = Translator(
            maxDepth: maxDepth, maxSubtreeAttributes: maxSubtreeAttributes, providerVersion: context.providerVersion)
        var files: [String: String] = [:]
        var all: [TypeModel] = []
        for (family, entries) in GenerationPlan.curatedFiles(provider) where !entries.isEmpty {
            let types = try entries.map { try translator.translate($0) }
            all += types
            files["Sources/InfraAWS/Generated/\(family).swift"] = FileRenderer.render(
                family: family, moduleDescription: "Typed AWS resources (curated InfraAWS)", types: types,
                context: context)
        }
        files["Tests/InfraAWSTests/Generated/CuratedFixture.swift"] = FixtureRenderer.render(
            types: all, context: context)
        return files
    }

    /// One file with exactly the requested types (`aws_vpc`, `data.aws_region`), for users' own packages.
    func selectedFile(types keys: [String], fileName: String) throws -> [String: String] {
        var translator = Translator(
            maxDepth: maxDepth, maxSubtreeAttributes: maxSubtreeAttributes, providerVersion: context.providerVersion)
        var models: [TypeModel] = []
        for key in keys {
            let isData = key.hasPrefix("data.")
            let type = isData ? String(key.dropFirst(5)) : key
            guard let entry = (isData ? provider.dataSources : provider.resources).first(where: { $0.type == type })
            else { throw SchemaError("unknown \(isData ? "data source" : "resource type") \(type)") }
            models.append(try translator.translate(entry))
        }
        return [
            fileName: FileRenderer.render(
                family: "selected types", moduleDescription: "Typed AWS resources", types: models, context: context)
        ]
    }
}

extension Generator {
    /// Folders whose `.swift` files the generator owns entirely.
    static let generatedFolders = [
        "Sources/InfraAWS/Generated", "Sources/InfraAWSFamilies/Generated", "Tests/InfraAWSTests/Generated",
        "Sources/InfraTerraform/Validation/Generated", "Sources/InfraPolicy/Rules/Generated",
        "Sources/InfraTerraform/Aspects/Generated",
    ]

    /// Every generated file of the package.
    func allFiles() throws -> [String: String] {
        var files = try curatedFiles()
        files.merge(try familyFiles()) { first, _ in first }
        files.merge(familyCheckFiles()) { first, _ in first }
        files.merge(sensitiveTableFiles()) { first, _ in first }
        files[TaggableTableRenderer.destination] = TaggableTableRenderer.render(
            entries: provider.resources, context: context)
        return files
    }

    /// The sensitive-attribute table of every resource and data source, in each reader module.
    func sensitiveTableFiles() -> [String: String] {
        let text = SensitiveTableRenderer.render(entries: provider.resources + provider.dataSources, context: context)
        return Dictionary(uniqueKeysWithValues: SensitiveTableRenderer.destinations.map { ($0, text) })
    }
}
