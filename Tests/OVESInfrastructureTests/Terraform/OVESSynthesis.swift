// Synthesizes the OVES reference once for all tests, and names its roots with AWS resources.

import Foundation
import InfraCore
import InfraTerraform
import OVESInfrastructure

/// The synthesized reference, shared by the tests.
enum OVESSynthesis {
    /// The synthesis result of every Terraform root and module.
    static let result: SynthesisResult = Infrastructure(units: OVESReference.terraformUnits).synthesize()

    /// The roots with AWS resources (the dns root needs the cloudflare provider, not available offline).
    static let awsRoots = ["terraform/environments/dev", "terraform/environments/prod", "terraform/shared"]

    /// The JSON document of a synthesized file, from the resolved blocks written to it.
    static func document(_ path: String) -> Value? {
        let blocks = result.model.nodes.compactMap { $0 as? ResolvedBlock }.filter { $0.file == path }
        if path.hasSuffix(".tfvars.json") { return blocks.first?.document() }
        return TerraformJSONFiles.documents(of: blocks).first?.document
    }
}
