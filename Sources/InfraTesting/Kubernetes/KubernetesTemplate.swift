// Assertions over synthesized Kubernetes objects — read from a synthesis' resolved model, or
// given as documents — with the same vocabulary as the Terraform template: find by kind and
// partial document, count, and explain failures with the closest object.

import InfraCore
import InfraKubernetes
import Testing

/// Synthesized Kubernetes objects under test.
///
/// ```swift
/// let template = KubernetesTemplate(manifest: prod)
/// template.resourceCountIs(kind: "Deployment", 2)
/// template.hasObject(kind: "Deployment", named: "api", namespace: "prod", [
///     "spec": ["template": ["spec": ["containers": Match.arrayWith([["image": Match.stringLike("@sha256:")]])]]]
/// ])
/// ```
public struct KubernetesTemplate: Sendable {
    /// Every object, sorted by address.
    public let objects: [KubernetesTemplateObject]

    /// Creates a template from documents written by hand (objects; `null` documents are skipped).
    public init(documents: [Value]) {
        self.init(objects: documents.filter { $0.objectValue != nil }.map { KubernetesTemplateObject(document: $0) })
    }

    /// Creates a template from the Kubernetes objects of a synthesis' resolved model; with
    /// `directory`, only the objects written under that folder, e.g. `kubernetes/prod`. Objects
    /// read this way know their component path, file and typed value.
    ///
    /// ```swift
    /// let prod = KubernetesTemplate(result: infrastructure.synthesize(), directory: "kubernetes/prod")
    /// prod.object(kind: "Deployment", named: "account")?.typed(Deployment.self)?.spec?.replicas
    /// ```
    public init(result: SynthesisResult, directory: String? = nil) {
        self.init(model: result.model, directory: directory)
    }

    /// Creates a template from a resolved model (see ``init(result:directory:)``).
    public init(model: ResolvedModel, directory: String? = nil) {
        let nodes = directory.map { model.nodes(under: $0) } ?? model.nodes
        self.init(
            objects: nodes.filter { $0.language == .kubernetes }.map { node in
                KubernetesTemplateObject(
                    document: node.document(), path: node.path, file: node.file, resolved: node as? ResolvedObject)
            })
    }

    /// Sorts the objects by address.
    private init(objects: [KubernetesTemplateObject]) {
        self.objects = objects.sorted { ($0.address, $0.apiVersion) < ($1.address, $1.apiVersion) }
    }

    /// The objects of `kind` whose documents match `pattern` (partially), sorted by address.
    ///
    /// ```swift
    /// template.objects(kind: "Service", matching: ["spec": ["type": "ClusterIP"]])
    /// ```
    public func objects(kind: String, matching pattern: Matcher = Match.anyValue()) -> [KubernetesTemplateObject] {
        objects.filter {
            $0.kind == kind && pattern.evaluate($0.document, at: ValuePath(), partialObjects: true).isMatch
        }
    }

    /// The object of `kind` named `name` (in `namespace`, when given).
    public func object(kind: String, named name: String, namespace: String? = nil) -> KubernetesTemplateObject? {
        objects.first { $0.kind == kind && $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// Asserts that there are exactly `count` objects of `kind`.
    @discardableResult
    public func resourceCountIs(
        kind: String, _ count: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in try verifyCount(kind: kind, count) }
    }

    /// Throws unless exactly `count` objects of `kind` match `pattern`.
    public func verifyCount(
        kind: String, _ count: Int, matching pattern: Matcher = Match.anyValue()
    ) throws(AssertionFailure) {
        let found = objects(kind: kind, matching: pattern)
        guard found.count != count else { return }
        let filter = pattern == Match.anyValue() ? "" : " matching \(pattern)"
        throw AssertionFailure(
            summary: "expected \(count) \(kind) object(s)\(filter), found \(found.count)",
            details: found.isEmpty ? [] : ["found: " + found.map(\.address).joined(separator: ", ")]
        )
    }

    /// Asserts that some object of `kind` (with this name and namespace, when given) matches `pattern`.
    ///
    /// ```swift
    /// template.hasObject(kind: "Ingress", ["spec": ["tls": Match.arrayWith([["secretName": "api-tls"]])]])
    /// ```
    @discardableResult
    public func hasObject(
        kind: String, named name: String? = nil, namespace: String? = nil, _ pattern: Matcher = Match.anyValue(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in
            try verifyObject(kind: kind, named: name, namespace: namespace, pattern)
        }
    }

    /// Throws unless some object of `kind` (with this name and namespace, when given) matches
    /// `pattern`; the failure names the closest object and where it differs.
    public func verifyObject(
        kind: String, named name: String? = nil, namespace: String? = nil, _ pattern: Matcher = Match.anyValue()
    ) throws(AssertionFailure) {
        let pool = objects.filter {
            $0.kind == kind && (name == nil || $0.name == name) && (namespace == nil || $0.namespace == namespace)
        }
        if pool.isEmpty, let name {
            let sameKind = objects.filter { $0.kind == kind }.map(\.address)
            let wanted = namespace.map { "\(kind) \($0)/\(name)" } ?? "\(kind) \(name)"
            if let nearest = CandidateSearch.nearestName(to: wanted, in: sameKind) {
                throw AssertionFailure(
                    summary: "\(wanted) does not exist; did you mean \(nearest)?", closestCandidate: nearest)
            }
            throw AssertionFailure(summary: "\(wanted) does not exist: there are no \(kind) objects")
        }
        try CandidateSearch.requireMatch(
            pool.map { Candidate(address: $0.address, value: $0.document) }, pattern, what: kind, noun: "objects")
    }
}
