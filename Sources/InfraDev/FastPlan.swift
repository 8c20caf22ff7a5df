// What a save of one file in a package's executable module needs rebuilt, read off SwiftPM's build
// plan: the executable's link, the compile of its own module, the commands between them, and every
// other file the executable is built from (whose change sends the loop back to `swift build`).

/// The commands that rebuild an executable after a change in its own module, and the inputs to watch.
///
/// ```swift
/// let plan = try FastPlan(manifest: manifest, product: "my-infra")
/// plan.steps.map(\.description)   // ["Compiling Swift Module 'my_infra' (1 sources)", …, "Linking …"]
/// ```
public struct FastPlan: Sendable, Codable, Equatable {
    /// The executable's path, as the link command writes it.
    public var executable: String
    /// The executable's own Swift module (`-module-name` of its link and of its compile).
    public var module: String
    /// The commands to re-run, in order, when only `moduleSources` changed: the module's compile,
    /// the commands that read its outputs (the AST wrap for lldb), the link. Empty when there is no
    /// fast path (then `refusal` says why).
    public var steps: [BuildCommand]
    /// The source files of the executable's module.
    public var moduleSources: [String]
    /// Every other file the executable is built from (dependencies' sources, headers, resources):
    /// no command writes them.
    public var otherInputs: [String]
    /// What SwiftPM plans the build from: the manifests and the target folders (`PackageStructure`).
    public var structure: [String]
    /// Why a change of the module's sources still needs `swift build`, when it does.
    public var refusal: String?

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
        let compile = closure.values.first {
            $0.isSwiftModuleCompile && $0.argument(after: "-module-name") == moduleName
        }

        var external = Set<String>()
        for command in closure.values {
            for input in command.inputs
            where !BuildCommand.isVirtual(input) && !input.hasSuffix("/") && manifest.producer(of: input) == nil {
                external.insert(input)
            }
        }
        let sources = Set((compile?.inputs ?? []).filter { $0.hasSuffix(".swift") && external.contains($0) })
        self.moduleSources = sources.sorted()
        self.otherInputs = external.subtracting(sources).sorted()
        self.structure = Set(manifest.commands.values.filter { $0.tool == "package-structure-tool" }.flatMap(\.inputs))
            .filter { !BuildCommand.isVirtual($0) }.sorted()

        guard let compile else {
            self.steps = []
            self.refusal = "no compile of module '\(moduleName)' in the build plan"
            return
        }
        (self.steps, self.refusal) = Self.steps(from: compile, to: link, within: closure)
    }

    /// A plan as stated (tests, and plans read back from disk).
    public init(
        executable: String, module: String, steps: [BuildCommand], moduleSources: [String], otherInputs: [String],
        structure: [String], refusal: String? = nil
    ) {
        self.executable = executable
        self.module = module
        self.steps = steps
        self.moduleSources = moduleSources
        self.otherInputs = otherInputs
        self.structure = structure
        self.refusal = refusal
    }

    /// The commands that read the compile's outputs, directly or not, up to the link, in an order
    /// that runs each after those it reads from. Phony nodes and auxiliary files (lists of paths,
    /// which a content change leaves as they are) are skipped; any other compile downstream means the
    /// module is not a leaf, and there is no fast path.
    private static func steps(
        from compile: BuildCommand, to link: BuildCommand, within closure: [String: BuildCommand]
    ) -> ([BuildCommand], String?) {
        var readers: [String: [BuildCommand]] = [:]
        for command in closure.values {
            for input in command.inputs { readers[input, default: []].append(command) }
        }
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
        var runnable: [String: BuildCommand] = [:]
        for command in downstream.values {
            switch command.tool {
            case "phony", "write-auxiliary-file":
                continue
            case "shell" where command.name == compile.name || !command.isSwiftModuleCompile:
                runnable[command.name] = command
            default:
                return ([], "'\(command.description.isEmpty ? command.name : command.description)' reads the module")
            }
        }
        guard runnable[link.name] != nil else { return ([], "the link does not read the module's outputs") }

        // Kahn's algorithm over the runnable commands, by name for a stable order.
        let outputsOf = runnable.mapValues { Set($0.outputs) }
        var ordered: [BuildCommand] = []
        var remaining = runnable
        while !remaining.isEmpty {
            let ready = remaining.values.filter { command in
                !command.inputs.contains { input in
                    remaining.contains { $0.key != command.name && outputsOf[$0.key]?.contains(input) == true }
                }
            }.sorted { $0.name < $1.name }
            guard !ready.isEmpty else { return ([], "the commands after the compile form a cycle") }
            for command in ready {
                ordered.append(command)
                remaining[command.name] = nil
            }
        }
        return (ordered, nil)
    }
}
