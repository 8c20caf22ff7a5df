// One construct, two shapes of output: rendered straight into a stack with its values
// inlined, or packaged as a reusable Terraform module whose inputs are variables. Both use
// the same body, so a module and an inlined construct create the same resources with the
// same addresses; validation runs on the literal values at the call site in both cases.

import InfraCore
import InfraTerraform

/// A construct's input values: literals (direct use) or `var.` references (inside a module).
///
/// ```swift
/// AWSVPC(ConstructNaming.local(name), cidrBlock: inputs.string("cidr_block"))
/// ```
public struct ConstructInputs: Sendable {
    private let literals: [String: Expression]?

    /// Values inlined from the construct's parameters.
    public static func literal(_ values: [String: Expression]) -> ConstructInputs { ConstructInputs(literals: values) }

    /// Every input read from the module variable of the same name.
    public static let variables = ConstructInputs(literals: nil)

    /// Whether the inputs are module variables.
    public var areVariables: Bool { literals == nil }

    /// The input `key` as an untyped expression (`null` when a literal input is missing).
    public subscript(_ key: String) -> Expression {
        guard let literals else { return .reference("var", key) }
        return literals[key] ?? Expression(.null)
    }

    /// The input as HCL text, for composing `for` expressions.
    public func hcl(_ key: String) -> String { self[key].hcl }

    /// One field of an object input: the literal member when the input is a literal object,
    /// else `var.<key>.<field>`.
    public func field(_ key: String, _ field: String) -> Expression {
        let input = self[key]
        if case .object(let members) = input.node, let member = members.first(where: { $0.key == field }) {
            return Expression(member.value)
        }
        return input.attribute(field)
    }

    /// A string input.
    public func string(_ key: String) -> Expr<String> { Expr(self[key]) }
    /// A number input.
    public func number(_ key: String) -> Expr<Double> { Expr(self[key]) }
    /// A boolean input.
    public func bool(_ key: String) -> Expr<Bool> { Expr(self[key]) }
    /// A list-of-strings input.
    public func strings(_ key: String) -> Expr<[String]> { Expr(self[key]) }
    /// A map-of-strings input.
    public func stringMap(_ key: String) -> Expr<[String: String]> { Expr(self[key]) }
}

/// A module variable a construct declares when packaged as a module.
public struct ConstructVariable: Sendable, Hashable {
    /// The variable's name (also the key in ``ConstructInputs``).
    public var name: String
    /// The Terraform type constraint, e.g. `map(string)`.
    public var type: String
    /// What the variable is for.
    public var description: String

    /// Declares a variable.
    public init(_ name: String, _ type: String, _ description: String) {
        self.name = name
        self.type = type
        self.description = description
    }
}

/// A value a construct exposes: a module output, or a direct reference when inlined.
public struct ConstructOutput: Sendable, Hashable {
    /// The output's name.
    public var name: String
    /// The value inside the construct's body.
    public var value: Expression
    /// What it is.
    public var description: String

    /// Declares an output.
    public init(_ name: String, _ value: Expression, _ description: String) {
        self.name = name
        self.value = value
        self.description = description
    }
}

/// A construct that can be inlined in a stack or packaged as a Terraform module.
///
/// ```swift
/// let vpc = TerraformModule.construct(Network.self, "vpc", directory: "terraform/modules/vpc")
/// Network("prod", cidrBlock: "10.10.0.0/16", availabilityZones: zones).call("vpc", module: vpc)
/// ```
public protocol ModularConstruct: StackContent {
    /// The construct's name: the root of its resources' Terraform names and its component path segment.
    var name: String { get }
    /// A former name; when set, `moved` blocks carry existing state over to the new addresses.
    var formerName: String? { get }
    /// The variables the construct reads from ``ConstructInputs``.
    static var variables: [ConstructVariable] { get }
    /// The construct's parameters as literal inputs, one per variable.
    var inputs: [String: Expression] { get }
    /// Problems in the parameters, reported with component paths under `path`.
    func diagnostics(at path: ComponentPath) -> [Diagnostic]
    /// The resources, for the given local name and inputs.
    static func body(name: String, inputs: ConstructInputs) -> [any StackContent]
    /// The values the construct exposes, for the given local name.
    static func outputs(name: String) -> [ConstructOutput]
}

/// The local name a construct's body gets inside a module.
public let moduleConstructName = "this"

extension ModularConstruct {
    /// No former name unless the construct stores one.
    public var formerName: String? { nil }

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
        let current = Self.body(name: name, inputs: .literal(inputs)).flatMap { $0.stackElements(in: path) }
        elements += current
        if let formerName, formerName != name {
            let previous = Self.body(name: formerName, inputs: .literal(inputs)).flatMap { $0.stackElements(in: path) }
            elements += ConstructMoves.moves(from: previous, to: current).flatMap { $0.stackElements(in: path) }
        }
        return elements
    }

    /// A value the inlined construct exposes (see ``outputs(name:)``).
    public func output<T>(_ outputName: String) -> Expr<T> {
        Expr(Self.outputs(name: name).first { $0.name == outputName }?.value ?? Expression(.null))
    }

    /// Calls `module` (built with `TerraformModule.construct(_:_:directory:configurationAliases:)`)
    /// with this construct's parameters; the parameters are validated at the call site.
    public func call(
        _ callName: String? = nil, module: TerraformModule, providers: [String: ProviderReference] = [:]
    ) -> ConstructModuleCall {
        ConstructModuleCall(
            name: callName ?? ConstructNaming.local(name), formerName: formerName.map { ConstructNaming.local($0) },
            module: module, inputs: inputs, variables: Self.variables, providers: providers,
            diagnose: { diagnostics(at: $0) })
    }
}

/// The call of a construct's module, with the construct's validation at the call site.
///
/// Inputs can be lifted into root variables with ``tunable(_:)``: the root then declares the
/// variable, passes `var.<name>` to the module and writes the construct's value to
/// `terraform.tfvars.json` (see ``tfvars``).
public struct ConstructModuleCall: StackContent {
    /// The module call.
    public var call: ModuleCall
    private let formerName: String?
    private let literalInputs: [String: Expression]
    private let variableTypes: [String: ConstructVariable]
    private var tunables: [String: String] = [:]
    private let diagnose: @Sendable (ComponentPath) -> [Diagnostic]

    init(
        name: String, formerName: String?, module: TerraformModule, inputs: [String: Expression],
        variables: [ConstructVariable], providers: [String: ProviderReference],
        diagnose: @escaping @Sendable (ComponentPath) -> [Diagnostic]
    ) {
        self.call = ModuleCall(name, module: module, inputs: inputs, providers: providers)
        self.formerName = formerName
        self.literalInputs = inputs
        self.variableTypes = Dictionary(variables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.diagnose = diagnose
    }

    /// Lifts module inputs into root variables: input name → root variable name.
    public func tunable(_ mapping: [String: String]) -> ConstructModuleCall {
        var copy = self
        for (input, variable) in mapping {
            copy.tunables[input] = variable
            copy.call.block.inputs[input] = .reference("var", variable)
        }
        return copy
    }

    /// The values of the lifted inputs, for the root's `terraform.tfvars.json`.
    public var tfvars: [String: Value] {
        var result: [String: Value] = [:]
        for (input, variable) in tunables {
            if let value = literalInputs[input].flatMap({ ConstructLiterals.documentValue($0.node) }) {
                result[variable] = value
            }
        }
        return result
    }

    /// A typed reference to a module output.
    public func output<T>(_ name: String) -> Expr<T> { call.output(name) }

    /// The address `module.<name>`.
    public var address: ReferenceTarget { call.address }

    /// Diagnostics at `parent/<call name>`, lifted variables, the module block, and a `moved` block when renamed.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        let path = parent.appending(call.block.name)
        var elements: [StackElement] = diagnose(path).map(StackElement.diagnostic)
        for (input, variable) in tunables.sorted(by: { $0.key < $1.key }) {
            let declared = variableTypes[input]
            elements += Variable<Value>(variable, type: declared?.type ?? "any", description: declared?.description)
                .stackElements(in: path)
        }
        elements += call.at(path).stackElements(in: parent)
        if let formerName, formerName != call.block.name {
            elements += Moved(from: .module(formerName), to: call.address).stackElements(in: path)
        }
        return elements
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
        return TerraformModule(name, directory: directory, settings: settings) {
            for variable in C.variables {
                Variable<Value>(variable.name, type: variable.type, description: variable.description)
            }
            C.body(name: moduleConstructName, inputs: .variables)
            for output in C.outputs(name: moduleConstructName) {
                Output(output.name, expression: output.value, description: output.description)
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
