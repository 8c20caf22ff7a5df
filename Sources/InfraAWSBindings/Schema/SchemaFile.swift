// Reading and writing the committed schema file. The full AWS provider schema is ~13 MB
// of JSON, ~0.4 MB gzip-compressed; Foundation on Linux has no zlib API, so `.gz` goes
// through the system `gzip`, which every supported platform ships.

import Foundation

/// File access for schema JSON, transparently gzip-aware.
package enum SchemaFile {
    /// The bytes of `path`, decompressed when it ends in `.gz`.
    package static func read(path: String) throws -> Data {
        let raw = try Data(contentsOf: URL(fileURLWithPath: path))
        return path.hasSuffix(".gz") ? try gzip(["-dc"], input: raw) : raw
    }

    /// Writes `data` to `path`, compressed when it ends in `.gz` (deterministic: no name or time stamp).
    package static func write(_ data: Data, to path: String) throws {
        let bytes = path.hasSuffix(".gz") ? try gzip(["-9", "-n", "-c"], input: data) : data
        try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func gzip(_ arguments: [String], input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip"] + arguments
        let inPipe = Pipe()
        let outPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        try process.run()
        // Feed input on another thread so a full output pipe cannot deadlock us.
        let writer = Thread {
            inPipe.fileHandleForWriting.write(input)
            try? inPipe.fileHandleForWriting.close()
        }
        writer.start()
        let output = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SchemaError("gzip \(arguments) failed") }
        return output
    }
}
