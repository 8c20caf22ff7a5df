// Policy JSON read into a typed `IAMPolicyDocument`: upstream projects publish the least-privilege
// policy of their controllers as a JSON file (e.g. the AWS Load Balancer Controller's
// `iam_policy.json`); reading it keeps the vendored file byte-for-byte upstream while the role is
// still rendered, validated and diffed like any policy written in Swift.

import Foundation
import InfraCore
import InfraTerraform

extension IAMPolicyDocument {
    /// Why a policy JSON could not be read.
    public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Where in the document (e.g. `Statement[3].Condition`) and what is wrong.
        public var description: String

        /// Creates an error with its description.
        public init(description: String) { self.description = description }
    }

    /// Reads an IAM policy document from its JSON text: `Version`, `Id` and `Statement` (one object
    /// or a list) with `Sid`, `Effect`, `(Not)Action`, `(Not)Resource`, `(Not)Principal` and `Condition`.
    ///
    /// ```swift
    /// let policy = try IAMPolicyDocument(json: Data(#"{"Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#.utf8))
    /// policy.statements[0].actions        // ["s3:ListAllMyBuckets"]
    /// ```
    ///
    /// A key the IAM policy grammar does not have, or a value of the wrong shape, is a ``JSONError``
    /// naming its place; nothing is silently dropped.
    public init(json: Data) throws {
        let parsed: Value
        do {
            parsed = try JSONReader.read([UInt8](json))
        } catch {
            throw JSONError(description: "not JSON: \(error)")
        }
        guard let object = parsed.objectValue else {
            throw JSONError(description: "the document is not an object")
        }
        for member in object.members where !["Version", "Id", "Statement"].contains(member.key) {
            throw JSONError(description: "unknown key '\(member.key)' in the document")
        }
        let version = try Self.string(object["Version"] ?? "2012-10-17", at: "Version")
        let id = try object["Id"].map { try Self.string($0, at: "Id") }
        let rawStatements: [Value]
        switch object["Statement"] {
        case .array(let list)?: rawStatements = list
        case .object(let single)?: rawStatements = [.object(single)]
        default: throw JSONError(description: "Statement is missing or neither an object nor a list")
        }
        var statements: [IAMStatement] = []
        for (index, raw) in rawStatements.enumerated() {
            statements.append(try Self.statement(raw, at: "Statement[\(index)]"))
        }
        self.init(version: version, id: id, statements: statements)
    }

    private static let statementKeys: Set<String> = [
        "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition",
    ]

    private static func statement(_ raw: Value, at place: String) throws -> IAMStatement {
        guard let object = raw.objectValue else { throw JSONError(description: "\(place) is not an object") }
        for member in object.members where !statementKeys.contains(member.key) {
            throw JSONError(description: "unknown key '\(member.key)' in \(place)")
        }
        let effectName = try string(object["Effect"] ?? "", at: "\(place).Effect")
        guard let effect = IAMStatement.Effect(rawValue: effectName) else {
            throw JSONError(description: "\(place).Effect is '\(effectName)', not Allow or Deny")
        }
        return IAMStatement(
            sid: try object["Sid"].map { try string($0, at: "\(place).Sid") }, effect: effect,
            actions: try strings(object["Action"], at: "\(place).Action"),
            notActions: try strings(object["NotAction"], at: "\(place).NotAction"),
            resources: try strings(object["Resource"], at: "\(place).Resource"),
            notResources: try strings(object["NotResource"], at: "\(place).NotResource"),
            principals: try principals(object["Principal"], at: "\(place).Principal"),
            notPrincipals: try principals(object["NotPrincipal"], at: "\(place).NotPrincipal"),
            conditions: try conditions(object["Condition"], at: "\(place).Condition"))
    }

    private static func string(_ raw: Value, at place: String) throws -> String {
        guard let value = raw.stringValue else { throw JSONError(description: "\(place) is not a string") }
        return value
    }

    /// A string or a list of strings (IAM allows both), in order.
    private static func strings(_ raw: Value?, at place: String) throws -> [Expr<String>] {
        switch raw {
        case nil: return []
        case .string(let single)?: return [Expr(stringLiteral: single)]
        case .array(let list)?: return try list.map { Expr(stringLiteral: try string($0, at: place)) }
        default: throw JSONError(description: "\(place) is neither a string nor a list of strings")
        }
    }

    private static func principals(_ raw: Value?, at place: String) throws -> [IAMPrincipal] {
        switch raw {
        case nil: return []
        case .string("*")?: return [IAMPrincipal(type: "*", identifiers: ["*"])]
        case .object(let object)?:
            return try object.keys.sorted().map { type in
                IAMPrincipal(type: type, identifiers: try strings(object[type], at: "\(place).\(type)"))
            }
        default: throw JSONError(description: "\(place) is neither \"*\" nor an object")
        }
    }

    /// `{"<operator>": {"<key>": value or [values]}}`, in the order operators and keys are sorted
    /// (the policy's meaning does not depend on their order; sorting keeps the rendered policy stable).
    private static func conditions(_ raw: Value?, at place: String) throws -> [IAMCondition] {
        guard let raw else { return [] }
        guard let operators = raw.objectValue else { throw JSONError(description: "\(place) is not an object") }
        var result: [IAMCondition] = []
        for test in operators.keys.sorted() {
            guard let keys = operators[test]?.objectValue else {
                throw JSONError(description: "\(place).\(test) is not an object")
            }
            for key in keys.keys.sorted() {
                result.append(
                    IAMCondition(
                        test: test, variable: Expr(stringLiteral: key),
                        values: try strings(keys[key], at: "\(place).\(test).\(key)")))
            }
        }
        return result
    }
}
