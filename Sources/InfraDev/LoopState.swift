// What `infra-dev` knows after a build: the plan it read from SwiftPM's manifest and the stamp of
// every file the executable was built from. Comparing them with the files now decides between
// running the executable as it is, re-running the edited modules' chains and the link, and `swift build`.

import Foundation

/// What to do after the files changed (or not) since the last build.
public enum LoopDecision: Sendable, Equatable {
    /// Nothing the executable is built from changed: run it.
    case upToDate
    /// Only sources of the package's own modules changed (these): re-run their chains' steps.
    case rebuildModule(changed: [String])
    /// Anything else: SwiftPM must plan and build again, for this reason.
    case swiftBuild(reason: String)
}

/// The plan of the last build and the stamps of the files it read, kept in `.build/infra-dev/`.
///
/// ```swift
/// let state = LoopState(manifestStamp: FileStamp(path: ".build/debug.yaml"), plan: plan)
/// state.decide(manifestStamp: FileStamp(path: ".build/debug.yaml"))   // .upToDate
/// ```
public struct LoopState: Sendable, Codable, Equatable {
    /// The stamp of the manifest (`debug.yaml`) the plan was read from.
    public var manifestStamp: FileStamp
    /// The plan.
    public var plan: FastPlan
    /// Each file's stamp when the build read it: the modules' sources, the other inputs and the
    /// manifest files of `plan.structure`.
    public var files: [String: FileStamp]
    /// Each folder under the target folders of `plan.structure`, with its entries.
    public var folders: [String: FolderStamp]
    /// The modules whose objects the executable links itself when the link is split (`SplitLink`):
    /// the executable's own module, and every module edited since, with those that import it.
    public var hotModules: [String] = []
    /// The executable the split link wrote, which `infra-dev run` runs; nil when SwiftPM's is current.
    public var splitExecutable: String?

    /// The state after a build of `plan` that started at `buildStart` (seconds since 1970): the
    /// files are stamped now; one modified after the build started may have been read before its
    /// change, so it is recorded as `FileStamp.unknown` and counts as changed next time.
    public init(manifestStamp: FileStamp, plan: FastPlan, buildStart: Double? = nil) {
        self.manifestStamp = manifestStamp
        self.plan = plan
        var files: [String: FileStamp] = [:]
        var folders: [String: FolderStamp] = [:]
        for path in plan.chains.flatMap(\.sources) + plan.otherInputs {
            files[path] = FileStamp(path: path)
        }
        for path in plan.structure {
            if path.hasSuffix("/") {
                folders.merge(FolderStamp.tree(at: path)) { first, _ in first }
                // SwiftPM lists the root package's manifest only; a dependency's (a path dependency
                // being edited beside the package) is found above its target folder.
                if let manifest = Self.packageManifest(above: path) { files[manifest] = FileStamp(path: manifest) }
            } else {
                files[path] = FileStamp(path: path)
            }
        }
        if let buildStart {
            for (path, stamp) in files where stamp.exists && stamp.modified >= buildStart {
                files[path] = .unknown
            }
        }
        self.files = files
        self.folders = folders
    }

    /// What the files now call for. The checks, in order: the manifest was written again (SwiftPM
    /// planned since); the executable is gone; a manifest file of `plan.structure` (`Package.swift`, `Package.resolved`)
    /// changed; a folder gained, lost or renamed an entry (a source added or removed anywhere);
    /// a file outside the package's own modules changed; a changed module has no fast path.
    public func decide(manifestStamp now: FileStamp) -> LoopDecision {
        guard now == manifestStamp else { return .swiftBuild(reason: "SwiftPM's build plan changed") }
        guard FileStamp(path: plan.executable).exists, splitExecutable.map({ FileStamp(path: $0).exists }) ?? true
        else {
            return .swiftBuild(reason: "the executable is missing")
        }
        var changed: [String] = []
        for (path, stamp) in files.sorted(by: { $0.key < $1.key }) where FileStamp(path: path) != stamp {
            changed.append(path)
        }
        if let manifest = changed.first(where: { plan.structure.contains($0) || $0.hasSuffix("/Package.swift") }) {
            return .swiftBuild(reason: "\(manifest) changed")
        }
        for (path, folder) in folders.sorted(by: { $0.key < $1.key }) where FileStamp(path: path) != folder.stamp {
            let entries = FolderStamp(path: path).entries
            if entries != folder.entries {
                let added = Set(entries).symmetricDifference(folder.entries).sorted().joined(separator: ", ")
                return .swiftBuild(reason: "files added or removed in \(path): \(added)")
            }
        }
        let owners = plan.owners
        if let other = changed.first(where: { owners[$0] == nil }) {
            return .swiftBuild(reason: "\(other) changed (outside the package's own modules)")
        }
        if changed.isEmpty { return .upToDate }
        let modules = Set(changed.compactMap { owners[$0] })
        if let chain = plan.chains.first(where: { modules.contains($0.module) && $0.refusal != nil }),
            let refusal = chain.refusal
        {
            return .swiftBuild(reason: "no fast path for '\(chain.module)': \(refusal)")
        }
        return .rebuildModule(changed: changed)
    }

    /// The nearest `Package.swift` in `folder` or above it.
    static func packageManifest(above folder: String) -> String? {
        var url = URL(fileURLWithPath: folder)
        while url.path != "/" {
            let manifest = url.appendingPathComponent("Package.swift").path
            if FileManager.default.fileExists(atPath: manifest) { return manifest }
            url.deleteLastPathComponent()
        }
        return nil
    }

    /// The state after the plan's steps ran on the files as stamped in `stamps` (taken before the
    /// steps started, so an edit during the compile still counts as a change next time).
    public func afterRebuild(of stamps: [String: FileStamp]) -> LoopState {
        var next = self
        for (path, stamp) in stamps { next.files[path] = stamp }
        return next
    }
}
