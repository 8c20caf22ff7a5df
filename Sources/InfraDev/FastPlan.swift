// What a save of one file needs rebuilt, read off SwiftPM's build plan: for each module whose
// sources the user edits (not a checkout's), its compile, the compiles and commands that read its
// outputs up to the executable's link; and every other file the executable is built from (whose
// change sends the loop back to `swift build`).

/// The commands that rebuild an executable after a change in one of its editable modules, and the
/// inputs to watch.
///
/// ```swift
/// let plan = try FastPlan(manifest: manifest, product: "my-infra")
/// plan.steps(for: ["my_infra"])  // ["Compiling Swift Module 'my_infra' (1 sources)", …, "Linking …"]
/// plan.steps(for: ["Lib"])        // Lib's compile, my_infra's (it imports Lib), the AST wraps, the link
/// ```
public struct FastPlan: Sendable, Codable, Equatable {
    /// The most Swift compiles one fast rebuild runs. A module imported by more is left to
    /// `swift build`, which plans them and compiles them side by side.
    public static let maximumCompiles = 3

    /// The executable's path, as the link command writes it.
    public var executable: String
    /// The executable's own Swift module (`-module-name` of its link and of its compile).
    public var module: String
    /// Each editable module's chain: its sources and the commands a change in them re-runs, the
    /// executable's own module first, then by name.
    public var chains: [ModuleChain]
    /// SwiftPM's link of the executable (the last step of every rebuild).
    public var link: BuildCommand
    /// Every other file the executable is built from (checkouts' sources, headers, resources):
    /// no command writes them.
    public var otherInputs: [String]
    /// What SwiftPM plans the build from: the manifests and the target folders (`PackageStructure`).
    public var structure: [String]

    /// The plan for `product`'s executable in `manifest`; throws `DevLoopError.noSuchExecutable`
    /// when the manifest links no executable of that name.
    public init(manifest: BuildManifest, product: String) throws {
        let links = manifest.commands.values.filter {
            $0.tool == "shell" && $0.arguments.contains("-emit-executable")
                && ($0.argument(after: "-o").map { $0.split(separator: "/").last.map(String.init) == product } ?? false)
        }
        guard links.count == 1, let link = links.first, let executable = link.argument(after: "-o") else {
            throw DevLoopError.noSuchExecutable(product, candidates: links.count)
        }
        self.executable = executable
        self.link = link

        // Everything the executable is built from: the link and, transitively, the producers of its inputs.
        var closure: [String: BuildCommand] = [link.name: link]
        var pending = [link]
        while let command = pending.popLast() {
            for input in command.inputs {
                guard let producer = manifest.producer(of: input), closure[producer.name] == nil else { continue }
                closure[producer.name] = producer
                pending.append(producer)
            }
        }
        let moduleName = link.argument(after: "-module-name") ?? ""
        self.module = moduleName

        var external = Set<String>()
        for command in closure.values {
            for input in command.inputs
            where !BuildCommand.isVirtual(input) && !input.hasSuffix("/") && manifest.producer(of: input) == nil {
                external.insert(input)
            }
        }
        var readers: [String: [BuildCommand]] = [:]
        for command in closure.values {
            for input in command.inputs { readers[input, default: []].append(command) }
        }
        // A module is editable when it has sources outside the build folder: a checkout's are all in
        // `.build/checkouts`. What SwiftPM derives into the build folder when it plans (a resource
        // bundle's accessor) stays an other input: it changes only with a new plan.
        var chains: [ModuleChain] = []
        for compile in closure.values where compile.isSwiftModuleCompile {
            let sources = compile.inputs.filter {
                $0.hasSuffix(".swift") && external.contains($0) && !$0.contains("/.build/")
            }.sorted()
            guard let name = compile.argument(after: "-module-name"), !sources.isEmpty else { continue }
            chains.append(Self.chain(of: name, compile: compile, sources: sources, to: link, readers: readers))
        }
        // The executable's own module first, then by name.
        self.chains = chains.sorted { first, second in
            first.module == moduleName || (second.module != moduleName && first.module < second.module)
        }
        if !self.chains.contains(where: { $0.module == moduleName }) {
            self.chains.insert(
                ModuleChain(
                    module: moduleName, sources: [], steps: [],
                    refusal: "no compile of module '\(moduleName)' in the build plan"), at: 0)
        }
        let editable = Set(self.chains.flatMap(\.sources))
        self.otherInputs = external.subtracting(editable).sorted()
        self.structure = Set(manifest.commands.values.filter { $0.tool == "package-structure-tool" }.flatMap(\.inputs))
            .filter { !BuildCommand.isVirtual($0) }.sorted()
    }

    /// A plan as stated (tests, and plans read back from disk).
    public init(
        executable: String, module: String, chains: [ModuleChain], link: BuildCommand, otherInputs: [String],
        structure: [String]
    ) {
        self.executable = executable
        self.module = module
        self.chains = chains
        self.link = link
        self.otherInputs = otherInputs
        self.structure = structure
    }

    /// The executable's own module's chain.
    public var ownChain: ModuleChain? { chains.first { $0.module == module } }

    /// The module each editable source belongs to.
    public var owners: [String: String] {
        var owners: [String: String] = [:]
        for chain in chains {
            for source in chain.sources { owners[source] = chain.module }
        }
        return owners
    }

    /// The Swift modules a change in `modules` compiles: each of them and every module reading them.
    public func compiledModules(for modules: Set<String>) -> Set<String> {
        Set(
            chains.filter { modules.contains($0.module) }.flatMap(\.steps).filter(\.isSwiftModuleCompile)
                .compactMap { $0.argument(after: "-module-name") })
    }

    /// The commands a change in `modules` re-runs — their chains merged, each command once, in an
    /// order that runs each after those it reads from — then the link. Empty when one of them has no
    /// fast path.
    public func steps(for modules: Set<String>) -> [BuildCommand] {
        let selected = chains.filter { modules.contains($0.module) }
        guard selected.count == modules.count, selected.allSatisfy({ $0.refusal == nil }) else { return [] }
        var commands: [String: BuildCommand] = [:]
        for step in selected.flatMap(\.steps) { commands[step.name] = step }
        return Self.ordered(commands) + [link]
    }

    /// Kahn's algorithm over `commands`, by name for a stable order among those ready together.
    private static func ordered(_ commands: [String: BuildCommand]) -> [BuildCommand] {
        let outputsOf = commands.mapValues { Set($0.outputs) }
        var ordered: [BuildCommand] = []
        var remaining = commands
        while !remaining.isEmpty {
            let ready = remaining.values.filter { command in
                !command.inputs.contains { input in
                    remaining.contains { $0.key != command.name && outputsOf[$0.key]?.contains(input) == true }
                }
            }.sorted { $0.name < $1.name }
            // A cycle cannot come from llbuild's plan; run what is left by name rather than loop.
            guard !ready.isEmpty else { return ordered + remaining.values.sorted { $0.name < $1.name } }
            for command in ready {
                ordered.append(command)
                remaining[command.name] = nil
            }
        }
        return ordered
    }

    /// The chain of one module: the commands that read the compile's outputs, directly or not, up to
    /// the link (itself excluded). Phony nodes and auxiliary files (lists of paths, which a content
    /// change leaves as they are) are skipped. Other modules' compiles are part of it (each is
    /// SwiftPM's incremental compile, which recompiles only what the change reaches), up to
    /// `maximumCompiles`; any other kind of command means there is no fast path.
    private static func chain(
        of module: String, compile: BuildCommand, sources: [String], to link: BuildCommand,
        readers: [String: [BuildCommand]]
    ) -> ModuleChain {
        var downstream: [String: BuildCommand] = [compile.name: compile]
        var pending = [compile]
        while let command = pending.popLast() {
            for output in command.outputs {
                for reader in readers[output] ?? [] where downstream[reader.name] == nil {
                    downstream[reader.name] = reader
                    pending.append(reader)
                }
            }
        }
        guard downstream[link.name] != nil else {
            return ModuleChain(
                module: module, sources: sources, steps: [], refusal: "the link does not read the module's outputs")
        }
        var steps: [BuildCommand] = []
        for command in downstream.values where command.name != link.name {
            switch command.tool {
            case "phony", "write-auxiliary-file":
                continue
            case "shell":
                steps.append(command)
            default:
                let name = command.description.isEmpty ? command.name : command.description
                return ModuleChain(module: module, sources: sources, steps: [], refusal: "'\(name)' reads the module")
            }
        }
        let compiles = steps.filter(\.isSwiftModuleCompile).count
        guard compiles <= maximumCompiles else {
            return ModuleChain(
                module: module, sources: sources, steps: [],
                refusal: "\(compiles - 1) modules import '\(module)': swift build compiles them side by side")
        }
        return ModuleChain(
            module: module, sources: sources,
            steps: ordered(Dictionary(uniqueKeysWithValues: steps.map { ($0.name, $0) })))
    }
}

/// What a change in one editable module re-runs: its compile, the compiles of the modules that
/// import it and the commands that read their outputs (the AST wraps for lldb), before the link.
public struct ModuleChain: Sendable, Codable, Equatable {
    /// The module's name (`-module-name`).
    public var module: String
    /// Its source files.
    public var sources: [String]
    /// The commands to re-run, in order, the link excluded; empty when there is no fast path.
    public var steps: [BuildCommand]
    /// Why a change in this module needs `swift build`, when it does.
    public var refusal: String?

    /// A chain as stated.
    public init(module: String, sources: [String], steps: [BuildCommand], refusal: String? = nil) {
        self.module = module
        self.sources = sources
        self.steps = steps
        self.refusal = refusal
    }
}
