// `AddOnCRD` embeds the vendored upstream CRDs in Swift: each case must be its file byte for byte
// (the generated literal's indentation and last line break are easy to get wrong), and must read
// back as the CRD of the kind InfraKubernetes types from it.

import Foundation
import InfraCore
import InfraKubernetes
import InfraTestSupport
import Testing

@Suite("AddOnCRD: the vendored CRDs of add-on-installed kinds")
struct AddOnCRDTests {
    @Test("each case is its vendored file, byte for byte", arguments: AddOnCRD.allCases)
    func byteForByte(_ crd: AddOnCRD) throws {
        let file = ExternalTools.packageRoot.appendingPathComponent("codegen/kubernetes/crds/upstream/\(crd.rawValue)")
        #expect(Array(crd.yaml.utf8) == Array(try Data(contentsOf: file)))
    }

    @Test("SecretProviderClasses reads as the CRD of the typed SecretProviderClass")
    func readsAsTheTypedKind() {
        let result = Manifest("crds") { AddOnCRD.secretProviderClasses.include }.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let crd = result.model.nodes(.kubernetes).map { $0.document() }.first
        #expect(crd?["kind"]?.stringValue == "CustomResourceDefinition")
        #expect(
            crd?["spec"]?["group"]?.stringValue
                == SecretProviderClass.objectAPIVersion.split(separator: "/").first.map(String.init))
        #expect(crd?["spec"]?["names"]?["kind"]?.stringValue == SecretProviderClass.objectKind)
    }
}
