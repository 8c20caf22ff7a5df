// The record synth keeps in the output folder: every file it wrote with its SHA-256, and the
// folders it created. It is how synth knows which files are its own to replace or remove; anything
// else in the folder (Terraform's state and working files, a user's notes) it never touches.
// The record is plain, sorted JSON without timestamps, so two synths of one definition are identical.

import Foundation
import InfraCore

/// What synth wrote into an output folder: each file's path and SHA-256, and the folders it created.
///
/// Kept as ``fileName`` at the top of the output folder, for example:
/// ```json
/// {
///   "about": "Files swift-infra synth wrote here, with their SHA-256, and folders it created. …",
///   "folders": ["terraform", "terraform/dev"],
///   "sha256": {"terraform/dev/main.tf.json": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
///   "version": 1
/// }
/// ```
/// ```swift
/// if let record = try OutputRecord.read(in: URL(fileURLWithPath: "infra.out")) {
///     print(record.files.keys.sorted())
/// }
/// ```
public struct OutputRecord: Sendable, Hashable {
    /// The record's file name at the top of the output folder.
    public static let fileName = ".swift-infra-output.json"
    /// The version of the format this library reads and writes.
    public static let formatVersion = 1

    /// Each file synth wrote, by path relative to the output folder: its SHA-256 as lowercase hex.
    public var files: [String: String]
    /// The folders synth created (relative paths), which it removes again once they are empty.
    public var folders: Set<String>

    /// Creates a record.
    public init(files: [String: String] = [:], folders: Set<String> = []) {
        self.files = files
        self.folders = folders
    }

    /// Reads the record in `directory`, or `nil` when the folder or its record does not exist.
    ///
    /// Throws ``OutputError/unreadableRecord(_:)`` for a record that is not one this library wrote
    /// (a link, broken JSON, a newer version, a path that leaves the folder).
    public static func read(in directory: URL) throws -> OutputRecord? {
        guard let root = try FolderHandle.openRoot(directory) else { return nil }
        return try read(in: root)
    }

    /// Reads the record in an open output folder.
    static func read(in root: FolderHandle) throws -> OutputRecord? {
        switch try root.kind(of: fileName) {
        case nil: return nil
        case .file?: return try OutputRecord(decoding: try root.read(fileName))
        case let kind?: throw OutputError.unreadableRecord("\(fileName) is a \(kind.name), not a file")
        }
    }

    /// Decodes a record from its JSON, checking every path and hash in it.
    public init(decoding bytes: [UInt8]) throws {
        let stored: Stored
        do {
            stored = try Stored(try JSONReader.read(bytes))
        } catch {
            throw OutputError.unreadableRecord("\(Self.fileName) is not a record synth wrote (\(error))")
        }
        guard stored.version == Self.formatVersion else {
            throw OutputError.unreadableRecord(
                "\(Self.fileName) has format version \(stored.version); this swift-infra reads version "
                    + "\(Self.formatVersion)")
        }
        // A hand-edited path such as ../x must never steer a removal outside the folder.
        for path in stored.sha256.keys.sorted() + stored.folders {
            if let problem = OutputPathProblem.find(in: path) {
                throw OutputError.unreadableRecord("\(Self.fileName) lists \"\(path)\", which \(problem)")
            }
        }
        for (path, hash) in stored.sha256.sorted(by: { $0.key < $1.key }) where !ContentHash.isSHA256(hash) {
            throw OutputError.unreadableRecord("\(Self.fileName) has no SHA-256 for \(path)")
        }
        self.init(files: stored.sha256, folders: Set(stored.folders))
    }

    /// The record as the bytes written to disk: sorted keys, two-space indentation, no timestamps.
    public func encoded() -> [UInt8] {
        let document: Value = [
            "about": .string(Self.about),
            "folders": .array(folders.sorted().map(Value.string)),
            "sha256": .object(
                ValueObject(uniqueMembers: files.map { ValueObject.Member(key: $0.key, value: .string($0.value)) })),
            "version": .int(Self.formatVersion),
        ]
        return JSONWriter(sortKeys: true, pretty: true).write(document)
    }

    /// The note at the top of every record, for whoever opens it.
    public static let about =
        "Files swift-infra synth wrote here, with their SHA-256, and folders it created. synth replaces or "
        + "removes only these and never touches anything else in this folder; do not edit."

    /// The JSON shape, read from InfraCore's JSONReader (other members, such as `about`, are ignored).
    private struct Stored {
        var version: Int
        var sha256: [String: String]
        var folders: [String]

        /// The shape's members, or an error naming the first one that is missing or of another type.
        init(_ document: Value) throws(ShapeError) {
            guard case .int(let version)? = document["version"] else { throw ShapeError("no integer version") }
            guard let hashes = document["sha256"]?.objectValue else { throw ShapeError("no sha256 object") }
            guard let folders = document["folders"]?.arrayValue else { throw ShapeError("no folders array") }
            var sha256: [String: String] = [:]
            for member in hashes {
                guard let hash = member.value.stringValue else {
                    throw ShapeError("sha256 of \(member.key) not a string")
                }
                sha256[member.key] = hash
            }
            self.version = version
            self.sha256 = sha256
            self.folders = try folders.map { folder throws(ShapeError) in
                guard let path = folder.stringValue else { throw ShapeError("a folder that is not a string") }
                return path
            }
        }
    }

    /// A record whose JSON is valid but not of the record's shape.
    private struct ShapeError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
