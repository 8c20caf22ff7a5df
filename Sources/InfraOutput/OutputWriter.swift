// Writes synthesized files into an output folder that synth owns only in part: a record of what
// it wrote (OutputRecord) tells its own files from Terraform's state, `.terraform/`, lock files
// and a user's notes, which are never touched. A write is planned first (OutputPlanner) and then
// committed all or nothing (OutputTransaction): a conflict or an I/O error leaves the folder as it was.

import Foundation
import InfraCore

/// Writes synthesized `Artifact`s (InfraCore) into an output folder, replacing only what synth wrote there before.
///
/// ```swift
/// let plan = try OutputWriter(directory: URL(fileURLWithPath: "infra.out")).write(result.artifacts)
/// print(plan.entries(.update).count, "files updated")
/// ```
///
/// What a write does:
/// - each file is written under a temporary name in its folder and renamed into place; a file that
///   already holds the new bytes is left alone;
/// - a file synth wrote before (listed in the ``OutputRecord``, SHA-256 unchanged) is replaced, and
///   one the artifacts no longer include is removed, with the folders synth created that it leaves
///   empty; a recorded file the user changed since is kept (``OutputPlan/Action/keep``);
/// - anything else is never touched: files in the way are ``OutputConflict``s and the write throws
///   ``OutputError/conflicts(_:)`` without changing anything, unless ``force`` overrides them;
/// - symbolic links inside the folder are never followed (the output folder itself may be one);
/// - a failure half way undoes every step already taken (``OutputError``).
public struct OutputWriter: Sendable {
    /// The output folder (created with its parents when missing).
    public var directory: URL
    /// Overwrite files in the way: files synth did not write and files changed since it wrote them,
    /// at exactly the paths it writes (a link there is replaced, its target never written), and write
    /// into a folder without a readable record. Even with force, nothing synth did not write is
    /// deleted and no folder is replaced.
    public var force: Bool

    /// Called before each change of a commit; tests make it throw to break a write half way.
    var beforeStep: (@Sendable (OutputStep) throws -> Void)?

    /// Creates a writer for `directory`.
    public init(directory: URL, force: Bool = false) {
        self.directory = directory
        self.force = force
    }

    /// What writing `artifacts` would do, without changing anything.
    ///
    /// `scope` limits the recorded files the write answers for (``OutputScope/everything`` by default:
    /// every recorded file not written again is stale).
    public func plan(_ artifacts: [Artifact], scope: OutputScope = .everything) throws -> OutputPlan {
        let root = try FolderHandle.openRoot(directory)
        return try OutputPlanner(directory: directory, force: force, scope: scope).plan(artifacts, root: root)
    }

    /// Writes `artifacts`, all or nothing, and returns what was done.
    ///
    /// Throws ``OutputError/conflicts(_:)`` when something is in the way (see ``force``),
    /// ``OutputError/invalidArtifacts(_:)`` for paths that would leave the folder, and the other
    /// ``OutputError``s for system failures; in every case the folder is left as it was.
    @discardableResult
    public func write(_ artifacts: [Artifact], scope: OutputScope = .everything) throws -> OutputPlan {
        let root = try FolderHandle.openRoot(directory)
        try root?.lock()
        defer { root?.unlock() }
        var plan = try OutputPlanner(directory: directory, force: force, scope: scope).plan(artifacts, root: root)
        let blocking = plan.blockingConflicts
        guard blocking.isEmpty else { throw OutputError.conflicts(blocking) }
        guard plan.changesDisk else { return plan }
        var transaction = OutputTransaction(beforeStep: beforeStep)
        plan.cleanupProblems = try transaction.commit(plan, root: root)
        return plan
    }
}
