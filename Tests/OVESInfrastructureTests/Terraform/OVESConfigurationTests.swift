// The operator configuration of OVES: the example used without OVES_CONFIG (valid, with a
// warning), a configuration file read and validated, OVES_ACCOUNT_ID, and what the roots take from
// it (access entries for the operator roles, authentication mode API, a private API endpoint).

import Foundation
import InfraAWS
import InfraCore
import OVESInfrastructure
import Testing

@Suite("OVES configuration")
struct OVESConfigurationTests {
    func module(_ root: String) -> Value? {
        OVESSynthesis.document("terraform/environments/\(root)/main.tf.json")?["module"]?["eks"]
    }

    @Test("without OVES_CONFIG the example account is used: valid, with one warning naming it")
    func example() {
        let (configuration, diagnostics) = OVESConfiguration.fromEnvironment([:])
        #expect(configuration == .example && configuration.isExample)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(
            diagnostics.map(\.message) == [
                "the example configuration (AWS documentation account 111122223333) is in use"
            ])
        #expect(OVESNames.accountID == OVESConfiguration.current.accountID)
    }

    @Test("a configuration file is read and validated; OVES_ACCOUNT_ID rebases the example roles")
    func file() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("oves-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(
            """
            {"accountId": "123456789012", "platformAdminRoleArns": ["arn:aws:iam::123456789012:role/admin"],
             "developerRoleArns": [], "endpointPublicAccessCidrs": ["203.0.113.0/24"],
             "cloudflareZoneId": "0123456789abcdef0123456789abcdef"}
            """.utf8
        ).write(to: url)
        let (configuration, diagnostics) = OVESConfiguration.fromEnvironment(["OVES_CONFIG": url.path])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(configuration.accountID == "123456789012" && !configuration.isExample)
        #expect(configuration.endpointPublicAccessCIDRs == ["203.0.113.0/24"])
        #expect(configuration.apexDomain == "omnivoltaic.com")
        #expect(configuration.cloudflareZoneID == "0123456789abcdef0123456789abcdef")

        let (rebased, problems) = OVESConfiguration.fromEnvironment(["OVES_ACCOUNT_ID": "210987654321"])
        // a real account with the example's Cloudflare zone id: external-dns would find no zone
        #expect(problems.map { "\($0.path)" } == ["oves-configuration/cloudflareZoneId"], "\(problems)")
        #expect(problems.allSatisfy { $0.severity == .warning })
        #expect(rebased.platformAdminRoleARNs == ["arn:aws:iam::210987654321:role/oves-platform-admin"])
    }

    @Test("bad configurations are errors with the key in the path")
    func invalid() throws {
        let (none, typeErrors) = OVESConfiguration.decode(
            ["accountId": "123456789012", "developerRoleArns": "x", "region": "us-east-1"], at: "c")
        #expect(none == nil)
        #expect(Set(typeErrors.map { "\($0.path)" }) == ["c/developerRoleArns", "c/region"])
        let (missing, missingErrors) = OVESConfiguration.decode(["platformAdminRoleArns": []], at: "c")
        #expect(missing == nil && missingErrors.map(\.message) == ["accountId is missing"])
        let bad = OVESConfiguration(
            accountID: "12345", platformAdminRoleARNs: ["arn:aws:iam::999999999999:role/admin"], developerRoleARNs: [],
            endpointPublicAccessCIDRs: ["0.0.0.0/0", "10.0.0.0/33"], apexDomain: "omnivoltaic.com",
            chinaZone: "cn.example.org", cloudflareZoneID: "Zone-1")
        let errors = bad.diagnostics(at: "c").filter { $0.severity == .error }.map { "\($0.path)" }
        #expect(
            errors.sorted() == [
                "c/accountId", "c/chinaZone", "c/cloudflareZoneId", "c/endpointPublicAccessCidrs",
                "c/endpointPublicAccessCidrs", "c/platformAdminRoleArns",
            ], "\(errors)")
        let (_, unreadable) = OVESConfiguration.fromEnvironment(["OVES_CONFIG": "/nonexistent/oves.json"])
        #expect(unreadable.map(\.message) == ["cannot read OVES_CONFIG file /nonexistent/oves.json"])
    }

    @Test("both clusters: authentication mode API, access entries for the operator roles, private endpoint")
    func access() throws {
        for root in ["prod", "dev"] {
            let eks = try #require(module(root))
            #expect(eks["authentication_mode"] == "API")
            #expect(eks["endpoint_public_access"] == .bool(false) && eks["public_access_cidrs"] == [])
            let entries = try #require(eks["access_entries"]?.objectValue)
            for arn in OVESConfiguration.current.platformAdminRoleARNs {
                #expect(entries[arn]?["kubernetes_groups"] == [.string(OVESNames.platformAdminsGroup)])
            }
            for arn in OVESConfiguration.current.developerRoleARNs {
                #expect(entries[arn]?["kubernetes_groups"] == [.string(OVESNames.developersGroup)])
            }
            let associations = try #require(eks["access_policy_associations"]?.objectValue)
            #expect(
                associations.map { $0.value["policy_arn"] }.allSatisfy {
                    $0 == "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
                })
            #expect(associations.count == OVESConfiguration.current.platformAdminRoleARNs.count)
        }
        let configured = OVESConfiguration(
            accountID: "123456789012", platformAdminRoleARNs: [], developerRoleARNs: [],
            endpointPublicAccessCIDRs: ["203.0.113.0/24"])
        #expect(OVESAccess.entries(configured).isEmpty)
    }
}
