// Resolves Terraform relationships the way checkov's graph does: a setting resource
// (`aws_s3_bucket_versioning`, `aws_flow_log`, …) belongs to a resource when it refers to it
// (`"${aws_s3_bucket.logs.id}"`) or names it literally (the bucket's `bucket` name).

import InfraCore

/// The resources of every Terraform document, with lookups for rules.
public struct PolicyTerraformModel: Sendable {
    /// All resources and data sources, sorted by module then address.
    public let resources: [PolicyResource]

    /// Reads the resources out of Terraform JSON documents (object and list forms).
    public init(documents: [PolicyDocument]) {
        var resources: [PolicyResource] = []
        for document in documents where document.format == .terraform {
            for (section, isData) in [("resource", false), ("data", true)] {
                for byType in TerraformValue.objects(document.value[section]) {
                    for (type, byName) in byType {
                        for names in TerraformValue.objects(byName) {
                            for (name, body) in names {
                                for properties in TerraformValue.blocks(body).prefix(1) {
                                    resources.append(
                                        PolicyResource(
                                            type: type, name: name, properties: properties, file: document.file,
                                            module: document.folder, isData: isData))
                                }
                            }
                        }
                    }
                }
            }
        }
        self.init(resources: resources)
    }

    /// Reads the resources and data sources of a resolved model, each with its component path.
    ///
    /// Nodes of role `ModelRole.resource` (InfraCore) whose kind is a type (`aws_s3_bucket`) or
    /// `data.<type>` are read; module calls and configuration blocks are not resources.
    public init(model: ResolvedModel) {
        let nodes = model.nodes(.terraform).filter { $0.role == .resource && $0.kind != "module" }
        self.init(
            resources: Parallel.map(count: nodes.count) { offset in
                let node = nodes[offset]
                let isData = node.kind.hasPrefix("data.")
                return PolicyResource(
                    type: isData ? String(node.kind.dropFirst(5)) : node.kind, name: node.name,
                    properties: node.document(), file: node.file, module: node.folder, isData: isData, path: node.path)
            })
    }

    /// Indexes `resources` for the rules' lookups.
    init(resources: [PolicyResource]) {
        self.resources = resources.sorted { ($0.module, $0.address) < ($1.module, $1.address) }
        byType = Dictionary(grouping: self.resources.filter { !$0.isData }, by: \.type)
        byAddress = Dictionary(self.resources.map { (PolicyTerraformModel.key($0.module, $0.address), $0) }) {
            first, _ in first
        }
        // Who points at what: "<module> <type> <attribute> <target address or =literal>" → resources.
        var incoming: [String: [PolicyResource]] = [:]
        for resource in self.resources where !resource.isData {
            for (attribute, addresses) in resource.references {
                for address in addresses {
                    incoming[PolicyTerraformModel.key(resource.module, resource.type, attribute, address), default: []]
                        .append(resource)
                }
            }
            for (attribute, value) in resource.properties.objectValue ?? ValueObject() {
                for literal in Set(TerraformValue.strings(in: value)) where !literal.contains("${") {
                    incoming[
                        PolicyTerraformModel.key(resource.module, resource.type, attribute, "=" + literal), default: []
                    ]
                    .append(resource)
                }
            }
        }
        self.incoming = incoming
    }

    /// Resources by the module, type and attribute with which they refer to an address or literal.
    private let incoming: [String: [PolicyResource]]

    /// Resources and data sources by module and address.
    private let byAddress: [String: PolicyResource]

    private static func key(_ parts: String...) -> String { parts.joined(separator: "\u{0}") }

    /// The resource or data source at `address` in `module`.
    public func resource(_ address: String, in module: String) -> PolicyResource? {
        byAddress[PolicyTerraformModel.key(module, address)]
    }

    /// The (non-data) resources by type, so rules do not scan every resource per lookup.
    private let byType: [String: [PolicyResource]]

    /// The (non-data) resources of `type`, sorted by module then address.
    public func resources(_ type: String) -> [PolicyResource] {
        byType[type] ?? []
    }

    /// The resources of `type` in `target`'s module whose `attribute` points at `target`:
    /// a reference to its address, or the literal value of one of `literalAttributes` of `target`.
    ///
    /// ```swift
    /// model.linked("aws_s3_bucket_versioning", to: bucket, via: "bucket", literalAttributes: ["bucket"])
    /// ```
    public func linked(
        _ type: String, to target: PolicyResource, via attribute: String, literalAttributes: [String] = []
    ) -> [PolicyResource] {
        let literals = literalAttributes.compactMap { target[$0]?.stringValue }.filter { !$0.contains("${") }
        let keys = [target.address] + literals.map { "=" + $0 }
        var seen = Set<String>()
        return keys.flatMap { incoming[PolicyTerraformModel.key(target.module, type, attribute, $0)] ?? [] }
            .filter { seen.insert($0.address).inserted }
            .sorted { $0.address < $1.address }
    }

    /// The resources and data sources in `module` that `text` refers to.
    public func referenced(by text: String, in module: String) -> [PolicyResource] {
        TerraformValue.referencedAddresses(in: text).sorted().compactMap { resource($0, in: module) }
    }
}
