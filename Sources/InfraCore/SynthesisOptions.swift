// Rendering choices passed through `Infrastructure.synthesize(options:)` to every unit. InfraCore
// knows no back end: each back end declares its own option types (Terraform's format lives in
// InfraTerraform) and reads them back by type, so a unit only sees the options it understands.

/// A rendering choice one back end understands, stored in ``SynthesisOptions`` under its type.
///
/// ```swift
/// public enum TerraformFormat: String, SynthesisOption { case json, hcl; public static let defaultValue = json }
/// ```
public protocol SynthesisOption: Sendable, Hashable {
    /// The value a unit sees when the caller did not set one.
    static var defaultValue: Self { get }
}

/// Choices that change how units render, not what they contain: values of ``SynthesisOption``
/// types, keyed by type; a unit reads the types of its back end and ignores the rest.
///
/// ```swift
/// var options = SynthesisOptions()
/// options[TerraformFormat.self] = .hcl      // or SynthesisOptions(terraformFormat: .hcl)
/// let result = infrastructure.synthesize(options: options)
/// ```
public struct SynthesisOptions: Sendable, Hashable {
    private var values: [ObjectIdentifier: any SynthesisOption] = [:]

    /// Options with every choice at its default.
    public init() {}

    /// The value set for `option`, or its ``SynthesisOption/defaultValue``.
    public subscript<Option: SynthesisOption>(option: Option.Type) -> Option {
        get { values[ObjectIdentifier(option)] as? Option ?? Option.defaultValue }
        set { values[ObjectIdentifier(option)] = newValue }
    }

    /// Equal when every option type holds equal values.
    public static func == (left: SynthesisOptions, right: SynthesisOptions) -> Bool {
        left.values.count == right.values.count
            && left.values.allSatisfy { key, value in
                right.values[key].map { AnyHashable($0) == AnyHashable(value) } ?? false
            }
    }

    /// Hashes the values independently of their order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(values.count)
        hasher.combine(values.values.reduce(0) { $0 &+ AnyHashable($1).hashValue })
    }
}
