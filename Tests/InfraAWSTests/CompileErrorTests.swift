// The type checker enforces the schema: a missing required argument or a value of the
// wrong Terraform type does not compile. Each case type-checks a small file against the
// InfraAWS module this test run was built with (`swiftc -typecheck`, a few seconds).

import Foundation
import InfraTestSupport
import Testing

@Suite("Compile-time checking of generated types", .serialized)
struct CompileErrorTests {
    /// The folder holding the built `.swiftmodule`s of this test run, if found.
    static var modulesDirectory: URL? {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates += [dir.appendingPathComponent("Modules"), dir]
            dir.deleteLastPathComponent()
        }
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("InfraAWS.swiftmodule").path)
        }
    }

    /// Type-checks `source` against the built modules; nil when the toolchain or modules are missing.
    static func typecheck(_ source: String) throws -> ExternalTools.Output? {
        let swiftc = ProcessInfo.processInfo.environment["SWIFTC"] ?? ExternalTools.which("swiftc")
        guard ExternalTools.require("swiftc", at: swiftc), let swiftc else { return nil }
        guard let modules = modulesDirectory else {
            if ExternalTools.isCI { Issue.record("built InfraAWS.swiftmodule not found next to the test bundle") }
            return nil
        }
        let dir = try ExternalTools.temporaryDirectory("aws-typecheck")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("main.swift")
        try Data(("import InfraAWS\nimport InfraCore\nimport InfraTerraform\n" + source).utf8).write(to: file)
        return try ExternalTools.run(swiftc, ["-typecheck", "-swift-version", "6", "-I", modules.path, file.path])
    }

    @Test("correct use type-checks")
    func correctUse() throws {
        guard
            let out = try Self.typecheck(
                """
                let vpc = AWSVPC("main", cidrBlock: "10.0.0.0/16")
                let subnet = AWSSubnet("a", vpcId: vpc.id, cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: true)
                _ = AWSEKSCluster("c", name: "prod", roleArn: AWSIAMRole("r", assumeRolePolicy: "{}").arn,
                                  vpcConfig: .init(subnetIds: [subnet.id]))
                """)
        else { return }
        #expect(out.status == 0, "\(out.stderr)")
    }

    @Test("a missing required argument is a compile error")
    func missingRequiredArgument() throws {
        guard let out = try Self.typecheck("_ = AWSSubnet(\"a\", cidrBlock: \"10.0.1.0/24\")\n") else { return }
        #expect(out.status != 0)
        #expect(out.stderr.contains("missing argument"), "\(out.stderr)")
    }

    @Test("a value of the wrong attribute type is a compile error")
    func wrongAttributeType() throws {
        guard let out = try Self.typecheck("_ = AWSSubnet(\"a\", vpcId: \"vpc-1\", mapPublicIpOnLaunch: \"yes\")\n")
        else { return }
        #expect(out.status != 0)
        #expect(out.stderr.contains("error:"), "\(out.stderr)")
    }

    @Test("a reference of the wrong type is a compile error")
    func wrongReferenceType() throws {
        guard
            let out = try Self.typecheck(
                "let vpc = AWSVPC(\"main\")\n_ = AWSSubnet(\"a\", vpcId: vpc.enableDnsSupportRef)\n")
        else { return }
        #expect(out.status != 0)
        #expect(out.stderr.contains("Expr<Bool>"), "\(out.stderr)")
    }
}
