import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

/// Literal strings must come back from Terraform exactly as written, whatever they contain.
@Suite("Escaping round-trips through Terraform")
struct EscapingRoundTripTests {
    static let fixed: [String] = [
        "${var.x}", "%{ if true }yes%{ endif }", "$${already}", "$$${triple}", "%%{pct}", "$", "%", "{", "}", "${",
        "%{", "a$b{c", "back\\slash", "\\${x}", "quote\"d", "new\nline", "tab\tend", "crlf\r\n", "unicode ✓ Ω 日本 🚀",
        "null", "true", "1e3", "", " spaced ", "\u{1}control", "emoji 👩‍👩‍👧", "${a}${b}%{c}",
    ]

    static func randomStrings(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let alphabet = Array("ab$%{}\\\"\n\t ✓日🚀:#~0")
        return (0..<count).map { _ in
            String((0..<Int(next() % 14)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
        }
    }

    @Test("terraform output -json returns every literal string unchanged (fixed list + random strings)")
    func roundTrip() throws {
        guard let terraform = ExternalTools.terraform() else { return }
        let strings = Self.fixed + Self.randomStrings(count: 150, seed: 42)
        let stack = Stack("escapes", settings: TerraformSettings(requiredProviders: [])) {
            for (i, s) in strings.enumerated() {
                Output("s\(i)", expression: .string(s))
            }
            Output("as_list", expression: .list(strings.map(Expression.string)))
            Output(
                "as_keys",
                expression: .object(strings.enumerated().map { ("\($0.element)#\($0.offset)", .string("v")) }))
        }
        let result = stack.synthesize()
        #expect(!result.diagnostics.hasErrors)
        let dir = try ExternalTools.temporaryDirectory("tfesc")
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: dir)
        let root = dir.appendingPathComponent("escapes")
        let env = ["TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"]
        let initOut = try ExternalTools.run(
            terraform, ["init", "-input=false", "-backend=false"], in: root, environment: env)
        try #require(initOut.status == 0, "\(initOut.stderr)")
        let apply = try ExternalTools.run(
            terraform, ["apply", "-auto-approve", "-input=false"], in: root, environment: env)
        try #require(apply.status == 0, "\(apply.stdout)\n\(apply.stderr)")
        let output = try ExternalTools.run(terraform, ["output", "-json"], in: root, environment: env)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: [String: Any]])
        for (i, s) in strings.enumerated() {
            #expect(json["s\(i)"]?["value"] as? String == s, "string \(i): \(s.debugDescription)")
        }
        #expect(json["as_list"]?["value"] as? [String] == strings)
        let keys = (json["as_keys"]?["value"] as? [String: String]).map { Set($0.keys) }
        #expect(keys == Set(strings.enumerated().map { "\($0.element)#\($0.offset)" }))
    }
}
