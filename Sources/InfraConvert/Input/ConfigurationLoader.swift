// Finds and reads the configurations to convert. A path is a `.tf`/`.tf.json` file, a root
// folder (its `.tf` and `.tf.json` files), a cdktf output folder (`stacks/*/cdk.tf.json`), or
// a folder of roots (every folder below it with configuration files that no other one calls as
// a module). Local modules (`source = "../modules/vpc"`) are read too. Folders are named
// relative to the deepest folder they all share, so the converted output keeps the layout and
// every relative module source still points at its module.

import Foundation
import InfraHCL

/// The configurations found for a conversion.
struct LoadedConfigurations: Sendable {
    /// The roots, in the order found.
    var roots: [TerraformConfiguration]
    /// Local modules by folder (relative to the base).
    var modules: [String: TerraformConfiguration]
    /// The folder every path is relative to.
    var base: URL
}

/// Reads roots and their local modules from disk.
struct ConfigurationLoader {
    let catalog: BindingsCatalog?
    var diagnostics: [HCLDiagnostic] = []
    var notes: [ConversionReport.Entry] = []

    init(catalog: BindingsCatalog?) {
        self.catalog = catalog
    }

    /// One root to read: its folder and the files that make it up.
    private struct RootSource {
        var folder: URL
        var files: [URL]
    }

    mutating func load(_ paths: [String]) -> LoadedConfigurations {
        var sources: [RootSource] = []
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                fail("No such file or folder", "\(path) does not exist.", file: path)
                continue
            }
            if !isDirectory.boolValue {
                sources.append(RootSource(folder: url.deletingLastPathComponent(), files: [url]))
            } else if !Self.configurationFiles(in: url).isEmpty {
                sources.append(RootSource(folder: url, files: Self.configurationFiles(in: url)))
            } else {
                let found = Self.folders(below: url)
                if found.isEmpty {
                    fail("No configuration", "\(path) holds no .tf or .tf.json files.", file: path)
                }
                sources += found.map { RootSource(folder: $0, files: Self.configurationFiles(in: $0)) }
            }
        }
        // Read every folder, then every local module they call, transitively.
        var read: [String: (folder: URL, configuration: TerraformConfiguration)] = [:]
        var order: [String] = []
        var pending = sources
        var calledModules: Set<String> = []
        while !pending.isEmpty {
            let source = pending.removeFirst()
            let key =
                source.folder.standardizedFileURL.path
                + (source.files.count == 1 ? "#" + source.files[0].lastPathComponent : "")
            if read[key] != nil { continue }
            let configuration = readFolder(source.folder, files: source.files)
            read[key] = (source.folder.standardizedFileURL, configuration)
            order.append(key)
            for module in configuration.modules where Self.isLocal(module.source) {
                let moduleFolder = source.folder.appendingPathComponent(module.source).standardizedFileURL
                calledModules.insert(moduleFolder.path)
                let moduleFiles = Self.configurationFiles(in: moduleFolder)
                if moduleFiles.isEmpty {
                    diagnostics.append(
                        HCLDiagnostic(
                            summary: "Module not found",
                            detail: "module \"\(module.name)\": \(moduleFolder.path) holds no configuration files.",
                            range: module.range))
                } else {
                    pending.append(RootSource(folder: moduleFolder, files: moduleFiles))
                }
            }
        }
        let base = Self.commonAncestor(order.compactMap { read[$0]?.folder })
        var roots: [TerraformConfiguration] = []
        var modules: [String: TerraformConfiguration] = [:]
        for key in order {
            guard let (folder, original) = read[key] else { continue }
            var configuration = original
            configuration.directory = Self.relative(folder, to: base)
            configuration.files = configuration.files.map { Self.relative(URL(fileURLWithPath: $0), to: base) }
            if calledModules.contains(folder.path), !key.contains("#") {
                modules[configuration.directory] = configuration
            } else {
                roots.append(configuration)
            }
        }
        return LoadedConfigurations(roots: roots, modules: modules, base: base)
    }

    static func isLocal(_ source: String) -> Bool { source.hasPrefix("./") || source.hasPrefix("../") }

    private mutating func fail(_ summary: String, _ detail: String, file: String) {
        let start = SourcePosition(line: 1, column: 1, offset: 0)
        diagnostics.append(
            HCLDiagnostic(summary: summary, detail: detail, range: SourceRange(file: file, start: start, end: start)))
    }

    // MARK: Files

    /// `.tf` and `.tf.json` files of a folder, sorted (override files are reported, not read).
    static func configurationFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".tf") || $0.hasSuffix(".tf.json") }.sorted().map {
            folder.appendingPathComponent($0)
        }
    }

    /// Folders below `folder` that hold configuration files (`.terraform` folders skipped).
    static func folders(below folder: URL) -> [URL] {
        var result: [URL] = []
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
        else { return [] }
        for case let url as URL in enumerator {
            if url.lastPathComponent.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true,
                !configurationFiles(in: url).isEmpty
            {
                result.append(url.standardizedFileURL)
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    private mutating func readFolder(_ folder: URL, files: [URL]) -> TerraformConfiguration {
        var configuration = TerraformConfiguration(directory: folder.path, files: files.map(\.path))
        for file in files {
            let name = file.lastPathComponent
            if name.hasSuffix("_override.tf") || name.hasSuffix("_override.tf.json") || name == "override.tf"
                || name == "override.tf.json"
            {
                notes.append(
                    ConversionReport.Entry(
                        kind: .unsupported, subject: file.lastPathComponent, location: file.path,
                        message: "override files are merged by Terraform and have no Swift form; not read"))
                continue
            }
            guard let bytes = try? Array(Data(contentsOf: file)) else {
                fail("Unreadable file", "\(file.path) could not be read.", file: file.path)
                continue
            }
            let display = Self.displayPath(file)
            if name.hasSuffix(".tf.json") {
                switch JSONDocument.parse(bytes, file: display) {
                case .failure(let problem): diagnostics.append(problem)
                case .success(let document):
                    var reader = TerraformJSONReader(configuration: configuration, catalog: catalog, file: display)
                    reader.read(document)
                    configuration = reader.configuration
                    diagnostics += reader.diagnostics
                }
            } else {
                let parsed = HCLParser.parse(bytes: bytes, file: display)
                diagnostics += parsed.diagnostics
                var reader = HCLConfigurationReader(configuration: configuration)
                reader.read(parsed.body)
                configuration = reader.configuration
                diagnostics += reader.diagnostics
            }
        }
        configuration.tfvars = readTFVars(in: folder)
        return configuration
    }

    /// `terraform.tfvars`, `terraform.tfvars.json` and `*.auto.tfvars(.json)`, in Terraform's order.
    private mutating func readTFVars(in folder: URL) -> [(name: String, value: HCLValue)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let ordered =
            ["terraform.tfvars", "terraform.tfvars.json"].filter(names.contains)
            + names.filter { $0.hasSuffix(".auto.tfvars") || $0.hasSuffix(".auto.tfvars.json") }.sorted()
        var values: [(name: String, value: HCLValue)] = []
        func set(_ name: String, _ value: HCLValue) {
            values.removeAll { $0.name == name }
            values.append((name, value))
        }
        for name in ordered {
            let file = folder.appendingPathComponent(name)
            guard let bytes = try? Array(Data(contentsOf: file)) else { continue }
            if name.hasSuffix(".json") {
                guard case .success(let document) = JSONDocument.parse(bytes, file: file.path) else { continue }
                let reader = TerraformJSONReader(
                    configuration: TerraformConfiguration(directory: "", files: []), catalog: nil, file: file.path)
                for member in document.members ?? [] {
                    if let value = reader.literal(member.value) { set(member.key, value) }
                }
            } else {
                let parsed = HCLParser.parse(bytes: bytes, file: file.path)
                diagnostics += parsed.diagnostics
                for attribute in parsed.body.attributes {
                    if let value = attribute.expression.constantValue { set(attribute.name, value) }
                }
            }
        }
        return values
    }

    // MARK: Paths

    /// A file's path as diagnostics show it: relative to the working folder when it is inside it.
    static func displayPath(_ url: URL) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    static func commonAncestor(_ folders: [URL]) -> URL {
        guard var common = folders.first?.standardizedFileURL.pathComponents else {
            return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        }
        for folder in folders.dropFirst() {
            let parts = folder.standardizedFileURL.pathComponents
            var count = 0
            while count < common.count, count < parts.count, common[count] == parts[count] { count += 1 }
            common = Array(common.prefix(count))
        }
        // A single root is named after its own folder: keep that folder's name in the path.
        if folders.count == 1 || Set(folders.map(\.path)).count == 1, common.count > 1 { common.removeLast() }
        return URL(fileURLWithPath: "/" + common.dropFirst().joined(separator: "/"))
    }

    static func relative(_ url: URL, to base: URL) -> String {
        let parts = url.standardizedFileURL.pathComponents
        let baseParts = base.standardizedFileURL.pathComponents
        guard parts.starts(with: baseParts) else { return url.path }
        return parts.dropFirst(baseParts.count).joined(separator: "/")
    }
}
