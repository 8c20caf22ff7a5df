// Every AWS root of the OVES reference (dev, prod, shared) plans against the local AWS endpoint
// (moto) as synthesized — nothing removed — in JSON and in HCL form: both plans create exactly
// the same resource addresses, and those cover every resource block the output declares. The
// dns root needs the cloudflare provider, which is not available offline (see
// Documentation/OVESReference.md and CloudflareSchemaTests).

import Foundation
import InfraTestSupport
import Testing

@Suite("OVES reference plans against the local AWS endpoint", .timeLimit(.minutes(20)))
struct LocalPlanTests {
    /// Blocks with `count`/`for_each` that expand to no instance in a root, by design.
    static let emptyBlocks: [String: Set<String>] = [
        "environments/dev": iamWithoutManagedPolicies.union(addonRolesWithoutInlinePolicies)
            .union(vpcWithoutDatabaseSubnets("vpc")),
        // prod's external-dns add-on role has an inline policy, so prod plans `this_addon` policies.
        "environments/prod":
            iamWithoutManagedPolicies
            .union(vpcWithoutDatabaseSubnets("vpc"))
            .union(vpcWithoutPublicSubnets("database_vpc"))
            .union(["s3_artifacts", "s3_logs", "s3_static"].flatMap(bucketWithoutReplica))
            .union(["s3_artifacts", "s3_backups", "s3_static"].flatMap(loggedBucket))
            .union([
                "module.s3_logs.aws_s3_bucket_lifecycle_configuration.this",
                "module.s3_logs.aws_s3_bucket_logging.this",
            ]),
        "shared": ["aws_s3_bucket_acl.audit_bucket", "aws_s3_bucket_acl.state"],
    ]

    /// No IRSA role of the reference attaches a managed policy.
    static let iamWithoutManagedPolicies: Set<String> = ["module.iam.aws_iam_role_policy_attachment.this"]

    /// dev's add-on IRSA roles (EBS CSI driver, CloudWatch) carry managed policies only.
    static let addonRolesWithoutInlinePolicies: Set<String> = ["module.eks.aws_iam_role_policy.this_addon"]

    /// An application VPC has no database subnets.
    static func vpcWithoutDatabaseSubnets(_ call: String) -> Set<String> {
        Set(
            ["aws_route_table.this_database", "aws_route_table_association.this_database", "aws_subnet.this_database"]
                .map { "module.\(call).\($0)" })
    }

    /// The database VPC has no public subnets, so no internet or NAT gateway.
    static func vpcWithoutPublicSubnets(_ call: String) -> Set<String> {
        Set(
            [
                "aws_eip.this_nat", "aws_internet_gateway.this", "aws_nat_gateway.this", "aws_route.this_private_nat",
                "aws_route.this_public_internet", "aws_route_table.this_public",
                "aws_route_table_association.this_public", "aws_subnet.this_public",
            ].map { "module.\(call).\($0)" })
    }

    /// Only the backups bucket is replicated.
    static func bucketWithoutReplica(_ call: String) -> [String] {
        [
            "aws_iam_role.this_replication", "aws_iam_role_policy.this_replication", "aws_s3_bucket.this_replica",
            "aws_s3_bucket_policy.this_replica", "aws_s3_bucket_public_access_block.this_replica",
            "aws_s3_bucket_replication_configuration.this",
            "aws_s3_bucket_server_side_encryption_configuration.this_replica", "aws_s3_bucket_versioning.this_replica",
        ].map { "module.\(call).\($0)" }
    }

    /// A bucket that is not the log bucket grants no log delivery and keeps current versions.
    static func loggedBucket(_ call: String) -> [String] {
        ["aws_s3_bucket_acl.this", "aws_s3_bucket_lifecycle_configuration.this_expiring"].map { "module.\(call).\($0)" }
    }

    @Test("JSON and HCL plan to the same resources, covering every declared block", arguments: OVESLocalAWS.roots)
    func plansAgree(root: String) async throws {
        guard let python = OVESLocalAWS.python(), ExternalTools.terraform() != nil,
            ExternalTools.sharedTool("tf-apply-local") != nil, ExternalTools.sharedTool("aws-local") != nil
        else { return }
        let json = try OVESLocalAWS.write(.json)
        let hcl = try OVESLocalAWS.write(.hcl)
        defer {
            try? FileManager.default.removeItem(at: json.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: hcl.deletingLastPathComponent())
        }
        let jsonRoot = json.appendingPathComponent(root)
        let hclRoot = hcl.appendingPathComponent(root)
        let plans = try await OVESLocalAWS.plan([jsonRoot, hclRoot], python: python)
        let jsonPlan = try #require(plans[jsonRoot.path])
        let hclPlan = try #require(plans[hclRoot.path])
        #expect(jsonPlan.succeeded, "JSON plan of \(root) failed:\n\(jsonPlan.log)")
        guard jsonPlan.succeeded else { return }
        #expect(!jsonPlan.addresses.isEmpty)
        // The HCL form must plan too, to exactly the same resources (overrides of nested blocks,
        // `rule`, `requester`, `schedule`, `dynamic "taint"`, are written as blocks in HCL).
        #expect(hclPlan.succeeded, "HCL plan of \(root) failed:\n\(hclPlan.log)")
        #expect(
            Set(jsonPlan.addresses) == Set(hclPlan.addresses),
            """
            only in JSON: \(Set(jsonPlan.addresses).subtracting(hclPlan.addresses).sorted())
            only in HCL: \(Set(hclPlan.addresses).subtracting(jsonPlan.addresses).sorted())
            """)
        let planned = Set(jsonPlan.addresses.map(OVESLocalAWS.blockAddress))
        let declared = OVESLocalAWS.declaredBlocks(root: root)
        let missing = Set(declared.keys).subtracting(planned)
        #expect(missing == Self.emptyBlocks[root] ?? [], "declared but not planned: \(missing.sorted())")
        #expect(
            planned.isSubset(of: declared.keys),
            "planned but not declared: \(planned.subtracting(declared.keys).sorted())")
        let single = declared.filter { !$0.value }.map(\.key)
        for block in single {
            #expect(jsonPlan.addresses.filter { $0 == block }.count == 1, "\(block) is planned once, without index")
        }
    }
}
