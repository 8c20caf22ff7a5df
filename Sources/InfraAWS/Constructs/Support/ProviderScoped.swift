// Puts inlined constructs on another provider configuration (e.g. a second region):
// every resource and data source inside that does not name a provider gets `provider`.

import InfraCore
import InfraTerraform

/// Content whose resources use a given provider configuration.
///
/// ```swift
/// ProviderScoped(.aws(alias: "eu")) { Network("database", cidrBlock: "10.30.0.0/16", availabilityZones: zones) }
/// ```
public struct ProviderScoped: StackContent {
    /// The provider configuration.
    public var provider: ProviderReference
    /// The content.
    public var content: [any StackContent]

    /// Creates the scope.
    public init(_ provider: ProviderReference, @StackBuilder content: () -> [any StackContent]) {
        self.provider = provider
        self.content = content()
    }

    /// The content's blocks, with `provider` set where none was chosen.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        content.flatMap { $0.stackElements(in: parent) }.map { element in
            switch element {
            case .resource(var block):
                if block.meta.provider == nil { block.meta.provider = provider }
                return .resource(block)
            case .data(var block):
                if block.meta.provider == nil { block.meta.provider = provider }
                return .data(block)
            default:
                return element
            }
        }
    }
}
