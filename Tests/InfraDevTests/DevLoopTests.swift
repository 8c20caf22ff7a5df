// The loop end to end on a real package with the real toolchain: the first build through SwiftPM,
// an edit in the executable's module rebuilt with SwiftPM's own compile and link commands (the
// program prints the new value), a file added sent back to SwiftPM.

import Foundation
import InfraDev
import Testing

@Suite("The edit-and-run loop on a real package", .serialized)
struct DevLoopTests {
    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A new folder's path under the temporary directory (not created).
    static func temporaryFolder(_ prefix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    }

    /// The program's standard output.
    static func output(of executable: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("swift build once, then an edit is compiled and linked without SwiftPM; a new file goes back to it")
    func loop() throws {
        let root = Self.temporaryFolder("infra-dev-loop")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.write(
            root + "/Package.swift",
            """
            // swift-tools-version: 6.1
            import PackageDescription
            let package = Package(name: "hello", targets: [.executableTarget(name: "hello")])

            """)
        let main = root + "/Sources/hello/main.swift"
        try Self.write(main, "print(Greeting.text)\n")
        try Self.write(root + "/Sources/hello/Greeting.swift", "enum Greeting { static let text = \"one\" }\n")
        let loop = DevLoop(packagePath: root, product: "hello")

        #expect(try loop.build() == .swiftBuild(reason: "no earlier build by infra-dev"))
        let executable = root + "/.build/debug/hello"
        #expect(try Self.output(of: executable) == "one\n")
        #expect(loop.decide() == .upToDate)

        let greeting = root + "/Sources/hello/Greeting.swift"
        try Self.write(greeting, "enum Greeting { static let text = \"two\" }\n")
        let real = URL(fileURLWithPath: greeting).resolvingSymlinksInPath().path
        let decision = loop.decide()
        guard case .rebuildModule(let changed) = decision else {
            Issue.record("expected a rebuild of the module, got \(decision)")
            return
        }
        #expect(changed.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == [real])
        #expect(try loop.build() == .rebuiltModule(changed: changed))
        #expect(try Self.output(of: executable) == "two\n")
        #expect(loop.decide() == .upToDate)

        try Self.write(root + "/Sources/hello/Farewell.swift", "enum Farewell { static let text = \"bye\" }\n")
        try Self.write(main, "print(Greeting.text, Farewell.text)\n")
        guard case .swiftBuild(let reason) = try loop.build() else {
            Issue.record("a new file must go through swift build")
            return
        }
        #expect(reason.contains("Farewell.swift"))
        #expect(try Self.output(of: executable) == "two bye\n")

        // A compile error in the module: the fallback swift build fails and says so.
        try Self.write(greeting, "enum Greeting { static let text = }\n")
        #expect(throws: DevLoopError.self) { try loop.build() }
    }

    @Test("an edit links against a library of the other modules; an edit in that library compiles its importer too")
    func splitLink() throws {
        let root = Self.temporaryFolder("infra-dev-split")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.write(
            root + "/Package.swift",
            """
            // swift-tools-version: 6.1
            import PackageDescription
            let package = Package(
                name: "hello",
                targets: [.target(name: "Words"), .executableTarget(name: "hello", dependencies: ["Words"])])

            """)
        let main = root + "/Sources/hello/main.swift"
        let words = root + "/Sources/Words/Words.swift"
        try Self.write(main, "import Words\nprint(Words.greeting, \"one\")\n")
        try Self.write(words, "public enum Words { public static let greeting = \"hello\" }\n")
        let loop = DevLoop(packagePath: root, product: "hello")
        #expect(try loop.build() == .swiftBuild(reason: "no earlier build by infra-dev"))
        // The first build already splits: the next edit links against the library of Words.
        let library = root + "/.build/infra-dev/hello/libhello-deps.so"
        #expect(FileManager.default.fileExists(atPath: library))
        #expect(loop.executable == root + "/.build/infra-dev/hello/hello")
        #expect(try Self.output(of: loop.executable) == "hello one\n")

        try Self.write(main, "import Words\nprint(Words.greeting, \"two\")\n")
        let linked = try FileManager.default.attributesOfItem(atPath: library)[.modificationDate] as? Date
        guard case .rebuiltModule = try loop.build() else {
            Issue.record("an edit in the executable's module must not need swift build")
            return
        }
        #expect(try Self.output(of: loop.executable) == "hello two\n")
        #expect(try FileManager.default.attributesOfItem(atPath: library)[.modificationDate] as? Date == linked)

        // An edit in the library: its compile and its importer's, then (every module hot) SwiftPM's link.
        try Self.write(words, "public enum Words { public static let greeting = \"hi\" }\n")
        guard case .rebuiltModule = try loop.build() else {
            Issue.record("an edit in the package's library must not need swift build")
            return
        }
        #expect(loop.executable.hasSuffix("/debug/hello"))
        #expect(try Self.output(of: loop.executable) == "hi two\n")
        #expect(loop.decide() == .upToDate)
    }
}
