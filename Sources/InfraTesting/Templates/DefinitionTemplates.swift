// Templates straight from definitions: synthesize a stack or manifest and assert on its
// resolved model, failing with the definition's diagnostics when it does not synthesize.

import InfraCore
import InfraKubernetes
import InfraTerraform

extension TerraformTemplate {
    /// Synthesizes `stack` and reads its resolved blocks.
    ///
    /// ```swift
    /// let template = try TerraformTemplate(stack: devStack)
    /// template.resourceCountIs("aws_subnet", 3)
    /// ```
    public init(stack: Stack) throws(AssertionFailure) {
        let result = stack.synthesize()
        if result.diagnostics.hasErrors {
            throw AssertionFailure(
                summary: "\(stack.name) does not synthesize", details: result.diagnostics.sorted.map(\.description))
        }
        self.init(result: result, directory: stack.outputDirectory)
    }
}

extension KubernetesTemplate {
    /// Synthesizes `manifest` and reads its resolved objects (also when the manifest has errors:
    /// the objects are what was declared, with their namespaces resolved).
    ///
    /// ```swift
    /// KubernetesTemplate(manifest: prod).hasObject(kind: "Deployment", named: "account", namespace: "prod", [:])
    /// ```
    public init(manifest: Manifest) {
        self.init(result: manifest.synthesize())
    }
}
