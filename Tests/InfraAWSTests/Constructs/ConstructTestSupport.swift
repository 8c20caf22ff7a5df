// Helpers for the construct tests: synthesize a one-stack configuration and look into the
// rendered JSON by resource type and name.

import InfraAWS
import InfraCore
import InfraTerraform

/// A stack `t` (us-east-1 plus an `eu` alias) holding `content`, synthesized.
func synthesizeConstructs(@StackBuilder _ content: () -> [any StackContent]) -> SynthesisResult {
    let body = content()
    return Stack("t", directory: "t") {
        Provider.aws(region: "us-east-1")
        Provider.aws(region: "eu-central-1", alias: "eu")
        Provider.aws(region: "eu-central-1", alias: "peer")
        body
    }.synthesize()
}

extension SynthesisResult {
    /// The `t/<file>.tf.json` document, from the resolved blocks written to it.
    func document(_ file: String = "main") -> Value? {
        let blocks = model.nodes.compactMap { $0 as? ResolvedBlock }.filter { $0.file == "t/\(file).tf.json" }
        return TerraformJSONFiles.documents(of: blocks).first?.document
    }

    /// The body of `resource.<type>.<name>` in `t/<file>.tf.json`.
    func resource(_ type: String, _ name: String, file: String = "main") -> Value? {
        document(file)?["resource"]?[type]?[name]
    }

    /// The names of every resource of a type.
    func resourceNames(_ type: String, file: String = "main") -> [String] {
        document(file)?["resource"]?[type]?.objectValue?.keys ?? []
    }

    /// Error diagnostics as `path: message` lines.
    var errorLines: [String] { diagnostics.errors.map { "\($0.path): \($0.message)" } }
}
