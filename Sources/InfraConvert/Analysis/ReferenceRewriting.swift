// Renaming resources inside expressions: when cdktf's `aws_vpc.network_vpc_4E8F0223` becomes
// `aws_vpc.network_vpc`, every reference to it — in typed code and in HCL text kept as an
// escape hatch — must use the new name.

import InfraHCL

extension HCLExpression {
    /// The expression with `type.old` references renamed (`renames["aws_vpc.old"] = "new"`,
    /// `renames["data.aws_x.old"] = "new"`).
    func renamingResources(_ renames: [String: String]) -> HCLExpression {
        guard !renames.isEmpty else { return self }
        var copy = self
        switch kind {
        case .getAttribute(let source, let name):
            // `type.old` (a resource) or `data.type.old`.
            if case .variable(let root) = source.kind, let new = renames["\(root).\(name)"] {
                copy.kind = .getAttribute(source, new)
                return copy
            }
            if case .getAttribute(let inner, let type) = source.kind, case .variable("data") = inner.kind,
                let new = renames["data.\(type).\(name)"]
            {
                copy.kind = .getAttribute(source, new)
                return copy
            }
            copy.kind = .getAttribute(source.renamingResources(renames), name)
        case .template(var template):
            template.parts = template.parts.map { $0.renamingResources(renames) }
            copy.kind = .template(template)
        case .templateWrap(let inner): copy.kind = .templateWrap(inner.renamingResources(renames))
        case .parenthesized(let inner): copy.kind = .parenthesized(inner.renamingResources(renames))
        case .index(let source, let key, let legacy):
            copy.kind = .index(source.renamingResources(renames), key.renamingResources(renames), legacy: legacy)
        case .splat(let source, let each, let full):
            copy.kind = .splat(source.renamingResources(renames), each: each.renamingResources(renames), full: full)
        case .call(let name, let arguments, let expands):
            copy.kind = .call(name, arguments.map { $0.renamingResources(renames) }, expandsFinal: expands)
        case .tuple(let elements): copy.kind = .tuple(elements.map { $0.renamingResources(renames) })
        case .object(let items):
            copy.kind = .object(
                items.map { item in
                    var item = item
                    if case .expression(let key) = item.key { item.key = .expression(key.renamingResources(renames)) }
                    item.value = item.value.renamingResources(renames)
                    return item
                })
        case .forExpression(var forExpression):
            forExpression.collection = forExpression.collection.renamingResources(renames)
            forExpression.keyExpression = forExpression.keyExpression?.renamingResources(renames)
            forExpression.valueExpression = forExpression.valueExpression.renamingResources(renames)
            forExpression.condition = forExpression.condition?.renamingResources(renames)
            copy.kind = .forExpression(forExpression)
        case .unary(let op, let operand): copy.kind = .unary(op, operand.renamingResources(renames))
        case .binary(let op, let left, let right):
            copy.kind = .binary(op, left.renamingResources(renames), right.renamingResources(renames))
        case .conditional(let condition, let then, let otherwise):
            copy.kind = .conditional(
                condition.renamingResources(renames), then.renamingResources(renames),
                otherwise.renamingResources(renames))
        case .number, .bool, .null, .variable, .splatItem, .invalid: break
        }
        return copy
    }
}

extension HCLTemplatePart {
    func renamingResources(_ renames: [String: String]) -> HCLTemplatePart {
        switch self {
        case .literal: self
        case .interpolation(let expression): .interpolation(expression.renamingResources(renames))
        case .ifDirective(let condition, let then, let otherwise):
            .ifDirective(
                condition: condition.renamingResources(renames), then: then.map { $0.renamingResources(renames) },
                otherwise: otherwise.map { $0.renamingResources(renames) })
        case .forDirective(let key, let value, let collection, let body):
            .forDirective(
                key: key, value: value, collection: collection.renamingResources(renames),
                body: body.map { $0.renamingResources(renames) })
        }
    }
}

extension HCLBody {
    /// The body with every expression's resource references renamed.
    func renamingResources(_ renames: [String: String]) -> HCLBody {
        guard !renames.isEmpty else { return self }
        var copy = self
        copy.attributes = attributes.map { attribute in
            var attribute = attribute
            attribute.expression = attribute.expression.renamingResources(renames)
            return attribute
        }
        copy.blocks = blocks.map { block in
            var block = block
            block.body = block.body.renamingResources(renames)
            return block
        }
        return copy
    }
}

extension TerraformConfiguration {
    /// Every expression of the configuration with resource references renamed.
    func renamingResources(_ renames: [String: String]) -> TerraformConfiguration {
        guard !renames.isEmpty else { return self }
        var copy = self
        func rename(_ expression: HCLExpression) -> HCLExpression { expression.renamingResources(renames) }
        copy.providers = providers.map {
            var p = $0; p.body = p.body.renamingResources(renames); return p
        }
        copy.variables = variables.map { variable in
            var variable = variable
            variable.validations = variable.validations.map { (rename($0.condition), $0.errorMessage) }
            return variable
        }
        copy.locals = locals.map {
            var l = $0; l.value = rename(l.value); return l
        }
        copy.outputs = outputs.map { output in
            var output = output
            output.value = rename(output.value)
            output.dependsOn = output.dependsOn.map(rename)
            return output
        }
        func renameResource(_ resource: ResourceDeclaration) -> ResourceDeclaration {
            var resource = resource
            resource.body = resource.body.renamingResources(renames)
            resource.count = resource.count.map(rename)
            resource.forEach = resource.forEach.map(rename)
            resource.dependsOn = resource.dependsOn.map(rename)
            if var lifecycle = resource.lifecycle {
                lifecycle.replaceTriggeredBy = lifecycle.replaceTriggeredBy.map(rename)
                lifecycle.preconditions = lifecycle.preconditions.map {
                    (rename($0.condition), rename($0.errorMessage))
                }
                lifecycle.postconditions = lifecycle.postconditions.map {
                    (rename($0.condition), rename($0.errorMessage))
                }
                resource.lifecycle = lifecycle
            }
            return resource
        }
        copy.resources = resources.map(renameResource)
        copy.dataSources = dataSources.map(renameResource)
        copy.modules = modules.map { module in
            var module = module
            module.inputs = module.inputs.map { ($0.name, rename($0.value)) }
            module.count = module.count.map(rename)
            module.forEach = module.forEach.map(rename)
            module.dependsOn = module.dependsOn.map(rename)
            return module
        }
        return copy
    }
}
