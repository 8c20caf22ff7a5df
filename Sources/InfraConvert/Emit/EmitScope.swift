// What a converted module's expressions can refer to: the Swift name and type of every
// variable, local, resource, data source, module call and provider configuration, keyed the
// way Terraform references them (`var.region`, `aws_vpc.main`, `module.vpc`).

import InfraAWSBindings

/// A resource or data source as the converted code names it.
struct ResourceSymbol: Sendable {
    /// The Swift constant (`vpc`).
    var identifier: String
    var type: String
    /// The Terraform name in the output (after any cdktf rename).
    var name: String
    var isData: Bool
    /// The generated type's shape; `nil` for untyped `Resource`/`DataSource`.
    var model: TypeModel?
    /// The provider schema of the type (object attribute types for attributes written as blocks).
    var schema: SchemaBlock?
    /// `count` or `for_each`, when it has either (so references need an instance key).
    var repetition: Repetition?

    /// Whether it has `count` or `for_each`.
    var repeated: Bool { repetition != nil }
}

/// How a block is repeated: instance keys are numbers with `count`, strings with `for_each`.
enum Repetition: Sendable {
    case count
    case forEach
}

/// A module call as the converted code names it.
struct ModuleSymbol: Sendable {
    var identifier: String
    var name: String
    /// Output types, when the module is converted too.
    var outputs: [String: SwiftType]
    var repeated: Bool
}

/// The names in scope for one converted module.
struct EmitScope: Sendable {
    var variables: [String: (identifier: String, type: SwiftType)] = [:]
    var locals: [String: (identifier: String, type: SwiftType)] = [:]
    /// Keyed `aws_vpc.main` / `data.aws_region.current` (output names).
    var resources: [String: ResourceSymbol] = [:]
    var modules: [String: ModuleSymbol] = [:]
    /// Keyed `aws` / `aws.eu`.
    var providers: [String: String] = [:]
}
