// YAML round trip through the real YAML library: vendored upstream YAML → Include → our writer →
// Yams equals Yams' reading of the input. Unstructured objects (the upstream CRDs) come back
// exactly; typed objects come back exactly but for what the typed model normalises, each named here.

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import Testing
import Yams

/// A YAML stream as Yams reads it (its own default resolver), in a form that compares mappings
/// without regard to key order.
func yamsReading(_ text: String) throws -> [NSObject] {
    try Yams.load_all(yaml: text).map { canonical($0) }
}

/// Foundation values with mappings as `NSDictionary`, so `==` ignores key order, and scalars as
/// strings tagged with their type (`s:api`, `i:3`, `d:1.5`, `b:true`), so `3`, `3.0`, `"3"` and
/// `true` stay apart (NSNumber would call some of them equal).
func canonical(_ value: Any?) -> NSObject {
    switch value {
    case let dictionary as [AnyHashable: Any]:
        var result: [String: NSObject] = [:]
        for (key, element) in dictionary { result["\(key)"] = canonical(element) }
        return result as NSDictionary
    case let array as [Any]: return array.map { canonical($0) } as NSArray
    case let string as String: return "s:\(string)" as NSString
    case let bool as Bool: return "b:\(bool)" as NSString
    case let int as Int: return "i:\(int)" as NSString
    case let double as Double: return "d:\(double)" as NSString
    case nil, is NSNull: return "null" as NSString
    default: return "?:\(value ?? "nil")" as NSString
    }
}

/// The objects of `include` as one YAML stream written by our writer.
func written(_ include: Include) -> String {
    var bytes: [UInt8] = []
    for (offset, object) in include.objects.enumerated() {
        if offset > 0 { bytes += Array("---\n".utf8) }
        object.appendYAMLDocument(to: &bytes)
    }
    return String(decoding: bytes, as: UTF8.self)
}

@Suite("Include round trip with Yams")
struct IncludeRoundTripTests {
    @Test("vendored upstream CRDs come back exactly", arguments: Fixtures.upstreamFiles)
    func upstream(_ file: String) throws {
        let input = try String(contentsOfFile: Fixtures.upstream(file), encoding: .utf8)
        let include = Include(yaml: input, source: file)
        #expect(messages(include).isEmpty)
        #expect(!include.objects.isEmpty)
        let output = written(include)
        #expect(try yamsReading(output) == yamsReading(input))
        // And our reading of our output is our reading of the input.
        #expect(Include(yaml: output).objects.map { $0.renderValue() } == include.objects.map { $0.renderValue() })
    }

    @Test("typed objects come back but for nulls, server-written status and numeric quantities, which are normalised")
    func typed() throws {
        let input = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
              namespace: shop
              creationTimestamp: null
              labels: {app: api, "yes": "on"}
            spec:
              replicas: 3
              selector:
                matchLabels: {app: api}
              strategy:
                rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
              template:
                metadata:
                  labels: {app: api}
                spec:
                  containers:
                  - name: api
                    image: ghcr.io/acme/api:2.0
                    args: ["--port=8080", "012", ""]
                    resources:
                      limits: {cpu: 2, memory: 1Gi}
                    env:
                    - {name: MODE, value: "true"}
                    - name: TEXT
                      value: |
                        first line
                        second line
            status: {}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: shop}
            spec:
              ports: [{name: http, port: 80, targetPort: http}]
              selector: {app: api}
            status:
              loadBalancer: {}
            """
        let include = Include(yaml: input, source: "api.yaml")
        #expect(messages(include).isEmpty)
        #expect(include.objects.first is Deployment && include.objects.last is Service)
        let output = try yamsReading(written(include))
        // The normalisations: `creationTimestamp: null` is unset, `status` is the server's, and a
        // quantity keeps its text (`cpu: 2` is written `"2"`, the same quantity to Kubernetes).
        let expected = try yamsReading(input).map { $0.mutableCopy() as? NSMutableDictionary ?? [:] }
        expected[0].removeObject(forKey: "status")
        expected[1].removeObject(forKey: "status")
        let metadata = (expected[0]["metadata"] as? NSDictionary)?.mutableCopy() as? NSMutableDictionary
        metadata?.removeObject(forKey: "creationTimestamp")
        expected[0]["metadata"] = metadata
        let text = String(decoding: Array(try JSONSerialization.data(withJSONObject: expected[0])), as: UTF8.self)
            .replacingOccurrences(of: "\"cpu\":\"i:2\"", with: "\"cpu\":\"s:2\"")
        let deployment = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
        #expect(output == [deployment, expected[1]])
    }
}
