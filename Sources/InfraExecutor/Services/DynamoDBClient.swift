// DynamoDB (JSON 1.0 protocol): CreateTable and DescribeTable for the Terraform lock table, with a waiter for
// ACTIVE.

import Foundation

/// Typed DynamoDB calls.
///
/// ```swift
/// let dynamo = DynamoDBClient(client: client)
/// try await dynamo.createLockTable("terraform-locks")
/// ```
public struct DynamoDBClient: Sendable {
    /// The underlying client.
    public var client: AWSClient

    /// Creates the DynamoDB client.
    public init(client: AWSClient) { self.client = client }

    private func call(_ action: String, _ payload: [String: Any]) async throws -> [String: Any] {
        let body = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        let response = try await client.send(
            AWSCall(
                service: .dynamodb, action: action, method: "POST",
                headers: [
                    ("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "DynamoDB_20120810.\(action)"),
                ], body: Array(body)))
        return (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    /// CreateTable with a string hash key `hashKey` (default `LockID`, what Terraform's S3 backend uses),
    /// on-demand billing and server-side encryption.
    public func createLockTable(_ table: String, hashKey: String = "LockID") async throws {
        _ = try await call(
            "CreateTable",
            [
                "TableName": table,
                "AttributeDefinitions": [["AttributeName": hashKey, "AttributeType": "S"]],
                "KeySchema": [["AttributeName": hashKey, "KeyType": "HASH"]],
                "BillingMode": "PAY_PER_REQUEST",
                "SSESpecification": ["Enabled": true],
            ])
    }

    /// DescribeTable: the table status (`CREATING`, `ACTIVE`, …), or `nil` when the table does not exist.
    public func describeTableStatus(_ table: String) async throws -> String? {
        do {
            let result = try await call("DescribeTable", ["TableName": table])
            return (result["Table"] as? [String: Any])?["TableStatus"] as? String
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// Polls DescribeTable until the table is ACTIVE (every `interval`, at most `attempts` times).
    public func waitUntilActive(_ table: String, interval: Duration = .seconds(2), attempts: Int = 60) async throws {
        for attempt in 0..<attempts {
            if try await describeTableStatus(table) == "ACTIVE" { return }
            if attempt + 1 < attempts { try await Task.sleep(for: interval) }
        }
        throw AWSServiceError(
            code: "WaiterTimeout", message: "table \(table) did not become ACTIVE", requestId: nil, status: 0,
            service: "dynamodb")
    }
}
