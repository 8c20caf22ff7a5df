// CustomResourceDefinitions in a manifest register their kinds: custom resources of those kinds
// in the same manifest get the CRD's scope (which file they go to, whether they take the
// manifest's namespace) and are checked against it — the version must be defined and served, and
// the object must match that version's `openAPIV3Schema` (see StructuralSchema.swift). The CRDs
// themselves are checked for what the API server would refuse (name, versions, storage version).

import InfraCore

/// What one CustomResourceDefinition of the manifest defines.
struct CustomResourceDefinitionInfo {
    /// One version of the kind.
    struct Version {
        var served: Bool
        var schema: Value?
    }

    var group: String
    var kind: String
    var clusterScoped: Bool
    var versions: [String: Version]
    /// The offset of the CRD among the manifest's objects.
    var offset: Int
}

/// The kinds the manifest's CRDs define, by `<group>/<Kind>`.
struct CustomResourceDefinitions {
    private(set) var byKind: [String: CustomResourceDefinitionInfo] = [:]
    /// The groups any CRD defines a kind in.
    private(set) var groups: Set<String> = []

    /// Reads the CRDs among `objects` (`apiextensions.k8s.io/v1`).
    init(_ objects: [any KubernetesObject]) {
        for (offset, object) in objects.enumerated()
        where object.kind == "CustomResourceDefinition" && object.apiVersion == "apiextensions.k8s.io/v1" {
            guard case .object(let crd) = object.renderValue(), case .object(let spec)? = crd["spec"],
                let group = spec["group"]?.stringValue, let kind = spec["names"]?["kind"]?.stringValue
            else { continue }
            var versions: [String: CustomResourceDefinitionInfo.Version] = [:]
            for version in spec["versions"]?.arrayValue ?? [] {
                guard let name = version["name"]?.stringValue else { continue }
                versions[name] = .init(
                    served: version["served"] == .bool(true), schema: version["schema"]?["openAPIV3Schema"])
            }
            let key = "\(group)/\(kind)"
            if byKind[key] == nil {
                byKind[key] = CustomResourceDefinitionInfo(
                    group: group, kind: kind, clusterScoped: spec["scope"]?.stringValue == "Cluster",
                    versions: versions, offset: offset)
            }
            groups.insert(group)
        }
    }

    /// Whether the manifest has no CRDs (then nothing here costs anything).
    var isEmpty: Bool { byKind.isEmpty }

    /// The CRD of an object's kind, if the manifest has it.
    func definition(group: String, kind: String) -> CustomResourceDefinitionInfo? {
        byKind["\(group)/\(kind)"]
    }
}

extension ManifestValidator {
    /// Problems of a CustomResourceDefinition itself: what the API server refuses.
    func crdDiagnostics(_ object: any KubernetesObject, path: ComponentPath) -> [Diagnostic] {
        guard object.kind == "CustomResourceDefinition", object.apiVersion == "apiextensions.k8s.io/v1",
            case .object(let crd) = object.renderValue()
        else { return [] }
        var found: [Diagnostic] = []
        let spec = crd["spec"]
        guard let group = spec?["group"]?.stringValue, let plural = spec?["names"]?["plural"]?.stringValue,
            spec?["names"]?["kind"]?.stringValue != nil
        else {
            return [.error(path, "CustomResourceDefinition needs spec.group, spec.names.plural and spec.names.kind")]
        }
        if object.metadata.name != "\(plural).\(group)" {
            found.append(
                .error(
                    path, "CustomResourceDefinition must be named '\(plural).\(group)' (<plural>.<group>)",
                    hint: "the API server refuses any other name"))
        }
        let scope = spec?["scope"]?.stringValue
        if scope != "Namespaced" && scope != "Cluster" {
            found.append(.error(path.appending("scope"), "scope must be Namespaced or Cluster"))
        }
        let versions = spec?["versions"]?.arrayValue ?? []
        if versions.isEmpty { found.append(.error(path.appending("versions"), "a CRD needs at least one version")) }
        let storage = versions.filter { $0["storage"] == .bool(true) }.count
        if !versions.isEmpty && storage != 1 {
            found.append(
                .error(path.appending("versions"), "exactly one version must be the storage version, found \(storage)"))
        }
        return found
    }

    /// Problems of a custom resource whose kind a CRD of the manifest defines (or whose group it uses).
    func customResourceDiagnostics(_ object: any KubernetesObject, path: ComponentPath) -> [Diagnostic] {
        let group = object.apiGroup
        guard !definitions.isEmpty, definitions.groups.contains(group) else { return [] }
        guard let definition = definitions.definition(group: group, kind: object.kind) else {
            return [
                .warning(
                    path, "no CustomResourceDefinition of this manifest defines \(object.kind) in \(group)",
                    hint: "check the kind's spelling, or install its CRD")
            ]
        }
        let version = String(object.apiVersion.dropFirst(group.count + 1))
        let crdPath = paths[definition.offset]
        guard let served = definition.versions[version] else {
            let known = definition.versions.keys.sorted().joined(separator: ", ")
            return [.error(path, "\(object.kind) has no version \(version) in its CRD \(crdPath) (it has \(known))")]
        }
        guard served.served else {
            return [.error(path, "version \(version) of \(object.kind) is not served by its CRD \(crdPath)")]
        }
        guard let schema = served.schema else { return [] }
        var found: [Diagnostic] = []
        var checker = StructuralSchema(path: path)
        checker.checkObject(object.renderValue(), schema: schema)
        found += checker.found
        return found
    }
}
