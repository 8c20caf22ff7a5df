// EKS (REST-JSON): DescribeCluster for kubeconfig (endpoint, CA data) and ListClusters.

import Foundation
import InfraCore

/// What kubeconfig needs to know about a cluster.
///
/// ```swift
/// let cluster = try await eks.describeCluster("prod")
/// cluster.endpoint  // https://ABC.gr7.us-east-1.eks.amazonaws.com
/// ```
public struct EKSCluster: Sendable, Hashable {
    /// The cluster name.
    public var name: String
    /// The ARN.
    public var arn: String
    /// The API server URL.
    public var endpoint: String
    /// The base64 cluster CA bundle.
    public var certificateAuthorityData: String
    /// `ACTIVE`, `CREATING`, …
    public var status: String
    /// The Kubernetes version.
    public var version: String

    /// Creates a cluster description.
    public init(
        name: String, arn: String, endpoint: String, certificateAuthorityData: String, status: String, version: String
    ) {
        self.name = name
        self.arn = arn
        self.endpoint = endpoint
        self.certificateAuthorityData = certificateAuthorityData
        self.status = status
        self.version = version
    }
}

/// Typed EKS calls.
///
/// ```swift
/// let names = try await EKSClient(client: client).listClusters()
/// ```
public struct EKSClient: Sendable {
    /// The underlying client.
    public var client: AWSClient

    /// Creates the EKS client.
    public init(client: AWSClient) { self.client = client }

    /// DescribeCluster.
    public func describeCluster(_ name: String) async throws -> EKSCluster {
        let response = try await client.send(
            AWSCall(
                service: .eks, action: "DescribeCluster", method: "GET", path: "/clusters/" + FormEncoding.escape(name))
        )
        guard let cluster = (try? JSONReader.read(response.body))?["cluster"], cluster.objectValue != nil else {
            throw AWSServiceError(
                code: "InvalidResponse", message: "DescribeCluster returned no cluster", requestId: nil,
                status: response.status, service: "eks")
        }
        return EKSCluster(
            name: cluster["name"]?.stringValue ?? name, arn: cluster["arn"]?.stringValue ?? "",
            endpoint: cluster["endpoint"]?.stringValue ?? "",
            certificateAuthorityData: cluster["certificateAuthority"]?["data"]?.stringValue ?? "",
            status: cluster["status"]?.stringValue ?? "", version: cluster["version"]?.stringValue ?? "")
    }

    /// ListClusters, following `nextToken` across pages.
    public func listClusters() async throws -> [String] {
        var names = [String]()
        var token: String?
        repeat {
            var parameters = [("maxResults", "100")]
            if let token { parameters.append(("nextToken", token)) }
            let response = try await client.send(
                AWSCall(
                    service: .eks, action: "ListClusters", method: "GET", path: "/clusters",
                    query: FormEncoding.encode(parameters)))
            let object = try? JSONReader.read(response.body)
            names += object?["clusters"]?.arrayValue?.compactMap(\.stringValue) ?? []
            token = object?["nextToken"]?.stringValue
        } while token != nil
        return names
    }
}
