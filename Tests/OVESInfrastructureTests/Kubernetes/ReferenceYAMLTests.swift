// The OVES manifests are written through the generated `appendYAMLDocument(to:)` of each
// object; every one of their objects must come out byte for byte as InfraCore's generic
// `YAMLWriter` writes the object's rendered `Value` (the form the schema validation reads).

import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES YAML written from typed objects")
struct ReferenceYAMLTests {
    @Test("every object of both clusters writes what the generic writer writes")
    func everyObject() {
        let manifests = [OVESKubernetes.production(), OVESKubernetes.development()]
        var checked = 0
        for manifest in manifests {
            for object in manifest.objects {
                #expect(
                    object.yaml == YAMLWriter().string(object.renderValue()),
                    "\(manifest.name)/\(object.kind)/\(object.name)")
                checked += 1
            }
        }
        #expect(checked > 150)
    }
}
