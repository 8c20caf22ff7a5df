// `infra-codegen provider`: the pipeline for any provider as a pure function (schema →
// file name → text), plus the command that writes the files into the user's folder and
// removes only files an earlier run of this command generated there.

import Foundation
import InfraAWSBindings

/// Generates typed bindings for one provider.
struct ProviderGeneration {
    /// The parsed schema.
    var provider: SchemaParser.Provider
    /// The Swift type prefix (`CF`).
    var prefix: String
    /// The provider source (`cloudflare/cloudflare`).
    var source: String
    /// The provider version the schema comes from.
    var version: String
    /// The `required_providers` version constraint.
    var versionConstraint: String
    /// Only these types (`data.` prefix for data sources); nil: every type.
    var types: [String]?
    /// One file with everything, when set.
    var fileName: String?
    /// The input as the header names it.
    var schemaDescription: String
    /// The command as the header names it.
    var command: String

    /// What the header of every file this command writes says (what stale-file removal looks for).
    static let markers = ["DO NOT EDIT: regenerate with", "`swift run infra-codegen provider "]

    /// The provider's local name (`cloudflare` for `cloudflare/cloudflare`).
    var localName: String { String(source.split(separator: "/").last ?? Substring(source)) }

    /// The files to write, keyed by file name inside the output folder.
    func files() throws -> [String: String] {
        guard prefix.first?.isUppercase == true, prefix.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw SchemaError("--prefix must be an uppercase Swift identifier such as CF (got \(prefix))")
        }
        let typePrefix = TypePrefix(terraform: localName + "_", swift: prefix, source: source)
        var translator = Translator(providerVersion: version, typePrefix: typePrefix)
        var models: [TypeModel] = []
        for entry in try selectedEntries() { models.append(try translator.translate(entry)) }
        let configuration = try translator.translate(
            SchemaEntry(
                type: localName, isDataSource: false,
                block: provider.configuration ?? SchemaBlock(attributes: [], blockTypes: [])),
            swiftName: prefix + "Provider")
        var names: [String: String] = [:]
        for model in models + [configuration] {
            if let other = names.updateValue(model.terraformType, forKey: model.swiftName) {
                throw SchemaError("\(other) and \(model.terraformType) both map to the Swift name \(model.swiftName)")
            }
        }
        let context = GenerationContext(
            providerSource: source, providerVersion: version, schemaDescription: schemaDescription, command: command)
        if let fileName {
            var text = FileRenderer.render(
                family: source, moduleDescription: "Typed \(source) bindings", types: models, context: context,
                provider: localName)
            var w = SourceWriter()
            w.line()
            renderConfiguration(configuration, into: &w)
            text += w.text
            return [fileName: text]
        }
        var files: [String: String] = [:]
        for model in models {
            files[model.swiftName + ".swift"] = FileRenderer.render(
                family: model.swiftName, moduleDescription: "Typed \(source) bindings", types: [model],
                context: context, provider: localName)
        }
        var w = SourceWriter()
        header(family: configuration.swiftName, count: 1, context: context, into: &w)
        renderConfiguration(configuration, into: &w)
        files[configuration.swiftName + ".swift"] = w.text
        return files
    }

    /// The requested entries (all of them without `--types`), resources first, each sorted.
    private func selectedEntries() throws -> [SchemaEntry] {
        guard let types else { return provider.resources + provider.dataSources }
        return try types.map { key in
            let isData = key.hasPrefix("data.")
            let type = isData ? String(key.dropFirst(5)) : key
            guard let entry = (isData ? provider.dataSources : provider.resources).first(where: { $0.type == type })
            else { throw SchemaError("unknown \(isData ? "data source" : "resource type") \(type) in \(source)") }
            return entry
        }
    }

    private func header(family: String, count: Int, context: GenerationContext, into w: inout SourceWriter) {
        // The same header FileRenderer writes, for the configuration file.
        let text = FileRenderer.render(
            family: family, moduleDescription: "Typed \(source) bindings", types: [], context: context)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            w.line(String(line.replacingOccurrences(of: "— 0 types.", with: "— the provider configuration.")))
        }
        w.line()
    }

    private func renderConfiguration(_ model: TypeModel, into w: inout SourceWriter) {
        ProviderConfigurationRenderer.render(
            model, localName: localName, source: source, version: version, versionConstraint: versionConstraint,
            into: &w)
    }
}

extension ProviderGeneration {
    /// Runs `infra-codegen provider ARGUMENTS`.
    static func run(_ arguments: [String]) throws {
        let options = try ProviderOptions(arguments)
        if options.help {
            print(ProviderOptions.usage)
            return
        }
        guard let schema = options.schema else {
            throw SchemaError("--schema FILE is required\n\(ProviderOptions.usage)")
        }
        if let raw = options.trimFrom {
            guard let version = options.providerVersion else {
                throw SchemaError("--trim-from needs --provider-version")
            }
            let data = try SchemaTrimmer.trimProvider(
                raw: try SchemaFile.read(path: raw), providerVersion: version, source: options.source,
                keep: options.types)
            try SchemaFile.write(data, to: schema)
            print("infra-codegen: wrote \(schema)")
            return
        }
        guard let output = options.output else { throw SchemaError("--output DIR is required") }
        let generation = try make(options: options, arguments: arguments)
        let files = try generation.files()
        try InfraCodegen.write(files, under: output)
        try removeStale(keeping: Set(files.keys), in: output)
    }

    /// The generation the options describe (shared by the command and the staleness tests); a relative
    /// `--schema` is read from `root` (default: the working directory) and named as given in the headers.
    static func make(options: ProviderOptions, arguments: [String], root: String? = nil) throws -> ProviderGeneration {
        guard let schema = options.schema, let prefix = options.prefix else {
            throw SchemaError("--schema and --prefix are required\n\(ProviderOptions.usage)")
        }
        let path = schema.hasPrefix("/") || root == nil ? schema : (root ?? "") + "/" + schema
        let provider = try SchemaParser.load(path: path, source: options.source)
        guard let version = options.providerVersion ?? provider.version else {
            throw SchemaError("the schema records no provider version: give --provider-version")
        }
        let source = options.source ?? registrySource(provider.source)
        let parts = version.split(separator: ".")
        let constraint = options.versionConstraint ?? "~> " + parts.prefix(2).joined(separator: ".")
        return ProviderGeneration(
            provider: provider, prefix: prefix, source: source, version: version, versionConstraint: constraint,
            types: options.types, fileName: options.fileName, schemaDescription: schema,
            command: "swift run infra-codegen provider " + arguments.map(quoted).joined(separator: " "))
    }

    /// `registry.terraform.io/cloudflare/cloudflare` → `cloudflare/cloudflare`.
    static func registrySource(_ key: String) -> String {
        let parts = key.split(separator: "/")
        return parts.count == 3 ? parts.dropFirst().joined(separator: "/") : key
    }

    private static func quoted(_ argument: String) -> String {
        argument.contains(where: { " ~>*".contains($0) }) ? "'\(argument)'" : argument
    }

    /// Removes `.swift` files in `folder` that this command generated earlier and no longer produces.
    static func removeStale(keeping: Set<String>, in folder: String) throws {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".swift") {
            guard !keeping.contains(name) else { continue }
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name)
            guard let text = try? String(contentsOf: path, encoding: .utf8),
                case let head = text.split(separator: "\n").prefix(6),
                markers.allSatisfy({ marker in head.contains(where: { $0.contains(marker) }) })
            else { continue }
            try manager.removeItem(at: path)
            print("infra-codegen: removed stale \(name)")
        }
    }
}
