// A resolved model written by hand for the drift tests: the provider and resource blocks of one
// Terraform JSON document, as a Terraform back end would resolve them, without the DSL.

import InfraCore

/// One Terraform block of a hand-written model.
struct TerraformFixtureNode: ModelNode {
    var role: ModelRole
    var kind: String
    var name: String
    var address: String
    var file: String
    var body: Value

    var language: ModelLanguage { .terraform }
    var path: ComponentPath { ComponentPath(address) }
    var references: [String] { [] }
    func document() -> Value { body }

    /// The providers (`aws`, `aws.<alias>`) and resources of `document`, as written to `file`.
    static func model(file: String, _ document: Value) -> ResolvedModel {
        var nodes: [any ModelNode] = []
        for (name, configurations) in document["provider"]?.objectValue ?? ValueObject() {
            for configuration in configurations.arrayValue ?? [configurations] {
                let full = configuration["alias"]?.stringValue.map { "\(name).\($0)" } ?? name
                nodes.append(
                    TerraformFixtureNode(
                        role: .configuration, kind: "provider", name: full, address: "provider.\(full)", file: file,
                        body: configuration))
            }
        }
        for (type, blocks) in document["resource"]?.objectValue ?? ValueObject() {
            for (name, body) in blocks.objectValue ?? ValueObject() {
                nodes.append(
                    TerraformFixtureNode(
                        role: .resource, kind: type, name: name, address: "\(type).\(name)", file: file, body: body))
            }
        }
        return ResolvedModel(nodes: nodes)
    }
}
