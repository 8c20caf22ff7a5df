// The values a construct exposes, typed and named once. A construct's body returns its blocks
// and a function from a `ConstructOutputs` to its `Outputs` struct; that function runs in three
// ways: inlined it yields the values themselves (`vpc.id`), through a module call it yields
// `module.<call>.<output>`, and for the module it records the `output` blocks to declare.

import InfraCore
import InfraTerraform

/// What a construct's body produces: its blocks, and its typed outputs.
///
/// ```swift
/// return ConstructBody([vpc, flowLog]) { output in
///     Outputs(vpcID: output("vpc_id", vpc.id, "The VPC's id"))
/// }
/// ```
public struct ConstructBody<Outputs> {
    /// The resources and other blocks.
    public var content: [any StackContent]
    private let expose: (ConstructOutputs) -> Outputs

    /// A body with its blocks and the function that names and builds its outputs.
    public init(_ content: [any StackContent], outputs: @escaping (ConstructOutputs) -> Outputs) {
        self.content = content
        self.expose = outputs
    }

    /// The outputs as the values inside the body (an inlined construct).
    var values: Outputs { expose(ConstructOutputs(form: .values)) }

    /// The outputs as references to the outputs of the module call `call`.
    func moduleOutputs(call: String) -> Outputs { expose(ConstructOutputs(form: .module(call))) }

    /// The `output` blocks the construct's module declares, in declaration order.
    var declarations: [ConstructOutput] {
        let recorder = ConstructOutputs.Recorder()
        _ = expose(ConstructOutputs(form: .declarations(recorder)))
        return recorder.outputs
    }
}

/// Names one output of a construct and gives its value in the form the caller needs: called as
/// `output("vpc_id", vpc.id, "The VPC's id")` inside ``ConstructBody``'s outputs function.
public struct ConstructOutputs {
    /// Collects the declared outputs of a module.
    final class Recorder {
        var outputs: [ConstructOutput] = []
    }

    enum Form {
        case values
        case module(String)
        case declarations(Recorder)
    }

    let form: Form

    /// The output `name` with the value `value` inside the construct.
    ///
    /// `dependsOn` becomes the module output's `depends_on`: whatever reads the output through the
    /// module call waits for those blocks, while the value itself stays known at plan time. An
    /// inlined construct yields `value` alone.
    public func callAsFunction<T>(
        _ name: String, _ value: Expr<T>, _ description: String, dependsOn: [ReferenceTarget] = []
    ) -> Expr<T> {
        switch form {
        case .values:
            return value
        case .module(let call):
            return Expr(.reference("module", call, name))
        case .declarations(let recorder):
            recorder.outputs.append(ConstructOutput(name, value.expression, description, dependsOn: dependsOn))
            return value
        }
    }
}

/// One `output` block of a construct's module.
public struct ConstructOutput: Sendable, Hashable {
    /// The output's name.
    public var name: String
    /// The value inside the construct's body.
    public var value: Expression
    /// What it is.
    public var description: String
    /// The blocks of the module a reader of the output waits for (`depends_on`).
    public var dependsOn: [ReferenceTarget]

    /// Declares an output.
    public init(_ name: String, _ value: Expression, _ description: String, dependsOn: [ReferenceTarget] = []) {
        self.name = name
        self.value = value
        self.description = description
        self.dependsOn = dependsOn
    }
}
