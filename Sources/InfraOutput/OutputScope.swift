// Which recorded files a write answers for. `synth` replaces everything it recorded; `synth --env
// prod` only the files under prod's unit folders (and the modules prod calls), so the other
// environments' files and their record entries stay exactly as they were.

import InfraCore

/// The part of an output folder a write replaces: recorded files outside it are neither
/// replaced nor removed, and keep their record entries.
///
/// ```swift
/// let whole = MyInfra().body
/// let prod = Infrastructure(units: whole.units.filter { $0.componentPath.segments.first == "prod" })
/// try OutputWriter(directory: out).write(prod.synthesize().artifacts, scope: OutputScope(selecting: prod, of: whole))
/// ```
public struct OutputScope: Sendable, Hashable {
    /// The unit folders the write answers for, or `nil` for the whole output folder.
    public var directories: Set<String>?
    /// Folders inside those that belong to units left out (a module folder nested in a root's).
    public var excluded: Set<String>

    /// The whole output folder: every recorded file the write does not produce again is stale.
    public static let everything = OutputScope(directories: nil, excluded: [])

    /// The files under `directories`, except those under a deeper folder in `excluded`.
    public init(directories: Set<String>?, excluded: Set<String> = []) {
        self.directories = directories
        self.excluded = excluded.subtracting(directories ?? [])
    }

    /// The folders of `part`'s units (with their dependencies), excluding the folders of `whole`'s
    /// other units.
    public init(selecting part: Infrastructure, of whole: Infrastructure) {
        let selected = Set(part.allUnits.map(\.outputDirectory))
        self.init(directories: selected, excluded: Set(whole.allUnits.map(\.outputDirectory)))
    }

    /// Whether the file at `path` (relative to the output folder) is in the scope: the deepest unit
    /// folder that holds it is one of ``directories``.
    public func contains(_ path: String) -> Bool {
        guard let directories else { return true }
        var deepest: (length: Int, selected: Bool)?
        for (folders, selected) in [(directories, true), (excluded, false)] {
            for folder in folders where Self.path(path, isInside: folder) {
                let length = folder.utf8.count
                if length > deepest?.length ?? -1 { deepest = (length, selected) }
            }
        }
        return deepest?.selected ?? false
    }

    /// Whether `path` lies below `folder`.
    private static func path(_ path: String, isInside folder: String) -> Bool {
        let path = path.utf8
        let folder = folder.utf8
        return path.count > folder.count + 1 && path.starts(with: folder)
            && path[path.index(path.startIndex, offsetBy: folder.count)] == UInt8(ascii: "/")
    }
}
