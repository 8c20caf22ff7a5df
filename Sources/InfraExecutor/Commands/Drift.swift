// `drift`: compares what the synthesized Terraform says should exist with what the account has.
// Expected state comes from the Terraform blocks of the resolved model: `aws_s3_bucket` (bucket name, tags), `aws_s3_bucket_versioning`
// (status Enabled, matched to its bucket by literal name or `${aws_s3_bucket.<name>.id|bucket}`) and `aws_vpc`
// (cidr_block, tags; found by Name tag, else by CIDR). Values containing `${…}` are unknown until apply and are
// skipped. Resources are checked in the region of their provider (alias) when it is a literal.

import Foundation
import InfraCore

/// One difference between the definitions and the account.
///
/// ```swift
/// DriftFinding(address: "aws_s3_bucket.state", kind: .versioningNotEnabled, message: "…")
/// ```
public struct DriftFinding: Sendable, Hashable, CustomStringConvertible {
    /// What kind of difference.
    public enum Kind: String, Sendable, Hashable {
        /// The bucket does not exist.
        case missingBucket = "missing-bucket"
        /// Versioning is expected but not enabled.
        case versioningNotEnabled = "versioning-not-enabled"
        /// A tag is missing or has another value.
        case tagMismatch = "tag-mismatch"
        /// No VPC with the expected Name tag / CIDR.
        case missingVPC = "missing-vpc"
        /// The VPC exists with another CIDR.
        case cidrMismatch = "cidr-mismatch"
    }

    /// The Terraform address (`aws_s3_bucket.state`) and the file it came from.
    public var address: String
    /// The kind.
    public var kind: Kind
    /// A sentence for people.
    public var message: String

    /// `address: message`.
    public var description: String { "\(address): \(message)" }
}

/// An expected S3 bucket.
struct ExpectedBucket: Hashable {
    var address: String
    var name: String
    var tags: [String: String]
    var versioned: Bool
    var region: String?
}

/// An expected VPC.
struct ExpectedVPC: Hashable {
    var address: String
    var cidr: String?
    var tags: [String: String]
    var region: String?
}

/// Reads expectations from the resolved Terraform blocks and compares them with the account.
///
/// ```swift
/// let findings = try await DriftDetector(client: client).findings(model: result.model)
/// ```
public struct DriftDetector: Sendable {
    /// The client (its region is the default for resources without a provider region).
    public var client: AWSClient

    /// Creates a detector.
    public init(client: AWSClient) { self.client = client }

    /// Every difference, buckets first, then VPCs, each sorted by address.
    public func findings(model: ResolvedModel) async throws -> [DriftFinding] {
        let (buckets, vpcs) = Self.expectations(model: model)
        var findings = [DriftFinding]()
        for bucket in buckets {
            let s3 = S3Client(client: client.inRegion(bucket.region ?? client.region))
            guard try await s3.headBucket(bucket.name) else {
                findings.append(
                    DriftFinding(
                        address: bucket.address, kind: .missingBucket, message: "bucket \(bucket.name) does not exist"))
                continue
            }
            if bucket.versioned, try await s3.getBucketVersioning(bucket.name) != .enabled {
                findings.append(
                    DriftFinding(
                        address: bucket.address, kind: .versioningNotEnabled,
                        message: "bucket \(bucket.name): versioning is not enabled"))
            }
            if !bucket.tags.isEmpty {
                let actual = try await s3.getBucketTagging(bucket.name)
                findings += Self.tagFindings(
                    address: bucket.address, what: "bucket \(bucket.name)", expected: bucket.tags, actual: actual)
            }
        }
        for vpc in vpcs {
            let ec2 = EC2Client(client: client.inRegion(vpc.region ?? client.region))
            let name = vpc.tags["Name"]
            let found: [EC2VPC]
            if let name {
                found = try await ec2.describeVpcs(filters: [("tag:Name", [name])])
            } else if let cidr = vpc.cidr {
                found = try await ec2.describeVpcs(filters: [("cidr", [cidr])])
            } else {
                continue
            }
            let label = name.map { "VPC \"\($0)\"" } ?? "VPC \(vpc.cidr ?? "")"
            guard let actual = found.first(where: { vpc.cidr == nil || $0.cidrBlock == vpc.cidr }) ?? found.first else {
                findings.append(
                    DriftFinding(
                        address: vpc.address, kind: .missingVPC,
                        message: "\(label) (\(vpc.cidr ?? "any CIDR")) not found in \(vpc.region ?? client.region)"))
                continue
            }
            if let cidr = vpc.cidr, actual.cidrBlock != cidr {
                findings.append(
                    DriftFinding(
                        address: vpc.address, kind: .cidrMismatch,
                        message: "\(label) \(actual.id) has CIDR \(actual.cidrBlock), expected \(cidr)"))
            }
            findings += Self.tagFindings(
                address: vpc.address, what: "\(label) \(actual.id)", expected: vpc.tags, actual: actual.tags)
        }
        return findings
    }

    static func tagFindings(
        address: String, what: String, expected: [String: String], actual: [String: String]
    )
        -> [DriftFinding]
    {
        expected.keys.sorted().compactMap { key in
            let want = expected[key] ?? ""
            guard let have = actual[key] else {
                return DriftFinding(
                    address: address, kind: .tagMismatch,
                    message: "\(what): tag \(key) is missing (expected \"\(want)\")")
            }
            guard have == want else {
                return DriftFinding(
                    address: address, kind: .tagMismatch,
                    message: "\(what): tag \(key) is \"\(have)\", expected \"\(want)\"")
            }
            return nil
        }
    }

    /// The expected buckets and VPCs of the Terraform blocks of a resolved model.
    static func expectations(model: ResolvedModel) -> ([ExpectedBucket], [ExpectedVPC]) {
        var buckets = [ExpectedBucket]()
        var vpcs = [ExpectedVPC]()
        // Group by folder: one Terraform root (or module) per folder; provider aliases resolve within it.
        var folders = [String: [any ModelNode]]()
        for node in model.nodes(.terraform) { folders[node.folder, default: []].append(node) }
        for folder in folders.keys.sorted() {
            let nodes = folders[folder] ?? []
            var regions = [String: String]()  // "aws" or "aws.alias" → region
            var versionedRefs = Set<String>()
            var bucketResources = [(String, Value)]()
            var vpcResources = [(String, Value)]()
            for node in nodes {
                switch node.kind {
                case "provider" where node.name == "aws" || node.name.hasPrefix("aws."):
                    if let region = literal(node.document()["region"]) { regions[node.name] = region }
                case "aws_s3_bucket": bucketResources.append((node.name, node.document()))
                case "aws_s3_bucket_versioning":
                    let body = node.document()
                    let configuration =
                        body["versioning_configuration"]?.arrayValue?.first ?? body["versioning_configuration"]
                    guard configuration?["status"]?.stringValue == "Enabled", let bucket = body["bucket"]?.stringValue
                    else { continue }
                    versionedRefs.insert(bucket)
                case "aws_vpc": vpcResources.append((node.name, node.document()))
                default: continue
                }
            }
            let prefix = folder.isEmpty ? "" : folder + ": "
            for (name, body) in bucketResources.sorted(by: { $0.0 < $1.0 }) {
                guard let bucketName = literal(body["bucket"]) else { continue }
                let versioning = body["versioning"]?.arrayValue?.first ?? body["versioning"]
                let inlineVersioning = versioning?["enabled"] == .bool(true)
                let versioned =
                    inlineVersioning || versionedRefs.contains(bucketName)
                    || versionedRefs.contains("${aws_s3_bucket.\(name).id}")
                    || versionedRefs.contains("${aws_s3_bucket.\(name).bucket}")
                buckets.append(
                    ExpectedBucket(
                        address: prefix + "aws_s3_bucket." + name, name: bucketName, tags: literalTags(body["tags"]),
                        versioned: versioned, region: regions[body["provider"]?.stringValue ?? "aws"]))
            }
            for (name, body) in vpcResources.sorted(by: { $0.0 < $1.0 }) {
                let expected = ExpectedVPC(
                    address: prefix + "aws_vpc." + name, cidr: literal(body["cidr_block"]),
                    tags: literalTags(body["tags"]),
                    region: regions[body["provider"]?.stringValue ?? "aws"])
                if expected.cidr != nil || expected.tags["Name"] != nil { vpcs.append(expected) }
            }
        }
        return (buckets, vpcs)
    }

    private static func literal(_ value: Value?) -> String? {
        guard let text = value?.stringValue, !text.contains("${") else { return nil }
        return text
    }

    private static func literalTags(_ value: Value?) -> [String: String] {
        var tags = [String: String]()
        for (key, value) in value?.objectValue ?? ValueObject() {
            if let text = literal(value) { tags[key] = text }
        }
        return tags
    }
}
