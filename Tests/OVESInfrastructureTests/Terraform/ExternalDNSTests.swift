// external-dns keeps cn.omnivoltaic.com in step with the production cluster: the EKS add-on runs in
// prod only (dev serves no China name), pinned, owner-marked per cluster, limited to the zone's
// names by its IRSA policy; the NGINX load balancer carries the names it should alias, and the shared
// root no longer takes a load balancer name at apply time.

import InfraAWS
import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES reference: external-dns writes the Route53 zone")
struct ExternalDNSTests {
    static func addons(_ root: String) -> ValueObject {
        OVESSynthesis.document("terraform/environments/\(root)/main.tf.json")?["module"]?["eks"]?["addons"]?
            .objectValue ?? ValueObject()
    }

    @Test("the prod cluster runs the pinned external-dns add-on for the China zone, owned by the cluster; dev none")
    func addOn() throws {
        let addon = try #require(Self.addons("prod")["external-dns"])
        #expect(addon["addon_version"]?.stringValue == EKSAddon.pinned("external-dns"))
        #expect(addon["namespace"]?.stringValue == "external-dns")
        #expect(addon["service_account"]?.stringValue == "external-dns")
        let configuration = addon["configuration_values"]?.stringValue ?? ""
        for fragment in [
            OVESSettings.chinaZone, "txtOwnerId", OVESSettings.prodClusterName, "\"sync\"", "ingress", "service",
        ] {
            #expect(configuration.contains(fragment), "configuration lacks \(fragment): \(configuration)")
        }
        let policy = addon["policy"]?.stringValue ?? ""
        #expect(policy.contains("route53:ChangeResourceRecordSetsNormalizedRecordNames"))
        #expect(policy.contains("*.\(OVESSettings.chinaZone)"))
        #expect(!policy.contains("route53:*"))
        #expect(Self.addons("dev")["external-dns"] == nil)
    }

    @Test("the add-on's role may change records only under its domains and only list otherwise")
    func leastPrivilege() throws {
        let addon = EKSAddon.externalDNS(domains: ["cn.example.com"], ownerID: "c1")
        let policy = try #require(addon.serviceAccountRole?.policy)
        let change = try #require(policy.statements.first { $0.sid == "ChangeOwnRecords" })
        #expect(change.conditions.map(\.test) == ["ForAllValues:StringLike"])
        #expect(change.conditions.first?.values == ["cn.example.com", "*.cn.example.com"])
        let list = try #require(policy.statements.first { $0.sid == "ListZonesAndRecords" })
        #expect(list.actions.allSatisfy { "\($0.expression.hcl)".contains("route53:List") })
        #expect(policy.diagnostics(at: "iam").isEmpty)
        #expect(addon.configuration?["txtOwnerId"]?.stringValue == "c1")
        #expect(addon.configuration?["policy"]?.stringValue == "sync")
        #expect(
            EKSAddon.externalDNS(domains: ["a"], ownerID: "b", policy: .upsertOnly).configuration?["policy"]
                == "upsert-only")
    }

    @Test("the prod NGINX load balancer names the China hosts for external-dns; dev's names no China host")
    func hostnames() throws {
        let documents = try #require(PlatformModel.clusters["prod"])
        let service = try #require(
            PlatformModel.all("Service", in: documents).first {
                PlatformModel.name($0) == "nginx-ingress" && $0["spec"]?["type"]?.stringValue == "LoadBalancer"
            })
        let names =
            (service["metadata"]?["annotations"]?["external-dns.alpha.kubernetes.io/hostname"]?.stringValue ?? "")
            .split(separator: ",").map(String.init)
        let china = names.filter { $0.hasSuffix(".\(OVESSettings.chinaZone)") }
        #expect(china == ["api.\(OVESSettings.chinaZone)", "www.\(OVESSettings.chinaZone)"])
        let dev = try #require(PlatformModel.clusters["dev"])
        #expect(
            !PlatformModel.all("Service", in: dev).contains {
                ($0["metadata"]?["annotations"]?["external-dns.alpha.kubernetes.io/hostname"]?.stringValue ?? "")
                    .contains(OVESSettings.chinaZone)
            })
    }

    @Test("the shared root writes no host record of the China zone and takes no load balancer name")
    func sharedRootLeavesHostsToExternalDNS() throws {
        let route53 = try #require(OVESSynthesis.document("terraform/shared/route53.tf.json"))
        let records = route53["resource"]?["aws_route53_record"]?.objectValue ?? ValueObject()
        #expect(!records.members.contains { $0.value["type"]?.stringValue == "CNAME" })
        let variables = OVESSynthesis.document("terraform/shared/variables.tf.json")?["variable"]?.objectValue
        #expect(variables?["china_ingress_hostname"] == nil)
    }
}
