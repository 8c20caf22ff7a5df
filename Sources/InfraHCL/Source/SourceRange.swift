// Where a piece of HCL came from: file name, line and column (1-based, columns counted in
// Unicode scalars, a tab counting as one), and byte offsets for slicing the source.

/// A point in a source file.
///
/// ```swift
/// let start = SourcePosition(line: 1, column: 1, offset: 0)
/// ```
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in Unicode scalars.
    public var column: Int
    /// The byte offset in the UTF-8 source, from 0.
    public var offset: Int

    /// Creates a position.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Positions order by their byte offset.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// A span of a source file: from `start` up to (not including) `end`.
///
/// ```swift
/// let range = SourceRange(file: "main.tf", start: start, end: end)
/// print(range)   // main.tf:3:5
/// ```
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The file name as given to the parser.
    public var file: String
    /// The first position.
    public var start: SourcePosition
    /// The position just past the end.
    public var end: SourcePosition

    /// Creates a range.
    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// The smallest range covering both.
    public func through(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    /// `file:line:column` of the start.
    public var description: String { "\(file):\(start.line):\(start.column)" }
}
