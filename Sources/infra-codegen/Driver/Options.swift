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
        try OptionScanner.scan(arguments, usage: Options.usage) { flag, next in
            switch flag {
            case "-h", "--help": help = true
            case "--schema": schema = try next.value()
            case "--package-root": packageRoot = try next.value()
            case "--types": types = try next.list()
            case "--output": output = try next.value()
            case "--file-name": fileName = try next.value()
            case "--trim-from": trimFrom = try next.value()
            case "--provider-version": providerVersion = try next.value()
            default: return false
            }
            return true
        }
    }
}
