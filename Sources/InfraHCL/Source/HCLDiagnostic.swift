// Problems found while reading HCL or Terraform JSON: each names the file, line and column
// where it starts, so a user can jump to it. The parser collects every problem it can
// recover from instead of stopping at the first.

/// A problem in a source file, with its location.
///
/// ```swift
/// let result = HCLParser.parse("a = \n", file: "main.tf")
/// for diagnostic in result.diagnostics { print(diagnostic) }
/// // main.tf:1:5: error: Invalid expression: Expected the start of an expression, but found a newline.
/// ```
public struct HCLDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The input cannot be used.
        case error
        /// The input can be used, but probably not as meant.
        case warning
    }

    /// How serious it is.
    public var severity: Severity
    /// What is wrong, in a few words (`Invalid expression`).
    public var summary: String
    /// More about the problem and how to fix it.
    public var detail: String
    /// Where it is.
    public var range: SourceRange

    /// Creates a diagnostic.
    public init(severity: Severity = .error, summary: String, detail: String, range: SourceRange) {
        self.severity = severity
        self.summary = summary
        self.detail = detail
        self.range = range
    }

    /// `file:line:column: error: summary: detail`.
    public var description: String {
        "\(range): \(severity.rawValue): \(summary)" + (detail.isEmpty ? "" : ": \(detail)")
    }
}

extension Array where Element == HCLDiagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
