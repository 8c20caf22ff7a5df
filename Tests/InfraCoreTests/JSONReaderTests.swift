// InfraCore's JSON reader: what JSONWriter writes reads back as the same Value, object members
// keep their order, numbers keep their kind, and every malformed input is an error naming its
// line and column (never a crash, never a silent replacement).

import Foundation
import InfraCore
import Testing

@Suite("JSON reader")
struct JSONReaderTests {
    static let sample: Value = [
        "zebra": "first key stays first",
        "name": "quote \" backslash \\ slash / tab \t newline \n bell \u{07}",
        "unicode": "é, 中文, 😀, \u{FFFD}",
        "numbers": [0, -1, 42, Value.int(Int.max), Value.int(Int.min), 0.5, -2.25, 1e-7, 6.02e23],
        "flags": [true, false, nil],
        "nested": ["empty object": [:], "empty array": [], "deep": [["a": [["b": "c"]]]]],
        "interpolation": "${aws_vpc.main.id}",
    ]

    @Test("what JSONWriter writes reads back as the same value, pretty or compact, sorted or not")
    func roundTrip() throws {
        for writer in [JSONWriter(sortKeys: false), JSONWriter(sortKeys: false, pretty: false)] {
            let read = try JSONReader.read(writer.write(Self.sample))
            #expect(read.objectValue?.keys == Self.sample.objectValue?.keys)
            for (key, value) in Self.sample.objectValue ?? ValueObject() {
                #expect(read[key] == value, "\(key)")
            }
        }
        let sorted = try JSONReader.read(JSONWriter(sortKeys: true).write(Self.sample))
        #expect(sorted.objectValue?.keys == Self.sample.objectValue?.keys.sorted())
    }

    @Test("object members keep the order of the text; a repeated key keeps its place and its last value")
    func memberOrder() throws {
        let value = try JSONReader.read(#"{"b": 1, "a": 2, "b": 3}"#)
        #expect(value.objectValue?.keys == ["b", "a"])
        #expect(value["b"] == .int(3))
    }

    @Test("integers stay integers; fractions, exponents and integers beyond Int are doubles")
    func numbers() throws {
        #expect(
            try JSONReader.read("[1, -0, 1.0, 1e2, 123456789012345678901234567890]") == [
                .int(1), .int(0), .double(1), .double(100), .double(1.2345678901234568e29),
            ])
    }

    @Test("escapes decode, surrogate pairs join, raw UTF-8 passes through")
    func strings() throws {
        #expect(try JSONReader.read(#""\u00e9\ud83d\ude00\/\b\f\r""#) == .string("é😀/\u{08}\u{0C}\r"))
        #expect(try JSONReader.read(Array("\"grüße 🚀\"".utf8)) == .string("grüße 🚀"))
    }

    @Test(
        "malformed input is an error with line and column",
        arguments: [
            ("", 1, 1, "expected a value, found the end of the text"),
            ("{\n  \"a\" 1\n}", 2, 7, "expected ':' after the key \"a\", found '1'"),
            ("[1,]", 1, 4, "expected a value, found ']'"),
            ("[1 2]", 1, 4, "expected ',' or ']', found '2'"),
            ("{\"a\": 1,}", 1, 9, "expected a key in quotes, found '}'"),
            ("{\"é\": tru}", 1, 10, "expected true, found '}'"),
            ("01", 1, 2, "a number cannot start with 0"),
            ("1.", 1, 3, "expected a digit after '.', found the end of the text"),
            ("-", 1, 2, "expected a digit, found the end of the text"),
            ("1e999", 1, 1, "the number 1e999 is out of range"),
            ("\"open", 1, 1, "the string that starts here is not closed"),
            ("\"a\tb\"", 1, 3, "a control character (byte 0x09) must be escaped in a string"),
            (#""\x""#, 1, 2, "unknown escape \\x"),
            (#""\u12""#, 1, 2, "expected four hex digits after \\u"),
            (#""\ud800x""#, 1, 2, "the escape \\uD800 starts a surrogate pair without its second half"),
            (#""\udc00""#, 1, 2, "the escape \\uDC00 is half of a surrogate pair"),
            ("{} {}", 1, 4, "unexpected text after the JSON value"),
            ("nul", 1, 4, "expected null, found the end of the text"),
            ("'a'", 1, 1, "expected a value, found '''"),
        ])
    func errors(_ text: String, _ line: Int, _ column: Int, _ reason: String) {
        #expect(
            throws: JSONSyntaxError(line: line, column: column, offset: offset(line, column, in: text), reason: reason)
        ) {
            try JSONReader.read(text)
        }
    }

    @Test("bytes that are not UTF-8 are refused where they are")
    func invalidUTF8() {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONReader.read([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D]) }
        #expect(error?.description == "line 1, column 4: the string is not valid UTF-8")
        #expect(error?.offset == 3)
    }

    @Test("nesting deeper than the limit is refused, not a stack overflow")
    func depth() throws {
        let deep = String(repeating: "[", count: JSONReader.maximumDepth + 1)
        let error = #expect(throws: JSONSyntaxError.self) { try JSONReader.read(deep) }
        #expect(error?.reason == "nesting deeper than \(JSONReader.maximumDepth)")
        let allowed =
            String(repeating: "[", count: JSONReader.maximumDepth)
            + String(repeating: "]", count: JSONReader.maximumDepth)
        #expect(throws: Never.self) { try JSONReader.read(allowed) }
    }

    @Test("it reads what Foundation reads on a large document, and numbers exactly as written")
    func agreesWithFoundation() throws {
        var resources = ValueObject()
        for index in 0..<2000 {
            resources.appendUnique(
                "bucket_\(index)",
                ["bucket": .string("oves-\(index)"), "tags": ["n": .int(index), "ratio": .double(Double(index) / 7)]])
        }
        let bytes = JSONWriter(sortKeys: false).write(["resource": ["aws_s3_bucket": .object(resources)]])
        let ours = try JSONReader.read(bytes)
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let buckets = try #require((theirs["resource"] as? [String: Any])?["aws_s3_bucket"] as? [String: Any])
        let read = try #require(ours["resource"]?["aws_s3_bucket"]?.objectValue)
        #expect(read.keys == resources.keys, "members in the order written")
        #expect(Set(read.keys) == Set(buckets.keys))
        for (name, body) in buckets {
            #expect(read[name]?["bucket"]?.stringValue == (body as? [String: Any])?["bucket"] as? String)
        }
        // Numbers read back exactly: the shortest text of a Double gives that Double again.
        // (Foundation's reader is off by one unit in the last place for some of these on Linux.)
        for index in 0..<2000 {
            let ratio: Double? =
                switch read["bucket_\(index)"]?["tags"]?["ratio"] {
                case .int(let number)?: Double(number)  // integral ratios are written without a fraction
                case .double(let number)?: number
                default: nil
                }
            #expect(ratio == Double(index) / 7)
        }
    }

    /// The byte offset of `line`:`column` (columns count scalars) in `text`.
    private func offset(_ line: Int, _ column: Int, in text: String) -> Int {
        var currentLine = 1
        var currentColumn = 1
        var offset = 0
        for scalar in text.unicodeScalars {
            if currentLine == line && currentColumn == column { return offset }
            if scalar == "\n" {
                currentLine += 1
                currentColumn = 1
            } else {
                currentColumn += 1
            }
            offset += String(scalar).utf8.count
        }
        return offset
    }
}
