// Command-line options of infra-codegen (Foundation only, so no ArgumentParser).

import Foundation
import InfraAWSBindings

/// Parsed command-line options.
struct Options {
    var help = false
    var schema: String?
    var packageRoot: String?
    var types: [String]?
    var output: String?
    var fileName = "AWSGenerated.swift"
    var trimFrom: String?
    var providerVersion = "5.100.0"

    static let usage = """
        usage: infra-codegen [--package-root DIR] [--schema FILE]
               infra-codegen --types aws_vpc,data.aws_region --output DIR [--file-name NAME.swift] [--schema FILE]
               infra-codegen --trim-from RAW.json [--provider-version 5.100.0] [--schema FILE]
               infra-codegen provider --schema SCHEMA.json --prefix CF --output DIR [...]   (any provider; provider --help)

        Without --types: regenerates Sources/InfraAWS/Generated, Sources/InfraAWSFamilies/Generated and the
        generated block of Package.swift from codegen/aws/aws-provider-schema.json.gz.
        --types: writes the listed resources (and data sources, prefixed `data.`) into one file in DIR;
        the target needs InfraTerraform and InfraCore.
        --trim-from: writes the committed input from `terraform providers schema -json` output.
        """

    init(_ arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        func value(_ flag: String) throws -> String {
            guard let next = iterator.next() else { throw SchemaError("\(flag) needs a value") }
            return next
        }
        while let argument = iterator.next() {
            switch argument {
            case "-h", "--help": help = true
            case "--schema": schema = try value(argument)
            case "--package-root": packageRoot = try value(argument)
            case "--types":
                types = try value(argument).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            case "--output": output = try value(argument)
            case "--file-name": fileName = try value(argument)
            case "--trim-from": trimFrom = try value(argument)
            case "--provider-version": providerVersion = try value(argument)
            default: throw SchemaError("unknown argument \(argument)\n\(Options.usage)")
            }
        }
    }
}
