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
        self.resources = resources.sorted { ($0.module, $0.address) < ($1.module, $1.address) }
        byType = Dictionary(grouping: self.resources.filter { !$0.isData }, by: \.type)
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
        return resources(type).filter { candidate in
            guard candidate.module == target.module, let value = candidate[attribute] else { return false }
            return TerraformValue.strings(in: value).contains { text in
                TerraformValue.refers(text, to: target.address) || literals.contains(text)
            }
        }
    }

    /// The resource or data source in `module` that `text` refers to, if any of them.
    public func referenced(by text: String, in module: String) -> [PolicyResource] {
        resources.filter { $0.module == module && TerraformValue.refers(text, to: $0.address) }
    }
}
