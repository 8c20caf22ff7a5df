// Synthesizes the OVES reference once for all tests and writes it to a temporary folder
// for the external validators.

import Foundation
import InfraCore
import InfraTestSupport
import OVESInfrastructure

/// The synthesized reference, shared by the tests.
enum OVESSynthesis {
    /// The synthesis result of every Terraform root and module.
    static let result: SynthesisResult = Infrastructure(units: OVESReference.terraformUnits).synthesize()

    /// The synthesized files written under a fresh temporary folder.
    static func writeOutput() throws -> URL {
        let directory = try ExternalTools.temporaryDirectory("oves")
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        return directory
    }

    /// The JSON document of a synthesized file.
    static func document(_ path: String) -> Value? {
        result.artifacts.first { $0.path == path }?.documents.first
    }
}
