// Something in the output folder that synth did not write, where it wants to write. Each conflict
// names its path and says whether `--force` may override it: force replaces files in the way, but
// never deletes a folder, never writes through a link and never deletes a file synth did not write.

/// Something in the way of a write, found before anything is changed.
///
/// ```swift
/// let plan = try OutputWriter(directory: out).plan(result.artifacts)
/// for conflict in plan.conflicts { print(conflict) }   // "terraform/dev/main.tf.json: a file synth did not write …"
/// ```
public struct OutputConflict: Sendable, Hashable, CustomStringConvertible {
    /// Why a path is in the way.
    public enum Reason: Sendable, Hashable {
        /// A file synth did not write (it is not in the record) holds other bytes.
        case notWrittenBySynth
        /// A file synth wrote was changed since (its SHA-256 differs from the record).
        case changedSinceSynth
        /// A symbolic link, device, pipe or socket (named) is where synth writes a file.
        case notARegularFile(String)
        /// A folder is where synth writes a file.
        case folderInTheWay
        /// A file or symbolic link (named) is where synth needs a folder.
        case notAFolder(String)
        /// The output folder is not empty and has no record: synth cannot tell its files from others.
        case noRecord
        /// The output folder's record cannot be read (the reason).
        case unreadableRecord(String)
    }

    /// The path relative to the output folder (`""` for the output folder itself).
    public var path: String
    /// Why it is in the way.
    public var reason: Reason

    /// Creates a conflict.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// Whether ``OutputWriter/force`` overrides it. Force replaces a file at a path synth writes
    /// (a link itself, never its target); a folder in the way, or a file or link where a folder is
    /// needed, would have to be deleted or followed, so force never overrides those.
    public var isForceable: Bool {
        switch reason {
        case .notWrittenBySynth, .changedSinceSynth, .notARegularFile, .noRecord, .unreadableRecord: true
        case .folderInTheWay, .notAFolder: false
        }
    }

    /// What is in the way, in one sentence.
    public var message: String {
        switch reason {
        case .notWrittenBySynth: "a file synth did not write is in the way"
        case .changedSinceSynth: "changed since synth wrote it"
        case .notARegularFile(let kind): "a \(kind) is in the way of a file synth writes; links are never followed"
        case .folderInTheWay: "a folder is in the way of a file synth writes"
        case .notAFolder(let kind): "a \(kind) is in the way of a folder synth writes into; links are never followed"
        case .noRecord: "is not empty and has no record of what synth wrote (\(OutputRecord.fileName))"
        case .unreadableRecord(let reason): "has a record synth cannot read: \(reason)"
        }
    }

    /// How to get past it.
    public var hint: String {
        switch reason {
        case .notWrittenBySynth, .changedSinceSynth, .notARegularFile:
            "move it away, or pass --force to overwrite it"
        case .folderInTheWay, .notAFolder:
            "move it away or rename the unit's folder; --force does not replace folders or links on the way"
        case .noRecord:
            "choose an empty or new folder, or pass --force to write into it (files in the way are overwritten, "
                + "nothing is deleted)"
        case .unreadableRecord:
            "restore the record, or pass --force to replace it (files it listed are then kept, not removed)"
        }
    }

    /// `path: message (hint: …)`.
    public var description: String {
        "\(path.isEmpty ? "." : path): \(message) (hint: \(hint))"
    }
}
