// `EBSSnapshotPolicy`: a daily DLM policy on the volumes with the target tags, its retention,
// its own service role, and the diagnostics of a policy that would select nothing or keep nothing.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("EBS snapshot policy")
struct EBSSnapshotPolicyTests {
    @Test("daily snapshots of the tagged volumes at 03:00, kept for the retention, by a DLM role")
    func policy() throws {
        let result = synthesizeConstructs {
            EBSSnapshotPolicy(
                "volumes", label: "oves-test-volumes", targetTags: ["oves.io/backup": "daily"], retentionDays: 14)
        }
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let policy = try #require(result.resource("aws_dlm_lifecycle_policy", "volumes"))
        let details = try #require(policy["policy_details"])
        #expect(details["resource_types"] == ["VOLUME"])
        #expect(details["target_tags"] == ["oves.io/backup": "daily"])
        #expect(details["schedule"]?["create_rule"]?["times"] == ["03:00"])
        #expect(details["schedule"]?["create_rule"]?["interval"] == .int(24))
        #expect(details["schedule"]?["retain_rule"]?["count"] == .int(14))
        #expect(policy["state"] == "ENABLED")
        #expect(policy["execution_role_arn"] == "${aws_iam_role.volumes_dlm.arn}")
        #expect(
            result.resource("aws_iam_role_policy_attachment", "volumes_dlm")?["policy_arn"]
                == "arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole")
    }

    @Test("no target tags, a retention outside 1…1000 and a malformed time are errors")
    func diagnostics() {
        let result = synthesizeConstructs {
            EBSSnapshotPolicy("volumes", label: "x", targetTags: [:], retentionDays: 0, time: "3am")
        }
        let lines = result.errorLines
        #expect(lines.contains("t/volumes: without target tags the policy would select no volume"), "\(lines)")
        #expect(lines.contains("t/volumes: retention of 0 snapshots is outside DLM's 1…1000"))
        #expect(lines.contains("t/volumes: start time \"3am\" is not HH:MM (UTC)"))
    }
}
