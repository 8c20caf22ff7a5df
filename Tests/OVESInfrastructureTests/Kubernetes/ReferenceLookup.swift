// Finding objects of the synthesized OVES manifests by kind, namespace and name, and
// comparing rendered objects with the seed's YAML independent of key order.

import InfraCore
import InfraKubernetes
import OVESInfrastructure

/// Lookups over the OVES manifests' objects.
enum ReferenceLookup {
    /// The prod manifest's objects.
    static let prod = OVESKubernetes.production().objects
    /// The dev manifest's objects.
    static let dev = OVESKubernetes.development().objects

    /// The object of type `T` named `name` (in `namespace`, when given).
    static func find<T: KubernetesObject>(
        _ type: T.Type, _ name: String, namespace: String? = nil, in objects: [any KubernetesObject]
    ) -> T? {
        objects.lazy.compactMap { $0 as? T }.first {
            $0.name == name && (namespace == nil || $0.metadata.namespace == namespace)
        }
    }

    /// Every object of type `T`.
    static func all<T: KubernetesObject>(_ type: T.Type, in objects: [any KubernetesObject]) -> [T] {
        objects.compactMap { $0 as? T }
    }

    /// The value as key-sorted JSON, so documents compare independent of key order.
    static func canonical(_ value: Value) -> String { JSONWriter(sortKeys: true).string(value) }

    /// The rendered object without `metadata.namespace` (the seed's examples leave it out).
    static func withoutNamespace(_ object: any KubernetesObject) -> Value {
        var copy = object
        copy.metadata.namespace = nil
        return copy.renderValue()
    }
}
