// When `Include.namespace(_:)` moves upstream objects into another namespace, the places that
// name the old namespace follow (like kustomize's namespace transformer): ServiceAccount subjects
// of role bindings, and the in-cluster services that webhooks, APIServices and CRD conversion
// webhooks call.

import InfraCore

/// Rewrites references to moved namespaces inside one object.
enum NamespaceReferences {
    /// `object` with references to a namespace in `originals` pointing at `namespace`.
    static func rewrite(
        _ object: any KubernetesObject, from originals: Set<String>, to namespace: String
    ) -> any KubernetesObject {
        func moved(_ subjects: [Subject]?) -> [Subject]? {
            subjects?.map { subject in
                var subject = subject
                if subject.kind == "ServiceAccount", let old = subject.namespace, originals.contains(old) {
                    subject.namespace = namespace
                }
                return subject
            }
        }
        switch object {
        case var binding as RoleBinding:
            binding.subjects = moved(binding.subjects)
            return binding
        case var binding as ClusterRoleBinding:
            binding.subjects = moved(binding.subjects)
            return binding
        case var unstructured as UnstructuredObject:
            let paths: [[String]]
            switch (unstructured.apiGroup, unstructured.kind) {
            case ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
                ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"):
                paths = [["webhooks", "*", "clientConfig", "service", "namespace"]]
            case ("apiregistration.k8s.io", "APIService"):
                paths = [["spec", "service", "namespace"]]
            case ("apiextensions.k8s.io", "CustomResourceDefinition"):
                paths = [["spec", "conversion", "webhook", "clientConfig", "service", "namespace"]]
            default:
                return object
            }
            var fields = Value.object(unstructured.fields)
            for path in paths { fields = rewrite(fields, path[...], from: originals, to: namespace) }
            unstructured.fields = fields.objectValue ?? unstructured.fields
            return unstructured
        default:
            return object
        }
    }

    /// `value` with the string at `path` (`*` for every element of a sequence) replaced when it
    /// names a namespace in `originals`.
    static func rewrite(
        _ value: Value, _ path: ArraySlice<String>, from originals: Set<String>, to namespace: String
    ) -> Value {
        guard let step = path.first else {
            if case .string(let old) = value, originals.contains(old) { return .string(namespace) }
            return value
        }
        switch value {
        case .array(let elements) where step == "*":
            return .array(elements.map { rewrite($0, path.dropFirst(), from: originals, to: namespace) })
        case .object(var object):
            guard let member = object[step] else { return value }
            object[step] = rewrite(member, path.dropFirst(), from: originals, to: namespace)
            return .object(object)
        default:
            return value
        }
    }
}
