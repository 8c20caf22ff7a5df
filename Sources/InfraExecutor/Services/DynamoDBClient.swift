// DynamoDB (JSON 1.0 protocol): CreateTable and DescribeTable for the Terraform lock table, with waiters for
// ACTIVE and for a table being deleted to be gone. Waiters sleep with the client's sleeper (injected by tests).

import Foundation
import InfraCore

/// A table as DescribeTable reports it (what bootstrap checks).
///
/// ```swift
/// let table = try await dynamo.describeTable("terraform-locks")
/// table?.hashKey  // ("LockID", "S")
/// ```
public struct DynamoDBTable: Sendable, Hashable {
    /// The table name.
    public var name: String
    /// The ARN.
    public var arn: String
    /// `CREATING`, `ACTIVE`, `UPDATING`, `DELETING`, `ARCHIVING`, `ARCHIVED`, …
    public var status: String
    /// The key schema: attribute name → `HASH` or `RANGE`.
    public var keySchema: [String: String]
    /// The attribute definitions: attribute name → `S`, `N` or `B`.
    public var attributeTypes: [String: String]

    /// The hash key and its attribute type.
    public var hashKey: (name: String, type: String?)? {
        guard let name = keySchema.first(where: { $0.value == "HASH" })?.key else { return nil }
        return (name, attributeTypes[name])
    }

    /// The range (sort) key's name, if any.
    public var rangeKey: String? { keySchema.first { $0.value == "RANGE" }?.key }

    /// Creates a description.
    public init(
        name: String, arn: String, status: String, keySchema: [String: String], attributeTypes: [String: String]
    ) {
        self.name = name
        self.arn = arn
        self.status = status
        self.keySchema = keySchema
        self.attributeTypes = attributeTypes
    }
}

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

    private func call(_ action: String, _ payload: Value) async throws -> Value {
        let body = JSONWriter(sortKeys: true, pretty: false).write(payload)
        let response = try await client.send(
            AWSCall(
                service: .dynamodb, action: action, method: "POST",
                headers: [
                    ("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "DynamoDB_20120810.\(action)"),
                ], body: body))
        return (try? JSONReader.read(response.body)) ?? .object(ValueObject())
    }

    /// CreateTable with hash key `hashKey` of type `hashKeyType` (default `LockID`, `S`: what Terraform's S3 backend
    /// uses), on-demand billing and server-side encryption.
    public func createLockTable(_ table: String, hashKey: String = "LockID", hashKeyType: String = "S") async throws {
        _ = try await call(
            "CreateTable",
            [
                "TableName": .string(table),
                "AttributeDefinitions": [["AttributeName": .string(hashKey), "AttributeType": .string(hashKeyType)]],
                "KeySchema": [["AttributeName": .string(hashKey), "KeyType": "HASH"]],
                "BillingMode": "PAY_PER_REQUEST",
                "SSESpecification": ["Enabled": true],
            ])
    }

    /// DescribeTable, or `nil` when the table does not exist.
    public func describeTable(_ table: String) async throws -> DynamoDBTable? {
        let result: Value
        do {
            result = try await call("DescribeTable", ["TableName": .string(table)])
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return nil
        }
        let description = result["Table"] ?? .object(ValueObject())
        var keySchema = [String: String]()
        for element in description["KeySchema"]?.arrayValue ?? [] {
            if let name = element["AttributeName"]?.stringValue {
                keySchema[name] = element["KeyType"]?.stringValue ?? ""
            }
        }
        var types = [String: String]()
        for element in description["AttributeDefinitions"]?.arrayValue ?? [] {
            if let name = element["AttributeName"]?.stringValue {
                types[name] = element["AttributeType"]?.stringValue ?? ""
            }
        }
        return DynamoDBTable(
            name: description["TableName"]?.stringValue ?? table, arn: description["TableArn"]?.stringValue ?? "",
            status: description["TableStatus"]?.stringValue ?? "", keySchema: keySchema, attributeTypes: types)
    }

    /// DescribeTable: the table status (`CREATING`, `ACTIVE`, …), or `nil` when the table does not exist.
    public func describeTableStatus(_ table: String) async throws -> String? {
        try await describeTable(table)?.status
    }

    /// Polls DescribeTable until the table is ACTIVE (every `interval`, at most `attempts` times).
    @discardableResult
    public func waitUntilActive(
        _ table: String, interval: Duration = .seconds(2), attempts: Int = 60
    ) async throws
        -> DynamoDBTable
    {
        var last: String?
        for attempt in 0..<max(1, attempts) {
            let description = try await describeTable(table)
            if let description, description.status == "ACTIVE" { return description }
            last = description?.status ?? "missing"
            if attempt + 1 < attempts { try await client.sleep(interval) }
        }
        throw AWSServiceError(
            code: "WaiterTimeout", message: "table \(table) did not become ACTIVE (last status \(last ?? "unknown"))",
            requestId: nil, status: 0, service: "dynamodb")
    }

    /// Polls DescribeTable until the table no longer exists; `false` when it still exists after `attempts` polls.
    public func waitUntilGone(
        _ table: String, interval: Duration = .seconds(2), attempts: Int = 60
    ) async throws -> Bool {
        for attempt in 0..<max(1, attempts) {
            if try await describeTable(table) == nil { return true }
            if attempt + 1 < attempts { try await client.sleep(interval) }
        }
        return false
    }
}
