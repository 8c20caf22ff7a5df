// The conversion as a function: paths in, Swift files and a report out. Reads every root and
// the local modules they call, plans names and order for each, and writes one Swift file per
// root and module plus one that lists the stacks. Nothing is written to disk here; the command
// line writes the files, so a conversion with errors writes nothing.

import Foundation
import InfraAWSBindings
import InfraHCL

/// Choices for a conversion.
///
/// ```swift
/// let options = ConversionOptions(moduleName: "AcmeInfrastructure")
/// ```
public struct ConversionOptions: Sendable, Hashable {
    /// The Swift target the files are for; names the enum that lists the stacks (`<Module>Stacks`).
    public var moduleName: String
    /// Keep cdktf's construct-path names (`network_vpc_4E8F0223`) instead of readable names with `moved` blocks.
    public var keepAddresses: Bool
    /// The AWS provider schema (`.json` or `.json.gz`); `nil` uses the one committed with swift-infra.
    public var schemaPath: String?

    /// Creates options.
    public init(moduleName: String = "Converted", keepAddresses: Bool = false, schemaPath: String? = nil) {
        self.moduleName = moduleName
        self.keepAddresses = keepAddresses
        self.schemaPath = schemaPath
    }
}

/// One Swift file of a converted target.
public struct ConvertedFile: Sendable, Hashable {
    /// The file name, e.g. `OvesProd.swift`.
    public var name: String
    /// The Swift source.
    public var text: String

    /// Creates a file.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

/// What a conversion produced.
public struct ConversionResult: Sendable {
    /// The Swift files of the target (empty when there are errors).
    public var files: [ConvertedFile]
    /// Problems in the input, each with file, line and column.
    public var diagnostics: [HCLDiagnostic]
    /// What was left untyped, kept as HCL, written as overrides, left out or renamed.
    public var report: ConversionReport
    /// The Swift products the target needs (`InfraAWS`, `InfraAWSAllEC2`, …) besides `InfraTerraform`.
    public var products: [String]
    /// The package traits of swift-infra those products need: `AWSFamilies` when the target imports
    /// a family module that is empty without it (`.package(url: …, from: …, traits: ["AWSFamilies"])`).
    public var traits: [String] {
        products.contains(where: FamilyPlan.needsTrait(product:)) ? [FamilyPlan.trait] : []
    }
    /// The roots converted: their folder (relative) and the Swift expression of their stack.
    public var stacks: [(directory: String, stack: String)]
}

/// Converts Terraform configurations (HCL, Terraform JSON, cdktf's `cdk.tf.json`) to typed Swift.
///
/// ```swift
/// let result = try TerraformConverter().convert(["cdktf.out/stacks/oves-prod"])
/// for file in result.files { try file.text.write(toFile: "Sources/MyInfra/\(file.name)", atomically: true, encoding: .utf8) }
/// for entry in result.report.entries { print(entry) }
/// ```
public struct TerraformConverter: Sendable {
    /// The options.
    public var options: ConversionOptions

    /// Creates a converter.
    public init(options: ConversionOptions = ConversionOptions()) {
        self.options = options
    }

    /// A problem that stops a conversion before it reads any configuration.
    public struct SetupError: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// Converts the roots at `paths` (files or folders).
    public func convert(_ paths: [String]) throws -> ConversionResult {
        let schemaPath = options.schemaPath ?? BindingsCatalog.packageSchemaPath
        guard FileManager.default.fileExists(atPath: schemaPath) else {
            throw SetupError(
                description: "the AWS provider schema was not found at \(schemaPath); pass its path with --schema")
        }
        let catalog: BindingsCatalog
        do {
            catalog = try BindingsCatalog.shared(schemaPath: schemaPath)
        } catch {
            throw SetupError(description: "could not read the AWS provider schema at \(schemaPath): \(error)")
        }
        var loader = ConfigurationLoader(catalog: catalog)
        let loaded = loader.load(paths)
        var report = ConversionReport()
        report.entries += loader.notes
        var diagnostics = loader.diagnostics
        if loaded.roots.isEmpty, diagnostics.isEmpty {
            let start = SourcePosition(line: 1, column: 1, offset: 0)
            diagnostics.append(
                HCLDiagnostic(
                    summary: "Nothing to convert", detail: "No Terraform root was found.",
                    range: SourceRange(file: paths.joined(separator: " "), start: start, end: start)))
        }
        guard !diagnostics.hasErrors else {
            return ConversionResult(files: [], diagnostics: diagnostics, report: report, products: [], stacks: [])
        }
        return emit(loaded, catalog: catalog, report: report, diagnostics: diagnostics)
    }

    private func emit(
        _ loaded: LoadedConfigurations, catalog: BindingsCatalog, report: ConversionReport, diagnostics: [HCLDiagnostic]
    ) -> ConversionResult {
        var report = report
        var files: [ConvertedFile] = []
        var products: Set<String> = []
        var typeNames = IdentifierScope(reserved: [options.moduleName, options.moduleName + "Stacks"])
        // Modules first (callers need their type names and output types), deepest folders first.
        var moduleTypes: [String: String] = [:]
        var moduleOutputTypes: [String: [String: SwiftType]] = [:]
        let moduleDirectories = loaded.modules.keys.sorted {
            ($0.split(separator: "/").count, $0) > ($1.split(separator: "/").count, $1)
        }
        for directory in moduleDirectories {
            moduleTypes[directory] = typeNames.claim([
                Identifiers.upperCamel(
                    Identifiers.words(String(directory.split(separator: "/").last ?? "")) + ["module"]),
                Identifiers.upperCamel(Identifiers.words(directory) + ["module"]),
            ])
        }
        func calls(
            of configuration: TerraformConfiguration
        ) -> [String: (typeName: String, configuration: TerraformConfiguration)] {
            var result: [String: (typeName: String, configuration: TerraformConfiguration)] = [:]
            for module in configuration.modules where ConfigurationLoader.isLocal(module.source) {
                let directory = Self.normalize(configuration.directory + "/" + module.source)
                if let typeName = moduleTypes[directory], let called = loaded.modules[directory] {
                    result[module.source] = (typeName, called)
                }
            }
            return result
        }
        func outputTypes(of configuration: TerraformConfiguration) -> [String: [String: SwiftType]] {
            var result: [String: [String: SwiftType]] = [:]
            for module in configuration.modules where ConfigurationLoader.isLocal(module.source) {
                let directory = Self.normalize(configuration.directory + "/" + module.source)
                result[module.source] = moduleOutputTypes[directory] ?? [:]
            }
            return result
        }
        var ordered: [(TerraformConfiguration, Bool)] = moduleDirectories.compactMap { directory in
            loaded.modules[directory].map { ($0, false) }
        }
        ordered += loaded.roots.map { ($0, true) }
        var stacks: [(directory: String, stack: String)] = []
        for (configuration, isRoot) in ordered {
            let plan = ModulePlan(
                configuration: configuration, catalog: catalog, keepAddresses: options.keepAddresses,
                moduleOutputs: outputTypes(of: configuration))
            let typeName =
                isRoot
                ? typeNames.claim([
                    Identifiers.upperCamel(Identifiers.words(configuration.cdktfStackName ?? configuration.directory)),
                    Identifiers.upperCamel(Identifiers.words(configuration.directory) + ["stack"]),
                ]) : moduleTypes[configuration.directory] ?? "Module"
            if !isRoot {
                let emitter = ExpressionEmitter(scope: plan.scope)
                moduleOutputTypes[configuration.directory] = Dictionary(
                    plan.configuration.outputs.map { ($0.name, emitter.type(of: $0.value) ?? .value) },
                    uniquingKeysWith: { $1 })
            }
            var emitter = ModuleEmitter(
                plan: plan, typeName: typeName, isRoot: isRoot, localModules: calls(of: configuration))
            let body = emitter.render(catalog: catalog)
            report.entries += emitter.report.entries
            products.formUnion(emitter.imports.filter { $0.hasPrefix("InfraAWS") })
            let header = Self.header(for: configuration, imports: emitter.imports, report: emitter.report)
            files.append(ConvertedFile(name: typeName + ".swift", text: header + body))
            if isRoot { stacks.append((configuration.directory, "\(typeName).stack")) }
        }
        files.append(
            ConvertedFile(name: options.moduleName + "Stacks.swift", text: Self.listFile(options.moduleName, stacks)))
        return ConversionResult(
            files: files, diagnostics: diagnostics, report: report, products: products.sorted(), stacks: stacks)
    }

    /// `a/b/../c` → `a/c`.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    static func header(
        for configuration: TerraformConfiguration, imports: Set<String>, report: ConversionReport
    ) -> String {
        var text =
            "// Converted by `infra-manifest convert` from \(configuration.directory.isEmpty ? "." : configuration.directory) "
        text += "(\(configuration.files.count) file\(configuration.files.count == 1 ? "" : "s")).\n"
        text += "// Review it: addresses and planned values match the input; comments marked `convert:` point at what\n"
        text += "// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.\n"
        let counts = ConversionReport.Kind.allCases.compactMap { kind -> String? in
            let count = report.entries(kind).count
            return count == 0 ? nil : "\(kind.rawValue) \(count)"
        }
        if !counts.isEmpty { text += "// Report: " + counts.joined(separator: ", ") + ".\n" }
        text += "\n" + imports.sorted().map { "import \($0)" }.joined(separator: "\n") + "\n\n"
        return text
    }

    static func listFile(_ moduleName: String, _ stacks: [(directory: String, stack: String)]) -> String {
        """
        // Converted by `infra-manifest convert`: every converted Terraform root of this target.

        import InfraCore
        import InfraTerraform

        /// The converted roots, for an `Infrastructure` or an `InfrastructureCommand`.
        ///
        /// ```swift
        /// Infrastructure(units: \(moduleName)Stacks.all).synthesize()
        /// ```
        public enum \(moduleName)Stacks {
            /// Every converted root, in the order given to `convert`.
            public static var all: [Stack] {
                [\(stacks.map(\.stack).joined(separator: ", "))]
            }
        }

        """
    }
}
