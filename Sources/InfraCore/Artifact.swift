// The files a synthesis produces, before anything touches the disk.

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
    /// The documents the bytes were rendered from (one JSON object, or one value per YAML
    /// document), so checks such as policy rules need not parse the bytes again.
    public var documents: [Value]

    /// Creates an artifact.
    public init(path: String, bytes: [UInt8], documents: [Value] = []) {
        self.path = path
        self.bytes = bytes
        self.documents = documents
    }

    /// The contents as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
