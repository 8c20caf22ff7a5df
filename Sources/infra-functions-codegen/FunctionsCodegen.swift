// Entry point of `infra-functions-codegen`: Terraform's built-in functions → typed Swift.
//
//   swift run infra-functions-codegen             regenerate Sources/InfraTerraform/Generated/Functions.swift
//   swift run infra-functions-codegen --refresh   first rewrite codegen/terraform/functions.json from
//                                                 `terraform metadata functions -json` (terraform on PATH)
//
// Foundation only; decode (FunctionMetadata, Refinements) → translate (Translator) → render.

import Foundation

/// The command-line driver and the generation the tests call.
@main
struct FunctionsCodegen {
    /// The committed inputs and output, relative to the package root.
    static let metadataPath = "codegen/terraform/functions.json"
    static let refinementsPath = "codegen/terraform/function-refinements.json"
    static let sourcePath = "codegen/terraform/functions-source.json"
    static let outputPath = "Sources/InfraTerraform/Generated/Functions.swift"
    static let command = "swift run infra-functions-codegen"

    static let usage = """
        usage: infra-functions-codegen [--package-root DIR] [--refresh] [--terraform PATH]

        Regenerates Sources/InfraTerraform/Generated/Functions.swift from codegen/terraform/functions.json
        (`terraform metadata functions -json`) and codegen/terraform/function-refinements.json.
        --refresh: first rewrites functions.json and functions-source.json from the terraform on PATH.
        """

    static func main() {
        do {
            try run(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("infra-functions-codegen: error: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ arguments: [String]) throws {
        var root = FileManager.default.currentDirectoryPath
        var refresh = false
        var terraform = "terraform"
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "-h", "--help":
                print(usage)
                return
            case "--package-root":
                guard let value = iterator.next() else { throw CodegenError("--package-root needs a value") }
                root = value
            case "--terraform":
                guard let value = iterator.next() else { throw CodegenError("--terraform needs a value") }
                terraform = value
            case "--refresh": refresh = true
            default: throw CodegenError("unknown argument \(argument)\n\(usage)")
            }
        }
        if refresh {
            let metadata = try runTerraform(terraform, ["metadata", "functions", "-json"])
            try write(try normalized(metadata), to: root + "/" + metadataPath)
            let version = try runTerraform(terraform, ["version", "-json"])
            try write(try sourceRecord(versionJSON: version), to: root + "/" + sourcePath)
        }
        let text = try generate(root: root)
        let url = URL(fileURLWithPath: root + "/" + outputPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if (try? Data(contentsOf: url)) == Data(text.utf8) {
            print("infra-functions-codegen: \(outputPath) is up to date")
        } else {
            try Data(text.utf8).write(to: url, options: .atomic)
            print("infra-functions-codegen: wrote \(outputPath)")
        }
    }

    /// The generated file's text from the committed inputs under `root`.
    static func generate(root: String) throws -> String {
        let metadata = try FunctionMetadata.load(path: root + "/" + metadataPath)
        let refinements = try Refinements.load(path: root + "/" + refinementsPath)
        let source = try JSONDecoder().decode(
            SourceRecord.self, from: Data(contentsOf: URL(fileURLWithPath: root + "/" + sourcePath)))
        let functions = try Translator(metadata: metadata, refinements: refinements).functions()
        return FunctionRenderer(
            functions: functions, terraformVersion: source.terraformVersion, inputs: [metadataPath, refinementsPath],
            command: command
        ).render()
    }

    /// The metadata as committed: sorted keys, two-space indentation, one trailing newline.
    static func normalized(_ json: Data) throws -> Data {
        let object = try JSONSerialization.jsonObject(with: json)
        var data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    /// Where the committed metadata came from.
    struct SourceRecord: Codable {
        var terraformVersion: String
        var command: String

        enum CodingKeys: String, CodingKey {
            case terraformVersion = "terraform_version"
            case command
        }
    }

    static func sourceRecord(versionJSON: Data) throws -> Data {
        guard let object = try JSONSerialization.jsonObject(with: versionJSON) as? [String: Any],
            let version = object["terraform_version"] as? String
        else { throw CodegenError("`terraform version -json` printed no terraform_version") }
        let record = SourceRecord(terraformVersion: version, command: "terraform metadata functions -json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(record)
        data.append(0x0A)
        return data
    }

    static func runTerraform(_ terraform: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [terraform] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CodegenError(
                "`\(terraform) \(arguments.joined(separator: " "))` exited with \(process.terminationStatus)")
        }
        return data
    }

    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        print("infra-functions-codegen: wrote \(path)")
    }
}
