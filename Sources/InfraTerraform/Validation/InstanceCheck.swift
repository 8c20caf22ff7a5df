// Checks that a reference selects instances the way its target has them: `aws_subnet.app[0]`
// needs count or for_each on aws_subnet.app and `aws_subnet.app.id` needs neither (as
// `terraform validate` checks); `[*].id` does not walk the map of a for_each block and a
// count block has no instance "a" (which Terraform only finds at plan time).

import InfraCore

/// Instance-key rules for references to resources, data sources and module calls.
enum InstanceCheck {
    /// How many instances a block has.
    enum Instancing: Sendable, Hashable {
        case single, count, forEach

        var metaArgument: String { self == .count ? "count" : "for_each" }
    }

    /// A problem found in one reference.
    struct Problem {
        var message: String
        var hint: String?
    }

    /// The instancing of every resource, data source and module call of a configuration.
    static func instancing(of index: ConfigurationIndex) -> [ReferenceTarget: Instancing] {
        var result: [ReferenceTarget: Instancing] = [:]
        func kind(_ meta: MetaArguments) -> Instancing {
            meta.count != nil ? .count : meta.forEach != nil ? .forEach : .single
        }
        for block in index.resources { result[.resource(type: block.type, name: block.name)] = kind(block.meta) }
        for block in index.dataSources { result[.data(type: block.type, name: block.name)] = kind(block.meta) }
        for call in index.modules { result[.module(call.name)] = kind(call.meta) }
        return result
    }

    /// What is wrong with how `traversal` selects instances of `target`, if anything.
    static func problem(_ traversal: Traversal, target: ReferenceTarget, instancing: Instancing) -> Problem? {
        guard let steps = traversal.stepsAfterAddress, let first = steps.first else { return nil }  // the whole block
        let reference = traversal.hclText
        switch (first, instancing) {
        case (.index, .single):
            return Problem(
                message: "\(reference) selects an instance, but \(target) has no count or for_each",
                hint: "refer to \(target) without an index")
        case (.index(.string(let key)), .count) where Double(key) == nil:
            // Terraform converts the key to a number; "0" would work, "a" cannot.
            return Problem(
                message: "\(reference) uses the key \"\(key)\", but \(target) has count: its instances are numbered",
                hint: "use a number, e.g. \(target)[0] or \(target)[count.index]")
        case (.splat, .forEach) where steps.count > 1:
            return Problem(
                message: "\(reference) splats \(target), whose for_each instances are a map that [*] does not walk",
                hint: "use values(\(target))[*]… (`.all` writes this)")
        case (.attribute, .count), (.attribute, .forEach):
            return Problem(
                message: "\(reference) needs an instance key: \(target) has \(instancing.metaArgument)",
                hint: instancing == .count
                    ? "select one, e.g. \(target)[0] or \(target)[count.index], or all with \(target)[*]"
                    : "select one, e.g. \(target)[each.key], or all with values(\(target))[*]")
        default:
            return nil
        }
    }

    /// The output a module reference reads: `vpc_id` in `module.vpc.vpc_id`, `module.vpc[0].vpc_id`
    /// and `module.vpc[*].vpc_id`.
    static func moduleOutput(_ traversal: Traversal) -> String? {
        guard case .module = traversal.target, var steps = traversal.stepsAfterAddress else { return nil }
        switch steps.first {
        case .index?, .splat?: steps = steps.dropFirst()
        default: break
        }
        if case .attribute(let output)? = steps.first { return output }
        return nil
    }
}

extension Traversal {
    /// The reference as HCL, for messages.
    var hclText: String { Expression.Node.traversal(self).hcl }
}
