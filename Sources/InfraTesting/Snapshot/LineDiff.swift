// A readable line diff for snapshot failures: `-` golden lines, `+` new lines, three lines
// of context, capped so a large change still gives a short message.

/// Computes a unified-style diff between two texts.
///
/// ```swift
/// LineDiff.render(old: "a\nb\n", new: "a\nc\n")
/// // @@ line 2 @@
/// // -b
/// // +c
/// ```
public enum LineDiff {
    /// The diff of `old` (the golden file) against `new` (this run), or `""` when equal.
    /// At most `limit` lines are shown; the rest is summarised.
    public static func render(old: String, new: String, context: Int = 3, limit: Int = 60) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a != b else { return "" }
        let operations = diff(a, b)
        // Mark which operations are shown: every change plus `context` lines around it.
        var shown = Array(repeating: false, count: operations.count)
        for (index, operation) in operations.enumerated() where operation.kind != .same {
            for near in max(0, index - context)...min(operations.count - 1, index + context) { shown[near] = true }
        }
        var lines: [String] = []
        var previousShown = false
        for (index, operation) in operations.enumerated() {
            guard shown[index] else {
                previousShown = false
                continue
            }
            if !previousShown { lines.append("@@ line \(operation.oldLine + 1) @@") }
            previousShown = true
            switch operation.kind {
            case .same: lines.append(" " + operation.text)
            case .removed: lines.append("-" + operation.text)
            case .added: lines.append("+" + operation.text)
            }
        }
        if lines.count > limit {
            let hidden = lines.count - limit
            lines = Array(lines.prefix(limit)) + ["… \(hidden) more diff line(s)"]
        }
        return lines.joined(separator: "\n")
    }

    struct Operation {
        enum Kind { case same, removed, added }
        var kind: Kind
        var text: String
        var oldLine: Int
    }

    /// Longest-common-subsequence diff after trimming the common prefix and suffix; very large
    /// middles fall back to "all removed, all added" to stay fast.
    static func diff(_ a: [String], _ b: [String]) -> [Operation] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let midA = Array(a[prefix..<(a.count - suffix)])
        let midB = Array(b[prefix..<(b.count - suffix)])
        var result = (0..<prefix).map { Operation(kind: .same, text: a[$0], oldLine: $0) }
        if midA.count * midB.count > 4_000_000 {
            result += midA.enumerated().map { Operation(kind: .removed, text: $1, oldLine: prefix + $0) }
            result += midB.map { Operation(kind: .added, text: $0, oldLine: prefix + midA.count) }
        } else {
            result += lcsDiff(midA, midB, offset: prefix)
        }
        result += (0..<suffix).map {
            let index = a.count - suffix + $0
            return Operation(kind: .same, text: a[index], oldLine: index)
        }
        return result
    }

    private static func lcsDiff(_ a: [String], _ b: [String], offset: Int) -> [Operation] {
        let n = a.count
        let m = b.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0, m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var operations: [Operation] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                operations.append(Operation(kind: .same, text: a[i], oldLine: offset + i))
                i += 1
                j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                operations.append(Operation(kind: .removed, text: a[i], oldLine: offset + i))
                i += 1
            } else {
                operations.append(Operation(kind: .added, text: b[j], oldLine: offset + i))
                j += 1
            }
        }
        return operations
    }
}
