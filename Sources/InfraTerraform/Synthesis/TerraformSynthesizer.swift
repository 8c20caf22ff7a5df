// Stack or module → resolved model → files. Runs like a compiler: validation (all diagnostics
// at once) and resolution (each block with its address, file, component path and references)
// read the same index side by side; the writers read only the resolved blocks. Nothing is
// written when validation found errors.

import InfraCore

/// Synthesizes the blocks of a root or module into its resolved blocks and `.tf.json` (or `.tf`) files.
struct TerraformSynthesizer: Sendable {
    enum Kind { case root, module }

    let kind: Kind
    let name: String
    let directory: String
    let settings: TerraformSettings
    let tfvars: [String: Value]
    let elements: [StackElement]

    /// The unit's own component path: `dev`, or `modules/vpc` for a module.
    var unitPath: ComponentPath { ComponentPath(segments: kind == .root ? [name] : ["modules", name]) }

    func synthesize(format: TerraformFormat = .json) -> SynthesisResult {
        let index = ConfigurationIndex(elements: elements)
        // Validation and resolution (then writing) read the same index and nothing else: run
        // them side by side and drop the files when the checks found an error.
        let (diagnostics, resolved) = Parallel.pair(
            {
                var validator = StackValidator(
                    kind: kind, name: name, settings: settings, tfvars: tfvars, index: index)
                return validator.validate()
            },
            { () -> (blocks: [ResolvedBlock], cycles: [Diagnostic], artifacts: [Artifact]) in
                let (blocks, cycles) = resolve(index, format: format)
                let artifacts =
                    format == .json
                    ? TerraformJSONFiles.artifacts(of: blocks, directory: directory)
                    : HCLRenderer.artifacts(of: blocks, directory: directory)
                return (blocks, cycles, artifacts)
            })
        var result = SynthesisResult(diagnostics: diagnostics, model: ResolvedModel(nodes: resolved.blocks))
        result.diagnostics.append(contentsOf: resolved.cycles)
        if !result.diagnostics.hasErrors { result.artifacts = resolved.artifacts }
        return result
    }

    // MARK: Resolution

    /// Every block of the configuration with its address, file, component path and references,
    /// grouped by file (files in name order, blocks in the order they are collected below), and
    /// the dependency cycles among them.
    func resolve(
        _ index: ConfigurationIndex, format: TerraformFormat
    ) -> (blocks: [ResolvedBlock], cycles: [Diagnostic]) {
        let analysis = DependencyAnalysis(index: index)
        let fileExtension = format == .json ? ".tf.json" : ".tf"
        // Thousands of blocks share a handful of files, and consecutive blocks usually share one:
        // each file's path and block list is made once, and looked up only when the file changes.
        var groups: [(name: String, path: String, blocks: [ResolvedBlock])] = []
        var groupOfFile: [String: Int] = [:]
        var current = -1
        func add(_ content: ResolvedBlock.Content, _ path: ComponentPath?, file: String) {
            if current < 0 || groups[current].name != file {
                if let known = groupOfFile[file] {
                    current = known
                } else {
                    let filePath = directory + "/" + file + (file == Self.variableValuesFile ? "" : fileExtension)
                    current = groups.count
                    groupOfFile[file] = current
                    groups.append((file, filePath, []))
                }
            }
            groups[current].blocks.append(
                ResolvedBlock(
                    content, path: path ?? unitPath, file: groups[current].path,
                    references: analysis.references(of:)))
        }
        if kind == .root || !settings.requiredProviders.isEmpty || settings.requiredVersion != nil {
            add(.settings(settings), unitPath, file: (kind == .root && settings.backend != nil) ? "backend" : "main")
        }
        for provider in index.providers { add(.provider(provider), provider.path, file: "main") }
        for local in index.locals { add(.local(local), local.path, file: "main") }
        for block in index.dataSources { add(.data(block), block.path, file: block.meta.file ?? "main") }
        for block in index.resources { add(.resource(block), block.path, file: block.meta.file ?? "main") }
        for call in index.modules {
            add(.module(call, localSource: sourcePath(for: call)), call.path, file: call.meta.file ?? "main")
        }
        for move in index.moved { add(.moved(move), move.path, file: "main") }
        for adoption in index.imports { add(.importBlock(adoption), adoption.path, file: "main") }
        for removal in index.removed { add(.removed(removal), removal.path, file: "main") }
        for variable in index.variables { add(.variable(variable), variable.path, file: "variables") }
        for output in index.outputs { add(.output(output), output.path, file: "outputs") }
        if kind == .root, !tfvars.isEmpty { add(.variableValues(tfvars), unitPath, file: Self.variableValuesFile) }
        var blocks: [ResolvedBlock] = []
        blocks.reserveCapacity(groups.reduce(0) { $0 + $1.blocks.count })
        for group in groups.sorted(by: { $0.name < $1.name }) { blocks += group.blocks }
        return (blocks, analysis.cycleDiagnostics())
    }

    /// The file of a root's variable values (Terraform reads it automatically).
    static let variableValuesFile = "terraform.tfvars.json"

    /// The relative path from this configuration's folder to a local module's folder.
    func sourcePath(for call: ModuleCallBlock) -> String? {
        guard case .local(let module) = call.source else { return nil }
        return TerraformSynthesizer.relativePath(from: directory, to: module.outputDirectory)
    }

    /// `relativePath(from: "terraform/environments/dev", to: "terraform/modules/vpc")` is `../../modules/vpc`.
    static func relativePath(from: String, to: String) -> String {
        let a = from.split(separator: "/")
        let b = to.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: a.count - common)
        let rest = b[common...].map(String.init)
        let parts = ups + rest
        return parts.isEmpty ? "." : (ups.isEmpty ? "./" : "") + parts.joined(separator: "/")
    }

    /// The local modules called by `elements`, each once.
    static func localModules(in elements: [StackElement]) -> [any SynthesisUnit] {
        var seen: Set<String> = []
        var result: [any SynthesisUnit] = []
        for case .module(let call) in elements {
            if case .local(let module) = call.source, seen.insert(module.outputDirectory).inserted {
                result.append(module)
            }
        }
        return result
    }
}
