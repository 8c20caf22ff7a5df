// Works out an OutputPlan by looking at the output folder, never changing it: which files are
// synth's own (in the record, SHA-256 unchanged), which are in the way, which recorded files went
// stale, and which folders synth created have become empty. Links inside the folder are looked at,
// never followed.

import Foundation
import InfraCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Computes what writing artifacts into an output folder would do.
struct OutputPlanner {
    /// The output folder.
    var directory: URL
    /// Whether conflicts that force overrides are overridden.
    var force: Bool
    /// The recorded files the write answers for.
    var scope: OutputScope

    /// The plan for writing `artifacts` into the folder open as `root` (`nil`: it does not exist).
    func plan(_ artifacts: [Artifact], root: FolderHandle?) throws -> OutputPlan {
        try Self.check(artifacts, scope: scope)
        let hashes = Parallel.map(count: artifacts.count, minimumChunk: 8) {
            ContentHash.sha256(chunks: artifacts[$0].chunks)
        }
        var plan = OutputPlan(
            directory: directory, force: force, entries: [], conflicts: [], record: OutputRecord(), foldersCreated: [],
            foldersRemoved: [], folderExists: root != nil, writes: [], removals: [], writesRecord: true,
            replacesRecord: false)

        // The record: synth's own files. Without one, a folder that holds anything is not synth's.
        var recorded = OutputRecord()
        var hasRecord = false
        if let root {
            do {
                if let record = try OutputRecord.read(in: root) {
                    recorded = record
                    hasRecord = true
                } else if !(try root.names().isEmpty) {
                    plan.conflicts.append(OutputConflict(path: "", reason: .noRecord))
                }
            } catch OutputError.unreadableRecord(let reason) {
                plan.conflicts.append(OutputConflict(path: "", reason: .unreadableRecord(reason)))
            }
            plan.replacesRecord = try root.kind(of: OutputRecord.fileName) != nil
        }

        // The files to write, folder by folder.
        var created: Set<String> = []
        var blocked: Set<String> = []
        var needed: Set<String> = []
        let byFolder = Dictionary(grouping: artifacts.indices) { Self.split(artifacts[$0].path).folder }
        for folder in byFolder.keys.sorted() {
            let segments = folder.split(separator: "/")
            for depth in segments.indices { needed.insert(segments[...depth].joined(separator: "/")) }
            let walk = try root.map { try $0.walk(segments[...]) } ?? .missing(from: 0)
            let files = byFolder[folder, default: []].sorted { artifacts[$0].path < artifacts[$1].path }
            switch walk {
            case .blocked(let index, let kind):
                let path = segments[...index].joined(separator: "/")
                if blocked.insert(path).inserted {
                    plan.conflicts.append(OutputConflict(path: path, reason: .notAFolder(kind.name)))
                }
            case .missing(let index):
                for depth in index..<segments.count { created.insert(segments[...depth].joined(separator: "/")) }
                for file in files {
                    let artifact = artifacts[file]
                    plan.entries.append(OutputPlan.Entry(path: artifact.path, action: .create))
                    plan.writes.append(
                        .init(
                            folder: folder, name: Self.split(artifact.path).name, chunks: artifact.chunks,
                            replaces: false,
                            permissions: nil))
                }
            case .opened(let handle):
                for file in files {
                    try planFile(artifacts[file], in: handle, recorded: hasRecord ? recorded : nil, into: &plan)
                }
            }
        }

        // Recorded files in scope that are not written again: stale.
        let written = Set(artifacts.map(\.path))
        var newFiles = recorded.files
        var removedNames: [String: Set<String>] = [:]
        for (path, hash) in recorded.files.sorted(by: { $0.key < $1.key })
        where scope.contains(path) && !written.contains(path) {
            newFiles[path] = nil
            guard let root else { continue }
            let (folder, name) = Self.split(path)
            guard case .opened(let handle) = try root.walk(folder.split(separator: "/")[...]),
                let kind = try handle.kind(of: name)
            else { continue }  // already gone
            if case .file = kind, ContentHash.sha256(try handle.read(name)) == hash {
                plan.entries.append(OutputPlan.Entry(path: path, action: .remove))
                plan.removals.append((folder, name))
                removedNames[folder, default: []].insert(name)
            } else {
                plan.entries.append(OutputPlan.Entry(path: path, action: .keep))
            }
        }
        for (artifact, hash) in zip(artifacts, hashes) { newFiles[artifact.path] = hash }

        // Folders synth created that the removals leave empty, deepest first.
        if let root {
            plan.foldersRemoved = try emptiedFolders(
                recorded: recorded.folders, needed: needed, removedNames: removedNames, root: root)
        }
        var folders = recorded.folders.union(created).subtracting(plan.foldersRemoved)
        if let root {
            for folder in recorded.folders.subtracting(created).sorted() {
                guard case .opened = try root.walk(folder.split(separator: "/")[...]) else {
                    folders.remove(folder)
                    continue
                }
            }
        }

        plan.entries.sort { $0.path < $1.path }
        plan.conflicts.sort { $0.path < $1.path }
        plan.writes.sort { $0.path < $1.path }
        plan.removals.sort { ($0.folder, $0.name) < ($1.folder, $1.name) }
        plan.foldersCreated = created.sorted()
        plan.record = OutputRecord(files: newFiles, folders: folders)
        plan.writesRecord = !hasRecord || plan.record != recorded
        return plan
    }

    /// Plans one artifact whose folder exists.
    private func planFile(
        _ artifact: Artifact, in folder: FolderHandle, recorded: OutputRecord?, into plan: inout OutputPlan
    ) throws {
        let name = Self.split(artifact.path).name
        func write(replaces: Bool, permissions: mode_t?) {
            plan.writes.append(
                .init(
                    folder: folder.path, name: name, chunks: artifact.chunks, replaces: replaces,
                    permissions: permissions
                ))
        }
        switch try folder.kind(of: name) {
        case nil:
            plan.entries.append(OutputPlan.Entry(path: artifact.path, action: .create))
            write(replaces: false, permissions: nil)
        case .folder?:
            plan.conflicts.append(OutputConflict(path: artifact.path, reason: .folderInTheWay))
        case .file(let permissions)?:
            if try folder.holds(name, exactly: artifact.chunks) {
                plan.entries.append(OutputPlan.Entry(path: artifact.path, action: .unchanged))
                return
            }
            let previous = try folder.read(name)
            let recordedHash = recorded?.files[artifact.path]
            if let recordedHash, recordedHash == ContentHash.sha256(previous) {
                plan.entries.append(OutputPlan.Entry(path: artifact.path, action: .update, previousBytes: previous))
            } else {
                plan.conflicts.append(
                    OutputConflict(
                        path: artifact.path, reason: recordedHash == nil ? .notWrittenBySynth : .changedSinceSynth))
                plan.entries.append(OutputPlan.Entry(path: artifact.path, action: .overwrite, previousBytes: previous))
            }
            write(replaces: true, permissions: permissions)
        case let kind?:
            plan.conflicts.append(OutputConflict(path: artifact.path, reason: .notARegularFile(kind.name)))
            plan.entries.append(OutputPlan.Entry(path: artifact.path, action: .overwrite))
            write(replaces: true, permissions: nil)
        }
    }

    /// The folders in `recorded` that hold nothing once the removals are done and that no written
    /// file needs, deepest first; a folder holding anything else is kept. Looked at: the folders of
    /// removed files and their parents, and every recorded folder inside the scope.
    private func emptiedFolders(
        recorded: Set<String>, needed: Set<String>, removedNames: [String: Set<String>], root: FolderHandle
    ) throws -> [String] {
        var removedNames = removedNames
        var candidates: Set<String> = []
        for folder in removedNames.keys {
            var segments = folder.split(separator: "/")
            while !segments.isEmpty {
                candidates.insert(segments.joined(separator: "/"))
                segments.removeLast()
            }
        }
        // Also folders synth created that were emptied by hand, when the write answers for them.
        candidates.formUnion(recorded.filter { scope.contains("\($0)/.") })
        let deepestFirst = candidates.filter { recorded.contains($0) && !needed.contains($0) }.sorted {
            let (a, b) = ($0.split(separator: "/").count, $1.split(separator: "/").count)
            return a != b ? a > b : $0 < $1
        }
        var removed: [String] = []
        for folder in deepestFirst {
            guard case .opened(let handle) = try root.walk(folder.split(separator: "/")[...]) else { continue }
            let left = Set(try handle.names()).subtracting(removedNames[folder, default: []])
            guard left.isEmpty else { continue }
            removed.append(folder)
            let (parent, name) = Self.split(folder)
            removedNames[parent, default: []].insert(name)
        }
        return removed
    }

    /// Checks the artifacts themselves: each path relative and normalised, inside the scope, not the
    /// record's name, written once, and never both a file and a folder.
    static func check(_ artifacts: [Artifact], scope: OutputScope) throws {
        var problems: [String] = []
        var paths: Set<String> = []
        var folders: Set<String> = []
        for artifact in artifacts {
            let path = artifact.path
            if let problem = OutputPathProblem.find(in: path) {
                problems.append("\"\(path)\": \(problem)")
                continue
            }
            if path == OutputRecord.fileName {
                problems.append("\(path): is the name of synth's record")
            } else if !scope.contains(path) {
                problems.append("\(path): is outside the folders this write answers for")
            } else if !paths.insert(path).inserted {
                problems.append("\(path): is written twice")
            }
            var segments = path.split(separator: "/").dropLast()
            while !segments.isEmpty {
                folders.insert(segments.joined(separator: "/"))
                segments = segments.dropLast()
            }
        }
        for path in paths.intersection(folders).sorted() {
            problems.append("\(path): is written as a file and used as a folder")
        }
        if !problems.isEmpty { throw OutputError.invalidArtifacts(problems) }
    }

    /// `a/b/c.json` → (`a/b`, `c.json`); `c.json` → (`""`, `c.json`).
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }
}
