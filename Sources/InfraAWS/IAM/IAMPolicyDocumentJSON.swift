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
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw JSONError(description: "not JSON: \(error.localizedDescription)")
        }
        guard let object = parsed as? [String: Any] else {
            throw JSONError(description: "the document is not an object")
        }
        for key in object.keys where !["Version", "Id", "Statement"].contains(key) {
            throw JSONError(description: "unknown key '\(key)' in the document")
        }
        let version = try Self.string(object["Version"] ?? "2012-10-17", at: "Version")
        let id = try object["Id"].map { try Self.string($0, at: "Id") }
        let rawStatements: [Any]
        switch object["Statement"] {
        case let list as [Any]: rawStatements = list
        case let single as [String: Any]: rawStatements = [single]
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

    private static func statement(_ raw: Any, at place: String) throws -> IAMStatement {
        guard let object = raw as? [String: Any] else { throw JSONError(description: "\(place) is not an object") }
        for key in object.keys where !statementKeys.contains(key) {
            throw JSONError(description: "unknown key '\(key)' in \(place)")
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

    private static func string(_ raw: Any, at place: String) throws -> String {
        guard let value = raw as? String else { throw JSONError(description: "\(place) is not a string") }
        return value
    }

    /// A string or a list of strings (IAM allows both), in order.
    private static func strings(_ raw: Any?, at place: String) throws -> [Expr<String>] {
        switch raw {
        case nil: return []
        case let single as String: return [Expr(stringLiteral: single)]
        case let list as [Any]: return try list.map { Expr(stringLiteral: try string($0, at: place)) }
        default: throw JSONError(description: "\(place) is neither a string nor a list of strings")
        }
    }

    private static func principals(_ raw: Any?, at place: String) throws -> [IAMPrincipal] {
        switch raw {
        case nil: return []
        case let anyone as String where anyone == "*": return [IAMPrincipal(type: "*", identifiers: ["*"])]
        case let object as [String: Any]:
            return try object.keys.sorted().map { type in
                IAMPrincipal(type: type, identifiers: try strings(object[type], at: "\(place).\(type)"))
            }
        default: throw JSONError(description: "\(place) is neither \"*\" nor an object")
        }
    }

    /// `{"<operator>": {"<key>": value or [values]}}`, in the order operators and keys are sorted
    /// (JSON objects have no order; sorting keeps the rendered policy stable).
    private static func conditions(_ raw: Any?, at place: String) throws -> [IAMCondition] {
        guard let raw else { return [] }
        guard let operators = raw as? [String: Any] else { throw JSONError(description: "\(place) is not an object") }
        var result: [IAMCondition] = []
        for test in operators.keys.sorted() {
            guard let keys = operators[test] as? [String: Any] else {
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
