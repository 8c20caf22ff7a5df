// Carries out an OutputPlan so that the folder ends up either fully written or as it was:
//   1. create the new folders and write every new file under a temporary name beside its target;
//   2. swap: each replaced file keeps its previous version under a second name (a hard link, or a
//      rename where links are not supported) while the new one is renamed over it; stale files are
//      renamed aside; the record goes last — the commit point;
//   3. only then delete the previous versions and the folders that became empty.
// A failure in 1 or 2 undoes every step taken, newest first, and rethrows.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One change a commit makes before its commit point; tests inject failures before each.
enum OutputStep: Sendable, Hashable {
    /// Creating the output folder or a folder in it (relative path, `""` for the output folder).
    case createFolder(String)
    /// Writing a file's new bytes under a temporary name.
    case writeTemporary(String)
    /// Renaming the new bytes over a file that is there.
    case replace(String)
    /// Renaming the new bytes to a file that is not there yet.
    case create(String)
    /// Renaming a stale file aside.
    case remove(String)
    /// Replacing or creating the record.
    case writeRecord
}

/// A commit in progress: the steps taken so far, and how to undo each.
struct OutputTransaction {
    /// Called before every step; a throw there is handled like a failed system call.
    var beforeStep: (@Sendable (OutputStep) throws -> Void)?

    /// How to undo one step.
    private enum Undo {
        /// Remove a folder the commit created (relative to the output folder).
        case createdFolder(String)
        /// Remove the output folder's own parents and itself, created by the commit (absolute paths).
        case createdRoot([String])
        /// Remove a temporary file (gone already once renamed into place).
        case temporary(folder: String, name: String)
        /// Put the previous version back (`backup` → `name`), over the new file.
        case restore(folder: String, name: String, backup: String)
        /// Remove a file the commit created.
        case created(folder: String, name: String)
    }

    private var undo: [Undo] = []
    /// Previous versions kept until the commit point: deleted afterwards.
    private var backups: [(folder: String, name: String)] = []

    /// Starts a transaction; `beforeStep` runs before each change.
    init(beforeStep: (@Sendable (OutputStep) throws -> Void)?) {
        self.beforeStep = beforeStep
    }

    /// Carries out `plan` in the folder open as `root` (`nil` when it does not exist yet) and returns
    /// the problems of the clean-up after the commit point (leftovers only).
    mutating func commit(_ plan: OutputPlan, root: FolderHandle?) throws -> [String] {
        var root = root
        // A folder this write creates is locked here, until the write and any roll-back are over.
        defer { if plan.folderExists == false { root?.unlock() } }
        do {
            if root == nil { root = try createRoot(plan.directory) }
            guard let root else { throw OutputError.system("open the output folder", plan.directory.path, ENOENT) }
            if plan.folderExists == false { try root.lock() }
            try apply(plan, in: root)
            return cleanUp(plan, in: root)
        } catch {
            let problems = rollBack(in: root)
            if problems.isEmpty { throw error }
            throw OutputError.rollbackIncomplete("\(error)", problems)
        }
    }

    /// Steps 1 and 2: everything up to and including the record.
    private mutating func apply(_ plan: OutputPlan, in root: FolderHandle) throws {
        for folder in plan.foldersCreated {
            try beforeStep?(.createFolder(folder))
            let (parent, name) = OutputPlanner.split(folder)
            try open(parent, in: root).createFolder(name)
            undo.append(.createdFolder(folder))
        }
        // Temporary files first: a full disk or a bad name fails here, before any file changes.
        var temporaries: [String] = []
        temporaries.reserveCapacity(plan.writes.count)
        var handle: FolderHandle?
        for write in plan.writes {
            try beforeStep?(.writeTemporary(write.path))
            let folder = try reuse(&handle, write.folder, in: root)
            let temporary = try folder.writeTemporary(write.chunks, permissions: write.permissions)
            undo.append(.temporary(folder: write.folder, name: temporary))
            temporaries.append(temporary)
        }
        for (write, temporary) in zip(plan.writes, temporaries) {
            let folder = try reuse(&handle, write.folder, in: root)
            if write.replaces {
                try beforeStep?(.replace(write.path))
                try replace(write.name, with: temporary, in: folder)
            } else {
                try beforeStep?(.create(write.path))
                try folder.rename(temporary, to: write.name)
                undo.append(.created(folder: write.folder, name: write.name))
            }
        }
        for removal in plan.removals {
            try beforeStep?(.remove(removal.folder.isEmpty ? removal.name : "\(removal.folder)/\(removal.name)"))
            let folder = try reuse(&handle, removal.folder, in: root)
            let backup = FolderHandle.freshName(suffix: "old")
            try folder.rename(removal.name, to: backup)
            undo.append(.restore(folder: removal.folder, name: removal.name, backup: backup))
            backups.append((removal.folder, backup))
        }
        if plan.writesRecord {
            try beforeStep?(.writeRecord)
            let temporary = try root.writeTemporary([plan.record.encoded()], permissions: nil)
            undo.append(.temporary(folder: "", name: temporary))
            if plan.replacesRecord {
                try replace(OutputRecord.fileName, with: temporary, in: root)
            } else {
                try root.rename(temporary, to: OutputRecord.fileName)
                undo.append(.created(folder: "", name: OutputRecord.fileName))
            }
        }
    }

    /// Renames `temporary` over `name`, keeping the previous version under a fresh name until the end.
    private mutating func replace(_ name: String, with temporary: String, in folder: FolderHandle) throws {
        let backup = FolderHandle.freshName(suffix: "old")
        do {
            // A hard link keeps the file in place: at no moment is `name` missing.
            try folder.link(name, as: backup)
        } catch {
            // A file system without hard links, or a link or special file in the way (linkat does
            // not follow links, but some systems refuse to link them): move the previous version aside.
            try folder.rename(name, to: backup)
            do {
                try folder.rename(temporary, to: name)
            } catch {
                try? folder.rename(backup, to: name)
                throw error
            }
            undo.append(.restore(folder: folder.path, name: name, backup: backup))
            backups.append((folder.path, backup))
            return
        }
        do {
            try folder.rename(temporary, to: name)
        } catch {
            try? folder.remove(backup)
            throw error
        }
        undo.append(.restore(folder: folder.path, name: name, backup: backup))
        backups.append((folder.path, backup))
    }

    /// Step 3, after the commit point: delete the previous versions, then the emptied folders.
    private func cleanUp(_ plan: OutputPlan, in root: FolderHandle) -> [String] {
        var problems: [String] = []
        var handle: FolderHandle?
        for backup in backups {
            do {
                try reuse(&handle, backup.folder, in: root).remove(backup.name)
            } catch {
                problems.append("\(error); the previous version is left there, safe to delete")
            }
        }
        for folder in plan.foldersRemoved {
            let (parent, name) = OutputPlanner.split(folder)
            do {
                try open(parent, in: root).removeFolder(name)
            } catch {
                problems.append("\(error); the folder is kept")
            }
        }
        return problems
    }

    /// Undoes every step taken, newest first; returns what could not be undone.
    private mutating func rollBack(in root: FolderHandle?) -> [String] {
        var problems: [String] = []
        for step in undo.reversed() {
            do {
                switch step {
                case .createdRoot(let paths):
                    for path in paths.reversed() where rmdir(path) != 0 {
                        throw OutputError.system("remove the folder", path, errno)
                    }
                case .createdFolder(let folder):
                    guard let root else { continue }
                    let (parent, name) = OutputPlanner.split(folder)
                    try open(parent, in: root).removeFolder(name)
                case .temporary(let folder, let name):
                    guard let root else { continue }
                    let handle = try open(folder, in: root)
                    if try handle.kind(of: name) != nil { try handle.remove(name) }
                case .restore(let folder, let name, let backup):
                    guard let root else { continue }
                    try open(folder, in: root).rename(backup, to: name)
                case .created(let folder, let name):
                    guard let root else { continue }
                    try open(folder, in: root).remove(name)
                }
            } catch {
                problems.append("\(error)")
            }
        }
        undo = []
        return problems
    }

    /// Creates the output folder and any missing parents, and takes its lock.
    private mutating func createRoot(_ directory: URL) throws -> FolderHandle {
        let path = directory.standardizedFileURL.path
        var missing: [String] = []
        var probe = path
        while !probe.isEmpty, probe != "/", access(probe, F_OK) != 0 {
            missing.append(probe)
            probe = (probe as NSString).deletingLastPathComponent
        }
        var made: [String] = []
        defer { if !made.isEmpty { undo.append(.createdRoot(made)) } }
        if !missing.isEmpty { try beforeStep?(.createFolder("")) }
        for folder in missing.reversed() {
            guard mkdir(folder, 0o777) == 0 else { throw OutputError.system("create the folder", folder, errno) }
            made.append(folder)
        }
        guard let root = try FolderHandle.openRoot(directory) else {
            throw OutputError.system("open the output folder", path, ENOENT)
        }
        return root
    }

    /// The folder at `path` below `root`, opened without following links.
    private func open(_ path: String, in root: FolderHandle) throws -> FolderHandle {
        guard !path.isEmpty else { return root }
        switch try root.walk(path.split(separator: "/")[...]) {
        case .opened(let handle): return handle
        case .missing: throw OutputError.system("open the folder", path, ENOENT)
        case .blocked: throw OutputError.system("open the folder", path, ENOTDIR)
        }
    }

    /// `handle` when it is the folder at `path`, else that folder opened and kept in `handle`
    /// (writes and removals come sorted by path, so a folder is opened once per run of its files).
    private func reuse(_ handle: inout FolderHandle?, _ path: String, in root: FolderHandle) throws -> FolderHandle {
        if let current = handle, current.path == path { return current }
        let opened = try open(path, in: root)
        handle = opened
        return opened
    }
}
