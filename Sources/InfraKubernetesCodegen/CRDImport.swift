// `infra-manifest import-crd`: typed Swift for every served version of any
// CustomResourceDefinition, for a user's own package (like `cdk8s import`). Reads the CRD
// documents (already parsed from YAML), names one struct per kind and version, translates each
// version's `openAPIV3Schema` with the same translator as the built-in CRDs and renders code that
// uses only the public API of InfraCore and InfraKubernetes.

/// Translates CustomResourceDefinition documents into type models and renders them.
package struct CRDImport {
    /// One CRD document and where it came from (`cert-manager.crds.yaml`, document 3).
    package struct Input {
        /// The file and document, for error messages.
        package var source: String
        /// The parsed document (`JSONSerialization`-style values).
        package var document: [String: Any]

        package init(source: String, document: [String: Any]) {
            self.source = source
            self.document = document
        }
    }

    /// The Swift module the code is generated into (names the kind list, `<Module>Kinds`).
    package var module: String
    /// The CRD files as given on the command line, written into each file's header.
    package var files: [String]

    package init(module: String, files: [String]) {
        self.module = module
        self.files = files
    }

    /// Names the generated code uses from InfraCore, InfraKubernetes and the standard library: a
    /// CRD type with one of these names would hide them.
    package static let reservedNames: Set<String> = [
        "ObjectMeta", "Value", "ValueObject", "Quantity", "IntOrString", "KubernetesObject", "APIValue",
        "ValueDecodable", "ValueDecoder", "DecodableKubernetesObject", "KubernetesKindRegistry", "String", "Int",
        "Double", "Bool", "Array", "Dictionary", "Optional", "Set",
    ]

    /// The name of the generated list of kinds, e.g. `WidgetsKinds`.
    package var kindListName: String {
        "\(swiftIdentifier(for: module).prefix(1).uppercased())\(swiftIdentifier(for: module).dropFirst())Kinds"
    }

    /// The models of every served version of every CRD, the storage version first within a kind.
    package func models(_ inputs: [Input]) throws -> [TypeModel] {
        var translator = CRDTranslator(reserved: CRDImport.reservedNames.union([kindListName]))
        var seenKinds: [String: String] = [:]
        for input in inputs {
            let crd = try CRDDocument(input)
            for version in crd.orderedServedVersions {
                let apiVersion = "\(crd.group)/\(version.name)"
                let typeName = version.name == crd.primaryVersion ? crd.kind : crd.kind + versionSuffix(version.name)
                if CRDImport.reservedNames.contains(typeName) || typeName == kindListName {
                    throw GeneratorError(
                        "\(input.source): kind \(crd.kind) would be the Swift type \(typeName), a name the generated code uses"
                    )
                }
                if let other = seenKinds[typeName] {
                    throw GeneratorError(
                        "\(input.source): \(apiVersion) \(crd.kind) is named \(typeName) like \(other)")
                }
                seenKinds[typeName] = "\(apiVersion) \(crd.kind) (\(input.source))"
                translator.translate(
                    version.schema, apiVersion: apiVersion, kind: crd.kind, typeName: typeName,
                    clusterScoped: crd.clusterScoped, skipStatus: true)
            }
        }
        return translator.models
    }

    /// `v1beta1` → `V1Beta1`: the suffix of the types of a version that is not the primary one.
    func versionSuffix(_ version: String) -> String {
        var out = ""
        var upperNext = true
        for character in version {
            if character.isNumber {
                upperNext = true
                out.append(character)
            } else if character.isLetter {
                out += upperNext ? character.uppercased() : String(character)
                upperNext = false
            }
        }
        return out
    }

    /// The generated files (name without `.swift` → contents): one per group/version and the kind list.
    package func render(_ models: [TypeModel]) -> [String: String] {
        let renderer = SwiftRenderer(target: .userPackage(header: header))
        var files = renderer.render(models)
        files[kindListName] = renderKindList(models)
        return files
    }

    /// The header of every generated file (the command that regenerates it, one file a line);
    /// ``GeneratedFiles`` recognises the files by its first line.
    package var header: String {
        var lines = [
            "\(CRDImport.headerMarker) — do not edit. Regenerate from the package root with",
            "//   infra-manifest import-crd --module \(module) --output <this folder> \\",
        ]
        for (offset, file) in files.enumerated() {
            lines.append("//     \(file)" + (offset == files.count - 1 ? "" : " \\"))
        }
        return lines.joined(separator: "\n")
    }

    /// The first words of every file `import-crd` writes: only such files are replaced or removed.
    package static let headerMarker = "// Generated by infra-manifest import-crd"

    /// `<Module>Kinds`: the imported kinds, for `Include(…, kinds:)`.
    func renderKindList(_ models: [TypeModel]) -> String {
        let kinds = models.filter { $0.kind != nil }.map(\.name).sorted()
        var out = header + "\n// The kinds of this module, for `Include`.\n\nimport InfraKubernetes\n\n"
        out += SwiftRenderer(target: .userPackage(header: header)).doc(
            "The custom resource kinds imported into \(module): `Include` reads documents of these kinds into their "
                + "types when given `registry`.", indent: "")
        out += "///\n/// ```swift\n/// Include(file: path, kinds: \(kindListName).registry)\n/// ```\n"
        out += "public enum \(kindListName) {\n"
        out += "    /// Every imported kind.\n"
        out += "    public static let all: [any DecodableKubernetesObject.Type] = [\n"
        for kind in kinds { out += "        \(kind).self,\n" }
        out += "    ]\n\n"
        out += "    /// The built-in kinds and the imported ones.\n"
        out += "    public static var registry: KubernetesKindRegistry { KubernetesKindRegistry.builtIn.adding(all) }\n"
        out += "}\n"
        return out
    }
}

/// What the importer reads from one CustomResourceDefinition.
struct CRDDocument {
    struct Version {
        var name: String
        var served: Bool
        var storage: Bool
        var schema: Schema
    }

    var group: String
    var kind: String
    var clusterScoped: Bool
    var versions: [Version]

    init(_ input: CRDImport.Input) throws {
        let document = input.document
        let source = input.source
        guard document["kind"] as? String == "CustomResourceDefinition" else {
            throw GeneratorError("\(source): not a CustomResourceDefinition (kind \(document["kind"] ?? "missing"))")
        }
        guard document["apiVersion"] as? String == "apiextensions.k8s.io/v1" else {
            throw GeneratorError(
                "\(source): apiVersion \(document["apiVersion"] ?? "missing") is not apiextensions.k8s.io/v1 "
                    + "(v1beta1 CRDs were removed in Kubernetes 1.22)")
        }
        let spec = document["spec"] as? [String: Any] ?? [:]
        let names = spec["names"] as? [String: Any] ?? [:]
        guard let group = spec["group"] as? String, !group.isEmpty else {
            throw GeneratorError("\(source): spec.group is missing")
        }
        guard let kind = names["kind"] as? String, !kind.isEmpty else {
            throw GeneratorError("\(source): spec.names.kind is missing")
        }
        guard let scope = spec["scope"] as? String, scope == "Namespaced" || scope == "Cluster" else {
            throw GeneratorError("\(source): spec.scope must be Namespaced or Cluster")
        }
        var versions: [Version] = []
        for (offset, raw) in (spec["versions"] as? [[String: Any]] ?? []).enumerated() {
            guard let name = raw["name"] as? String else {
                throw GeneratorError("\(source): spec.versions[\(offset)] has no name")
            }
            let served = raw["served"] as? Bool ?? false
            let schema = (raw["schema"] as? [String: Any])?["openAPIV3Schema"] as? [String: Any]
            if served && schema == nil {
                throw GeneratorError(
                    "\(source): version \(name) of \(kind) is served but has no schema.openAPIV3Schema")
            }
            versions.append(
                Version(
                    name: name, served: served, storage: raw["storage"] as? Bool ?? false, schema: Schema(schema ?? [:])
                ))
        }
        guard versions.contains(where: \.served) else {
            throw GeneratorError("\(source): \(kind) has no served version")
        }
        self.group = group
        self.kind = kind
        self.clusterScoped = scope == "Cluster"
        self.versions = versions
    }

    /// The version whose types get the plain kind name: the storage version when it is served,
    /// else the served version Kubernetes ranks highest.
    var primaryVersion: String {
        if let storage = versions.first(where: { $0.storage && $0.served }) { return storage.name }
        return versions.filter(\.served).map(\.name).sorted(by: CRDDocument.ranksHigher).first ?? ""
    }

    /// The served versions, the primary one first, then by Kubernetes' version priority.
    var orderedServedVersions: [Version] {
        let primary = primaryVersion
        return versions.filter(\.served).sorted { lhs, rhs in
            if (lhs.name == primary) != (rhs.name == primary) { return lhs.name == primary }
            return CRDDocument.ranksHigher(lhs.name, rhs.name)
        }
    }

    /// Kubernetes' version priority (`v2` > `v1` > `v1beta2` > `v1beta1` > `v1alpha1` > anything else,
    /// which sorts alphabetically).
    static func ranksHigher(_ lhs: String, _ rhs: String) -> Bool {
        func rank(_ version: String) -> (Int, Int, Int)? {
            guard version.hasPrefix("v") else { return nil }
            let body = version.dropFirst()
            let major = body.prefix { $0.isNumber }
            guard let majorNumber = Int(major) else { return nil }
            let rest = body.dropFirst(major.count)
            if rest.isEmpty { return (3, majorNumber, 0) }
            for (stability, word) in [(2, "beta"), (1, "alpha")] where rest.hasPrefix(word) {
                guard let minor = Int(rest.dropFirst(word.count)) else { return nil }
                return (stability, majorNumber, minor)
            }
            return nil
        }
        switch (rank(lhs), rank(rhs)) {
        case let (l?, r?): return l > r
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs < rhs
        }
    }
}
