// Provider configurations (`provider "aws" { … }`, with aliases) and the
// `required_providers` entries that pin their source and version.

import InfraCore

/// A `provider` configuration block.
///
/// ```swift
/// Provider.aws(region: "eu-central-1", alias: "eu", defaultTags: ["Project": "oves"])
/// ```
public struct Provider: StackContent, Hashable {
    /// The declaration.
    public var block: ProviderBlock

    /// Declares a provider configuration with raw arguments.
    public init(
        _ name: String, alias: String? = nil, _ attributes: [String: Expression] = [:], blocks: [String: [Block]] = [:]
    ) {
        block = ProviderBlock(name: name, alias: alias, body: Block(attributes, blocks: blocks), path: nil)
    }

    /// An AWS provider configuration.
    public static func aws(
        region: Expr<String>, alias: String? = nil, defaultTags: Expr<[String: String]>? = nil,
        allowedAccountIds: [String] = []
    ) -> Provider {
        var provider = Provider("aws", alias: alias, ["region": region.expression])
        if let defaultTags { provider.block.body.appendBlock("default_tags", Block(["tags": defaultTags.expression])) }
        if !allowedAccountIds.isEmpty {
            provider.block.body["allowed_account_ids"] = .list(allowedAccountIds.map(Expression.string))
        }
        return provider
    }

    /// The reference used by resources' `provider` meta-argument.
    public var reference: ProviderReference { ProviderReference(block.name, alias: block.alias) }

    /// The provider block.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        var block = self.block
        block.path = block.path ?? parent.appending("provider." + reference.description)
        return [.provider(block)]
    }
}

/// The untyped declaration of a provider configuration.
public struct ProviderBlock: Sendable, Hashable {
    /// The provider's local name.
    public var name: String
    /// The alias, or `nil` for the default configuration.
    public var alias: String?
    /// The configuration arguments.
    public var body: Block
    /// Where it was defined.
    public var path: ComponentPath?

    /// The block as Terraform JSON (including `alias`).
    public var jsonValue: Value {
        guard case .object(var o) = body.jsonValue else { return .null }
        if let alias { o["alias"] = .string(alias) }
        return .object(o.sortedByKey())
    }
}

/// A `required_providers` entry.
///
/// ```swift
/// RequiredProvider.aws   // hashicorp/aws, ~> 5.100
/// ```
public struct RequiredProvider: Sendable, Hashable {
    /// The local name, e.g. `aws`.
    public var name: String
    /// The source address, e.g. `hashicorp/aws`.
    public var source: String
    /// The version constraint, e.g. `~> 5.100`.
    public var version: String?
    /// Aliases a module expects its caller to pass (`configuration_aliases`).
    public var configurationAliases: [String]

    /// Creates an entry.
    public init(_ name: String, source: String, version: String? = nil, configurationAliases: [String] = []) {
        self.name = name
        self.source = source
        self.version = version
        self.configurationAliases = configurationAliases
    }

    /// The AWS provider, version 5.x from 5.100 on.
    public static let aws = RequiredProvider("aws", source: "hashicorp/aws", version: "~> 5.100")

    /// The entry as Terraform JSON.
    var jsonValue: Value {
        var o = ValueObject()
        o["source"] = .string(source)
        if let version { o["version"] = .string(version) }
        if !configurationAliases.isEmpty {
            o["configuration_aliases"] = .array(configurationAliases.map { .string("\(name).\($0)") })
        }
        return .object(o)
    }
}
