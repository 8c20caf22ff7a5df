// The files a synthesis produces, before anything touches the disk. A file is only its path
// and bytes: readers that need what a file holds read the resolved model (`ResolvedModel`),
// never the bytes back.

/// One synthesized file: a path relative to the output folder and its bytes.
///
/// ```swift
/// Artifact(path: "terraform/environments/dev/main.tf.json", bytes: Array("{}\n".utf8))
/// ```
public struct Artifact: Sendable, Hashable {
    /// The path relative to the output folder, `/`-separated.
    public var path: String
    /// The file's contents.
    public var bytes: [UInt8]

    /// Creates an artifact.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The contents as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
