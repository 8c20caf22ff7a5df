// Command-line options of `infra-codegen provider`: typed bindings for any provider from its
// `terraform providers schema -json` output, written into the user's own package.

import Foundation
import InfraAWSBindings

/// Parsed options of the `provider` subcommand.
struct ProviderOptions {
    var help = false
    /// The schema to read (`--schema`), or the trimmed schema to write with `--trim-from`.
    var schema: String?
    /// Raw `terraform providers schema -json` output to trim into `schema`.
    var trimFrom: String?
    /// The Swift type prefix (`CF`).
    var prefix: String?
    /// The folder the Swift files go to.
    var output: String?
    /// The provider source (`cloudflare/cloudflare`); without it, the schema's only provider.
    var source: String?
    /// The provider version the schema is from (recorded by `--trim-from`, else required here).
    var providerVersion: String?
    /// The `required_providers` constraint; default `~> MAJOR.MINOR` of the version.
    var versionConstraint: String?
    /// Only these types (`cloudflare_dns_record`, `data.cloudflare_zone`); default every type.
    var types: [String]?
    /// One file with everything instead of one file per type.
    var fileName: String?

    static let usage = """
        usage: infra-codegen provider --schema SCHEMA.json[.gz] --prefix CF --output DIR
                   [--source cloudflare/cloudflare] [--provider-version 5.14.0] [--version-constraint "~> 5.14"]
                   [--types cloudflare_dns_record,data.cloudflare_zone] [--file-name Cloudflare.swift]
               infra-codegen provider --trim-from RAW.json --schema OUT.json[.gz] --provider-version 5.14.0
                   [--source cloudflare/cloudflare] [--types cloudflare_dns_record,data.cloudflare_zone]

        Typed bindings for any Terraform provider, from `terraform providers schema -json` (run in a folder
        whose configuration requires the provider, after `terraform init`). Writes into DIR one file per
        resource (<Prefix><Name>.swift) and data source (Data<Prefix><Name>.swift), and <Prefix>Provider.swift
        with the provider configuration and its required_providers entry; --file-name writes one file instead.
        Files in DIR that an earlier run generated and this one does not are removed; other files are left alone.
        The target needs InfraCore and InfraTerraform. Nested attribute types (nested_type: single, list, set,
        map) become nested structs; see Documentation/Generators.md.

        --trim-from keeps the provider configuration, the resources and data sources (only --types, when
        given) and their descriptions, drops description_kind, records the provider version and writes
        sorted, indented JSON (gzip-compressed when OUT ends in .gz): the input to commit.
        """

    init(_ arguments: [String]) throws {
        try OptionScanner.scan(arguments, usage: Self.usage) { flag, next in
            switch flag {
            case "-h", "--help": help = true
            case "--schema": schema = try next.value()
            case "--trim-from": trimFrom = try next.value()
            case "--prefix": prefix = try next.value()
            case "--output": output = try next.value()
            case "--source": source = try next.value()
            case "--provider-version": providerVersion = try next.value()
            case "--version-constraint": versionConstraint = try next.value()
            case "--types": types = try next.list()
            case "--file-name": fileName = try next.value()
            default: return false
            }
            return true
        }
    }
}
