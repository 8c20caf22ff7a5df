// One difference between a pattern and a value, and the outcome of comparing them: the
// list of differences plus a closeness score used to pick the nearest candidate.

/// One place where a value differs from the pattern.
///
/// ```swift
/// mismatch.description   // at tags.env expected "prod", found "dev"
/// ```
public struct Mismatch: Sendable, Hashable, CustomStringConvertible {
    /// Where the difference is.
    public var path: ValuePath
    /// What the pattern wanted, as text (`"prod"`, `a string matching /^logs-/`).
    public var expected: String
    /// What the value has there, as text (`"dev"`, `no value`).
    public var found: String

    /// Creates a mismatch.
    public init(path: ValuePath, expected: String, found: String) {
        self.path = path
        self.expected = expected
        self.found = found
    }

    /// `at tags.env expected "prod", found "dev"`.
    public var description: String { "at \(path) expected \(expected), found \(found)" }
}

/// The result of comparing a value with a ``Matcher``.
///
/// ```swift
/// let result = Match.objectLike(["env": "prod"]).test(["env": "dev"])
/// result.isMatch          // false
/// result.mismatches[0]    // at env expected "prod", found "dev"
/// ```
public struct MatchResult: Sendable, Hashable {
    /// Every difference found (empty when the value matches).
    public var mismatches: [Mismatch]
    /// How much of the pattern was found (matched leaves and present keys); higher is closer.
    public var matchedLeaves: Int

    /// Creates a result.
    public init(mismatches: [Mismatch] = [], matchedLeaves: Int = 0) {
        self.mismatches = mismatches
        self.matchedLeaves = matchedLeaves
    }

    /// Whether the value matches the pattern.
    public var isMatch: Bool { mismatches.isEmpty }

    mutating func absorb(_ other: MatchResult) {
        mismatches += other.mismatches
        matchedLeaves += other.matchedLeaves
    }

    /// Orders results so that the closest comes first: fewer mismatches, then more matched leaves.
    func isCloser(than other: MatchResult) -> Bool {
        if mismatches.count != other.mismatches.count { return mismatches.count < other.mismatches.count }
        return matchedLeaves > other.matchedLeaves
    }
}
