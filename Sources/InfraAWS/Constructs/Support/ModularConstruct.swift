// One construct, two shapes of output: rendered straight into a stack with its values
// inlined, or packaged as a reusable Terraform module whose inputs are variables. Both use
// the same body, so a module and an inlined construct create the same resources with the
// same addresses; validation runs on the literal values at the call site in both cases.
// Inputs and outputs are typed structs, the same for both shapes: `network.outputs.vpcID`
// inlined, `call.outputs.vpcID` through the module.

import InfraCore
import InfraTerraform

/// A construct that can be inlined in a stack or packaged as a Terraform module.
///
/// ```swift
/// let vpc = TerraformModule.construct(Network.self, "vpc", directory: "terraform/modules/vpc")
/// let network = Network("prod", cidrBlock: "10.10.0.0/16", availabilityZones: zones).call("vpc", module: vpc)
/// let vpcID: Expr<String> = network.outputs.vpcID          // module.vpc.vpc_id
/// ```
public protocol ModularConstruct: StackContent {
    /// The typed inputs: one `Expr` field per module variable.
    associatedtype Inputs: ConstructInputSet
    /// The typed values the construct exposes (module outputs).
    associatedtype Outputs: Sendable

    /// The construct's name: the root of its resources' Terraform names and its component path segment.
    var name: String { get }
    /// A former name; when set, `moved` blocks carry existing state over to the new addresses.
    var formerName: String? { get }
    /// The construct's parameters as literal inputs.
    var inputs: Inputs { get }
    /// Problems in the parameters, reported with component paths under `path`.
    func diagnostics(at path: ComponentPath) -> [Diagnostic]
    /// The resources and outputs, for the given local name and inputs.
    static func body(name: String, inputs: ConstructInputs<Inputs>) -> ConstructBody<Outputs>
}

/// The local name a construct's body gets inside a module.
public let moduleConstructName = "this"

extension ModularConstruct {
    /// No former name unless the construct stores one.
    public var formerName: String? { nil }

    /// The module variables the construct declares when packaged as a module.
    public static var variables: [ConstructVariable<Inputs>] { Inputs.variables }

    /// Diagnostics, the body with inlined values, and `moved` blocks for a renamed construct.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        let path = parent.appending(name)
        var elements: [StackElement] = diagnostics(at: path).map(StackElement.diagnostic)
        if !ConstructNaming.isValidConstructName(name) {
            elements.append(
                .diagnostic(
                    .error(
                        path,
                        "construct name \"\(name)\" must start with a letter and use only letters, digits, - and _")
                ))
        }
        let current = Self.body(name: name, inputs: .literal(inputs)).content.flatMap { $0.stackElements(in: path) }
        elements += current
        if let formerName, formerName != name {
            let previous = Self.body(name: formerName, inputs: .literal(inputs)).content
                .flatMap { $0.stackElements(in: path) }
            elements += ConstructMoves.moves(from: previous, to: current).flatMap { $0.stackElements(in: path) }
        }
        return elements
    }

    /// The values the inlined construct exposes: `network.outputs.vpcID` is `aws_vpc.<name>.id`.
    public var outputs: Outputs { Self.body(name: name, inputs: .literal(inputs)).values }

    /// Calls `module` (built with `TerraformModule.construct(_:_:directory:configurationAliases:)`)
    /// with this construct's parameters; the parameters are validated at the call site.
    public func call(
        _ callName: String? = nil, module: TerraformModule, providers: [String: ProviderReference] = [:]
    ) -> ConstructModuleCall<Self> {
        ConstructModuleCall(
            construct: self, name: callName ?? ConstructNaming.local(name),
            formerName: formerName.map { ConstructNaming.local($0) }, module: module, providers: providers)
    }
}

extension TerraformModule {
    /// Packages a construct as a module: its variables, its body named `this`, its outputs.
    ///
    /// ```swift
    /// let vpc = TerraformModule.construct(Network.self, "vpc", directory: "terraform/modules/vpc")
    /// ```
    public static func construct<C: ModularConstruct>(
        _ type: C.Type, _ name: String, directory: String, configurationAliases: [String] = []
    ) -> TerraformModule {
        let settings = TerraformSettings(
            requiredVersion: nil,
            requiredProviders: [
                RequiredProvider(
                    "aws", source: "hashicorp/aws", version: RequiredProvider.aws.version,
                    configurationAliases: configurationAliases)
            ])
        let body = C.body(name: moduleConstructName, inputs: .variables)
        return TerraformModule(name, directory: directory, settings: settings) {
            for variable in C.variables {
                Variable<Value>(variable.name, type: variable.type, description: variable.description)
            }
            body.content
            for output in body.declarations {
                Output(
                    output.name, expression: output.value, description: output.description, dependsOn: output.dependsOn)
            }
        }
    }
}

/// Pairs the resources of a construct's former and current names into `moved` blocks.
enum ConstructMoves {
    static func moves(from previous: [StackElement], to current: [StackElement]) -> [Moved] {
        let old = previous.compactMap(resourceAddress)
        let new = current.compactMap(resourceAddress)
        guard old.count == new.count else { return [] }
        return zip(old, new).compactMap { pair in
            guard pair.0.type == pair.1.type, pair.0.name != pair.1.name else { return nil }
            return Moved(
                from: .resource(type: pair.0.type, name: pair.0.name),
                to: .resource(type: pair.1.type, name: pair.1.name))
        }
    }

    private static func resourceAddress(_ element: StackElement) -> (type: String, name: String)? {
        if case .resource(let block) = element { return (block.type, block.name) }
        return nil
    }
}
