// The synthesized OVES Kubernetes model, per cluster (`prod`, `dev`), as the rendered documents
// the clusters receive — what the platform tests read instead of the Swift source.

import InfraCore
import InfraKubernetes
import OVESInfrastructure

/// The documents of each cluster's manifest.
enum PlatformModel {
    /// Documents by cluster (the folder below `kubernetes/`).
    static let clusters: [String: [Value]] = {
        let model = Infrastructure(units: OVESKubernetes.clusterManifests()).synthesize().model
        var byCluster: [String: [Value]] = [:]
        for node in model.nodes(.kubernetes) {
            let cluster = node.file.split(separator: "/").dropFirst().first.map(String.init) ?? node.file
            byCluster[cluster, default: []].append(node.document())
        }
        return byCluster
    }()

    /// The documents of `kind` among `documents`.
    static func all(_ kind: String, in documents: [Value]) -> [Value] {
        documents.filter { $0["kind"]?.stringValue == kind }
    }

    /// `metadata.name`.
    static func name(_ document: Value) -> String { document["metadata"]?["name"]?.stringValue ?? "" }

    /// `metadata.namespace`.
    static func namespace(_ document: Value) -> String? { document["metadata"]?["namespace"]?.stringValue }

    /// The strings of an array at `value`.
    static func strings(_ value: Value?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }
}
