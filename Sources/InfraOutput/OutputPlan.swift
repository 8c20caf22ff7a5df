// What a write would do to an output folder, worked out before anything changes: each file it
// creates, replaces, leaves as it is or removes, everything in the way, and the record afterwards.
// `synth` commits a plan; `diff` prints one.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What writing a set of artifacts does to an output folder, computed without changing it.
///
/// ```swift
/// let plan = try OutputWriter(directory: out).plan(result.artifacts)
/// for entry in plan.entries where entry.action != .unchanged { print(entry.action, entry.path) }
/// if !plan.blockingConflicts.isEmpty { print("synth would refuse") }
/// ```
public struct OutputPlan: Sendable {
    /// What happens to one file.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        /// Nothing is there yet: the file is created.
        case create
        /// A file synth wrote, unchanged since, holds other bytes: it is replaced.
        case update
        /// The file already holds these bytes: it is left alone (not even its time stamp changes).
        case unchanged
        /// Something synth did not write, or changed since, is in the way (see ``OutputPlan/conflicts``):
        /// with ``OutputWriter/force`` it is replaced, otherwise the write is refused.
        case overwrite
        /// A file synth wrote before, unchanged since, that the definitions no longer produce: removed.
        case remove
        /// A file synth wrote before that is no longer produced but was changed since (or is no longer a
        /// file): left in place and dropped from the record, so the user's edits survive.
        case keep
    }

    /// One file the write touches or looks at.
    public struct Entry: Sendable, Hashable {
        /// The path relative to the output folder.
        public var path: String
        /// What happens to it.
        public var action: Action
        /// The file's bytes before the write, for ``Action/update`` and ``Action/overwrite`` of a
        /// regular file (what `diff` compares).
        public var previousBytes: [UInt8]?

        /// Creates an entry.
        public init(path: String, action: Action, previousBytes: [UInt8]? = nil) {
            self.path = path
            self.action = action
            self.previousBytes = previousBytes
        }
    }

    /// The output folder.
    public var directory: URL
    /// Whether conflicts that force overrides are overridden.
    public var force: Bool
    /// Every file the write produces or had recorded in its scope, sorted by path.
    public var entries: [Entry]
    /// Everything in the way, sorted by path; see ``blockingConflicts``.
    public var conflicts: [OutputConflict]
    /// The record the write leaves in the folder.
    public var record: OutputRecord
    /// Folders the write creates (shallowest first).
    public var foldersCreated: [String]
    /// Folders synth created that the write removes because they became empty (deepest first).
    public var foldersRemoved: [String]
    /// Problems after the write was complete, while removing the previous versions of files and
    /// emptied folders (the write itself stands; only leftovers remain).
    public internal(set) var cleanupProblems: [String] = []

    /// The conflicts that stop the write: all of them, or with ``force`` the ones it cannot override.
    public var blockingConflicts: [OutputConflict] {
        conflicts.filter { !force || !$0.isForceable }
    }

    /// The entries with `action`.
    public func entries(_ action: Action) -> [Entry] {
        entries.filter { $0.action == action }
    }

    // MARK: The steps a commit takes (filled by the planner)

    /// A file to write: its folder and name, contents (an artifact's chunks, in order), and the
    /// permissions of the file it replaces.
    struct Write: Sendable {
        var folder: String
        var name: String
        var chunks: [[UInt8]]
        /// Whether a file (or link) is there now.
        var replaces: Bool
        /// Permission bits kept from the file it replaces, `nil` for new files (0666 less the umask).
        var permissions: mode_t?
        var path: String { folder.isEmpty ? name : "\(folder)/\(name)" }
    }

    /// Whether the output folder exists before the write.
    var folderExists: Bool
    /// Files to write, sorted by path.
    var writes: [Write]
    /// Stale files to remove: folder and name, sorted by path.
    var removals: [(folder: String, name: String)]
    /// Whether the record file needs writing (a new record, different contents, or one to replace).
    var writesRecord: Bool
    /// Whether a record file (or something by its name) is there now.
    var replacesRecord: Bool

    /// Whether committing the plan changes anything on disk.
    var changesDisk: Bool {
        !folderExists || !writes.isEmpty || !removals.isEmpty || !foldersCreated.isEmpty
            || !foldersRemoved.isEmpty || writesRecord
    }
}
