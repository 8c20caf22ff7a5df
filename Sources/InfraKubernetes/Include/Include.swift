// `Include(file: "vendor/cert-manager.yaml")`: upstream Kubernetes YAML (release manifests,
// CRDs, `helm template` output) as manifest content. Every document is read with libyaml (Yams)
// into a typed object where InfraKubernetes has a type for its kind and an `UnstructuredObject`
// otherwise, then validated and written with everything else. Problems name file, line and column.

import Foundation
import InfraCore

/// Kubernetes objects read from multi-document YAML, as content of a ``Manifest``.
///
/// ```swift
/// Manifest("platform", namespace: "cert-manager") {
///     Include(resource: "cert-manager.yaml", in: .module)   // vendored in the package's resources
///         .labels(["app.kubernetes.io/part-of": "platform"])
///         .patch(Deployment.self, named: "cert-manager") { $0.spec?.replicas = 2 }
/// }
/// ```
///
/// Documents of a kind with a generated type (`Deployment`, `Service`, `ClusterIssuer`, …, or a
/// type from `import-crd` given in `kinds`) become that type, so the manifest's rules (names,
/// selectors, references, quantities) apply to them; an unknown field, a missing required field
/// or a value of the wrong type is an error. Other documents become ``UnstructuredObject``s;
/// CustomResourceDefinitions among them register their kinds, so custom resources in the same
/// manifest are checked against the CRD's schema. `List` documents are expanded; empty documents
/// are skipped. Bad YAML, duplicate keys and documents without `apiVersion` and `kind` are errors
/// that name the file, line and column. Nothing is written while there are errors.
public struct Include: ManifestContent {
    /// Where the YAML came from, as diagnostics name it (a file path, or `inline YAML`).
    public let source: String
    /// The objects read, in document order, after the changes made with the modifiers.
    public private(set) var objects: [any KubernetesObject]
    /// Problems found reading the YAML, by place.
    private var problems: [Problem]
    /// `<group>/<Kind>` of unstructured kinds whose scope was guessed (no CRD, not built in): a
    /// ``namespace(_:)`` leaves such objects without a namespace as they are.
    private var guessedScopes: Set<String>

    /// One problem, at `source:line:column`.
    struct Problem: Sendable, Hashable {
        var location: YAMLLocation
        var severity: Diagnostic.Severity
        var message: String
        var hint: String?
    }

    /// Reads `yaml`; `source` names it in diagnostics, `kinds` are the kinds read into types.
    ///
    /// ```swift
    /// Include(yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n", source: "settings.yaml")
    /// ```
    public init(yaml: String, source: String = "inline YAML", kinds: KubernetesKindRegistry = .builtIn) {
        self.source = source
        var reader = DocumentReader(kinds: kinds)
        reader.read(yaml)
        objects = reader.objects
        problems = reader.problems
        guessedScopes = reader.guessedScopes
    }

    /// Reads the file at `path` (relative paths from the current directory); a file that cannot be
    /// read is an error of the manifest.
    ///
    /// ```swift
    /// Include(file: "vendor/metrics-server-0.8.0.yaml")
    /// ```
    public init(file path: String, kinds: KubernetesKindRegistry = .builtIn) {
        self.init(contentsOf: URL(fileURLWithPath: path), source: path, kinds: kinds)
    }

    /// Reads the file at `url`; `source` names it in diagnostics (the file name by default).
    public init(contentsOf url: URL, source: String? = nil, kinds: KubernetesKindRegistry = .builtIn) {
        let name = source ?? url.lastPathComponent
        do {
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) else {
                self.init(failure: "\(url.path) is not UTF-8 text", source: name)
                return
            }
            self.init(yaml: text, source: name, kinds: kinds)
        } catch {
            self.init(failure: "cannot read \(url.path): \(error.localizedDescription)", source: name)
        }
    }

    /// Reads a resource of a package's bundle, e.g. a vendored manifest declared in the target as
    /// `resources: [.copy("vendor/cert-manager.yaml")]`; `name` may include folders
    /// (`vendor/cert-manager.yaml` for `.copy("vendor")`).
    ///
    /// ```swift
    /// Include(resource: "cert-manager.yaml", in: .module)
    /// ```
    ///
    /// A resource is read once per process (bundles do not change while it runs): including it
    /// again, e.g. in each cluster's manifest, reuses the objects read the first time.
    public init(resource name: String, in bundle: Bundle, kinds: KubernetesKindRegistry = .builtIn) {
        let file = (name as NSString).lastPathComponent
        let folder = (name as NSString).deletingLastPathComponent
        let base = (file as NSString).deletingPathExtension
        let fileExtension = (file as NSString).pathExtension
        guard
            let url = bundle.url(
                forResource: base, withExtension: fileExtension.isEmpty ? nil : fileExtension,
                subdirectory: folder.isEmpty ? nil : folder)
        else {
            self.init(
                failure: "the bundle \(bundle.bundleURL.lastPathComponent) has no resource \(name)", source: name,
                hint: "declare it in the target's resources, e.g. .copy(\"\(name)\")")
            return
        }
        // Bundle files do not change while the process runs: each is read once per process.
        self = BundleResourceCache.shared.include(at: url, source: name, kinds: kinds) {
            Include(contentsOf: url, source: name, kinds: kinds)
        }
    }

    /// An include that could not be read at all.
    init(failure: String, source: String, hint: String? = nil) {
        self.source = source
        objects = []
        problems = [Problem(location: YAMLLocation(line: 1, column: 1), severity: .error, message: failure, hint: hint)]
        guessedScopes = []
    }

    /// The objects read.
    public var manifestObjects: [any KubernetesObject] { objects }

    /// Appends the objects read.
    public func appendManifestObjects(to objects: inout [any KubernetesObject]) { objects += self.objects }

    /// The problems reading the YAML, at `<manifest>/include/<source>:<line>:<column>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        problems.map { problem in
            Diagnostic(
                path: path.appending("include").appending("\(source):\(problem.location)"),
                severity: problem.severity, message: problem.message, hint: problem.hint)
        }
    }

    /// Whether reading found errors (the manifest will not be written).
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

// MARK: - Changing what was read

extension Include {
    /// Puts every namespaced object into `namespace`, like kustomize's `namespace:`. The Namespace
    /// objects of the namespaces the objects were in are renamed (one is kept), and references to
    /// those namespaces follow: ServiceAccount subjects of (Cluster)RoleBindings, the services of
    /// webhook configurations, APIServices and CRD conversion webhooks. Annotation values (such as
    /// cert-manager's `inject-ca-from`) are not rewritten.
    ///
    /// ```swift
    /// Include(file: "vendor/cert-manager.yaml").namespace("platform-certs")
    /// ```
    public func namespace(_ namespace: String) -> Include {
        var copy = self
        let originals = Set(objects.compactMap { $0.isClusterScoped ? nil : $0.metadata.namespace })
        var namespaces: Set<String> = []
        copy.objects = objects.compactMap { object -> (any KubernetesObject)? in
            var object = object
            if object.kind == "Namespace" && object.apiGroup.isEmpty {
                if let name = object.metadata.name, originals.contains(name) { object.metadata.name = namespace }
                return namespaces.insert(object.metadata.name ?? "").inserted ? object : nil
            }
            let key = ClusterScopedKinds.key(apiVersion: object.apiVersion, kind: object.kind)
            if !object.isClusterScoped && (object.metadata.namespace != nil || !guessedScopes.contains(key)) {
                object.metadata.namespace = namespace
            }
            return NamespaceReferences.rewrite(object, from: originals, to: namespace)
        }
        return copy
    }

    /// Adds `labels` to every object's metadata (replacing labels of the same key). Selectors and
    /// pod templates are left alone: use ``patch(_:named:_:)`` for those.
    ///
    /// ```swift
    /// Include(file: "vendor/metrics-server.yaml").labels(["app.kubernetes.io/part-of": "platform"])
    /// ```
    public func labels(_ labels: [String: String]) -> Include {
        patch { object in object.metadata.labels = (object.metadata.labels ?? [:]).merging(labels) { $1 } }
    }

    /// Adds `annotations` to every object's metadata (replacing annotations of the same key).
    ///
    /// ```swift
    /// Include(file: "vendor/app.yaml").annotations(["owner": "platform-team"])
    /// ```
    public func annotations(_ annotations: [String: String]) -> Include {
        patch { object in
            object.metadata.annotations = (object.metadata.annotations ?? [:]).merging(annotations) { $1 }
        }
    }

    /// Changes every object with `body`.
    ///
    /// ```swift
    /// Include(file: "vendor/app.yaml").patch { object in object.metadata.labels?["tier"] = "backend" }
    /// ```
    public func patch(_ body: (inout any KubernetesObject) throws -> Void) rethrows -> Include {
        var copy = self
        for index in copy.objects.indices { try body(&copy.objects[index]) }
        return copy
    }

    /// Changes the objects of type `T` (named `name`, when given) with `body`.
    ///
    /// ```swift
    /// Include(file: "vendor/cert-manager.yaml")
    ///     .patch(Deployment.self, named: "cert-manager") { $0.spec?.replicas = 2 }
    /// ```
    public func patch<T: KubernetesObject>(
        _ type: T.Type, named name: String? = nil, _ body: (inout T) throws -> Void
    ) rethrows -> Include {
        var copy = self
        for index in copy.objects.indices {
            guard var object = copy.objects[index] as? T, name == nil || object.metadata.name == name else { continue }
            try body(&object)
            copy.objects[index] = object
        }
        return copy
    }

    /// Keeps the objects for which `isIncluded` is true.
    ///
    /// ```swift
    /// Include(file: "vendor/cert-manager.yaml").filter { $0.kind != "Namespace" }
    /// ```
    public func filter(_ isIncluded: (any KubernetesObject) throws -> Bool) rethrows -> Include {
        var copy = self
        copy.objects = try objects.filter(isIncluded)
        return copy
    }
}

/// Reads the documents of one YAML text into objects and problems.
struct DocumentReader {
    let kinds: KubernetesKindRegistry
    var objects: [any KubernetesObject] = []
    var problems: [Include.Problem] = []
    var guessedScopes: Set<String> = []

    init(kinds: KubernetesKindRegistry) { self.kinds = kinds }

    mutating func read(_ text: String) {
        var yamlProblems: [YAMLProblem] = []
        let documents = YAMLStream.documents(text, problems: &yamlProblems)
        problems += yamlProblems.map {
            Include.Problem(location: $0.location, severity: .error, message: $0.message, hint: $0.hint)
        }
        guard let documents else { return }
        var unstructured: [Int] = []
        for document in documents {
            switch document.value {
            case .null:
                continue  // an empty document (`---` with nothing or only comments after it)
            case .object(let object):
                for (value, path) in expandLists(object, document: document) {
                    if let read = readObject(value, path: path, document: document) {
                        if read is UnstructuredObject { unstructured.append(objects.count) }
                        objects.append(read)
                    }
                }
            default:
                problems.append(
                    Include.Problem(
                        location: document.location, severity: .error,
                        message:
                            "a document must be a mapping (a Kubernetes object), not \(ValueDecoder.describe(document.value))"
                    ))
            }
        }
        assignScopes(unstructured)
    }

    /// The objects of a document: itself, or the items of a `List` (`v1 List`, or `<Kind>List` with
    /// `items`, whose items may leave out their `apiVersion` and `kind`).
    func expandLists(
        _ object: ValueObject, document: YAMLDocument
    ) -> [(Value, [ValueDecoder.PathComponent])] {
        guard let kind = object["kind"]?.stringValue, kind.hasSuffix("List"),
            kind == "List" || kinds.type(apiVersion: object["apiVersion"]?.stringValue ?? "", kind: kind) == nil,
            case .array(let items)? = object["items"]
        else { return [(.object(object), [])] }
        let itemKind = kind == "List" ? nil : String(kind.dropLast(4))
        return items.enumerated().map { index, item in
            guard var member = item.objectValue, let itemKind else { return (item, [.key("items"), .index(index)]) }
            if member["apiVersion"] == nil, let apiVersion = object["apiVersion"] { member["apiVersion"] = apiVersion }
            if member["kind"] == nil { member["kind"] = .string(itemKind) }
            return (.object(member), [.key("items"), .index(index)])
        }
    }

    /// One object: typed when `kinds` has its kind, else unstructured.
    mutating func readObject(
        _ value: Value, path: [ValueDecoder.PathComponent], document: YAMLDocument
    ) -> (any KubernetesObject)? {
        guard case .object(let object) = value else {
            problems.append(
                Include.Problem(
                    location: document.location(of: path), severity: .error,
                    message: "a List item must be a mapping, not \(ValueDecoder.describe(value))"))
            return nil
        }
        guard let apiVersion = object["apiVersion"]?.stringValue, !apiVersion.isEmpty,
            let kind = object["kind"]?.stringValue, !kind.isEmpty
        else {
            let missing = [("apiVersion", object["apiVersion"]), ("kind", object["kind"])]
                .filter { $0.1?.stringValue?.isEmpty ?? true }.map(\.0)
            problems.append(
                Include.Problem(
                    location: document.location(of: path), severity: .error,
                    message:
                        "a document needs apiVersion and kind; \(missing.joined(separator: " and ")) missing or not a string",
                    hint: "every Kubernetes object names its apiVersion and kind"))
            return nil
        }
        var decoder = ValueDecoder()
        decoder.path = path
        let name = object["metadata"]?["name"]?.stringValue ?? "<unnamed>"
        let result: (any KubernetesObject)?
        if let type = kinds.type(apiVersion: apiVersion, kind: kind) {
            result = type.decode(value, &decoder)
        } else {
            var metadata = ObjectMeta()
            if let member = object.members.first(where: { $0.key == "metadata" }), member.value != .null {
                metadata = decoder.decode(member) ?? ObjectMeta()
            }
            let fields = ValueObject(
                uniqueMembers: object.members.filter { !["apiVersion", "kind", "metadata"].contains($0.key) })
            let key = ClusterScopedKinds.key(apiVersion: apiVersion, kind: kind)
            result = UnstructuredObject(
                apiVersion: apiVersion, kind: kind, metadata: metadata,
                isClusterScoped: ClusterScopedKinds.builtIn.contains(key), fields: fields)
        }
        for problem in decoder.problems {
            problems.append(
                Include.Problem(
                    location: document.location(of: problem.path), severity: problem.severity,
                    message: "\(kind) '\(name)': \(problem.message)"
                        + (problem.location.isEmpty ? "" : " (\(problem.location))"),
                    hint: problem.hint))
        }
        return decoder.hasErrors ? nil : result
    }

    /// Gives unstructured custom resources the scope of their CRD when this YAML defines it; the
    /// others keep the built-in scope, or a guessed one (namespaced) that ``Include/namespace(_:)``
    /// treats with care.
    mutating func assignScopes(_ offsets: [Int]) {
        var scopes: [String: Bool] = [:]
        for offset in offsets {
            guard let crd = objects[offset] as? UnstructuredObject, crd.kind == "CustomResourceDefinition",
                crd.apiVersion.hasPrefix("apiextensions.k8s.io/"), case .object(let spec)? = crd.fields["spec"],
                let group = spec["group"]?.stringValue, let kind = spec["names"]?["kind"]?.stringValue
            else { continue }
            scopes["\(group)/\(kind)"] = spec["scope"]?.stringValue == "Cluster"
        }
        for offset in offsets {
            guard var object = objects[offset] as? UnstructuredObject else { continue }
            let key = ClusterScopedKinds.key(apiVersion: object.apiVersion, kind: object.kind)
            if let clusterScoped = scopes[key] {
                object.isClusterScoped = clusterScoped
                objects[offset] = object
            } else if object.apiGroup.contains(".") && !object.apiGroup.hasSuffix(".k8s.io") {
                guessedScopes.insert(key)
            }
        }
    }
}
