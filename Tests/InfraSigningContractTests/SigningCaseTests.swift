// Tests of the batch API the benchmark runner uses: `SigningContract.cases(in:)`, `SigningCase.sign(cache:)`,
// `SigningContract.appendSignatures(of:to:reuseSigningKeys:)` (signing straight from the input bytes, whole or
// in `batchParts`) and `SigV4SigningKeyCache` (one derived key per credentials and scope, never a stale one).

import Foundation
import InfraSigV4
import InfraSigningContract
import Testing

@Suite("Signing cases and the signing-key cache")
struct SigningCaseTests {
    /// All shared vectors as one JSON array (without `expected`), and their expected signatures.
    static func vectorBatch() throws -> (input: [UInt8], signatures: [String]) {
        var objects = [Any]()
        var signatures = [String]()
        for name in SigV4Vectors.names {
            var object = try SigV4Vectors.load(name)
            let expected = try #require(object["expected"] as? [String: String])
            signatures.append(try #require(expected["signature"]))
            object["expected"] = nil
            objects.append(object)
        }
        return (Array(try JSONSerialization.data(withJSONObject: objects)), signatures)
    }

    @Test("cases decoded from one batch sign exactly as every vector expects")
    func batchCasesMatchVectors() throws {
        let batch = try Self.vectorBatch()
        let cases = try SigningContract.cases(in: batch.input)
        #expect(cases.count == batch.signatures.count)
        #expect(cases.count >= 100)
        var cache = SigV4SigningKeyCache()
        let signatures = cases.map { $0.sign(cache: &cache).signature }
        #expect(signatures == batch.signatures)
        #expect(cache.count < cases.count, "cases sharing a scope share a key")
    }

    @Test("decoding from raw memory, whole or streamed, gives the same cases as decoding an array")
    func rawMemoryMatchesArray() throws {
        let batch = try Self.vectorBatch()
        let fromArray = try SigningContract.cases(in: batch.input)
        let fromMemory = try batch.input.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            try SigningContract.cases(in: bytes)
        }
        #expect(fromMemory == fromArray)
        var streamed = [SigningCase]()
        try batch.input.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            try SigningContract.forEachCase(in: bytes) { streamed.append($0) }
        }
        #expect(streamed == fromArray, "streaming hands over the same cases in order")
    }

    @Test("one object decodes to one case")
    func singleObject() throws {
        let json = """
            {"credentials": {"accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "s"}, "region": "eu-west-1",
             "service": "sts", "timestamp": "20261125T161645Z",
             "request": {"method": "POST", "path": "/", "query": "", "headers": [["Host", "sts.amazonaws.com"]],
                         "bodyBase64": "QWN0aW9uPUdldENhbGxlcklkZW50aXR5"}}
            """
        let cases = try SigningContract.cases(in: Array(json.utf8))
        #expect(cases.count == 1)
        #expect(cases.first?.request.payload == .bytes(Array("Action=GetCallerIdentity".utf8)))
        #expect(cases.first?.options == SigV4Options())
    }

    @Test(
        "invalid cases are reported with their position",
        arguments: [
            ("[{\"region\": \"us-east-1\"}]", "request[0]"),
            ("[{}, 3]", "request[0]"),
            ("[{\"region\": }]", "invalid JSON"),
        ])
    func invalidCases(json: String, fragment: String) {
        #expect {
            _ = try SigningContract.cases(in: Array(json.utf8))
        } throws: { error in
            "\(error)".contains(fragment)
        }
    }

    @Test("the cache derives one key per credentials and scope")
    func cacheDerivesOncePerScope() {
        let credentials = SigV4Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret")
        var cache = SigV4SigningKeyCache()
        let first = cache.key(credentials: credentials, dateStamp: "20261125", region: "eu-west-1", service: "s3")
        let again = cache.key(credentials: credentials, dateStamp: "20261125", region: "eu-west-1", service: "s3")
        _ = cache.key(credentials: credentials, dateStamp: "20261125", region: "us-east-1", service: "s3")
        let back = cache.key(credentials: credentials, dateStamp: "20261125", region: "eu-west-1", service: "s3")
        #expect(cache.count == 2)
        #expect(first == again)
        #expect(first == back)
    }

    @Test("a rotated secret with the same access key id gets a fresh key")
    func rotatedSecretIsNotReused() {
        let old = SigV4Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "old-secret")
        let new = SigV4Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "new-secret")
        let request = SigV4Request(method: "GET", path: "/", headers: [SigV4Header("Host", "example.com")])
        let time = SigV4Timestamp(secondsSince1970: 1_764_087_405)
        var cache = SigV4SigningKeyCache()
        let signWith = { (credentials: SigV4Credentials, cache: inout SigV4SigningKeyCache) in
            SigningCase(
                request: request, credentials: credentials, region: "eu-west-1", service: "sts", time: time,
                options: SigV4Options()
            ).sign(cache: &cache).signature
        }
        _ = signWith(old, &cache)
        let rotated = signWith(new, &cache)
        let fresh = SigV4.sign(request, credentials: new, region: "eu-west-1", service: "sts", time: time)
        #expect(rotated == fresh.signature)
        #expect(cache.count == 2)
    }

    /// The signatures `appendSignatures` writes for `input`, one per line.
    static func signatureLines(_ input: [UInt8], reuseSigningKeys: Bool = true) throws -> [String] {
        var output = [UInt8]()
        try input.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            try SigningContract.appendSignatures(of: bytes, to: &output, reuseSigningKeys: reuseSigningKeys)
        }
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("signature-only batch signing gives every vector's signature", arguments: [true, false])
    func appendSignaturesMatchVectors(reuseSigningKeys: Bool) throws {
        let batch = try Self.vectorBatch()
        #expect(try Self.signatureLines(batch.input, reuseSigningKeys: reuseSigningKeys) == batch.signatures)
    }

    @Test("escaped and non-ASCII JSON strings decode to their text and sign like the decoded request")
    func escapedStrings() throws {
        let json = #"""
            [{"credentials": {"accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "wJalr\/K7MDENG"},
              "region": "eu-west-1", "service": "s3", "timestamp": "20261125T161645Z",
              "request": {"method": "GET", "path": "/r\u00e9sum\u00e9/caf\u00e9 \ud83d\ude00", "query": "a=\"b\"",
                          "headers": [["Host", "bucket.s3.amazonaws.com"], ["If-None-Match", "\"abc\""],
                                      ["x-amz-meta-name", "Zoë\tand  \u00e9"]],
                          "bodyBase64": ""},
              "options": {"normalizePath": false, "doubleURIEncode": false, "signedBodyHeader": true}}]
            """#
        let input = Array(json.utf8)
        let item = try #require(try SigningContract.cases(in: input).first)
        #expect(item.credentials.secretAccessKey == "wJalr/K7MDENG")
        #expect(item.request.path == "/résumé/café 😀")
        #expect(item.request.query == "a=\"b\"")
        #expect(item.request.headers[1] == SigV4Header("If-None-Match", "\"abc\""))
        #expect(item.request.headers[2] == SigV4Header("x-amz-meta-name", "Zoë\tand  é"))
        let expected = SigV4.sign(
            item.request, credentials: item.credentials, region: item.region, service: item.service, time: item.time,
            options: item.options)
        #expect(expected.canonicalRequest.contains("x-amz-meta-name:Zoë and é\n"))
        #expect(try Self.signatureLines(input) == [expected.signature])
        let contract = try JSONSerialization.jsonObject(with: Data(try SigningContract.run(input: input, batch: true)))
        let first = try #require((contract as? [[String: String]])?.first)
        #expect(first["canonicalRequest"] == expected.canonicalRequest)
        #expect(first["signature"] == expected.signature)
    }

    @Test("invalid UTF-8 in a string is repaired the way String(decoding:) repairs it")
    func invalidUTF8IsRepaired() throws {
        var input = Array(
            #"[{"credentials": {"accessKeyId": "AKID", "secretAccessKey": "s"}, "region": "r", "service": "sts", "#
                .utf8)
        input += Array(#""timestamp": "20261125T161645Z", "request": {"method": "GET", "path": "/a"#.utf8)
        input += [0xFF, 0xC3]
        input += Array(#"b", "headers": [["Host", "h"]]}}]"#.utf8)
        let item = try #require(try SigningContract.cases(in: input).first)
        #expect(item.request.path == "/a\u{FFFD}\u{FFFD}b")
        let expected = SigV4.sign(
            item.request, credentials: item.credentials, region: item.region, service: item.service, time: item.time)
        #expect(try Self.signatureLines(input) == [expected.signature])
    }

    @Test("a batch with a rotated secret signs each case with its own secret")
    func rotatedSecretInOneBatch() throws {
        func object(_ secret: String) -> String {
            #"{"credentials": {"accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "\#(secret)"}, "region": "eu-west-1", "#
                + #""service": "sts", "timestamp": "20261125T161645Z", "#
                + #""request": {"method": "GET", "path": "/", "headers": [["Host", "sts.amazonaws.com"]]}}"#
        }
        let input = Array("[\(object("old")), \(object("new")), \(object("old"))]".utf8)
        let request = SigV4Request(method: "GET", path: "/", headers: [SigV4Header("Host", "sts.amazonaws.com")])
        let time = try #require(SigV4Timestamp(amzDate: "20261125T161645Z"))
        let expected = ["old", "new", "old"].map { secret in
            SigV4.sign(
                request, credentials: SigV4Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret),
                region: "eu-west-1", service: "sts", time: time
            ).signature
        }
        #expect(expected[0] != expected[1])
        #expect(try Self.signatureLines(input) == expected)
    }

    @Test("a batch split into parts signs, part by part, exactly like the whole batch", arguments: [1, 2, 3, 7, 500])
    func batchPartsSignLikeTheWhole(count: Int) throws {
        let batch = try Self.vectorBatch()
        let joined = try batch.input.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let parts = try SigningContract.batchParts(of: bytes, count: count)
            #expect(parts.count == min(count, batch.signatures.count))
            var output = [UInt8]()
            for part in parts {
                try SigningContract.appendSignatures(of: UnsafeRawBufferPointer(rebasing: bytes[part]), to: &output)
            }
            return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        #expect(joined == batch.signatures)
    }

    @Test("batch parts need an array; an empty array has none")
    func batchPartsOfNonArrays() throws {
        for json in ["{}", "[{\"a\": \"]\"}", ""] {
            #expect(throws: SigningContractError.self) {
                _ = try Array(json.utf8).withUnsafeBytes { try SigningContract.batchParts(of: $0, count: 2) }
            }
        }
        let none = try Array(" [ ] ".utf8).withUnsafeBytes { try SigningContract.batchParts(of: $0, count: 2) }
        #expect(none.isEmpty)
    }
}
