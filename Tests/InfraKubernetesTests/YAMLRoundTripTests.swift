// Property test: arbitrary strings (YAML-1.1-hostile words, numbers, dates, indicators,
// spaces, Unicode, line breaks, control characters) in labels, annotations and ConfigMap
// data come back unchanged when the synthesized YAML is read by PyYAML (a YAML 1.1 parser).

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import Testing

/// A small deterministic random generator (SplitMix64), so failures are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("YAML 1.1 round trip")
struct YAMLRoundTripTests {
    /// Strings YAML 1.1 readers turn into something else when written plain.
    static let hostile: [String] = [
        "on", "On", "ON", "off", "no", "No", "NO", "yes", "y", "Y", "n", "N", "true", "False", "null", "Null", "~", "",
        "012", "0o17", "1e3", "1E3", "1_000", "0x1F", "0b101", "+1", "-1", ".5", "1.", ".inf", "-.Inf", ".NaN",
        "2024-01-01", "2001-12-14t21:59:43.10-05:00", "12:30:45", "190:20:30", ": ", " #", "a #b", "a: b", "- x",
        "? x", "!tag", "&anchor", "*alias", "|", ">", "%YAML", "@x", "`x", "'quoted'", "\"dq\"", "{a: 1}", "[1, 2]",
        ",", " leading", "trailing ", " both ", "\t", "tab\tinside", "line\nbreak", "two\n\nblank", "trail\n",
        "\n", "\n\nlead", "crlf\r\nx", "\r", "é", "中文", "🚀 rocket", "\u{85}nel", "\u{2028}ls", "\u{2029}ps",
        "\u{FEFF}bom", "\u{1}ctl", "\u{7F}del", "\u{9F}c1", "back\\slash", "=", "<<", "---", "...", "--- x",
        "#comment", "a\u{0}nul", "   ", "x\n  indented", "  indented\nfirst", "ends with space \nnext",
        // A block scalar's indentation comes from its first non-empty line, not its first line.
        "\n  indented after a blank line\nnext", "\n\n    deeper\n  less",
    ]

    static let alphabet: [Character] = Array(
        "abcXYZ019 :#-?!&*|>%@`'\",[]{}~.\t\n\n\n  \r\\/=+_éü中🚀\u{85}\u{2028}\u{1}\u{7F}\u{FEFF}\u{A0}")

    /// Hostile strings plus random strings over a hostile alphabet.
    static func samples() -> [String] {
        var generator = SplitMix64(state: 0x5EED)
        var strings = hostile
        for _ in 0..<1000 {
            let length = Int.random(in: 0...16, using: &generator)
            strings.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" }))
        }
        return strings
    }

    @Test("labels, annotations and ConfigMap data survive a PyYAML round trip")
    func pyYAMLRoundTrip() throws {
        guard let python = ExternalTools.pythonWithYAML() else { return }
        let strings = Self.samples()
        var expected: [[String: [String: String]]] = []
        var documents: [Value] = []
        for (offset, string) in strings.enumerated() {
            // Built by assignment: a dictionary literal would trap if `string` equalled another key.
            var pairs: [String: String] = [:]
            pairs["value"] = string
            pairs["k\(offset)"] = string + string
            pairs[string] = "key"
            let object = ConfigMap(
                metadata: .init(name: "c\(offset)", labels: pairs, annotations: pairs), data: pairs)
            expected.append(["labels": pairs, "annotations": pairs, "data": pairs])
            documents.append(object.renderValue())
        }
        let yaml = YAMLWriter().writeStream(documents)
        let script = """
            import json, sys, yaml
            with open(sys.argv[1], "rb") as stream:
                docs = list(yaml.safe_load_all(stream.read().decode("utf-8")))
            out = [{"labels": d["metadata"]["labels"], "annotations": d["metadata"]["annotations"], "data": d["data"]} for d in docs]
            sys.stdout.write(json.dumps(out))
            """
        // The stream goes through a file, not stdin, so its bytes reach PyYAML exactly as written.
        let directory = try ExternalTools.temporaryDirectory("infra-k8s-tests")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("stream.yaml")
        try Data(yaml).write(to: file)
        let output = try ExternalTools.run(python, ["-c", script, file.path])
        try #require(output.status == 0, "PyYAML failed: \(output.stderr)")
        let decoded = try JSONDecoder().decode([[String: [String: String]]].self, from: Data(output.stdout.utf8))
        try #require(decoded.count == expected.count)
        for (offset, pair) in zip(decoded, expected).enumerated() where pair.0 != pair.1 {
            Issue.record("string \(offset) \(strings[offset].debugDescription) read back as \(pair.0)")
        }
    }
}
