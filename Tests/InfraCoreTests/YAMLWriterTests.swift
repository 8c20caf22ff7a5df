import Foundation
import InfraCore
import InfraTestSupport
import Testing

@Suite("YAML writer")
struct YAMLWriterTests {
    /// Strings YAML 1.1 readers would turn into booleans, numbers, null, dates or structure.
    static let tricky: [String] = [
        "on", "On", "ON", "off", "no", "No", "yes", "y", "Y", "n", "true", "False", "null", "Null", "~", "",
        "1e3", "1E3", "0x1F", "012", "0o17", "1_000", "+1", "-1", ".5", "1.", ".inf", "-.inf", ".NaN", "2024-01-01",
        "2024-01-01T10:00:00Z", "12:30:45", "190:20:30", " leading", "trailing ", " both ", "a: b", "a #b", "#comment",
        "- item", "-", "--- ", "...", "[x]", "{x}", "&anchor", "*alias", "!tag", "|", ">", "@at", "`tick", "%pct",
        "quote\"s", "back\\slash", "it's", "tab\there", "multi\nline", "multi\nline\n", "trailing newlines\n\n",
        "\n", "line\r\nbreak", "unicode ✓ Ω 日本 🚀", "nbsp\u{A0}", "nel\u{85}x", "ls\u{2028}ps\u{2029}", "bom\u{FEFF}",
        "bell\u{7}", "del\u{7F}", "c1\u{9B}", "=", "<<", "?", "? x", "a:b", "key:", "http://x.y/z?a=b#c",
        "app.kubernetes.io/name", "nginx:1.25", "100Gi", "500m", "0", "007", "3.14", "-0", "0b101", "0.0.0.0/0",
        "    indented\nblock", "x\n  y\n", "last line spaces  \nx", "   \nwhitespace line",
    ]

    @Test("plain scalars are used only for strings that cannot be misread")
    func plainSafety() {
        let yaml = YAMLWriter().string(["a": "hello", "b": "on", "c": "1e3", "d": "app.kubernetes.io/name"])
        #expect(yaml == "a: hello\nb: \"on\"\nc: \"1e3\"\nd: app.kubernetes.io/name\n")
    }

    @Test("nested mappings and sequences use block style")
    func layout() {
        let value: Value = [
            "metadata": ["name": "x", "labels": ["app": "web"]], "ports": [["port": 80], ["port": 443]],
            "args": ["--a", "--b"], "empty": [], "none": [:],
        ]
        #expect(
            YAMLWriter().string(value) == """
                metadata:
                  name: x
                  labels:
                    app: web
                ports:
                  - port: 80
                  - port: 443
                args:
                  - "--a"
                  - "--b"
                empty: []
                none: {}

                """)
    }

    @Test("a multi-document stream separates documents with ---")
    func stream() {
        let text = String(decoding: YAMLWriter().writeStream([["a": 1], ["b": 2]]), as: UTF8.self)
        #expect(text == "a: 1\n---\nb: 2\n")
    }

    /// Parses YAML with PyYAML (a YAML 1.1 reader) and returns the JSON it read.
    static func parseWithPyYAML(_ yaml: [UInt8], python: String) throws -> Any {
        let dir = try ExternalTools.temporaryDirectory("yaml")
        let file = dir.appendingPathComponent("doc.yaml")
        try Data(yaml).write(to: file)
        let out = try ExternalTools.run(
            python,
            [
                "-c",
                "import json,sys,yaml; print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1], encoding='utf-8')))))",
                file.path,
            ])
        #expect(out.status == 0, "PyYAML failed: \(out.stderr)")
        return try JSONSerialization.jsonObject(with: Data(out.stdout.utf8))
    }

    @Test("every tricky string comes back from PyYAML as the same string, as value and as key")
    func trickyRoundTrip() throws {
        guard let python = ExternalTools.pythonWithYAML() else { return }
        var object = ValueObject()
        for (i, s) in Self.tricky.enumerated() { object["k\(i)"] = .string(s) }
        let keyed = ValueObject(Self.tricky.enumerated().map { ("\($0.element)", Value.int($0.offset)) })
        let list = Value.array(Self.tricky.map(Value.string))
        let yaml = YAMLWriter().writeStream([.object(object), .object(keyed), list, ["nested": ["deep": list]]])
        let docs = try #require(try Self.parseWithPyYAML(yaml, python: python) as? [Any])
        let values = try #require(docs[0] as? [String: Any])
        for (i, s) in Self.tricky.enumerated() {
            #expect(values["k\(i)"] as? String == s, "value \(i): \(s.debugDescription)")
        }
        let keys = try #require(docs[1] as? [String: Any])
        for (i, s) in Self.tricky.enumerated() {
            #expect(keys[s] as? Int == i, "key \(s.debugDescription)")
        }
        #expect(docs[2] as? [String] == Self.tricky)
        let nested = try #require((docs[3] as? [String: Any])?["nested"] as? [String: Any])
        #expect(nested["deep"] as? [String] == Self.tricky)
    }

    @Test("random strings survive a PyYAML round trip (property test, fixed seed)")
    func randomRoundTrip() throws {
        guard let python = ExternalTools.pythonWithYAML() else { return }
        var generator = SeededGenerator(seed: 0x5EED_1234)
        let alphabet: [Character] =
            Array("aZ09 :#-?[]{},&*!|>'\"%@`~.\\/\n\t_+=✓日🚀") + [
                "\u{85}", "\u{2028}", "\u{FEFF}", "\u{1}", "\u{7F}", "\u{A0}",
            ]
        let words = ["on", "no", "yes", "null", "~", "1e3", "0x1F", "012", ".inf", "2024-01-01", " ", ": ", " #", "- "]
        var strings: [String] = []
        for _ in 0..<400 {
            var s = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                if Int.random(in: 0..<4, using: &generator) == 0 {
                    s += words.randomElement(using: &generator) ?? ""
                } else {
                    s.append(alphabet.randomElement(using: &generator) ?? "a")
                }
            }
            strings.append(s)
        }
        let doc: Value = .object(ValueObject(strings.enumerated().map { ("k\($0.offset)", Value.string($0.element)) }))
        let docs = try #require(try Self.parseWithPyYAML(YAMLWriter().write(doc), python: python) as? [Any])
        let parsed = try #require(docs.first as? [String: Any])
        for (i, s) in strings.enumerated() {
            #expect(parsed["k\(i)"] as? String == s, "\(s.debugDescription)")
        }
    }

    /// The literal-block rule as written before its byte-level form (by `Character`s), kept as the
    /// reference the writer must agree with.
    static func literalBlockReference(_ s: String) -> Bool {
        guard s.utf8.contains(0x0A) else { return false }
        let firstContentLine = s.split(separator: "\n").first ?? ""
        if firstContentLine.hasPrefix(" ") || firstContentLine.hasPrefix("\t") || s.hasSuffix("\n\n") { return false }
        for scalar in s.unicodeScalars where scalar != "\n" && (scalar.value < 0x20 || scalar.value == 0x7F) {
            return false
        }
        let body = s.hasSuffix("\n") ? String(s.dropLast()) : s
        if body.isEmpty { return false }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            if line.last == " " || line.allSatisfy({ $0 == " " }) { return false }
        }
        return true
    }

    @Test("ASCII text is written as a literal block exactly when the Character-based rule says so, line for line")
    func literalBlockChoice() {
        var generator = SeededGenerator(seed: 0xB10C)
        let alphabet = Array("a \n\t\r:#")
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...10, using: &generator) {
                s.append(alphabet.randomElement(using: &generator) ?? "a")
            }
            let yaml = YAMLWriter().string(["k": .string(s)])
            let block = yaml.hasPrefix("k: |")
            #expect(block == Self.literalBlockReference(s), "\(s.debugDescription) → \(yaml.debugDescription)")
            if block {
                // Each line of the text, indented two spaces (empty lines stay empty).
                let body = s.hasSuffix("\n") ? String(s.dropLast()) : s
                let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map {
                    $0.isEmpty ? "" : "  " + $0
                }
                let header = s.hasSuffix("\n") ? "k: |" : "k: |-"
                #expect(yaml == ([header] + lines).joined(separator: "\n") + "\n", "\(s.debugDescription)")
            }
        }
    }

    @Test("numbers, booleans and null keep their types through PyYAML")
    func scalarTypes() throws {
        guard let python = ExternalTools.pythonWithYAML() else { return }
        let yaml = YAMLWriter().write(["i": 3, "d": 0.5, "e": .double(1e-7), "t": true, "f": false, "n": nil])
        let doc = try #require((try Self.parseWithPyYAML(yaml, python: python) as? [Any])?.first as? [String: Any])
        #expect(doc["i"] as? Int == 3)
        #expect(doc["d"] as? Double == 0.5)
        #expect(doc["e"] as? Double == 1e-7)
        #expect(doc["t"] as? Bool == true)
        #expect(doc["f"] as? Bool == false)
        #expect(doc["n"] is NSNull)
    }
}

/// A small deterministic PRNG (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
