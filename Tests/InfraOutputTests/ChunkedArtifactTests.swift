// Artifacts kept in the chunks they were written in (a large Kubernetes file is written side by side
// in parts): the writer hashes, compares and writes them chunk by chunk, and the result is the same
// as for the joined bytes — file, record hash, and "unchanged" on the next synth.

import Foundation
import InfraCore
import InfraOutput
import InfraTestSupport
import Testing

@Suite("Chunked artifacts")
struct ChunkedArtifactTests {
    static let contents = "# header\nkind: A\n---\nkind: B\n---\nkind: C\n"
    static let chunked = Artifact(
        path: "kubernetes/dev/default.yaml",
        chunks: [Array("# header\n".utf8), Array("kind: A\n---\nkind: B\n".utf8), [], Array("---\nkind: C\n".utf8)])
    static let whole = Artifact(path: "kubernetes/dev/default.yaml", bytes: Array(contents.utf8))

    @Test("the same contents split otherwise are the same artifact: equal, same hash, same bytes")
    func equality() {
        #expect(Self.chunked == Self.whole)
        #expect(Self.chunked.hashValue == Self.whole.hashValue)
        #expect(Self.chunked.bytes == Array(Self.contents.utf8))
        #expect(Self.chunked.byteCount == Self.contents.utf8.count)
        #expect(Self.chunked.text == Self.contents)
        var changed = Self.chunked
        changed.bytes = Array("kind: Z\n".utf8)
        #expect(changed.chunks == [Array("kind: Z\n".utf8)])
        #expect(changed != Self.whole)
        #expect(Artifact(path: "a", chunks: []) == Artifact(path: "a", bytes: []))
    }

    @Test("a chunked artifact is written as its joined bytes, recorded with their hash, and unchanged next time")
    func writing() throws {
        let chunkedOut = try outputFolder()
        let wholeOut = try outputFolder()
        try OutputWriter(directory: chunkedOut).write([Self.chunked])
        try OutputWriter(directory: wholeOut).write([Self.whole])
        #expect(try text(Self.whole.path, in: chunkedOut) == Self.contents)
        #expect(try FolderSnapshot(chunkedOut) == FolderSnapshot(wholeOut), "same file, same record")

        // The next synth splits the same contents otherwise: nothing to write.
        let again = try OutputWriter(directory: chunkedOut).write([Self.whole])
        #expect(again.entries.map(\.action) == [.unchanged])
        let back = try OutputWriter(directory: wholeOut).write([Self.chunked])
        #expect(back.entries.map(\.action) == [.unchanged])

        // A change inside the last chunk is a change.
        var edited = Self.chunked
        edited.bytes = Array(Self.contents.replacingOccurrences(of: "kind: C", with: "kind: D").utf8)
        #expect(try OutputWriter(directory: chunkedOut).write([edited]).entries.map(\.action) == [.update])
        #expect(try text(Self.whole.path, in: chunkedOut).hasSuffix("kind: D\n"))
    }
}
