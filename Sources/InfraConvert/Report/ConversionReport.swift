// What a conversion could not type, left out or renamed — the list a reviewer works through.
// Every entry names the block (and, where it has one, the file position) it is about.

/// The findings of a conversion, for the user to review.
///
/// ```swift
/// let result = try TerraformConverter(options: options).convert(["stacks/oves-prod"])
/// for entry in result.report.entries where entry.kind == .untypedResource { print(entry) }
/// ```
public struct ConversionReport: Sendable, Hashable {
    /// What an entry is about.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A resource or data source type the generated bindings lack: written as untyped `Resource`/`DataSource`.
        case untypedResource = "untyped resource"
        /// An expression kept as HCL text (`.raw`) because the typed layer cannot say it yet.
        case escapeHatch = "escape hatch"
        /// An argument written with `.override` (not in the schema, deprecated, or a `dynamic` block).
        case override
        /// A block or setting with no Swift form, left out of the output.
        case unsupported
        /// A cdktf name replaced by a readable one, with a `moved` block keeping the state.
        case renamed
    }

    /// One finding.
    public struct Entry: Sendable, Hashable, CustomStringConvertible {
        /// What it is about.
        public var kind: Kind
        /// The block: an address (`aws_vpc.main`), `var.x`, `module.vpc`, …
        public var subject: String
        /// `file:line:column`, when known.
        public var location: String?
        /// What happened and why.
        public var message: String

        /// Creates an entry.
        public init(kind: Kind, subject: String, location: String?, message: String) {
            self.kind = kind
            self.subject = subject
            self.location = location
            self.message = message
        }

        /// `location: kind: subject: message`.
        public var description: String {
            (location.map { "\($0): " } ?? "") + "\(kind.rawValue): \(subject): \(message)"
        }
    }

    /// Every finding, in the order found.
    public var entries: [Entry] = []

    /// Creates an empty report.
    public init() {}

    /// The entries of one kind.
    public func entries(_ kind: Kind) -> [Entry] { entries.filter { $0.kind == kind } }

    /// A Markdown summary: counts per kind, then every entry.
    public var markdown: String {
        var text = "# Conversion report\n\n"
        for kind in Kind.allCases {
            text += "- \(kind.rawValue): \(entries(kind).count)\n"
        }
        for kind in Kind.allCases where !entries(kind).isEmpty {
            text += "\n## \(kind.rawValue)\n\n"
            for entry in entries(kind) {
                text += "- `\(entry.subject)`" + (entry.location.map { " (\($0))" } ?? "") + ": \(entry.message)\n"
            }
        }
        return text
    }
}
