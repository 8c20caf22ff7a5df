// The collected blocks of one configuration sorted by kind, with lookup tables that
// validation, dependency analysis and rendering share.

import InfraCore

/// The blocks of one root or module, split by kind and indexed by address.
struct ConfigurationIndex: Sendable {
    var resources: [ResourceBlock] = []
    var dataSources: [ResourceBlock] = []
    var variables: [VariableBlock] = []
    var outputs: [OutputBlock] = []
    var locals: [LocalBlock] = []
    var modules: [ModuleCallBlock] = []
    var providers: [ProviderBlock] = []
    var moved: [MovedBlock] = []
    var imports: [ImportBlock] = []
    var removed: [RemovedBlock] = []
    var requirements: [RootRequirement] = []
    var constructDiagnostics: [Diagnostic] = []

    /// Every addressable target that is defined, for reference checks.
    var defined: Set<ReferenceTarget> = []
    /// Module calls by name.
    var modulesByName: [String: ModuleCallBlock] = [:]

    init(elements: [StackElement]) {
        for element in elements {
            switch element {
            case .resource(let b):
                resources.append(b)
                defined.insert(.resource(type: b.type, name: b.name))
            case .data(let b):
                dataSources.append(b)
                defined.insert(.data(type: b.type, name: b.name))
            case .variable(let v):
                variables.append(v)
                defined.insert(.variable(v.name))
            case .output(let o): outputs.append(o)
            case .local(let l):
                locals.append(l)
                defined.insert(.local(l.name))
            case .module(let m):
                modules.append(m)
                defined.insert(.module(m.name))
                modulesByName[m.name] = m
            case .provider(let p): providers.append(p)
            case .moved(let m): moved.append(m)
            case .importBlock(let i): imports.append(i)
            case .removed(let r): removed.append(r)
            case .rootRequirement(let r): requirements.append(r)
            case .diagnostic(let d): constructDiagnostics.append(d)
            }
        }
    }
}
