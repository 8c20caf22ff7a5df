// Recognises Terraform references inside interpolation strings, so a test can ask
// "does this attribute point at aws_vpc.main?" without caring how the string is built.

import Foundation

/// Finds references such as `aws_vpc.main.id` inside `${…}` interpolations.
enum TerraformReference {
    /// Whether `text` holds an interpolation that refers to `address` (and `attribute`, when given).
    ///
    /// `"${aws_vpc.main.id}"`, `"${aws_vpc.main[0].id}"` and `"arn:${aws_s3_bucket.logs.arn}/*"` all
    /// refer to their resource; `"${aws_vpc.main_2.id}"` does not refer to `aws_vpc.main`.
    static func contains(_ text: String, address: String, attribute: String?) -> Bool {
        let identifierTail = "(?![A-Za-z0-9_-])"
        var pattern = "(?<![A-Za-z0-9_.-])" + NSRegularExpression.escapedPattern(for: address)
        pattern += "(\\[[^\\]]*\\])?"
        if let attribute {
            pattern += "\\." + NSRegularExpression.escapedPattern(for: attribute) + identifierTail
        } else {
            pattern += identifierTail
        }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        for expression in interpolations(in: text) {
            let range = NSRange(expression.startIndex..<expression.endIndex, in: expression)
            if regex.firstMatch(in: expression, range: range) != nil { return true }
        }
        return false
    }

    /// The expressions inside each `${…}` of `text` (nested braces balanced; `$${` is an escape).
    static func interpolations(in text: String) -> [String] {
        var result: [String] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count - 1 {
            if characters[index] == "$", characters[index + 1] == "$" {
                index += 2
                continue
            }
            guard characters[index] == "$", characters[index + 1] == "{" else {
                index += 1
                continue
            }
            var depth = 1
            var end = index + 2
            while end < characters.count, depth > 0 {
                if characters[end] == "{" { depth += 1 }
                if characters[end] == "}" { depth -= 1 }
                end += 1
            }
            let closing = depth == 0 ? end - 1 : end
            result.append(String(characters[(index + 2)..<closing]))
            index = end
        }
        return result
    }
}
