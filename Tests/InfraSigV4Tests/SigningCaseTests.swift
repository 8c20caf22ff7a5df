// Tests of the batch API the benchmark runner uses: `SigningContract.cases(in:)`, `SigningCase.sign(cache:)` and
// `SigV4SigningKeyCache` (one derived key per credentials and scope, never a stale one).

import Foundation
import InfraSigV4
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
}
