// Shared by the Terraform and Kubernetes templates: compare a pattern with every candidate,
// and when none matches, explain the failure with the closest one.

import InfraCore

/// A thing an assertion can match: an address for messages and the value to compare.
struct Candidate {
    var address: String
    var value: Value
}

enum CandidateSearch {
    /// The candidates whose value matches `pattern` (objects compared partially at every depth).
    static func matching(_ candidates: [Candidate], _ pattern: Matcher) -> [Candidate] {
        candidates.filter { pattern.evaluate($0.value, at: ValuePath(), partialObjects: true).isMatch }
    }

    /// The candidate closest to matching `pattern` and its result; ties go to the first address.
    static func closest(_ candidates: [Candidate], _ pattern: Matcher) -> (Candidate, MatchResult)? {
        var best: (Candidate, MatchResult)?
        for candidate in candidates.sorted(by: { $0.address < $1.address }) {
            let result = pattern.evaluate(candidate.value, at: ValuePath(), partialObjects: true)
            if let current = best, !result.isCloser(than: current.1) { continue }
            best = (candidate, result)
        }
        return best
    }

    /// Passes when some candidate matches; otherwise fails naming the closest one.
    static func requireMatch(
        _ candidates: [Candidate], _ pattern: Matcher, what: String, noun: String
    ) throws(AssertionFailure) {
        if candidates.isEmpty {
            throw AssertionFailure(summary: "no \(what) matches \(pattern): there are no \(noun) of that kind")
        }
        guard !candidates.contains(where: { pattern.evaluate($0.value, at: ValuePath(), partialObjects: true).isMatch })
        else { return }
        guard let (candidate, result) = closest(candidates, pattern) else { return }
        throw AssertionFailure(
            summary:
                "no \(what) matches \(pattern) among \(candidates.count) candidate(s); closest is \(candidate.address)",
            closestCandidate: candidate.address,
            mismatches: result.mismatches
        )
    }

    /// The known name closest to `name` by edit distance, for "did you mean" hints.
    static func nearestName(to name: String, in names: [String]) -> String? {
        names.min { (editDistance(name, $0), $0) < (editDistance(name, $1), $1) }
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
