// Applies a root built from the constructs against the local AWS endpoint (moto, through
// ../shared/tools/tf-apply-local): two VPCs in two regions with subnets, NAT, routes,
// NACLs and flow logs, peered with routes on both sides, and a logged, versioned,
// encrypted bucket. The tool also checks that a second plan is empty, then destroys.
// Slow (minutes); the types moto cannot serve (EKS add-ons, DocumentDB, ElastiCache,
// CloudTrail) are listed in Documentation/OVESReference.md.

import Foundation
import InfraAWS
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

@Suite("constructs apply against the local AWS endpoint")
struct LocalApplyTests {
    static var stack: Stack {
        let app = Network(
            "app", vpcName: "apply-app", cidrBlock: "10.40.0.0/16", availabilityZones: ["us-east-1a"],
            natGateways: .single, peerCIDRBlocks: ["10.41.0.0/16"], flowLogRetentionDays: 7)
        let data = Network(
            "data", vpcName: "apply-data", cidrBlock: "10.41.0.0/16", availabilityZones: ["us-west-2a"],
            publicSubnets: false, databaseSubnets: true, natGateways: .none, peerCIDRBlocks: ["10.40.0.0/16"],
            flowLogRetentionDays: 7)
        return Stack("apply", directory: "apply", settings: TerraformSettings()) {
            Provider.aws(region: "us-east-1")
            Provider.aws(region: "us-west-2", alias: "peer")
            app
            ProviderScoped(.aws(alias: "peer")) { data }
            VPCPeering(
                "link", requesterVPCID: app.output("vpc_id"), requesterCIDR: "10.40.0.0/16",
                accepterVPCID: data.output("vpc_id"),
                accepterCIDR: "10.41.0.0/16", accepterRegion: "us-west-2",
                requesterRouteTables: app.output("private_route_table_ids"),
                accepterRouteTables: data.output("private_route_table_ids"))
            SecureBucket(
                "logs", bucketName: "swift-infra-apply-logs", logBucket: nil, isLogBucket: true, forceDestroy: true)
            SecureBucket(
                "data", bucketName: "swift-infra-apply-data", logBucket: "swift-infra-apply-logs", forceDestroy: true
            )
            .dependingOnLogBucket("logs")
        }
    }

    @Test("VPCs, peering and a logged bucket apply, re-plan clean and destroy", .timeLimit(.minutes(15)))
    func appliesAgainstMoto() throws {
        let result = Self.stack.synthesize()
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
        guard let tool = ExternalTools.sharedTool("tf-apply-local") else { return }
        let directory = try ExternalTools.temporaryDirectory("apply")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        let output = try ExternalTools.run(tool, [directory.appendingPathComponent("apply").path])
        #expect(output.status == 0, "\(output.stdout.suffix(6000))\n\(output.stderr.suffix(3000))")
    }
}

extension SecureBucket {
    /// The bucket's access logging waits for the log bucket's grants (moto checks them at once).
    func dependingOnLogBucket(_ logConstruct: String) -> some StackContent {
        DependentContent(
            content: self,
            dependsOn: [
                .resource(type: "aws_s3_bucket_acl", name: ConstructNaming.local(logConstruct)),
                .resource(type: "aws_s3_bucket_policy", name: ConstructNaming.local(logConstruct)),
            ], onType: "aws_s3_bucket_logging")
    }
}

/// Adds `depends_on` to the blocks of one type inside some content.
struct DependentContent: StackContent {
    var content: any StackContent
    var dependsOn: [ReferenceTarget]
    var onType: String

    func stackElements(in parent: ComponentPath) -> [StackElement] {
        content.stackElements(in: parent).map { element in
            guard case .resource(var block) = element, block.type == onType else { return element }
            block.meta.dependsOn += dependsOn
            return .resource(block)
        }
    }
}
