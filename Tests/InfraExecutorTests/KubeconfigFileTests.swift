// `kubeconfig` writes its file the way a file holding cluster access should be written: created owner-only (0600)
// even under a permissive umask, an existing file (any mode) merged and left 0600, a symbolic link kept as a link,
// and a file it cannot read left exactly as it was.

import Foundation
import InfraCore
import InfraExecutor
import InfraTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("kubeconfig file", .serialized)
struct KubeconfigFileTests {
    static let cluster = EKSCluster(
        name: "oves-prod", arn: "arn:aws-cn:eks:cn-north-1:123456789012:cluster/oves-prod",
        endpoint: "https://ABC.yl4.cn-north-1.eks.amazonaws.com.cn", certificateAuthorityData: "Q0E=", status: "ACTIVE",
        version: "1.31")

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("a new kubeconfig (and its directory) is created owner-only, even with umask 000")
    func newFileIsPrivate() throws {
        let directory = try ExternalTools.temporaryDirectory("infra-exec")
        let path = directory.appendingPathComponent("kube/config").path
        let previous = umask(0)
        defer { umask(previous) }
        let (file, context) = try Kubeconfig.update(
            path: path, cluster: Self.cluster, region: "cn-north-1", profile: nil, command: "infra-manifest")
        #expect(file == path)
        #expect(context == Self.cluster.arn)
        #expect(try Self.mode(path) == 0o600)
        #expect(try Self.mode(directory.appendingPathComponent("kube").path) == 0o700)
        let written = try KubeconfigYAMLReader.parse(String(contentsOfFile: path, encoding: .utf8))
        #expect(written["current-context"]?.stringValue == Self.cluster.arn)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("kube").path) == [
                "config"
            ],
            "no temporary file is left behind")
    }

    @Test("an existing kubeconfig is merged, not clobbered, and ends owner-only")
    func existingFileIsMerged() throws {
        let directory = try ExternalTools.temporaryDirectory("infra-exec")
        let path = directory.appendingPathComponent("config").path
        try Data(CommandLogicTests.existingKubeconfig.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        try Kubeconfig.update(
            path: path, cluster: Self.cluster, region: "cn-north-1", profile: "china", command: "infra-manifest")
        let merged = try KubeconfigYAMLReader.parse(String(contentsOfFile: path, encoding: .utf8))
        #expect(
            merged["clusters"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["kind-dev", Self.cluster.arn])
        #expect(merged["users"]?.arrayValue?.first?["user"]?["token"]?.stringValue == "abc # not a comment")
        #expect(try Self.mode(path) == 0o600)
    }

    @Test("a symbolic link stays a link; its destination is updated")
    func linkIsKept() throws {
        let directory = try ExternalTools.temporaryDirectory("infra-exec")
        let real = directory.appendingPathComponent("shared-config").path
        let link = directory.appendingPathComponent("config").path
        try Data(CommandLogicTests.existingKubeconfig.utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "shared-config")
        let (file, _) = try Kubeconfig.update(
            path: link, cluster: Self.cluster, region: "cn-north-1", profile: nil, command: "infra-manifest")
        #expect(file == real)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "shared-config")
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains(Self.cluster.arn))
    }

    @Test("a kubeconfig that cannot be read is an error and stays byte for byte as it was")
    func unreadableIsLeftAlone() throws {
        let directory = try ExternalTools.temporaryDirectory("infra-exec")
        let path = directory.appendingPathComponent("config").path
        let original = "users:\n- name: x\n  user:\n    token: |\n      abc\n"
        try Data(original.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: KubeconfigReadError.self) {
            try Kubeconfig.update(
                path: path, cluster: Self.cluster, region: "cn-north-1", profile: nil, command: "infra-manifest")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["config"])
    }
}
