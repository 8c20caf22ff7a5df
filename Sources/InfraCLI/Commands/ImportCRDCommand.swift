// `import-crd FILE... --output DIR [--module NAME]`: typed Swift for any CustomResourceDefinition,
// every served version, generated into the user's own package (like `cdk8s import`). The YAML is
// read with the same reader as `Include`; the code comes from the same generator as the built-in
// Kubernetes API (InfraKubernetesCodegen) and uses only the public API of InfraKubernetes.

import ArgumentParser
import Foundation
import InfraCore
import InfraKubernetes
import InfraKubernetesCodegen

/// Generates typed Swift for CRDs into a folder of the user's package.
public struct ImportCRDCommand: ParsableCommand {
    /// Name and help.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import-crd",
            abstract: "Generate typed Swift for CustomResourceDefinitions (every served version) into your package.",
            discussion: """
                Reads the CRDs in the YAML files (other documents are skipped) and writes one Swift file per \
                API group and version plus <Module>Kinds.swift into the output folder. The storage version of a \
                kind gets the kind's name (Widget), other served versions a versioned one (WidgetV1Beta1). The \
                target needs the InfraCore and InfraKubernetes products. Only files this command wrote are \
                replaced or removed; with any error nothing is written.
                """)
    }

    /// The CRD files.
    @Argument(help: "YAML files with CustomResourceDefinitions (apiextensions.k8s.io/v1).")
    public var files: [String]

    /// The folder of the user's package the code goes to.
    @Option(name: .shortAndLong, help: "Output folder, e.g. Sources/MyPlatform/CRDs.")
    public var output: String

    /// The Swift module the code is for.
    @Option(name: .long, help: "The Swift module the code goes into; names the list of kinds (<Module>Kinds).")
    public var module: String = "CustomResources"

    /// Creates the command.
    public init() {}

    /// Reads, generates and writes.
    public func run() throws {
        var inputs: [CRDImport.Input] = []
        var failed = false
        for file in files {
            let include = Include(file: file, kinds: KubernetesKindRegistry([]))
            // The last segment is `FILE:line:column`: printed like a compiler's message.
            for diagnostic in include.manifestDiagnostics(at: ComponentPath.root) {
                Console.error("\(diagnostic.path.last): \(diagnostic.severity.rawValue): \(diagnostic.message)")
                if diagnostic.severity == .error { failed = true }
            }
            for (offset, object) in include.objects.enumerated() {
                guard object.kind == "CustomResourceDefinition" else {
                    Console.error(
                        "note: \(file): document \(offset + 1) is a \(object.kind), not a CustomResourceDefinition; skipped"
                    )
                    continue
                }
                guard let document = ImportCRDCommand.foundationValue(object.renderValue()) as? [String: Any] else {
                    continue
                }
                inputs.append(CRDImport.Input(source: "\(file) (\(object.name))", document: document))
            }
        }
        if failed { throw ExitCode.failure }
        guard !inputs.isEmpty else {
            Console.error("error: no CustomResourceDefinition in \(files.joined(separator: ", "))")
            throw ExitCode.failure
        }
        let generator = CRDImport(module: module, files: files)
        do {
            let models = try generator.models(inputs)
            let report = try GeneratedFiles.write(generator.render(models), to: output, marker: CRDImport.headerMarker)
            let kinds = models.filter { $0.kind != nil }.count
            Console.out(
                "Generated \(kinds) kinds (\(models.count) types) into \(output)/: \(report.written.count) files written, "
                    + "\(report.removed.count) removed. Read them with Include(…, kinds: \(generator.kindListName).registry)."
            )
        } catch {
            Console.error("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// A document value as Foundation values (`JSONSerialization`'s), which the generator reads.
    static func foundationValue(_ value: Value) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let bool): bool
        case .int(let int): int
        case .double(let double): double
        case .string(let string): string
        case .array(let elements): elements.map(foundationValue)
        case .object(let object):
            Dictionary(
                object.members.map { ($0.key, foundationValue($0.value)) }, uniquingKeysWith: { _, last in last })
        }
    }
}
