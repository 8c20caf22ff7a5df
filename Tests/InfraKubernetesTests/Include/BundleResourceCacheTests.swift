// `Include(resource:in:)` reads each bundle resource once per process: a second include of the
// same resource gets the first one's objects (bundle files do not change while the process runs),
// unless it reads with other kinds, and the modifiers of one include never reach another.

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import Testing

@Suite("Bundle resources are read once per process")
struct BundleResourceCacheTests {
    /// A bundle folder with `vendor/app.yaml` holding a ConfigMap named `name`.
    static func bundle(named name: String) throws -> (Bundle, URL) {
        let directory = try ExternalTools.temporaryDirectory("include-cache")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("vendor"), withIntermediateDirectories: true)
        try write(name, in: directory)
        return (try #require(Bundle(path: directory.path)), directory)
    }

    static func write(_ name: String, in directory: URL) throws {
        try Data("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \(name), namespace: upstream}\n".utf8)
            .write(to: directory.appendingPathComponent("vendor/app.yaml"))
    }

    @Test("a second include of a resource reuses the first read, even after the file changed on disk")
    func readOnce() throws {
        let (bundle, directory) = try Self.bundle(named: "first")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = Include(resource: "vendor/app.yaml", in: bundle)
        try Self.write("second", in: directory)
        let again = Include(resource: "vendor/app.yaml", in: bundle)
        #expect(first.objects.map(\.name) == ["first"])
        #expect(again.objects.map(\.name) == ["first"])
        #expect(again.objects.first is ConfigMap)
        // A plain file is read every time.
        let file = Include(file: directory.appendingPathComponent("vendor/app.yaml").path)
        #expect(file.objects.map(\.name) == ["second"])
    }

    @Test("other kinds read the resource again; modifiers change only their own copy")
    func kindsAndModifiers() throws {
        let (bundle, directory) = try Self.bundle(named: "settings")
        defer { try? FileManager.default.removeItem(at: directory) }
        let typed = Include(resource: "vendor/app.yaml", in: bundle)
        let unstructured = Include(resource: "vendor/app.yaml", in: bundle, kinds: KubernetesKindRegistry([]))
        #expect(typed.objects.first is ConfigMap)
        #expect(unstructured.objects.first is UnstructuredObject)
        #expect(Include(resource: "vendor/app.yaml", in: bundle).objects.first is ConfigMap)

        let moved = Include(resource: "vendor/app.yaml", in: bundle).namespace("platform")
        #expect(moved.objects.first?.metadata.namespace == "platform")
        #expect(Include(resource: "vendor/app.yaml", in: bundle).objects.first?.metadata.namespace == "upstream")
    }

    @Test("a resource that cannot be read is an error every time it is included")
    func failures() throws {
        let (bundle, directory) = try Self.bundle(named: "settings")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data([0xFF, 0xFE, 0x00]).write(to: directory.appendingPathComponent("vendor/bad.yaml"))
        for _ in 0..<2 {
            let bad = Include(resource: "vendor/bad.yaml", in: bundle)
            #expect(bad.hasErrors)
            #expect(bad.objects.isEmpty)
        }
    }
}
