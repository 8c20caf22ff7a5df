// Synthesizes the OVES reference once for all tests and writes it to a temporary folder
// for the external validators.

import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import OVESInfrastructure

/// The synthesized reference, shared by the tests.
enum OVESSynthesis {
    /// The synthesis result of every Terraform root and module.
    static let result: SynthesisResult = Infrastructure(units: OVESReference.terraformUnits).synthesize()

    /// The roots with AWS resources (the dns root needs the cloudflare provider, not available offline).
    static let awsRoots = ["terraform/environments/dev", "terraform/environments/prod", "terraform/shared"]

    /// The synthesized files written under a fresh temporary folder.
    static func writeOutput() throws -> URL {
        let directory = try ExternalTools.temporaryDirectory("oves")
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        return directory
    }

    /// The JSON document of a synthesized file, from the resolved blocks written to it.
    static func document(_ path: String) -> Value? {
        let blocks = result.model.nodes.compactMap { $0 as? ResolvedBlock }.filter { $0.file == path }
        if path.hasSuffix(".tfvars.json") { return blocks.first?.document() }
        return TerraformJSONFiles.documents(of: blocks).first?.document
    }
}
