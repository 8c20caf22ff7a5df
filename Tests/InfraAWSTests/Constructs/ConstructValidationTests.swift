// Bad input is refused before anything is written: every case yields an error naming the
// construct's component path, and synthesis produces no files.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("constructs refuse bad input with the component path")
struct ConstructValidationTests {
    static let zones = ["us-east-1a", "us-east-1b"]

    func expectRefused(_ result: SynthesisResult, path: String, containing text: String) {
        #expect(result.artifacts.isEmpty, "nothing may be written when a construct reports an error")
        let match = result.diagnostics.errors.first { $0.path.description == path && $0.message.contains(text) }
        #expect(match != nil, "expected an error at \(path) containing \"\(text)\", got \(result.errorLines)")
    }

    @Test("overlapping peering CIDRs are refused")
    func overlappingPeering() {
        let result = synthesizeConstructs {
            VPCPeering(
                "peer", requesterVPCID: "vpc-a", requesterCIDR: "10.0.0.0/16", accepterVPCID: "vpc-b",
                accepterCIDR: "10.0.128.0/17", accepterRegion: "eu-central-1", requesterRouteTables: [:],
                accepterRouteTables: [:])
        }
        expectRefused(result, path: "t/peer", containing: "overlap")
    }

    @Test("a node group with min > max is refused")
    func minAboveMax() {
        let result = synthesizeConstructs {
            EKSCluster(
                "eks", kubernetesVersion: EKSCluster.recommendedKubernetesVersion, vpcID: "vpc-a",
                subnetIDs: ["subnet-a", "subnet-b"],
                nodeGroups: [EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 5, maxSize: 3)])
        }
        expectRefused(result, path: "t/eks/node-group/general", containing: "greater than the maximum")
    }

    @Test("Kubernetes versions below 1.28 are refused", arguments: ["1.27", "1.9", "0.30"])
    func oldKubernetes(version: String) {
        let result = synthesizeConstructs {
            EKSCluster(
                "eks", kubernetesVersion: version, vpcID: "vpc-a", subnetIDs: ["subnet-a"],
                nodeGroups: [EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 1, maxSize: 3)])
        }
        expectRefused(result, path: "t/eks", containing: "below the supported minimum 1.28")
    }

    @Test(
        "invalid bucket names are refused",
        arguments: [
            "Oves-Backups", "ab", "oves_backups", "-oves", "oves-", "192.168.1.1", "oves..logs", "xn--oves",
            String(repeating: "a", count: 64),
        ])
    func invalidBucketName(name: String) {
        let result = synthesizeConstructs { SecureBucket("bucket", bucketName: name, logBucket: "oves-logs") }
        expectRefused(result, path: "t/bucket", containing: "not a valid S3 bucket name")
    }

    @Test("valid bucket names pass the naming rules", arguments: ["oves-backups-prod", "oves.static.prod", "a1b"])
    func validBucketName(name: String) {
        #expect(SecureBucket.isValidBucketName(name))
    }

    @Test("a subnet outside the VPC CIDR is refused")
    func subnetOutsideVPC() {
        let result = synthesizeConstructs {
            Network(
                "net", cidrBlock: "10.0.0.0/16", availabilityZones: Self.zones,
                subnetLayout: .explicit(
                    publicCIDRs: ["10.0.0.0/24", "10.0.1.0/24"], privateCIDRs: ["10.0.16.0/20", "10.1.0.0/20"],
                    databaseCIDRs: []))
        }
        expectRefused(result, path: "t/net/private-subnet[1]", containing: "outside the VPC CIDR 10.0.0.0/16")
    }

    @Test("overlapping subnets are refused")
    func overlappingSubnets() {
        let result = synthesizeConstructs {
            Network(
                "net", cidrBlock: "10.0.0.0/16", availabilityZones: Self.zones,
                subnetLayout: .explicit(
                    publicCIDRs: ["10.0.0.0/24", "10.0.1.0/24"], privateCIDRs: ["10.0.0.0/20", "10.0.32.0/20"],
                    databaseCIDRs: []))
        }
        expectRefused(result, path: "t/net/private-subnet[0]", containing: "overlaps")
    }

    @Test("a database port open to the world is refused", arguments: ["0.0.0.0/0", "0.0.0.0/1"])
    func databaseOpenToWorld(cidr: String) {
        let result = synthesizeConstructs {
            DatabaseTier(
                "db", identifier: "oves-test", vpcID: "vpc-a", subnetIDs: ["subnet-a", "subnet-b"], allowedCIDRs: [cidr]
            )
        }
        expectRefused(result, path: "t/db/allowed-cidr[0]", containing: "open to \(cidr)")
    }

    @Test("validation also runs at a module call site, under the call's path")
    func moduleCallValidates() {
        let module = TerraformModule.construct(Network.self, "vpc", directory: "modules/vpc")
        let result = synthesizeConstructs {
            Network(
                "net", cidrBlock: "10.0.0.0/16", availabilityZones: Self.zones,
                subnetLayout: .explicit(
                    publicCIDRs: ["10.0.0.0/24", "10.0.1.0/24"], privateCIDRs: ["10.0.16.0/20", "192.168.0.0/20"],
                    databaseCIDRs: [])
            ).call("vpc", module: module)
        }
        expectRefused(result, path: "t/vpc/private-subnet[1]", containing: "outside the VPC CIDR")
    }

    @Test("every problem is reported, not only the first")
    func allProblemsReported() {
        let result = synthesizeConstructs {
            EKSCluster(
                "eks", kubernetesVersion: "1.26", vpcID: "vpc-a", subnetIDs: ["subnet-a"],
                nodeGroups: [
                    EKSNodeGroup("a", instanceTypes: ["t3.large"], minSize: 4, maxSize: 2),
                    EKSNodeGroup("b", instanceTypes: [], minSize: 1, maxSize: 2),
                ])
            SecureBucket("bucket", bucketName: "Bad_Name", logBucket: "oves-logs")
        }
        #expect(result.diagnostics.errors.count >= 4, "\(result.errorLines)")
    }
}
