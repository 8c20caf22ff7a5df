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

    /// Creates an infrastructure from units.
    public init(units: [any SynthesisUnit]) {
        self.units = units
    }

    /// Creates an infrastructure with a builder.
    public init(@InfrastructureBuilder _ content: () -> [any SynthesisUnit]) {
        self.units = content()
    }

    /// The declared units plus the units they depend on (for example local modules),
    /// each output folder once, sorted by output folder.
    public var allUnits: [any SynthesisUnit] {
        var seen: Set<String> = []
        var result: [any SynthesisUnit] = []
        func visit(_ unit: any SynthesisUnit) {
            guard seen.insert(unit.outputDirectory).inserted else { return }
            result.append(unit)
            unit.dependencies.forEach(visit)
        }
        units.forEach(visit)
        return result.sorted { $0.outputDirectory < $1.outputDirectory }
    }

    /// Synthesizes every unit. Two units writing the same file is an error.
    public func synthesize(options: SynthesisOptions = SynthesisOptions()) -> SynthesisResult {
        var combined = SynthesisResult()
        var owners: [String: ComponentPath] = [:]
        let units = allUnits
        // Units are independent: synthesize them side by side, then merge in unit order.
        let results = Parallel.map(units) { $0.synthesize(options: options) }
        for (unit, result) in zip(units, results) {
            combined.diagnostics.append(contentsOf: result.diagnostics)
            Self.append(result.inventory, to: &combined.inventory)
            Self.append(result.edges, to: &combined.edges)
            for artifact in result.artifacts {
                if let owner = owners[artifact.path] {
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
        return combined
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
