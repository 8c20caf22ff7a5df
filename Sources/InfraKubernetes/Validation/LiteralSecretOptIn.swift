// The one way to keep literal data in a Secret: an explicit opt-in with a reason, meant for
// test fixtures. It is an annotation on the object, so it is greppable in the Swift source
// and in the YAML, and the policy rule INFRA-SECRET-004 reports every use with its reason.

extension KubernetesObject {
    /// The annotation that allows literal `data`/`stringData` in a Secret; its value is the reason.
    public static var allowLiteralSecretAnnotation: String { "swift-infra.dev/allow-literal-secret" }

    /// Allows literal `data`/`stringData` in this Secret, which is otherwise an error: for test
    /// fixtures only. Real workloads get secrets from an external store (External Secrets
    /// Operator, the Secrets Store CSI driver) or from a Secret created outside the manifests.
    ///
    /// The opt-in is written as the annotation ``allowLiteralSecretAnnotation`` (the reason is
    /// its value), and `infra-manifest check` reports every use with its reason.
    ///
    /// ```swift
    /// Secret(metadata: .init(name: "fixture"), stringData: ["token": "not-a-real-token"])
    ///     .allowLiteralSecret(reason: "fake credentials for the local kind cluster in CI")
    /// ```
    public func allowLiteralSecret(reason: String) -> Self {
        var copy = self
        copy.metadata.annotations = (copy.metadata.annotations ?? [:])
            .merging([Self.allowLiteralSecretAnnotation: reason]) { _, new in new }
        return copy
    }
}
