// The fixture folder checkov scans: every rule example merged into violating/ and compliant/
// (one Terraform root and one YAML stream each). Written from the Swift cases with
// `INFRA_RECORD_SNAPSHOTS=1 swift test --filter CheckovAgreement`; a test fails when stale.

import Foundation
import InfraCore
import InfraPolicy

enum CheckovFixtures {
    /// `<package root>`, found from this file (symlinks resolved, so dev packages work too).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `Tests/InfraTestingFixtures/policy-scan` (outside any target, so SwiftPM sees no
    /// unhandled resource files).
    static var folder: URL {
        packageRoot.appendingPathComponent("Tests/InfraTestingFixtures/policy-scan")
    }

    static let cases = TerraformCases.all + KubernetesCases.all

    /// The fixture files, relative to ``folder``.
    static func files() -> [(path: String, bytes: [UInt8])] {
        var result: [(String, [UInt8])] = []
        for (group, violates) in [("compliant", false), ("violating", true)] {
            let selected = cases.filter { $0.violates == violates }
            let terraform = merge(selected.flatMap(\.documents).filter { $0.format == .terraform }.map(\.value))
            result.append(("\(group)/main.tf.json", JSONWriter(sortKeys: true).write(terraform)))
            let objects = selected.flatMap(\.documents).filter { $0.format == .kubernetes }.map(\.value)
            result.append(("\(group)/workloads.yaml", YAMLWriter().writeStream(objects)))
        }
        return result
    }

    /// Merges Terraform documents section → type → name (names are unique across cases).
    static func merge(_ documents: [Value]) -> Value {
        var root = ValueObject()
        for document in documents {
            for (section, types) in document.objectValue ?? ValueObject() {
                var merged = root[section]?.objectValue ?? ValueObject()
                for (type, names) in types.objectValue ?? ValueObject() {
                    var byName = merged[type]?.objectValue ?? ValueObject()
                    for (name, body) in names.objectValue ?? ValueObject() { byName[name] = body }
                    merged[type] = .object(byName)
                }
                root[section] = .object(merged)
            }
        }
        return .object(root)
    }

    /// Whether this run re-records generated files.
    static var isRecording: Bool {
        ["1", "true", "yes"].contains(ProcessInfo.processInfo.environment["INFRA_RECORD_SNAPSHOTS"]?.lowercased() ?? "")
    }

    /// Writes the fixture files.
    static func record() throws {
        for file in files() {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url, options: .atomic)
        }
    }

    /// The fixture files whose committed bytes differ from what the cases give.
    static func staleFiles() -> [String] {
        files().filter { file in
            let committed = FileManager.default.contents(atPath: folder.appendingPathComponent(file.path).path)
            return committed.map { [UInt8]($0) } != file.bytes
        }.map(\.path)
    }
}
