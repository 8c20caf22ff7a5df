// Helpers for the converter's tests: write configuration files into a fresh folder, convert
// them with the committed AWS provider schema, and look at the Swift that comes out.

import Foundation
import InfraConvert
import InfraTestSupport
import Testing

enum ConversionFixtures {
    /// `Fixtures/` next to this file.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The committed provider schema.
    static let schema = ExternalTools.packageRoot.appendingPathComponent("codegen/aws/aws-provider-schema.json.gz").path

    /// Writes `files` (name → text) into a new folder named `root` and converts it.
    static func convert(
        _ files: [String: String], root: String = "main", options: ConversionOptions = ConversionOptions()
    ) throws -> ConversionResult {
        let base = try ExternalTools.temporaryDirectory("convert")
        let folder = base.appendingPathComponent(root)
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var options = options
        options.schemaPath = schema
        return try TerraformConverter(options: options).convert([folder.path])
    }

    /// The Swift of the first root's file, for substring checks.
    static func swift(_ result: ConversionResult) -> String {
        result.files.first { !$0.name.hasSuffix("Stacks.swift") }?.text ?? ""
    }

    /// The text with runs of whitespace (line breaks, indentation) collapsed and the layout's
    /// trailing commas removed, so checks do not depend on where a line was broken.
    static func flat(_ text: String) -> String {
        var out = ""
        var space = false
        for character in text {
            if character.isWhitespace {
                space = true
                continue
            }
            if space, !out.isEmpty, !")],".contains(character), !"([".contains(out.last ?? " ") { out += " " }
            space = false
            if ")]".contains(character), out.last == "," { out.removeLast() }
            out.append(character)
        }
        return out
    }
}
