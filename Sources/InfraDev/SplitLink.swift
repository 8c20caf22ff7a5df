// The executable's link in two parts, for the loop: every object of the modules the user does not
// edit goes into one shared library, linked once per `swift build`; after an edit only the edited
// modules' objects are linked, against it. That link reads a few objects instead of thousands, so it
// takes a fraction of a second where SwiftPM's static link of a debug executable takes seconds.

import Foundation

/// SwiftPM's link of an executable split into a shared library of the cold objects and an
/// executable of the hot ones (the modules being edited), with SwiftPM's own link arguments.
///
/// ```swift
/// let split = SplitLink(plan: plan, hotModules: ["my_infra"], directory: ".build/infra-dev/my-infra")
/// split?.library.arguments      // swiftc -emit-library -o …/libmy-infra-deps.so @…/cold.LinkFileList …
/// split?.executable.arguments   // swiftc -emit-executable -o …/my-infra @…/hot.LinkFileList -L… -lmy-infra-deps …
/// ```
public struct SplitLink: Sendable, Codable, Equatable {
    /// The modules whose objects the executable links itself.
    public var hotModules: [String]
    /// The objects of the executable part (those of `hotModules`).
    public var hotObjects: [String]
    /// The objects of the shared library (all the others the link reads).
    public var coldObjects: [String]
    /// The link of the shared library.
    public var library: BuildCommand
    /// The link of the executable against it.
    public var executable: BuildCommand
    /// The shared library's path.
    public var libraryPath: String
    /// The executable's path (in `directory`, not SwiftPM's: SwiftPM's stays as SwiftPM linked it).
    public var executablePath: String
    /// The object list the library's link reads (`@file`): the cold objects.
    public var coldList: String
    /// The object list the executable's link reads: the hot objects.
    public var hotList: String

    /// The object list files the two links read, path → the list.
    public var listFiles: [String: [String]] { [coldList: coldObjects, hotList: hotObjects] }

    /// The split of `plan`'s link with `hotModules` hot, its files in `directory`; nil when one side
    /// would be empty (nothing to gain), the link has no object list to split, or the platform is
    /// not Linux. With `lld` (by default when the toolchain has it and SwiftPM's link names no
    /// linker) both links use lld: they are infra-dev's own, and lld takes 40–50 % off each
    /// (measured on OVES: the library 3.07 → 1.85 s, the executable 0.53 → 0.28 s).
    public init?(plan: FastPlan, hotModules: Set<String>, directory: String, lld: Bool? = nil) {
        #if !os(Linux)
        // The arguments below are ELF's (`lib….so`, `-rpath=`); elsewhere SwiftPM's own link runs.
        return nil
        #else
        var link = plan.link
        if lld ?? Self.toolchainHasLLD(link),
            !link.arguments.contains(where: { $0.hasPrefix("-use-ld=") || $0.hasPrefix("-fuse-ld=") })
        {
            link.arguments.append("-use-ld=lld")
        }
        guard let listIndex = link.arguments.firstIndex(where: { $0.hasPrefix("@") }),
            let output = link.argument(after: "-o")
        else { return nil }
        let product = (output as NSString).lastPathComponent
        // A chain holds the compiles of modules downstream and their AST wraps; only the hot
        // modules' outputs count.
        var hotOutputs = Set<String>()
        for step in plan.chains.filter({ hotModules.contains($0.module) }).flatMap(\.steps) {
            if step.isSwiftModuleCompile {
                guard let module = step.argument(after: "-module-name"), hotModules.contains(module) else { continue }
            } else if step.arguments.contains("-modulewrap") {
                let output = step.outputs.first ?? ""
                guard hotModules.contains(where: { output.contains("/\($0).build/") }) else { continue }
            } else {
                continue
            }
            hotOutputs.formUnion(step.outputs)
        }
        let objects = link.inputs.filter { $0.hasSuffix(".o") }
        let hot = objects.filter(hotOutputs.contains)
        let cold = objects.filter { !hotOutputs.contains($0) }
        guard !hot.isEmpty, !cold.isEmpty else { return nil }

        let name = product + "-deps"
        let coldList = directory + "/cold.LinkFileList"
        let hotList = directory + "/hot.LinkFileList"
        self.coldList = coldList
        self.hotList = hotList
        self.hotModules = hotModules.sorted()
        self.hotObjects = hot
        self.coldObjects = cold
        self.libraryPath = directory + "/lib\(name).so"
        self.executablePath = directory + "/" + product

        // The library: the same arguments, its objects, a shared library instead of an executable,
        // without the entry point (which is the executable module's, a hot one).
        var common = link.arguments
        common[listIndex] = "@" + coldList
        var libraryArguments = Self.replacing("-o", with: libraryPath, in: common)
        libraryArguments = Self.removingEntryPoint(from: libraryArguments)
        libraryArguments = libraryArguments.map { $0 == "-emit-executable" ? "-emit-library" : $0 }
        self.library = BuildCommand(
            name: "infra-dev.\(name)", tool: "shell", inputs: cold + [coldList], outputs: [libraryPath],
            description: "Linking \(libraryPath) (\(cold.count) objects)", arguments: libraryArguments)

        var executableArguments = Self.replacing("-o", with: executablePath, in: link.arguments)
        executableArguments[listIndex] = "@" + hotList
        executableArguments += ["-L", directory, "-l" + name, "-Xlinker", "-rpath=" + directory]
        self.executable = BuildCommand(
            name: "infra-dev.\(product)", tool: "shell", inputs: hot + [hotList, libraryPath],
            outputs: [executablePath],
            description: "Linking \(executablePath) (\(hot.count) objects + lib\(name).so)",
            arguments: executableArguments)
        #endif
    }

    /// Whether `ld.lld` is beside the link's compiler driver (Swift toolchains for Linux ship it).
    public static func toolchainHasLLD(_ link: BuildCommand) -> Bool {
        guard let driver = link.arguments.first else { return false }
        return FileManager.default.isExecutableFile(
            atPath: (driver as NSString).deletingLastPathComponent + "/ld.lld")
    }

    /// Whether the library must be linked again: it is missing, its object list changed, or an
    /// object is newer than it (a `swift build` recompiled a cold module).
    public func libraryIsStale() -> Bool {
        let library = FileStamp(path: libraryPath)
        guard library.exists else { return true }
        guard FileManager.default.contents(atPath: coldList) == Self.listText(coldObjects) else { return true }
        return coldObjects.contains { FileStamp(path: $0).modified > library.modified }
    }

    /// Writes the object lists the links read (`@file`), quoted as response files are read.
    public func writeLists() throws {
        for (path, objects) in listFiles {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Self.listText(objects).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }

    /// The text of an object list: one path per line, quoted when it holds a space, quote or backslash.
    public static func listText(_ paths: [String]) -> Data {
        Data(
            paths.map { path in
                path.contains(where: { " \t\"'\\".contains($0) })
                    ? "\""
                        + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                        + "\"" : path
            }.joined(separator: "\n").utf8 + [0x0A])
    }

    private static func replacing(_ flag: String, with value: String, in arguments: [String]) -> [String] {
        var arguments = arguments
        if let index = arguments.firstIndex(of: flag), index + 1 < arguments.count { arguments[index + 1] = value }
        return arguments
    }

    /// Drops `-Xlinker --defsym -Xlinker main=…` (the executable's entry point alias).
    private static func removingEntryPoint(from arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            if index + 3 < arguments.count, arguments[index] == "-Xlinker", arguments[index + 1] == "--defsym",
                arguments[index + 2] == "-Xlinker", arguments[index + 3].hasPrefix("main=")
            {
                index += 4
                continue
            }
            result.append(arguments[index])
            index += 1
        }
        return result
    }
}
