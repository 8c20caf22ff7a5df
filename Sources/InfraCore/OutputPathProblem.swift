// The rules for a path inside an output folder, shared by the checks of every unit's folder
// (`Infrastructure.synthesize`) and by the writer: relative, normalised, never leaving the folder.
// A path that breaks one would write outside the output folder, or name one file two ways.

/// What is wrong with a path that should name a place inside the output folder.
///
/// ```swift
/// OutputPathProblem.find(in: "terraform/../etc")   // .parentFolderSegment
/// OutputPathProblem.find(in: "terraform/dev")      // nil: relative and normalised
/// ```
public enum OutputPathProblem: Sendable, Hashable, CustomStringConvertible {
    /// The path is empty.
    case empty
    /// The path starts with `/`.
    case absolute
    /// The path ends with `/`.
    case trailingSeparator
    /// The path has an empty segment (`a//b`).
    case emptySegment
    /// The path has a `.` segment (`./a`, `a/./b`).
    case currentFolderSegment
    /// The path has a `..` segment (`../a`, `a/../b`).
    case parentFolderSegment
    /// The path has a control character (NUL, newline, tab, …).
    case controlCharacter

    /// The first problem in `path`, or `nil` when it is relative and normalised.
    public static func find(in path: String) -> OutputPathProblem? {
        let utf8 = path.utf8
        guard !utf8.isEmpty else { return .empty }
        if utf8.first == UInt8(ascii: "/") { return .absolute }
        if utf8.last == UInt8(ascii: "/") { return .trailingSeparator }
        if utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .controlCharacter }
        var problem: OutputPathProblem?
        for segment in utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if segment.isEmpty {
                problem = problem ?? .emptySegment
            } else if segment.elementsEqual([UInt8(ascii: ".")]) {
                problem = problem ?? .currentFolderSegment
            } else if segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                // Leaving the folder outweighs a cosmetic problem found earlier.
                return .parentFolderSegment
            }
        }
        return problem
    }

    /// What is wrong, completing "output folder "x" …".
    public var description: String {
        switch self {
        case .empty: "is empty"
        case .absolute: "is absolute (starts with /)"
        case .trailingSeparator: "ends with /"
        case .emptySegment: "has an empty segment (//)"
        case .currentFolderSegment: "has a . segment"
        case .parentFolderSegment: "has a .. segment, which leaves the folder it names or takes a detour"
        case .controlCharacter: "has a control character"
        }
    }

    /// How to fix it.
    public var hint: String {
        switch self {
        case .empty: "name a folder inside the output folder, e.g. terraform/dev"
        case .absolute:
            "use a path relative to the output folder, e.g. terraform/dev (choose the output folder with synth --output)"
        case .trailingSeparator: "drop the trailing /"
        case .emptySegment: "separate folder names with a single /"
        case .currentFolderSegment: "drop the . segments"
        case .parentFolderSegment: "name the folder from the output root down, e.g. terraform/modules/vpc"
        case .controlCharacter: "use printable characters only"
        }
    }
}
