// EC2 (query protocol, XML responses): DescribeVpcs and DescribeSubnets with filters, for `drift`.

import Foundation

/// A VPC as DescribeVpcs reports it.
///
/// ```swift
/// let vpcs = try await ec2.describeVpcs(filters: [("tag:Name", ["oves-prod"])])
/// ```
public struct EC2VPC: Sendable, Hashable {
    /// The VPC id.
    public var id: String
    /// The primary CIDR block.
    public var cidrBlock: String
    /// The tags.
    public var tags: [String: String]
}

/// A subnet as DescribeSubnets reports it.
///
/// ```swift
/// let subnets = try await ec2.describeSubnets(filters: [("vpc-id", [vpc.id])])
/// ```
public struct EC2Subnet: Sendable, Hashable {
    /// The subnet id.
    public var id: String
    /// The VPC id.
    public var vpcId: String
    /// The CIDR block.
    public var cidrBlock: String
    /// The availability zone.
    public var availabilityZone: String
    /// The tags.
    public var tags: [String: String]
}

/// Typed EC2 calls.
///
/// ```swift
/// let ec2 = EC2Client(client: client)
/// ```
public struct EC2Client: Sendable {
    /// The underlying client.
    public var client: AWSClient

    /// Creates the EC2 client.
    public init(client: AWSClient) { self.client = client }

    private func call(_ action: String, filters: [(String, [String])]) async throws -> XMLNode {
        var parameters = [("Action", action), ("Version", "2016-11-15")]
        for (index, filter) in filters.enumerated() {
            parameters.append(("Filter.\(index + 1).Name", filter.0))
            for (valueIndex, value) in filter.1.enumerated() {
                parameters.append(("Filter.\(index + 1).Value.\(valueIndex + 1)", value))
            }
        }
        let response = try await client.send(
            AWSCall(
                service: .ec2, action: action, method: "POST",
                headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                body: Array(FormEncoding.encode(parameters).utf8)))
        return XMLNode.parse(response.body) ?? XMLNode(name: "", text: "", children: [])
    }

    private static func tags(_ node: XMLNode) -> [String: String] {
        var tags = [String: String]()
        for item in node.child("tagSet")?.children("item") ?? [] {
            tags[item.child("key")?.text ?? ""] = item.child("value")?.text ?? ""
        }
        return tags
    }

    /// DescribeVpcs with optional filters (`("tag:Name", ["x"])`, `("cidr", ["10.0.0.0/16"])`).
    public func describeVpcs(filters: [(String, [String])] = []) async throws -> [EC2VPC] {
        let root = try await call("DescribeVpcs", filters: filters)
        return (root.child("vpcSet")?.children("item") ?? []).map {
            EC2VPC(
                id: $0.child("vpcId")?.text ?? "", cidrBlock: $0.child("cidrBlock")?.text ?? "", tags: Self.tags($0))
        }
    }

    /// DescribeSubnets with optional filters.
    public func describeSubnets(filters: [(String, [String])] = []) async throws -> [EC2Subnet] {
        let root = try await call("DescribeSubnets", filters: filters)
        return (root.child("subnetSet")?.children("item") ?? []).map {
            EC2Subnet(
                id: $0.child("subnetId")?.text ?? "", vpcId: $0.child("vpcId")?.text ?? "",
                cidrBlock: $0.child("cidrBlock")?.text ?? "",
                availabilityZone: $0.child("availabilityZone")?.text ?? "", tags: Self.tags($0))
        }
    }
}
