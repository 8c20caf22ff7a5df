// The generator over the whole committed schema: it succeeds, the committed generated
// code (curated module, family modules, fixture, Package.swift block) is what it produces
// now, and every Terraform name maps to a Swift name and back.

import Foundation
import InfraAWSBindings
import InfraTestSupport
import Testing

@testable import infra_codegen

@Suite("infra-codegen", .serialized)
struct GeneratorTests {
    /// The committed schema, parsed once.
    static let provider: Result<SchemaParser.Provider, any Error> = Result {
        try SchemaParser.load(path: ExternalTools.packageRoot.appendingPathComponent(InfraCodegen.defaultSchema).path)
    }

    static func generator() throws -> Generator {
        let provider = try provider.get()
        return Generator(
            provider: provider,
            context: GenerationContext(
                providerSource: "hashicorp/aws", providerVersion: provider.version ?? "?",
                schemaDescription: InfraCodegen.defaultSchema, command: InfraCodegen.regenerateCommand))
    }

    @Test("the committed schema holds every resource type and data source of the provider")
    func schemaIsComplete() throws {
        let provider = try Self.provider.get()
        #expect(provider.resources.count == 1526)
        #expect(provider.dataSources.count == 608)
        #expect(provider.version == "5.100.0")
    }

    @Test("the generator runs over the whole schema and places every type exactly once")
    func wholeSchema() throws {
        let generator = try Self.generator()
        let files = try generator.allFiles()
        let sources = files.filter { $0.key.hasPrefix("Sources/") }.values
        var declared = 0
        for text in sources {
            declared +=
                text.components(separatedBy: "\n").filter {
                    $0.hasPrefix("public struct AWS") || $0.hasPrefix("public struct DataAWS")
                }.count
        }
        #expect(declared == 1526 + 608)
        #expect(GenerationPlan.unmatchedCuratedPatterns(generator.provider).isEmpty)
    }

    @Test("committed generated code is up to date (run `swift run infra-codegen` if this fails)")
    func upToDate() throws {
        let generator = try Self.generator()
        let files = try generator.allFiles()
        let root = ExternalTools.packageRoot
        var stale: [String] = []
        for (path, text) in files {
            let committed = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            if committed != text { stale.append(path) }
        }
        for folder in Generator.generatedFolders {
            let base = root.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(atPath: base.path)
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix(".swift") && files[folder + "/" + path] == nil { stale.append(folder + "/" + path) }
            }
        }
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        if let block = try generator.packageBlock(), PackageManifestBlock.current(in: manifest) != block {
            stale.append("Package.swift (generated block)")
        }
        #expect(stale.isEmpty, "stale generated files: \(stale.sorted())")
    }

    @Test("every attribute and block name of every type maps to a Swift name and back")
    func nameRoundTrip() throws {
        let provider = try Self.provider.get()
        var failures: [String] = []
        var checked = 0
        func visit(_ block: SchemaBlock, _ path: String) {
            for name in block.attributes.map(\.name) + block.blockTypes.map(\.name) {
                checked += 1
                let swift = Naming.property(name)
                if Naming.terraformName(fromProperty: swift) != name || !Self.isIdentifier(swift) {
                    failures.append("\(path).\(name) → \(swift)")
                }
            }
            for child in block.blockTypes { visit(child.block, path + "." + child.name) }
        }
        for entry in provider.resources + provider.dataSources { visit(entry.block, entry.type) }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
        #expect(checked > 100_000)
    }

    @Test("the translated stored properties render under their Terraform names")
    func translatedNamesRoundTrip() throws {
        let provider = try Self.provider.get()
        var translator = Translator(providerVersion: "test")
        var failures: [String] = []
        var typeNames: Set<String> = []
        for entry in provider.resources + provider.dataSources {
            let model = try translator.translate(entry)
            if !typeNames.insert(model.swiftName).inserted { failures.append("duplicate type \(model.swiftName)") }
            for property in model.properties {
                let base =
                    property.swiftName.hasSuffix("Attribute") && Naming.reservedMembers.contains(property.label)
                    ? property.label : property.swiftName
                if Naming.terraformName(fromProperty: base) != property.terraformName {
                    failures.append("\(entry.type).\(property.terraformName) ↔ \(property.swiftName)")
                }
            }
            for reference in model.references {
                let base =
                    reference.swiftName.hasSuffix("Ref") ? String(reference.swiftName.dropLast(3)) : reference.swiftName
                if Naming.terraformName(fromProperty: base) != reference.terraformName {
                    failures.append("\(entry.type).\(reference.terraformName) ↔ \(reference.swiftName)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test(
        "type names follow the documented rule",
        arguments: [
            ("aws_vpc", false, "AWSVPC"), ("aws_s3_bucket_versioning", false, "AWSS3BucketVersioning"),
            ("aws_region", true, "DataAWSRegion"),
            ("aws_iam_openid_connect_provider", false, "AWSIAMOpenIDConnectProvider"),
            ("aws_eks_cluster_auth", true, "DataAWSEKSClusterAuth"), ("aws_db_instance", false, "AWSDBInstance"),
        ])
    func typeNames(terraform: String, dataSource: Bool, swift: String) {
        #expect(Naming.topLevelType(terraform, dataSource: dataSource) == swift)
    }

    @Test("a type's sensitive attributes are the schema's, through nested blocks, in its struct and the table")
    func sensitiveAttributes() throws {
        let generator = try Self.generator()
        let provider = generator.provider
        var translator = Translator(providerVersion: "test")
        let broker = try #require(provider.resources.first { $0.type == "aws_mq_broker" })
        let model = try translator.translate(broker)
        #expect(model.sensitiveAttributes == ["ldap_server_metadata.service_account_password", "user.password"])
        let files = try generator.allFiles()
        let text = try #require(files["Sources/InfraAWSFamilies/Generated/Messaging/MQ.swift"])
        #expect(
            text.contains(
                #"public static let sensitiveAttributes = ["ldap_server_metadata.service_account_password", "user.password"]"#
            ))
        // The table holds every type with a sensitive attribute, resources and data sources, and no other.
        var expected = 0
        for entry in provider.resources + provider.dataSources where !Translator.sensitivePaths(entry.block).isEmpty {
            expected += 1
        }
        let table = try #require(files[SensitiveTableRenderer.destinations[0]])
        #expect(SensitiveTableRenderer.destinations.allSatisfy { files[$0] == table })
        #expect(table.components(separatedBy: "\n").filter { $0.hasPrefix("        \"") }.count == expected)
        #expect(table.contains(#""data.aws_secretsmanager_secret_version": ["secret_binary", "secret_string"],"#))
        #expect(table.contains(#""aws_db_instance": ["password", "password_wo"],"#))
        #expect(!table.contains(#""aws_vpc""#))
        #expect(expected == 115)
    }

    @Test(
        "every family but Containers and LoadBalancing compiles only with the trait AWSFamilies, which Package.swift declares"
    )
    func familyTrait() throws {
        let generator = try Self.generator()
        let files = try generator.familyFiles()
        #expect(files.count > 200)
        #expect(FamilyPlan.ungatedGroups == ["Containers", "LoadBalancing"])
        for (path, text) in files {
            let group = path.split(separator: "/").dropLast().last.map(String.init) ?? ""
            let gated = !FamilyPlan.ungatedGroups.contains(group)
            // The whole file, imports included, is inside the condition: without the trait the module is empty.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let firstCode = lines.first { !$0.hasPrefix("//") && !$0.isEmpty }
            #expect(firstCode == (gated ? "#if AWSFamilies" : "import InfraCore"), "\(path)")
            #expect(text.hasSuffix(gated ? "}\n#endif\n" : "}\n"), "\(path)")
        }
        let block = try #require(try generator.packageBlock())
        #expect(block.contains("name: \"AWSFamilies\""))
        #expect(FamilyPlan.needsTrait(product: "InfraAWSAllS3"))
        #expect(!FamilyPlan.needsTrait(product: "InfraAWSAllContainers"))
        #expect(!FamilyPlan.needsTrait(product: "InfraAWSAllLoadBalancing"))
        #expect(!FamilyPlan.needsTrait(product: "InfraAWS"))
        // The package CI builds the families with: every family, the trait on.
        let check = try #require(generator.familyCheckFiles()["Scripts/aws-families-build/Package.swift"])
        #expect(check.contains("traits: [\"AWSFamilies\"]"))
        #expect(check.components(separatedBy: ".product(name: \"InfraAWSAll").count - 1 == FamilyPlan.groups.count)
    }

    @Test("--types generates exactly the requested resources and data sources into one file")
    func selectedTypes() throws {
        let generator = try Self.generator()
        let files = try generator.selectedFile(
            types: ["aws_shield_protection", "data.aws_region"], fileName: "X.swift")
        let text = try #require(files["X.swift"])
        #expect(text.contains("public struct AWSShieldProtection: TerraformResource"))
        #expect(text.contains("public struct DataAWSRegion: TerraformDataSource"))
        #expect(text.contains("DO NOT EDIT"))
        #expect(throws: SchemaError.self) {
            try generator.selectedFile(types: ["aws_no_such_thing"], fileName: "Y.swift")
        }
    }

    @Test("the Package.swift block only touches the text between its markers")
    func manifestBlock() {
        let manifest =
            "let package = 1\n// BEGIN generated AWS family targets\nold\n// END generated AWS family targets\ntail\n"
        let block = "// BEGIN generated AWS family targets\nnew\n// END generated AWS family targets\n"
        let updated = PackageManifestBlock.replacing(in: manifest, with: block)
        #expect(updated == "let package = 1\n" + block + "tail\n")
        #expect(PackageManifestBlock.current(in: updated) == block)
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
