// Compares a Value with a Matcher and collects every difference with its path, so a
// failed assertion can say exactly where the closest candidate differs.

import Foundation
import InfraCore

extension Matcher {
    /// Compares `value` with this pattern; `nil` stands for a missing key.
    ///
    /// Literal objects at the top are compared exactly; wrap them in ``Match/objectLike(_:)``
    /// for a partial comparison.
    ///
    /// ```swift
    /// Match.objectLike(["env": "prod"]).test(["env": "dev", "team": "a"]).isMatch   // false
    /// ```
    public func test(_ value: InfraCore.Value?) -> MatchResult {
        evaluate(value, at: ValuePath(), partialObjects: false)
    }

    func evaluate(_ value: InfraCore.Value?, at path: ValuePath, partialObjects: Bool) -> MatchResult {
        let present: InfraCore.Value? = (value == .null) ? nil : value
        switch kind {
        case .absent:
            guard let present else { return MatchResult(matchedLeaves: 1) }
            return Self.fail(path, "no value", ValueText.render(present))
        case .anyValue:
            guard present != nil else { return Self.fail(path, "any value", "no value") }
            return MatchResult(matchedLeaves: 1)
        case .scalar(let expected):
            guard let present else { return Self.fail(path, ValueText.render(expected), "no value") }
            return Self.scalarsEqual(expected, present)
                ? MatchResult(matchedLeaves: 1)
                : Self.fail(path, ValueText.render(expected), ValueText.render(present))
        case .exact(let expected):
            guard let present else { return Self.fail(path, ValueText.render(expected), "no value") }
            return Matcher(expected).evaluate(present, at: path, partialObjects: false)
        case .stringLike(let pattern):
            return Self.evaluateStringLike(pattern, present, at: path)
        case .reference(let address, let attribute):
            guard case .string(let text)? = present else {
                return Self.fail(path, description, present.map(ValueText.render) ?? "no value")
            }
            return TerraformReference.contains(text, address: address, attribute: attribute)
                ? MatchResult(matchedLeaves: 1) : Self.fail(path, description, ValueText.render(.string(text)))
        case .not(let inner):
            let innerResult = inner.evaluate(value, at: path, partialObjects: partialObjects)
            return innerResult.isMatch
                ? Self.fail(path, description, present.map(ValueText.render) ?? "no value")
                : MatchResult(matchedLeaves: 1)
        case .object(let members, let mode):
            let partial: Bool
            switch mode {
            case .inherit: partial = partialObjects
            case .partial: partial = true
            case .exact: partial = false
            }
            return evaluateObject(members, partial: partial, present, at: path)
        case .array(let elements):
            return evaluateArray(elements, present, at: path, partialObjects: partialObjects)
        case .arrayWith(let elements):
            return evaluateArrayWith(elements, present, at: path, partialObjects: partialObjects)
        }
    }

    private func evaluateObject(
        _ members: [String: Matcher], partial: Bool, _ value: InfraCore.Value?, at path: ValuePath
    ) -> MatchResult {
        guard let value else { return Self.fail(path, description, "no value") }
        guard case .object(let object) = value else {
            return Self.fail(path, "an object", ValueText.render(value))
        }
        var result = MatchResult()
        for key in members.keys.sorted() {
            guard let member = members[key] else { continue }
            // A key that exists counts towards closeness even when its value differs.
            if let present = object[key], present != .null { result.matchedLeaves += 1 }
            result.absorb(member.evaluate(object[key], at: path.appending(.key(key)), partialObjects: partial))
        }
        if !partial {
            for key in object.keys where members[key] == nil && object[key] != .null {
                result.mismatches.append(
                    Mismatch(
                        path: path.appending(.key(key)), expected: "no such key",
                        found: ValueText.render(object[key] ?? .null))
                )
            }
        }
        return result
    }

    private func evaluateArray(
        _ elements: [Matcher], _ value: InfraCore.Value?, at path: ValuePath, partialObjects: Bool
    ) -> MatchResult {
        guard let value else { return Self.fail(path, description, "no value") }
        guard case .array(let array) = value else { return Self.fail(path, "an array", ValueText.render(value)) }
        guard array.count == elements.count else {
            return Self.fail(
                path, "an array of \(elements.count) element(s) \(description)",
                "\(array.count): \(ValueText.render(value))")
        }
        var result = MatchResult()
        for (index, element) in elements.enumerated() {
            result.absorb(
                element.evaluate(array[index], at: path.appending(.index(index)), partialObjects: partialObjects))
        }
        return result
    }

    /// Greedy in-order search (as CDK does): each pattern element takes the first later
    /// element that matches; when none does, the closest element explains why.
    private func evaluateArrayWith(
        _ elements: [Matcher], _ value: InfraCore.Value?, at path: ValuePath, partialObjects: Bool
    ) -> MatchResult {
        guard let value else { return Self.fail(path, description, "no value") }
        guard case .array(let array) = value else { return Self.fail(path, "an array", ValueText.render(value)) }
        var result = MatchResult()
        var next = 0
        for element in elements {
            var found = false
            var closest: MatchResult?
            var index = next
            while index < array.count {
                let attempt = element.evaluate(
                    array[index], at: path.appending(.index(index)), partialObjects: partialObjects)
                if attempt.isMatch {
                    result.matchedLeaves += attempt.matchedLeaves
                    next = index + 1
                    found = true
                    break
                }
                if closest.map({ attempt.isCloser(than: $0) }) ?? true { closest = attempt }
                index += 1
            }
            if found { continue }
            if let closest, closest.matchedLeaves > 0 {
                result.absorb(closest)
            } else {
                let remaining = Array(array.dropFirst(next))
                result.mismatches.append(
                    Mismatch(
                        path: path, expected: "an element matching \(element) (in order)",
                        found: ValueText.render(.array(remaining)))
                )
            }
        }
        return result
    }

    private static func evaluateStringLike(
        _ pattern: String, _ value: InfraCore.Value?, at path: ValuePath
    ) -> MatchResult {
        let expected = "a string matching /\(pattern)/"
        guard case .string(let text)? = value else {
            return fail(path, expected, value.map(ValueText.render) ?? "no value")
        }
        guard let regex = try? NSRegularExpression(pattern: pattern) else {
            return fail(path, "a valid regular expression, /\(pattern)/ is not one", ValueText.render(.string(text)))
        }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, range: range) != nil
            ? MatchResult(matchedLeaves: 1) : fail(path, expected, ValueText.render(.string(text)))
    }

    /// Integers and doubles compare by number (`3` equals `3.0`); everything else by equality.
    static func scalarsEqual(_ expected: InfraCore.Value, _ found: InfraCore.Value) -> Bool {
        switch (expected, found) {
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        default: return expected == found
        }
    }

    private static func fail(_ path: ValuePath, _ expected: String, _ found: String) -> MatchResult {
        MatchResult(mismatches: [Mismatch(path: path, expected: expected, found: found)])
    }
}
