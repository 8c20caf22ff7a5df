// A construct's inputs as typed values: each module variable is a typed `Expr` field of the
// construct's `Inputs` struct, holding a literal when the construct is inlined and the `var.`
// reference when it is packaged as a module. The body reads fields (`inputs.cidrBlock`), so a
// misspelt input or a value of the wrong Terraform type does not compile, and every read is an
// expression with traversals — never HCL text.

import InfraCore
import InfraTerraform

/// The typed inputs of a ``ModularConstruct``: one `Expr` field per module variable, and the
/// variables that name them.
///
/// ```swift
/// public struct Inputs: ConstructInputSet {
///     public var cidrBlock: Expr<String> = nil
///     public static var variables: [ConstructVariable<Inputs>] {
///         [ConstructVariable(\.cidrBlock, "cidr_block", "The VPC's IPv4 range")]
///     }
/// }
/// ```
public protocol ConstructInputSet: Sendable {
    /// Every field `null`; ``ConstructInputs/variables`` sets each to its `var.` reference.
    init()
    /// The module variables, one per field, each naming the field that holds its value.
    static var variables: [ConstructVariable<Self>] { get }
}

/// A module variable of a construct: its name, Terraform type (from the field's Swift type),
/// description, and the field of the construct's ``ConstructInputSet`` that holds its value.
///
/// ```swift
/// ConstructVariable(\.publicSubnets, "public_subnets", "Public subnet CIDR per availability zone")
/// // variable "public_subnets" { type = map(string) }
/// ```
public struct ConstructVariable<Inputs: ConstructInputSet>: Sendable {
    /// The variable's name (`var.<name>` inside the module, the input name of a call).
    public var name: String
    /// The Terraform type constraint, e.g. `map(string)`, from the field's type.
    public var type: String
    /// What the variable is for.
    public var description: String
    /// The field holding the value.
    public let field: any PartialKeyPath<Inputs> & Sendable
    private let read: @Sendable (Inputs) -> Expression
    private let write: @Sendable (inout Inputs, Expression) -> Void

    /// Declares the variable `name` for `field`; its type constraint is that of the field's type.
    public init<T: TerraformTyped & Sendable>(
        _ field: any WritableKeyPath<Inputs, Expr<T>> & Sendable, _ name: String, _ description: String
    ) {
        self.name = name
        self.type = T.terraformTypeConstraint
        self.description = description
        self.field = field
        self.read = { $0[keyPath: field].expression }
        self.write = { $0[keyPath: field] = Expr($1) }
    }

    /// The variable's value in `inputs`.
    public func value(in inputs: Inputs) -> Expression { read(inputs) }

    /// `inputs` with the variable's field set to `value`.
    func setting(_ value: Expression, in inputs: Inputs) -> Inputs {
        var copy = inputs
        write(&copy, value)
        return copy
    }
}

/// The inputs a construct's body reads: literal values (inlined) or `var.` references (in a
/// module), typed by the construct's ``ConstructInputSet``.
///
/// ```swift
/// AWSVPC(ConstructNaming.local(name), cidrBlock: inputs.cidrBlock)
/// ```
@dynamicMemberLookup
public struct ConstructInputs<Values: ConstructInputSet>: Sendable {
    /// The typed values.
    public var values: Values
    /// Whether the values are module variables (`var.<name>`) rather than literals.
    public var areVariables: Bool

    /// Values inlined from the construct's parameters.
    public static func literal(_ values: Values) -> ConstructInputs {
        ConstructInputs(values: values, areVariables: false)
    }

    /// Every input read from the module variable of its name.
    public static var variables: ConstructInputs {
        let values = Values.variables.reduce(Values()) { values, variable in
            variable.setting(.reference("var", variable.name), in: values)
        }
        return ConstructInputs(values: values, areVariables: true)
    }

    /// One input: `inputs.cidrBlock`.
    public subscript<T>(dynamicMember field: KeyPath<Values, Expr<T>>) -> Expr<T> {
        values[keyPath: field]
    }
}

extension Expr {
    /// `self.name`, or the member itself when `self` is an object literal — an inlined
    /// construct's object input reads as its literal field, a module's as `var.x.name`.
    func member<U>(_ name: String) -> Expr<U> {
        if case .object(let members) = expression.node,
            let member = members.first(where: { $0.keyExpression == nil && $0.key == name })
        {
            return Expr<U>(Expression(member.value))
        }
        return attribute(name)
    }
}
