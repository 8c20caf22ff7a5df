// Runs every case of `shared/testdata/sigv4/` (official aws-c-auth suite + botocore-generated calls) through
// the signing contract and compares each expected field. 100% must pass.

import Foundation
import InfraSigningContract
import Testing

/// Locates and loads the shared SigV4 vectors relative to the package root.
enum SigV4Vectors {
    /// `<package root>/../shared/testdata/sigv4`.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/testdata/sigv4")

    /// Case names from `cases.txt` (empty when the directory is missing; a test then fails).
    static let names: [String] = {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("cases.txt"), encoding: .utf8)
        else { return [] }
        return text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }()

    /// The parsed case object.
    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

@Suite("SigV4 test vectors")
struct SigV4VectorTests {
    @Test("the shared vector suite is present")
    func vectorsArePresent() {
        #expect(SigV4Vectors.names.count >= 100, "expected the vectors at \(SigV4Vectors.directory.path)")
    }

    @Test("every vector signs exactly as expected", arguments: SigV4Vectors.names)
    func vectorMatches(name: String) throws {
        var object = try SigV4Vectors.load(name)
        let expected = try #require(object["expected"] as? [String: String])
        object["expected"] = nil
        let input = try JSONSerialization.data(withJSONObject: object)
        let output = try SigningContract.run(input: Array(input), batch: false)
        let result = try #require(
            try JSONSerialization.jsonObject(with: Data(output)) as? [String: String])
        #expect(result["canonicalRequest"] == expected["canonicalRequest"], "canonical request")
        #expect(result["stringToSign"] == expected["stringToSign"], "string to sign")
        #expect(result["signature"] == expected["signature"], "signature")
        if let authorization = expected["authorization"] {
            #expect(result["authorization"] == authorization)
        }
        if let signedQuery = expected["signedQuery"] {
            #expect(Self.pairs(result["signedQuery"] ?? "") == Self.pairs(signedQuery), "signed query")
        }
        if let eksToken = expected["eksToken"] {
            #expect(result["eksToken"] == eksToken)
        }
    }

    /// The decoded `name=value` pairs of a query, sorted (the checker compares signed queries as sets).
    static func pairs(_ query: String) -> [String] {
        query.split(separator: "&").map { piece in
            let decoded = String(piece).removingPercentEncoding ?? String(piece)
            return decoded.contains("=") ? decoded : decoded + "="
        }.sorted()
    }

    @Test("batch mode signs an array in order")
    func batchKeepsOrder() throws {
        let names = Array(SigV4Vectors.names.prefix(5))
        var objects = [[String: Any]]()
        for name in names {
            var object = try SigV4Vectors.load(name)
            object["expected"] = nil
            objects.append(object)
        }
        let output = try SigningContract.run(
            input: Array(try JSONSerialization.data(withJSONObject: objects)), batch: true)
        let results = try #require(try JSONSerialization.jsonObject(with: Data(output)) as? [[String: String]])
        #expect(results.count == names.count)
        for (name, result) in zip(names, results) {
            let expected = try #require(try SigV4Vectors.load(name)["expected"] as? [String: String])
            #expect(result["signature"] == expected["signature"], "\(name)")
        }
    }

    @Test("bad input is a clear error, not a crash")
    func badInputIsAnError() {
        #expect(throws: SigningContractError.self) { try SigningContract.run(input: Array("{".utf8), batch: false) }
        #expect(throws: SigningContractError.self) { try SigningContract.run(input: Array("{}".utf8), batch: true) }
        #expect(throws: SigningContractError.self) { try SigningContract.run(input: Array("{}".utf8), batch: false) }
    }
}
