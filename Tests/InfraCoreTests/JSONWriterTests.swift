import Foundation
import InfraCore
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("keys are sorted and output is byte-identical across runs")
    func deterministic() {
        let value: Value = ["b": 1, "a": ["z": true, "y": nil], "c": [1, 2.5, "x"]]
        let first = JSONWriter().string(value)
        #expect(first == JSONWriter().string(value))
        #expect(
            first
                == "{\n  \"a\": {\n    \"y\": null,\n    \"z\": true\n  },\n  \"b\": 1,\n  \"c\": [\n    1,\n    2.5,\n    \"x\"\n  ]\n}\n"
        )
    }

    @Test("insertion order is kept when sorting is off")
    func insertionOrder() {
        let value: Value = ["b": 1, "a": 2]
        #expect(JSONWriter(sortKeys: false, pretty: false).string(value) == #"{"b":1,"a":2}"#)
    }

    @Test(
        "numbers use one stable text form",
        arguments: [
            (Value.double(3.0), "3"), (.double(0.1), "0.1"), (.double(-2.5e-7), "-2.5e-07"), (.int(-42), "-42"),
            (.double(1e300), "1e+300"), (.double(.infinity), "null"), (.double(.nan), "null"),
        ])
    func numbers(value: Value, expected: String) {
        #expect(JSONWriter(pretty: false).string(value) == expected)
    }

    @Test(
        "strings are escaped per RFC 8259 and parse back unchanged",
        arguments: [
            "plain", "quote \" backslash \\ slash /", "newline\nreturn\rtab\t", "\u{0}\u{1}\u{1F}\u{7F}",
            "unicode ✓ Ω 日本 🚀", "${not.a.ref}", "\u{2028}\u{2029}",
        ])
    func escaping(text: String) throws {
        let bytes = JSONWriter(pretty: false).write(.array([.string(text)]))
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String]
        #expect(parsed == [text])
        #expect(!bytes.contains { $0 < 0x20 })
    }

    @Test("empty containers are written compactly")
    func empties() {
        #expect(JSONWriter(pretty: true).string(["a": [], "b": [:]]) == "{\n  \"a\": [],\n  \"b\": {}\n}\n")
    }
}
