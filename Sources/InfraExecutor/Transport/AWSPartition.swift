// AWS partitions: which DNS suffix a region's endpoints use and what goes in its ARNs. The table and the matching
// rule are the SDKs' (`partitions.json` of the endpoint rules, botocore `data/partitions.json`): a region listed by
// a partition, else the partition whose pattern (`^cn-\w+-\d+$`, …) it matches, else `aws`.

/// One AWS partition.
///
/// ```swift
/// AWSPartition.of(region: "cn-north-1").dnsSuffix  // "amazonaws.com.cn"
/// AWSPartition.of(region: "us-gov-west-1").id     // "aws-us-gov"
/// ```
public struct AWSPartition: Sendable, Hashable {
    /// The partition id, also the ARN partition (`aws`, `aws-cn`, `aws-us-gov`, …).
    public var id: String
    /// The DNS suffix of regional endpoints (`amazonaws.com`, `amazonaws.com.cn`, …).
    public var dnsSuffix: String
    /// The region a global call is signed for (`us-east-1`, `cn-north-1`, …).
    public var implicitGlobalRegion: String
    /// The region-name prefix the partition's pattern starts with (`cn`, `us-gov`, …); empty for `aws`.
    var prefix: String
    /// The first labels the `aws` partition's pattern accepts.
    var prefixes: Set<String>

    /// The commercial partition.
    public static let aws = AWSPartition(
        id: "aws", dnsSuffix: "amazonaws.com", implicitGlobalRegion: "us-east-1", prefix: "",
        prefixes: ["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"])
    /// China (Beijing, Ningxia).
    public static let awsChina = AWSPartition(
        id: "aws-cn", dnsSuffix: "amazonaws.com.cn", implicitGlobalRegion: "cn-north-1", prefix: "cn", prefixes: [])
    /// AWS GovCloud (US).
    public static let awsUSGov = AWSPartition(
        id: "aws-us-gov", dnsSuffix: "amazonaws.com", implicitGlobalRegion: "us-gov-west-1", prefix: "us-gov",
        prefixes: [])
    /// US ISO (C2S).
    public static let awsISO = AWSPartition(
        id: "aws-iso", dnsSuffix: "c2s.ic.gov", implicitGlobalRegion: "us-iso-east-1", prefix: "us-iso", prefixes: [])
    /// US ISOB (SC2S).
    public static let awsISOB = AWSPartition(
        id: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", implicitGlobalRegion: "us-isob-east-1", prefix: "us-isob",
        prefixes: [])
    /// EU ISOE.
    public static let awsISOE = AWSPartition(
        id: "aws-iso-e", dnsSuffix: "cloud.adc-e.uk", implicitGlobalRegion: "eu-isoe-west-1", prefix: "eu-isoe",
        prefixes: [])
    /// US ISOF.
    public static let awsISOF = AWSPartition(
        id: "aws-iso-f", dnsSuffix: "csp.hci.ic.gov", implicitGlobalRegion: "us-isof-south-1", prefix: "us-isof",
        prefixes: [])
    /// The AWS European Sovereign Cloud.
    public static let awsEUSC = AWSPartition(
        id: "aws-eusc", dnsSuffix: "amazonaws.eu", implicitGlobalRegion: "eusc-de-east-1", prefix: "eusc-de",
        prefixes: [])

    /// Every partition, most specific pattern first.
    public static let all: [AWSPartition] = [
        .awsChina, .awsUSGov, .awsISOB, .awsISOF, .awsISO, .awsISOE, .awsEUSC, .aws,
    ]

    /// The partition of `region`: the one whose pattern `<prefix>-\w+-\d+` it matches, else `aws` (the SDKs'
    /// default for regions no partition claims, such as a new region or a local emulator's name).
    public static func of(region: String) -> AWSPartition {
        for partition in all where partition.matches(region) { return partition }
        return .aws
    }

    /// `true` when `region` matches this partition's pattern (`aws`: `^(us|eu|…)-\w+-\d+$`; the global
    /// pseudo-regions `aws-global`, `aws-cn-global`, … by name).
    func matches(_ region: String) -> Bool {
        if region == id + "-global" || (id == "aws" && region == "aws-global") { return true }
        let parts = region.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, let number = parts.last, !number.isEmpty, number.allSatisfy(\.isASCII),
            number.allSatisfy(\.isNumber)
        else { return false }
        let middle = parts[parts.count - 2]
        guard !middle.isEmpty, middle.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            return false
        }
        let head = parts.dropLast(2).joined(separator: "-")
        return prefix.isEmpty ? prefixes.contains(head) : head == prefix
    }

    /// An ARN in this partition: `arn:<partition>:<service>:<region>:<account>:<resource>`.
    public func arn(service: String, region: String = "", account: String = "", resource: String) -> String {
        "arn:\(id):\(service):\(region):\(account):\(resource)"
    }
}
