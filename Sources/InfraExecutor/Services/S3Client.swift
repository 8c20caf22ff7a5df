// S3 (REST-XML): the calls `bootstrap` and `drift` need — buckets, versioning, default encryption, public access
// block, tags, and simple objects. Buckets are addressed virtual-host style, or path style for endpoint overrides.

import Foundation
import InfraSigV4

/// A bucket as ListBuckets returns it.
///
/// ```swift
/// let names = try await s3.listBuckets().map(\.name)
/// ```
public struct S3Bucket: Sendable, Hashable {
    /// The bucket name.
    public var name: String
    /// The creation date text.
    public var creationDate: String
}

/// The versioning state of a bucket.
///
/// ```swift
/// if try await s3.getBucketVersioning(bucket) != .enabled { … }
/// ```
public enum S3VersioningStatus: String, Sendable, Hashable {
    /// Never enabled.
    case unversioned = ""
    /// Enabled.
    case enabled = "Enabled"
    /// Suspended after having been enabled.
    case suspended = "Suspended"
}

/// What HeadBucket says about a bucket.
///
/// ```swift
/// if case .inOtherRegion(let region) = try await s3.bucketStatus("state") { … }
/// ```
public enum S3BucketStatus: Sendable, Hashable {
    /// It exists and these credentials can use it.
    case accessible
    /// No bucket has this name.
    case missing
    /// It exists but these credentials may not use it (bucket names are global: usually another account's).
    case forbidden
    /// It exists in another region (S3 answered with a redirect naming it).
    case inOtherRegion(String)
}

/// One object in a listing.
///
/// ```swift
/// for object in try await s3.listObjectsV2(bucket: "b", prefix: "env/").objects { print(object.key) }
/// ```
public struct S3Object: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The size in bytes.
    public var size: Int
}

/// A page of ListObjectsV2.
///
/// ```swift
/// let page = try await s3.listObjectsV2(bucket: "b")
/// ```
public struct S3ObjectListing: Sendable, Hashable {
    /// The objects.
    public var objects: [S3Object]
    /// Common prefixes when a delimiter was given.
    public var commonPrefixes: [String]
    /// The token for the next page, if truncated.
    public var nextContinuationToken: String?
}

/// Typed S3 calls.
///
/// ```swift
/// let s3 = S3Client(client: client)
/// try await s3.createBucket("infra-state")
/// ```
public struct S3Client: Sendable {
    /// The underlying client.
    public var client: AWSClient

    /// Creates the S3 client.
    public init(client: AWSClient) { self.client = client }

    private func send(
        _ action: String, _ method: String, bucket: String?, path: String = "/", query: String = "",
        headers: [(String, String)] = [], body: String = ""
    ) async throws -> HTTPResponse {
        var allHeaders = headers
        if !body.isEmpty {
            allHeaders.append(("Content-Type", "application/xml"))
            allHeaders.append(("x-amz-checksum-sha256", Self.sha256Base64(Array(body.utf8))))
        }
        return try await client.send(
            AWSCall(
                service: .s3, action: action, method: method, path: path, query: query, headers: allHeaders,
                body: Array(body.utf8), bucket: bucket))
    }

    /// CreateBucket; adds a LocationConstraint outside us-east-1.
    public func createBucket(_ bucket: String) async throws {
        let body =
            client.region == "us-east-1"
            ? ""
            : "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>"
                + XMLNode.escape(client.region) + "</LocationConstraint></CreateBucketConfiguration>"
        _ = try await send("CreateBucket", "PUT", bucket: bucket, body: body)
    }

    /// HeadBucket: `true` when the bucket exists and is accessible, `false` on 404.
    public func headBucket(_ bucket: String) async throws -> Bool {
        do {
            _ = try await send("HeadBucket", "HEAD", bucket: bucket)
            return true
        } catch let error as AWSServiceError where error.status == 404 {
            return false
        }
    }

    /// HeadBucket, read in full: the bucket is ours to use, missing, someone else's, or in another region.
    public func bucketStatus(_ bucket: String) async throws -> S3BucketStatus {
        do {
            _ = try await send("HeadBucket", "HEAD", bucket: bucket)
            return .accessible
        } catch let error as AWSServiceError where error.service == "s3" {
            if let region = error.bucketRegion, region != client.region, [301, 307, 400].contains(error.status) {
                return .inOtherRegion(region)
            }
            switch error.status {
            case 404: return .missing
            case 403: return .forbidden
            default: throw error
            }
        }
    }

    /// ListBuckets.
    public func listBuckets() async throws -> [S3Bucket] {
        let response = try await send("ListBuckets", "GET", bucket: nil)
        let root = XMLNode.parse(response.body)
        return (root?.find("Buckets")?.children("Bucket") ?? []).map {
            S3Bucket(name: $0.child("Name")?.text ?? "", creationDate: $0.child("CreationDate")?.text ?? "")
        }
    }

    /// PutBucketVersioning (Enabled or Suspended).
    public func putBucketVersioning(_ bucket: String, enabled: Bool) async throws {
        let body =
            "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>"
            + (enabled ? "Enabled" : "Suspended") + "</Status></VersioningConfiguration>"
        _ = try await send("PutBucketVersioning", "PUT", bucket: bucket, query: "versioning=", body: body)
    }

    /// GetBucketVersioning.
    public func getBucketVersioning(_ bucket: String) async throws -> S3VersioningStatus {
        let response = try await send("GetBucketVersioning", "GET", bucket: bucket, query: "versioning=")
        let status = XMLNode.parse(response.body)?.find("Status")?.text ?? ""
        return S3VersioningStatus(rawValue: status) ?? .unversioned
    }

    /// PutBucketEncryption: default encryption with `algorithm` (`AES256` or `aws:kms`, optional key id).
    public func putBucketEncryption(
        _ bucket: String, algorithm: String = "AES256", kmsKeyId: String? = nil
    )
        async throws
    {
        var rule = "<SSEAlgorithm>" + XMLNode.escape(algorithm) + "</SSEAlgorithm>"
        if let kmsKeyId { rule += "<KMSMasterKeyID>" + XMLNode.escape(kmsKeyId) + "</KMSMasterKeyID>" }
        let body =
            "<ServerSideEncryptionConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule>"
            + "<ApplyServerSideEncryptionByDefault>" + rule
            + "</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>"
        _ = try await send("PutBucketEncryption", "PUT", bucket: bucket, query: "encryption=", body: body)
    }

    /// GetBucketEncryption: the default algorithm, or `nil` when the bucket has no encryption configuration.
    public func getBucketEncryption(_ bucket: String) async throws -> String? {
        do {
            let response = try await send("GetBucketEncryption", "GET", bucket: bucket, query: "encryption=")
            return XMLNode.parse(response.body)?.find("SSEAlgorithm")?.text
        } catch let error as AWSServiceError where error.code == "ServerSideEncryptionConfigurationNotFoundError" {
            return nil
        }
    }

    /// PutPublicAccessBlock with all four settings on.
    public func putPublicAccessBlock(_ bucket: String) async throws {
        let body =
            "<PublicAccessBlockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>"
            + "<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>"
            + "</PublicAccessBlockConfiguration>"
        _ = try await send("PutPublicAccessBlock", "PUT", bucket: bucket, query: "publicAccessBlock=", body: body)
    }

    /// GetPublicAccessBlock: `true` when all four settings are on; `false` when missing or partial.
    public func publicAccessFullyBlocked(_ bucket: String) async throws -> Bool {
        do {
            let response = try await send("GetPublicAccessBlock", "GET", bucket: bucket, query: "publicAccessBlock=")
            guard let root = XMLNode.parse(response.body) else { return false }
            return ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"].allSatisfy {
                root.find($0)?.text == "true"
            }
        } catch let error as AWSServiceError where error.code == "NoSuchPublicAccessBlockConfiguration" {
            return false
        }
    }

    /// GetBucketTagging: the tags, empty when the bucket has none.
    public func getBucketTagging(_ bucket: String) async throws -> [String: String] {
        do {
            let response = try await send("GetBucketTagging", "GET", bucket: bucket, query: "tagging=")
            var tags = [String: String]()
            for tag in XMLNode.parse(response.body)?.find("TagSet")?.children("Tag") ?? [] {
                tags[tag.child("Key")?.text ?? ""] = tag.child("Value")?.text ?? ""
            }
            return tags
        } catch let error as AWSServiceError where error.code == "NoSuchTagSet" {
            return [:]
        }
    }

    /// PutObject with a signed payload.
    public func putObject(
        bucket: String, key: String, body: [UInt8], contentType: String = "application/octet-stream"
    )
        async throws
    {
        _ = try await client.send(
            AWSCall(
                service: .s3, action: "PutObject", method: "PUT", path: "/" + FormEncoding.escape(key, keepSlash: true),
                headers: [("Content-Type", contentType)], body: body, bucket: bucket))
    }

    /// GetObject: the body, or `nil` when the key does not exist.
    public func getObject(bucket: String, key: String) async throws -> [UInt8]? {
        do {
            return try await client.send(
                AWSCall(
                    service: .s3, action: "GetObject", method: "GET",
                    path: "/" + FormEncoding.escape(key, keepSlash: true), bucket: bucket)
            ).body
        } catch let error as AWSServiceError where error.code == "NoSuchKey" {
            return nil
        }
    }

    /// ListObjectsV2 (one page).
    public func listObjectsV2(
        bucket: String, prefix: String? = nil, delimiter: String? = nil, continuationToken: String? = nil
    ) async throws -> S3ObjectListing {
        var parameters = [("list-type", "2")]
        if let continuationToken { parameters.append(("continuation-token", continuationToken)) }
        if let delimiter { parameters.append(("delimiter", delimiter)) }
        if let prefix { parameters.append(("prefix", prefix)) }
        let response = try await send(
            "ListObjectsV2", "GET", bucket: bucket, query: FormEncoding.encode(parameters))
        let root = XMLNode.parse(response.body)
        return S3ObjectListing(
            objects: (root?.children("Contents") ?? []).map {
                S3Object(key: $0.child("Key")?.text ?? "", size: Int($0.child("Size")?.text ?? "") ?? 0)
            },
            commonPrefixes: (root?.children("CommonPrefixes") ?? []).compactMap { $0.child("Prefix")?.text },
            nextContinuationToken: root?.child("NextContinuationToken")?.text)
    }

    /// Base64 of the SHA-256 of `bytes`: S3 wants an integrity checksum (Content-MD5 or x-amz-checksum-*)
    /// on bucket configuration calls.
    static func sha256Base64(_ bytes: [UInt8]) -> String {
        let hex = Array(SigV4.payloadHash(bytes).utf8)
        var raw = [UInt8]()
        raw.reserveCapacity(32)
        var index = 0
        while index + 1 < hex.count {
            func nibble(_ byte: UInt8) -> UInt8 { byte >= 97 ? byte - 87 : byte - 48 }
            raw.append(nibble(hex[index]) << 4 | nibble(hex[index + 1]))
            index += 2
        }
        return Data(raw).base64EncodedString()
    }
}
