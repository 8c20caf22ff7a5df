// The call of a construct's module: the construct's validation at the call site, its typed
// outputs as `module.<call>.<output>` references, and inputs lifted into root variables.

import InfraCore
import InfraTerraform

/// The call of a construct's module, with the construct's validation at the call site and its
/// outputs typed: `call.outputs.vpcID` is `module.<call>.vpc_id`, an `Expr<String>`.
///
/// Inputs can be lifted into root variables with ``tunable(_:as:)``: the root then declares the
/// variable, passes `var.<name>` to the module and writes the construct's value to
/// `terraform.tfvars.json` (see ``tfvars``).
///
/// ```swift
/// let vpc = network.call("vpc", module: OVESModules.vpc).tunable(\.flowLogRetentionDays, as: "flow_log_retention_days")
/// EKSCluster("prod", kubernetesVersion: "1.35", vpcID: vpc.outputs.vpcID, subnetIDs: vpc.outputs.privateSubnetIDs,
///            nodeGroups: groups)
/// ```
public struct ConstructModuleCall<Construct: ModularConstruct>: TunableModuleCall {
    /// The module call.
    public var call: ModuleCall
    /// The module's outputs, read through this call: `module.<call>.<output>`.
    public let outputs: Construct.Outputs
    private let construct: Construct
    private let formerName: String?
    private var tunables: [(variable: ConstructVariable<Construct.Inputs>, rootVariable: String)] = []
    private var unknownTunables: [String] = []
    private var unknownInputs = 0

    init(
        construct: Construct, name: String, formerName: String?, module: TerraformModule,
        providers: [String: ProviderReference]
    ) {
        let inputs = construct.inputs
        self.call = ModuleCall(
            name, module: module,
            inputs: Dictionary(
                Construct.variables.map { ($0.name, $0.value(in: inputs)) }, uniquingKeysWith: { first, _ in first }),
            providers: providers)
        self.outputs = Construct.body(name: moduleConstructName, inputs: .variables).moduleOutputs(call: name)
        self.construct = construct
        self.formerName = formerName
    }

    /// Lifts the module input `input` into the root variable `rootVariable`.
    ///
    /// ```swift
    /// cluster.call("eks", module: OVESModules.eks).tunable(\.kubernetesVersion, as: "kubernetes_version")
    /// ```
    public func tunable<T>(_ input: KeyPath<Construct.Inputs, Expr<T>>, as rootVariable: String) -> Self {
        var copy = self
        guard let variable = Self.variable(for: input) else {
            copy.unknownTunables.append(rootVariable)
            return copy
        }
        copy.tunables.removeAll { $0.variable.name == variable.name }
        copy.tunables.append((variable, rootVariable))
        copy.call.block.inputs[variable.name] = .reference("var", rootVariable)
        return copy
    }

    /// Passes `value` for the module input `input` instead of the construct's own value: typically
    /// another call's output, so Terraform orders exactly the blocks that read it after that output,
    /// where a `depends_on` on the whole module would hold back every block of this call.
    /// The construct is still validated with its own value; a lifted input stops being lifted.
    ///
    /// ```swift
    /// bucket.call("s3_static", module: OVESModules.s3).input(\.logBucket, logs.outputs.logTargetBucket)
    /// ```
    public func input<T>(_ input: KeyPath<Construct.Inputs, Expr<T>>, _ value: Expr<T>) -> Self {
        var copy = self
        guard let variable = Self.variable(for: input) else {
            copy.unknownInputs += 1
            return copy
        }
        copy.tunables.removeAll { $0.variable.name == variable.name }
        copy.call.block.inputs[variable.name] = value.expression
        return copy
    }

    /// The module variable that holds `input`, or `nil` when no variable does.
    private static func variable<T>(
        for input: KeyPath<Construct.Inputs, Expr<T>>
    ) -> ConstructVariable<
        Construct.Inputs
    >? {
        Construct.variables.first { ($0.field as AnyKeyPath) == (input as AnyKeyPath) }
    }

    /// The values of the lifted inputs, for the root's `terraform.tfvars.json`.
    public var tfvars: [String: Value] {
        var result: [String: Value] = [:]
        let inputs = construct.inputs
        for (variable, rootVariable) in tunables {
            if let value = ConstructLiterals.documentValue(variable.value(in: inputs).node) {
                result[rootVariable] = value
            }
        }
        return result
    }

    /// The address `module.<name>`.
    public var address: ReferenceTarget { call.address }

    /// Diagnostics at `parent/<call name>`, lifted variables, the module block, and a `moved` block when renamed.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        let path = parent.appending(call.block.name)
        var elements: [StackElement] = construct.diagnostics(at: path).map(StackElement.diagnostic)
        for rootVariable in unknownTunables {
            elements.append(
                .diagnostic(
                    .error(
                        path, "root variable \(rootVariable) lifts an input that is not one of the module's variables"))
            )
        }
        if unknownInputs > 0 {
            elements.append(
                .diagnostic(
                    .error(path, "a value passed with input(_:_:) is for an input that is not a module variable")))
        }
        for (variable, rootVariable) in tunables.sorted(by: { $0.variable.name < $1.variable.name }) {
            elements += Variable<Value>(rootVariable, type: variable.type, description: variable.description)
                .stackElements(in: path)
        }
        elements += call.at(path).stackElements(in: parent)
        if let formerName, formerName != call.block.name {
            elements += Moved(from: .module(formerName), to: call.address).stackElements(in: path)
        }
        return elements
    }
}

/// A module call whose inputs may be lifted into root variables, whatever construct it calls:
/// a root collects the `tfvars` of all its calls.
///
/// ```swift
/// let calls: [any TunableModuleCall] = [vpc, eks]
/// let tfvars = calls.reduce(into: [:]) { $0.merge($1.tfvars) { first, _ in first } }
/// ```
public protocol TunableModuleCall: StackContent {
    /// The values of the lifted inputs, for the root's `terraform.tfvars.json`.
    var tfvars: [String: Value] { get }
}
