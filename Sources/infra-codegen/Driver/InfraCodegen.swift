// Entry point of `infra-codegen`, the AWS provider schema → Swift generator.
//
//   swift run infra-codegen                       regenerate everything in this package
//   swift run infra-codegen --types aws_vpc,data.aws_region --output Sources/MyInfra/Generated
//   swift run infra-codegen --trim-from raw.json  refresh codegen/aws/ from `terraform providers schema -json`
//   swift run infra-codegen provider --schema s.json --prefix CF --output DIR   any provider (ProviderGeneration)
//
// Parse and translate come from InfraAWSBindings (Schema/, Translate/, Model/, Plan/, shared with
// the converter); this target renders (Render/) and drives (Driver/).

import Foundation
import InfraAWSBindings

/// The command-line driver.
@main
struct InfraCodegen {
    /// The committed, trimmed input (relative to the package root).
    static let defaultSchema = "codegen/aws/aws-provider-schema.json.gz"
    /// The command that regenerates the package's generated code.
    static let regenerateCommand = "swift run infra-codegen"

    static func main() {
        do {
            try run(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("infra-codegen: error: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ arguments: [String]) throws {
        if arguments.first == "provider" {
            try ProviderGeneration.run(Array(arguments.dropFirst()))
            return
        }
        let options = try Options(arguments)
        if options.help {
            print(Options.usage)
            return
        }
        let root = options.packageRoot ?? FileManager.default.currentDirectoryPath
        if let raw = options.trimFrom {
            let data = try SchemaTrimmer.trim(
                raw: try Data(contentsOf: URL(fileURLWithPath: raw)), providerVersion: options.providerVersion)
            let path = options.schema ?? (root + "/" + defaultSchema)
            try SchemaFile.write(data, to: path)
            print("infra-codegen: wrote \(path)")
            return
        }
        let schemaPath = options.schema ?? (root + "/" + defaultSchema)
        let provider = try SchemaParser.load(path: schemaPath)
        let version = provider.version ?? options.providerVersion
        if let types = options.types {
            guard let output = options.output else { throw SchemaError("--types needs --output DIR") }
            let context = GenerationContext(
                providerSource: "hashicorp/aws", providerVersion: version,
                schemaDescription: URL(fileURLWithPath: schemaPath).lastPathComponent,
                command: "infra-codegen --types \(types.joined(separator: ",")) --output <dir>")
            let generator = Generator(provider: provider, context: context)
            let files = try generator.selectedFile(types: types, fileName: options.fileName)
            try write(files, under: output)
            return
        }
        let context = GenerationContext(
            providerSource: "hashicorp/aws", providerVersion: version, schemaDescription: defaultSchema,
            command: regenerateCommand)
        let generator = Generator(provider: provider, context: context)
        let unmatched = GenerationPlan.unmatchedCuratedPatterns(provider)
        guard unmatched.isEmpty else { throw SchemaError("curated types not in schema: \(unmatched)") }
        let files = try generator.allFiles()
        try write(files, under: root)
        try removeStale(keeping: Set(files.keys), under: root, folders: Generator.generatedFolders)
        if let block = try generator.packageBlock() {
            try PackageManifestBlock.update(manifest: root + "/Package.swift", block: block)
        }
    }

    /// Writes files, creating folders; unchanged files are left untouched (keeps build caches warm).
    static func write(_ files: [String: String], under root: String) throws {
        let manager = FileManager.default
        var changed = 0
        for (relative, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = URL(fileURLWithPath: root).appendingPathComponent(relative)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = Data(text.utf8)
            if (try? Data(contentsOf: url)) == data { continue }
            try data.write(to: url, options: .atomic)
            changed += 1
        }
        print("infra-codegen: \(files.count) files, \(changed) changed")
    }

    /// Deletes `.swift` files in generated folders that the generator no longer produces.
    static func removeStale(keeping: Set<String>, under root: String, folders: [String]) throws {
        let manager = FileManager.default
        for folder in folders {
            let base = URL(fileURLWithPath: root).appendingPathComponent(folder)
            guard let enumerator = manager.enumerator(atPath: base.path) else { continue }
            for case let path as String in enumerator where path.hasSuffix(".swift") {
                let relative = folder + "/" + path
                if !keeping.contains(relative) {
                    try manager.removeItem(at: base.appendingPathComponent(path))
                    print("infra-codegen: removed stale \(relative)")
                }
            }
        }
    }
}
