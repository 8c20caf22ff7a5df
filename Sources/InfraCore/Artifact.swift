// The files a synthesis produces, before anything touches the disk. A file is only its path
// and bytes: readers that need what a file holds read the resolved model (`ResolvedModel`),
// never the bytes back.

/// One synthesized file: a path relative to the output folder and its bytes.
///
/// The bytes may be kept in the pieces they were written in (``chunks``): a large file written
/// side by side in parts is then never copied into one array — the output writer hashes and
/// writes the pieces in order — unless ``bytes`` is read.
///
/// ```swift
/// Artifact(path: "terraform/environments/dev/main.tf.json", bytes: Array("{}\n".utf8))
/// ```
public struct Artifact: Sendable, Hashable {
    /// The path relative to the output folder, `/`-separated.
    public var path: String
    /// The file's contents in order, as written; the file is their concatenation.
    public private(set) var chunks: [[UInt8]]

    /// Creates an artifact.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.chunks = [bytes]
    }

    /// Creates an artifact whose contents are `chunks`, one after another.
    public init(path: String, chunks: [[UInt8]]) {
        self.path = path
        self.chunks = chunks
    }

    /// The file's contents (joined from ``chunks`` when there are several).
    public var bytes: [UInt8] {
        get {
            if chunks.count == 1 { return chunks[0] }
            var joined: [UInt8] = []
            joined.reserveCapacity(byteCount)
            for chunk in chunks { joined += chunk }
            return joined
        }
        set { chunks = [newValue] }
    }

    /// The file's size in bytes.
    public var byteCount: Int { chunks.reduce(0) { $0 + $1.count } }

    /// The contents as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether both have the same path and contents, however the contents are split.
    public static func == (left: Artifact, right: Artifact) -> Bool {
        left.path == right.path && left.byteCount == right.byteCount
            && left.chunks.joined().elementsEqual(right.chunks.joined())
    }

    /// Hashes the path and the contents, however the contents are split.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(byteCount)
        for chunk in chunks { chunk.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}
