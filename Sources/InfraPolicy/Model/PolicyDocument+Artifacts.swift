// Turns synthesized artifacts into policy documents, using the documents each artifact
// was rendered from (no parsing): `.tf.json` files are Terraform, `.yaml` files Kubernetes.

import InfraCore

extension PolicyDocument {
    /// The policy documents of synthesized artifacts; other files are skipped.
    ///
    /// ```swift
    /// let report = PolicyEngine().evaluate(PolicyDocument.documents(of: result.artifacts))
    /// ```
    public static func documents(of artifacts: [Artifact]) -> [PolicyDocument] {
        artifacts.sorted { $0.path < $1.path }.flatMap { artifact -> [PolicyDocument] in
            if artifact.path.hasSuffix(".tf.json") {
                return artifact.documents.map { .terraform(file: artifact.path, $0) }
            }
            if artifact.path.hasSuffix(".yaml") || artifact.path.hasSuffix(".yml") {
                return artifact.documents.map { .kubernetes(file: artifact.path, $0) }
            }
            return []
        }
    }
}
