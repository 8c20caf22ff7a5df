// Seed §5, data protection: the Kubernetes volumes of both clusters are snapshotted daily by DLM
// on the tag the StorageClasses set (`OVESNames.backupTag`), kept 14 days in prod and 7 in dev.

import InfraCore
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
}
