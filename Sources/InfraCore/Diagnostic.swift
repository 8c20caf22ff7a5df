// Errors are data: every problem in a definition becomes a Diagnostic naming the
// component path, and validation collects all of them before anything is written.

/// A problem (or remark) found in an infrastructure definition.
///
/// ```swift
/// Diagnostic(path: "prod/network/subnet[2]", severity: .error,
///            message: "CIDR 10.1.0.0/24 is outside the VPC CIDR 10.0.0.0/16")
/// ```
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// The definition cannot be synthesized; nothing is written.
        case error
        /// Synthesis goes on, but the definition is probably not what was meant.
        case warning
        /// Information for the reader.
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        /// Errors sort before warnings, warnings before notes.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The component the diagnostic is about.
    public var path: ComponentPath
    /// How serious it is.
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// How to fix it, when there is a useful suggestion.
    public var hint: String?

    /// Creates a diagnostic.
    public init(path: ComponentPath, severity: Severity, message: String, hint: String? = nil) {
        self.path = path
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// An error diagnostic.
    public static func error(_ path: ComponentPath, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(path: path, severity: .error, message: message, hint: hint)
    }

    /// A warning diagnostic.
    public static func warning(_ path: ComponentPath, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(path: path, severity: .warning, message: message, hint: hint)
    }

    /// `error: prod/network/subnet[2]: message (hint: …)`.
    public var description: String {
        var text = "\(severity.rawValue): \(path): \(message)"
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}

/// Collects diagnostics during validation; never stops at the first.
///
/// ```swift
/// var diagnostics = Diagnostics()
/// diagnostics.error("prod/eks", "Kubernetes version 1.27 is below the supported 1.28")
/// if diagnostics.hasErrors { throw diagnostics.failure }
/// ```
public struct Diagnostics: Sendable, Hashable, Sequence {
    /// Everything collected so far, in the order found.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty collection.
    public init() {}

    /// Creates a collection holding `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) { all = diagnostics }

    /// Adds a diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Adds several diagnostics.
    public mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        all.append(contentsOf: diagnostics)
    }

    /// Adds an error.
    public mutating func error(_ path: ComponentPath, _ message: String, hint: String? = nil) {
        all.append(.error(path, message, hint: hint))
    }

    /// Adds a warning.
    public mutating func warning(_ path: ComponentPath, _ message: String, hint: String? = nil) {
        all.append(.warning(path, message, hint: hint))
    }

    /// Whether any collected diagnostic is an error.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Only the errors.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    /// Iterates the diagnostics.
    public func makeIterator() -> IndexingIterator<[Diagnostic]> { all.makeIterator() }

    /// The diagnostics sorted by severity, then path, then message: a stable report order.
    public var sorted: [Diagnostic] {
        all.sorted {
            ($0.severity, $0.path, $0.message) < ($1.severity, $1.path, $1.message)
        }
    }

    /// An error that carries every diagnostic, for throwing APIs.
    public var failure: DiagnosticError { DiagnosticError(diagnostics: sorted) }
}

/// Thrown when a definition has errors; carries all diagnostics, not only the first.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic found, errors first.
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// One line per diagnostic.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
