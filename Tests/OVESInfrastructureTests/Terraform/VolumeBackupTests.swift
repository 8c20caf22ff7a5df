// Seed §5, data protection: the Kubernetes volumes of both clusters are snapshotted daily by DLM
// on the tag the StorageClasses set (`OVESNames.backupTag`), kept 14 days in prod and 7 in dev.

import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES volume snapshots")
struct VolumeBackupTests {
    @Test("each environment snapshots the volumes tagged oves.io/backup=daily, prod 14 days, dev 7")
    func snapshots() throws {
        #expect(OVESNames.backupTag == ("oves.io/backup", "daily"))
        for (environment, days) in [("prod", 14), ("dev", 7)] {
            let document = OVESSynthesis.document("terraform/environments/\(environment)/main.tf.json")
            let policy = try #require(document?["resource"]?["aws_dlm_lifecycle_policy"]?["\(environment)_volumes"])
            #expect(policy["policy_details"]?["target_tags"] == ["oves.io/backup": "daily"])
            #expect(policy["policy_details"]?["schedule"]?["retain_rule"]?["count"] == .int(days))
            #expect(policy["policy_details"]?["resource_types"] == ["VOLUME"])
        }
    }

    @Test("every EBS StorageClass of both clusters tags its volumes with the tag the DLM policies select")
    func storageClassesTagVolumes() throws {
        var checked = 0
        for objects in [ReferenceLookup.prod, ReferenceLookup.dev] {
            for case let storageClass as StorageClass in objects
            where storageClass.provisioner == EBSStorageClass.provisioner {
                let tags = (storageClass.parameters ?? [:]).filter { $0.key.hasPrefix("tagSpecification_") }.values
                #expect(
                    tags.contains("\(OVESNames.backupTag.key)=\(OVESNames.backupTag.value)"),
                    "\(storageClass.metadata.name ?? "?")")
                checked += 1
            }
        }
        #expect(checked >= 2)
    }
}
