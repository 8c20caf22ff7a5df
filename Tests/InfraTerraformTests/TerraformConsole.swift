// Evaluates HCL expressions with the real `terraform console`, so tests check what our
// rendering means to Terraform (precedence, for expressions, function signatures), not only
// the text it produces.

import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

enum TerraformConsole {
    /// The values of `expressions` as canonical JSON text (sorted keys), evaluated in one
    /// `terraform console` run in a folder holding `variables` (name → default); `nil` when
    /// terraform is missing outside CI.
    static func evaluate(_ expressions: [String], variables: [String: Value] = [:]) throws -> [String]? {
        guard let terraform = ExternalTools.terraform() else { return nil }
        let dir = try ExternalTools.temporaryDirectory("infra-console")
        defer { try? FileManager.default.removeItem(at: dir) }
        if !variables.isEmpty {
            let config: Value = [
                "variable": .object(
                    ValueObject(variables.keys.sorted().map { ($0, ["default": variables[$0] ?? .null]) }))
            ]
            try Data(JSONWriter().write(config)).write(to: dir.appendingPathComponent("main.tf.json"))
        }
        // The console prints only the last line's value, so all expressions go in one tuple.
        let input = "jsonencode([" + expressions.joined(separator: ", ") + "])\n"
        let out = try ExternalTools.run(terraform, ["console"], in: dir, stdin: input)
        guard out.status == 0 else {
            Issue.record("terraform console failed on \(input):\n\(out.stderr)")
            return []
        }
        // The console prints the JSON text as an HCL string literal.
        let literal = try JSONSerialization.jsonObject(
            with: Data(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines).utf8), options: .fragmentsAllowed)
        guard let text = literal as? String,
            let values = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? [Any]
        else {
            Issue.record("unexpected console output: \(out.stdout)")
            return []
        }
        return try values.map(canonical)
    }

    /// JSON text with sorted keys, for comparing values.
    static func canonical(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// Canonical form of a JSON literal written in a test.
    static func canonical(json: String) throws -> String {
        try canonical(JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed))
    }
}
