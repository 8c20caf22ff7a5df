// The whole of a platform's infrastructure: every Terraform root, module and manifest
// set, synthesized together so one run either writes everything or nothing.

/// A platform's complete infrastructure definition, the input of every CLI command.
///
/// ```swift
/// let infra = Infrastructure {
///     devStack
///     prodStack
///     devManifests
/// }
/// let output = infra.synthesize()
/// ```
public struct Infrastructure: Sendable {
    /// The units as declared.
    public var units: [any SynthesisUnit]

    /// The aspects every synthesis runs over the units before validating them, with their scopes
    /// (see ``aspect(_:scope:)``).
    public var aspects: [ScopedAspect] = []

    /// Creates an infrastructure from units.
    public init(units: [any SynthesisUnit]) {
        self.units = units
    }

    /// Creates an infrastructure with a builder.
    public init(@InfrastructureBuilder _ content: () -> [any SynthesisUnit]) {
        self.units = content()
    }

    /// The declared units plus the units they depend on (for example local modules), sorted by
    /// output folder, then component path.
    ///
    /// A unit reached twice — a module two stacks call, a unit listed twice — is kept once (the
    /// first one): same output folder and same component path. Different units that share a folder
    /// are all kept, so ``synthesize(options:)`` can report the files they both write.
    public var allUnits: [any SynthesisUnit] {
        var seen: Set<UnitKey> = []
        var result: [any SynthesisUnit] = []
        func visit(_ unit: any SynthesisUnit) {
            guard seen.insert(UnitKey(directory: unit.outputDirectory, path: unit.componentPath)).inserted else {
                return
            }
            result.append(unit)
            unit.dependencies.forEach(visit)
        }
        units.forEach(visit)
        return result.sorted {
            ($0.outputDirectory, $0.componentPath) < ($1.outputDirectory, $1.componentPath)
        }
    }

    /// The infrastructure with one more aspect, which visits every node under `scope` (all of them
    /// by default) before validation; see `Documentation/Aspects.md` for the order.
    ///
    /// ```swift
    /// let infra = Infrastructure { dev; prod }
    ///     .aspect(NamingConvention.terraformSnakeCase())
    ///     .aspect(NamingConvention.prefix("prod-"), scope: "prod")
    /// ```
    public func aspect(_ aspect: some Aspect, scope: ComponentPath = .root) -> Infrastructure {
        var copy = self
        copy.aspects.append(ScopedAspect(aspect, scope: scope))
        return copy
    }

    /// Runs the ``aspects`` over every unit, synthesizes every unit, then checks where they write,
    /// all problems at once: each unit's output folder must be relative and normalised
    /// (``OutputPathProblem``), each file must lie inside its unit's folder, and no two units may
    /// write the same file. Aspects finish with the combined model; an error an aspect reports
    /// leaves the result without files.
    public func synthesize(options: SynthesisOptions = SynthesisOptions()) -> SynthesisResult {
        var combined = SynthesisResult()
        let order = rootOrder  // cycles between roots, roots needed but missing (RootOrder.swift)
        combined.diagnostics.append(contentsOf: order.diagnostics)
        var owners: [String: ComponentPath] = [:]
        // Without aspects, the units are synthesized as declared (no copies, no visits).
        var run = aspects.isEmpty ? nil : AspectRun(aspects)
        let declared = allUnits
        let units = run?.apply(to: declared) ?? declared
        // Units are independent: synthesize them side by side, then merge in unit order.
        let results = Parallel.map(units) { $0.synthesize(options: options) }
        for (unit, result) in zip(units, results) {
            combined.diagnostics.append(contentsOf: result.diagnostics)
            combined.model.append(contentsOf: result.model)
            let directory = unit.outputDirectory
            if let problem = OutputPathProblem.find(in: directory) {
                // Every file of the unit is then misplaced too: one diagnostic, where the folder is named.
                combined.diagnostics.error(
                    unit.componentPath, "output folder \"\(directory)\" \(problem)", hint: problem.hint)
                continue
            }
            for artifact in result.artifacts {
                if let problem = Self.placementProblem(of: artifact.path, in: directory) {
                    combined.diagnostics.error(
                        unit.componentPath, "writes \"\(artifact.path)\", which \(problem)",
                        hint:
                            "a unit writes only inside its own output folder; check the file names given to its blocks")
                } else if let owner = owners[artifact.path] {
                    combined.diagnostics.error(
                        unit.componentPath, "writes \(artifact.path), which \(owner) writes too",
                        hint: "give each unit its own output folder")
                } else {
                    owners[artifact.path] = unit.componentPath
                    combined.artifacts.append(artifact)
                }
            }
        }
        combined.artifacts.sort { $0.path < $1.path }
        if order.diagnostics.hasErrors { combined.artifacts = [] }
        if let aspectDiagnostics = run?.finish(model: combined.model) {
            combined.diagnostics.append(contentsOf: aspectDiagnostics)
            if aspectDiagnostics.hasErrors { combined.artifacts = [] }
        }
        return combined
    }

    /// Why `path` is not a file inside `directory`, or `nil` when it is.
    private static func placementProblem(of path: String, in directory: String) -> String? {
        if let problem = OutputPathProblem.find(in: path) { return "\(problem)" }
        let file = path.utf8
        let folder = directory.utf8
        guard file.count > folder.count + 1, file.starts(with: folder),
            file[file.index(file.startIndex, offsetBy: folder.count)] == UInt8(ascii: "/")
        else {
            return "is outside the unit's output folder \(directory)"
        }
        return nil
    }

    /// A unit's output folder and component path.
    private struct UnitKey: Hashable {
        var directory: String
        var path: ComponentPath
    }

    /// Appends `more` to `array`, taking `more`'s storage when `array` is still empty: the first
    /// unit's tables (10,000 inventory entries for a large manifest) are not copied one by one.
    private static func append<Element>(_ more: [Element], to array: inout [Element]) {
        if array.isEmpty { array = more } else { array += more }
    }
}

/// Collects ``SynthesisUnit``s, with `if` and `for` support.
@resultBuilder
public enum InfrastructureBuilder {
    /// One unit.
    public static func buildExpression(_ unit: any SynthesisUnit) -> [any SynthesisUnit] { [unit] }
    /// Several units.
    public static func buildExpression(_ units: [any SynthesisUnit]) -> [any SynthesisUnit] { units }
    /// A block of statements.
    public static func buildBlock(_ parts: [any SynthesisUnit]...) -> [any SynthesisUnit] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [any SynthesisUnit]?) -> [any SynthesisUnit] { part ?? [] }
    /// The first branch of an `if`/`else`.
    public static func buildEither(first part: [any SynthesisUnit]) -> [any SynthesisUnit] { part }
    /// The second branch of an `if`/`else`.
    public static func buildEither(second part: [any SynthesisUnit]) -> [any SynthesisUnit] { part }
    /// A `for` loop.
    public static func buildArray(_ parts: [[any SynthesisUnit]]) -> [any SynthesisUnit] { parts.flatMap { $0 } }
}
