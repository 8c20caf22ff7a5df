// The OVES platform's facts in one place: regions, address plan, cluster and bucket
// names, domains and tags. Values marked "chosen" are not in the seed document; they are
// what we picked and are listed in Documentation/OVESReference.md.

import InfraCore
import InfraTerraform

/// Names, regions and address ranges of the OVES platform.
///
/// Each value is a computed property rather than a stored `static let`: editing one is then a change
/// inside a function body, which the compiler recompiles in this file alone. A stored initializer is
/// part of the enum's interface, so editing it recompiled every file that reads any setting (15 of
/// the module's 60; Documentation/Performance.md, "Edit to output").
public enum OVESSettings {
    /// The primary region (both EKS clusters, shared services).
    public static var primaryRegion: String { "us-east-1" }
    /// The database region (data residency: EU data stays in the EU).
    public static var databaseRegion: String { "eu-central-1" }
    /// Availability zones used in the primary region (chosen: three).
    public static var primaryZones: [String] { ["us-east-1a", "us-east-1b", "us-east-1c"] }
    /// Availability zones used in the database region (chosen: three).
    public static var databaseZones: [String] { ["eu-central-1a", "eu-central-1b", "eu-central-1c"] }

    /// Production VPC range (chosen; disjoint from every other OVES VPC).
    public static var prodVPCCIDR: String { "10.10.0.0/16" }
    /// Development VPC range (chosen).
    public static var devVPCCIDR: String { "10.20.0.0/16" }
    /// EU database VPC range (chosen).
    public static var databaseVPCCIDR: String { "10.30.0.0/16" }

    /// Kubernetes version of both clusters (the seed says 1.28+; chosen 1.35, in EKS standard support
    /// until 2027-03-27 and the version the Kubernetes types are generated from).
    public static var kubernetesVersion: String { "1.35" }
    /// The production cluster's name.
    public static var prodClusterName: String { "oves-prod" }
    /// The development cluster's name.
    public static var devClusterName: String { "oves-dev" }

    /// Terraform state bucket (seed).
    public static var stateBucket: String { "oves-terraform-state" }
    /// Terraform lock table (chosen name).
    public static var lockTable: String { "oves-terraform-locks" }
    /// Access-log bucket (seed: oves-logs-prod, "log archives").
    public static var logBucket: String { "oves-logs-prod" }
    /// Backups bucket (seed).
    public static var backupsBucket: String { "oves-backups-prod" }
    /// Cross-region replica of the backups bucket (chosen: critical data replicated to the EU).
    public static var backupsReplicaBucket: String { "oves-backups-prod-replica-eu" }
    /// Build artifacts bucket (seed).
    public static var artifactsBucket: String { "oves-artifacts-prod" }
    /// Static assets bucket (seed).
    public static var staticBucket: String { "oves-static-prod" }

    /// The apex domain (Cloudflare), from `OVESConfiguration`.
    public static var apexDomain: String { OVESConfiguration.current.apexDomain }
    /// The China-accessible zone (Route53), from `OVESConfiguration`.
    public static var chinaZone: String { OVESConfiguration.current.chinaZone }
    /// Where alerts are mailed (seed: the cert-manager contact).
    public static var alertEmail: String { "devops@omnivoltaic.com" }

    /// Tags on every resource of an environment.
    public static func tags(environment: String) -> [String: String] {
        ["Project": "oves", "Environment": environment, "ManagedBy": "swift-infra"]
    }

    /// The backend settings of a root: one state key per root in the shared state bucket.
    public static func backend(key: String) -> Backend {
        .s3(S3Backend(bucket: stateBucket, key: key, region: primaryRegion, dynamodbTable: lockTable, encrypt: true))
    }
}
