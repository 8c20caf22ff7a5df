// The OVES reference's Cloudflare bindings (Sources/OVESInfrastructure/Terraform/Cloudflare/
// Generated/) are what `infra-codegen provider` generates now from the committed real schema
// (codegen/cloudflare/, cloudflare/cloudflare 5.14.0), and that input is in the trimmer's
// normal form, so re-trimming a fresh `terraform providers schema -json` gives a clean diff.

import Foundation
import InfraAWSBindings
import Testing

@testable import infra_codegen

@Suite("Cloudflare bindings of the OVES reference")
struct CloudflareGenerationTests {
    /// The committed command, as the generated headers name it.
    static let arguments = [
        "--schema", "codegen/cloudflare/cloudflare-provider-schema.json", "--prefix", "CF", "--output",
        "Sources/OVESInfrastructure/Terraform/Cloudflare/Generated",
    ]

    @Test("the Cloudflare bindings are up to date (regenerate with the command in their header if this fails)")
    func upToDate() throws {
        #expect(try ProviderGeneratorTests.staleFiles(Self.arguments) == [])
    }

    @Test("the committed input is the real schema of the two types the dns root uses, in the trimmer's normal form")
    func input() throws {
        let raw = try Data(
            contentsOf: URL(
                fileURLWithPath: ProviderGeneratorTests.root + "/codegen/cloudflare/cloudflare-provider-schema.json"))
        let provider = try SchemaParser.parse(data: raw, source: "cloudflare/cloudflare")
        #expect(provider.version == "5.14.0")
        #expect(provider.resources.map(\.type) == ["cloudflare_dns_record"])
        #expect(provider.dataSources.map(\.type) == ["cloudflare_zone"])
        #expect(provider.configuration?.attributes.map(\.name).contains("api_token") == true)
        let again = try SchemaTrimmer.trimProvider(raw: raw, providerVersion: "5.14.0", source: nil, keep: nil)
        #expect(again == raw)
    }
}
