// Addresses come from construct names, never from declaration order: reordering changes
// no byte of the output, and a renamed construct that declares its former name gets
// `moved` blocks instead of a destroy/create.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("construct identity is stable")
struct StableIdentityTests {
    static func network(_ name: String, formerName: String? = nil) -> Network {
        Network(
            name, cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], formerName: formerName)
    }

    static let bucket = SecureBucket("assets", bucketName: "oves-assets-test", logBucket: "oves-logs-test")

    @Test("reordering constructs changes nothing in the output")
    func reorderingIsInvisible() {
        let first = synthesizeConstructs {
            Self.network("net")
            Self.bucket
        }
        let second = synthesizeConstructs {
            Self.bucket
            Self.network("net")
        }
        #expect(first.diagnostics.errors.isEmpty)
        #expect(first.artifacts.map(\.bytes) == second.artifacts.map(\.bytes))
    }

    @Test("resource names derive from the construct name")
    func namesFromConstruct() {
        let result = synthesizeConstructs { Self.network("edge") }
        #expect(result.resourceNames("aws_vpc") == ["edge"])
        #expect(result.resourceNames("aws_subnet").sorted() == ["edge_database", "edge_private", "edge_public"])
    }

    @Test("a renamed construct declaring its former name emits moved blocks for every resource")
    func renameEmitsMoved() throws {
        let result = synthesizeConstructs { Self.network("core", formerName: "net") }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let moved = try #require(result.document()?["moved"]?.arrayValue)
        let pairs = moved.compactMap { entry -> String? in
            guard let from = entry["from"]?.stringValue, let to = entry["to"]?.stringValue else { return nil }
            return "\(from) -> \(to)"
        }
        #expect(pairs.contains("aws_vpc.net -> aws_vpc.core"))
        #expect(pairs.contains("aws_subnet.net_private -> aws_subnet.core_private"))
        #expect(pairs.contains("aws_flow_log.net -> aws_flow_log.core"))
        #expect(
            pairs.count
                == (result.document()?["resource"]?.objectValue?.members.reduce(0) {
                    $0 + ($1.value.objectValue?.count ?? 0)
                } ?? -1))
    }

    @Test("a renamed module call declaring its former name emits a moved block for the module")
    func renamedModuleCall() throws {
        let module = TerraformModule.construct(Network.self, "vpc", directory: "modules/vpc")
        let result = synthesizeConstructs { Self.network("core", formerName: "net").call(module: module) }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let moved = try #require(result.document()?["moved"]?.arrayValue)
        #expect(moved.first?["from"]?.stringValue == "module.net")
        #expect(moved.first?["to"]?.stringValue == "module.core")
    }
}
