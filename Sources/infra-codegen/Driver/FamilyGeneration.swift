// Generation of the opt-in family modules and of the Package.swift block declaring them.

import InfraAWSBindings

extension Generator {
    /// Every non-curated entry, by group, then by service (both sorted).
    func familyEntries() -> [String: [String: [SchemaEntry]]] {
        let curated = GenerationPlan.curatedKeys(provider)
        var result: [String: [String: [SchemaEntry]]] = [:]
        for entry in provider.resources + provider.dataSources {
            guard !curated.contains((entry.isDataSource ? "data." : "") + entry.type) else { continue }
            let service = FamilyPlan.service(of: entry.type)
            let group = FamilyPlan.groupOfService[service] ?? FamilyPlan.fallbackGroup
            result[group, default: [:]][service, default: []].append(entry)
        }
        return result
    }

    /// Files of the family modules, keyed by path relative to the package root.
    func familyFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        for (group, services) in familyEntries() {
            var translator = Translator(
                maxDepth: maxDepth, maxSubtreeAttributes: maxSubtreeAttributes,
                providerVersion: context.providerVersion)
            for service in services.keys.sorted() {
                let types = try (services[service] ?? []).map { try translator.translate($0) }
                let fileName = Naming.typeName(service)
                files["Sources/InfraAWSFamilies/Generated/\(group)/\(fileName).swift"] = FileRenderer.render(
                    family: fileName, moduleDescription: "Typed AWS resources (opt-in \(FamilyPlan.targetName(group)))",
                    types: types, context: context)
            }
        }
        return files
    }

    /// The Package.swift block declaring one product and target per group (nil: nothing to declare).
    func packageBlock() throws -> String? {
        let groups = familyEntries()
        guard !groups.isEmpty else { return nil }
        var w = SourceWriter()
        w.line(PackageManifestBlock.begin)
        w.line("// Written by `\(context.command)` (infra-codegen); edit the generator, not this block.")
        w.line("// Opt-in products with every AWS provider type outside the curated InfraAWS module, one")
        w.line("// target per service group (Sources/InfraAWSFamilies/Generated/<Group>/, one file per service).")
        w.line("package.products += [")
        w.indented { w in
            for group in groups.keys.sorted() {
                let target = FamilyPlan.targetName(group)
                w.line(".library(name: \"\(target)\", targets: [\"\(target)\"]),")
            }
        }
        w.line("]")
        w.line("package.targets += [")
        w.indented { w in
            for group in groups.keys.sorted() {
                let target = FamilyPlan.targetName(group)
                let services = (groups[group] ?? [:]).keys.sorted().joined(separator: " ")
                for (index, line) in DocText.wrap(group + ": " + services).enumerated() {
                    w.line("// " + (index == 0 ? "" : "  ") + line)
                }
                w.line(".target(")
                w.indented { w in
                    w.line("name: \"\(target)\", dependencies: [\"InfraCore\", \"InfraTerraform\"],")
                    w.line("path: \"Sources/InfraAWSFamilies/Generated/\(group)\", swiftSettings: strictSettings")
                }
                w.line("),")
            }
        }
        w.line("]")
        w.line("// The generator's tests (Tests/InfraAWSTests) import the generator itself.")
        w.line("for target in package.targets where target.name == \"InfraAWSTests\" {")
        w.indented { w in w.line("target.dependencies.append(\"infra-codegen\")") }
        w.line("}")
        w.line(PackageManifestBlock.end)
        return w.text
    }
}
