// IR → the typed configuration of a provider (`provider "cloudflare" { … }`) for a provider
// generated with `infra-codegen provider`: a `StackContent` struct with the provider's
// arguments, its local name and the `required_providers` entry the bindings were made from.

import InfraAWSBindings

/// Renders `<Prefix>Provider`.
enum ProviderConfigurationRenderer {
    /// The struct's text (no file header). `model` holds the translated provider block.
    static func render(
        _ model: TypeModel, localName: String, source: String, version: String, versionConstraint: String,
        into w: inout SourceWriter
    ) {
        w.doc([
            "The `\(localName)` provider configuration (\(source) \(version)): a `provider \"\(localName)\"` block",
            "when used in a stack; `\(model.swiftName).requirement` is its `required_providers` entry.",
            "",
            "```swift",
            "\(model.swiftName)(alias: \"eu\")",
            "```",
        ])
        w.structHeader(model.swiftName, conformances: ["StackContent", "Sendable"]) { w in
            w.doc(["The provider's local name, `\(localName)`."])
            w.line("public static let localName = \"\(localName)\"")
            w.doc(["The `required_providers` entry for the provider these bindings were generated from."])
            w.line(
                "public static let requirement =",
                continuation:
                    "RequiredProvider(\"\(localName)\", source: \"\(source)\", version: \"\(versionConstraint)\")")
            w.doc(["The alias (`provider = \(localName).<alias>`), or `nil` for the default configuration."])
            w.line("public var alias: String?")
            TypeRenderer.renderStorage(model.properties, provider: localName, into: &w)
            TypeRenderer.renderInit(
                model.properties, leading: ["alias: String? = nil"], assign: [(target: "self.alias", value: "alias")],
                into: &w)
            w.doc(["The arguments as the provider block's body."])
            w.braced("public var terraformBlock: Block") { w in
                TypeRenderer.renderBodyStatements(model.properties, into: &w)
            }
            w.doc(["The untyped provider block."])
            w.braced("public var provider: Provider") { w in
                w.line("let body = terraformBlock")
                w.line("return Provider(Self.localName, alias: alias, body.attributes, blocks: body.blocks)")
            }
            w.doc(["The reference for a resource's `provider` meta-argument."])
            w.line("public var reference: ProviderReference { provider.reference }")
            w.doc(["The provider block, as `Provider` contributes it."])
            w.braced("public func stackElements(in parent: ComponentPath) -> [StackElement]") { w in
                w.line("provider.stackElements(in: parent)")
            }
            for nested in model.nested {
                TypeRenderer.renderNested(nested, parent: model.swiftName, provider: localName, into: &w)
            }
        }
    }
}
