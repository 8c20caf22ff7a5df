// Two clusters and two DNS providers write the platform's names: the Cloudflare external-dns
// Deployment in each cluster and prod's Route53 add-on. Read from the synthesized model, their
// domain filters must never admit the same name, their TXT owner ids must differ, and every host
// under the apex (Ingress hosts, the NGINX Services' annotated names) must be inside exactly one
// instance's filter — one running in the cluster that serves the host.

import Foundation
import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES reference: external-dns instances own disjoint names")
struct ExternalDNSOwnershipTests {
    /// One external-dns instance as the output configures it.
    struct Instance: CustomStringConvertible {
        var cluster: String
        var provider: String
        var ownerID: String
        var filter: ExternalDNS.DomainFilter
        var description: String { "\(cluster)/\(provider) (owner \(ownerID))" }
    }

    /// The Deployments running the external-dns image, per cluster, from the manifests.
    static func deployments() -> [(cluster: String, arguments: [String], container: Value)] {
        PlatformModel.clusters.sorted { $0.key < $1.key }.flatMap { cluster, documents in
            PlatformModel.all("Deployment", in: documents).flatMap { deployment in
                (deployment["spec"]?["template"]?["spec"]?["containers"]?.arrayValue ?? [])
                    .filter { $0["image"]?.stringValue?.contains("/external-dns/external-dns:") == true }
                    .map { (cluster, PlatformModel.strings($0["args"]), $0) }
            }
        }
    }

    /// The value of `--flag=` among `arguments`.
    static func flag(_ flag: String, in arguments: [String]) -> String? {
        arguments.first { $0.hasPrefix("--\(flag)=") }.map { String($0.dropFirst(flag.count + 3)) }
    }

    /// The quoted strings of the HCL list after `key` in an add-on's `configuration_values` (`jsonencode({…})`).
    static func list(_ key: String, in configuration: String) -> [String] {
        guard let start = configuration.range(of: key)?.upperBound,
            let open = configuration[start...].firstIndex(of: "["),
            let close = configuration[open...].firstIndex(of: "]")
        else { return [] }
        return configuration[open..<close].split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// Every instance: the Cloudflare Deployments and the EKS add-ons of both cluster roots.
    static let instances: [Instance] = {
        var result = deployments().map { deployment in
            Instance(
                cluster: deployment.cluster, provider: flag("provider", in: deployment.arguments) ?? "",
                ownerID: flag("txt-owner-id", in: deployment.arguments) ?? "",
                filter: ExternalDNS.DomainFilter(arguments: deployment.arguments))
        }
        for cluster in ["dev", "prod"] {
            let addons =
                OVESSynthesis.document("terraform/environments/\(cluster)/main.tf.json")?["module"]?["eks"]?["addons"]
            guard let configuration = addons?["external-dns"]?["configuration_values"]?.stringValue else { continue }
            let owner = configuration.range(of: "txtOwnerId").flatMap { range in
                configuration[range.upperBound...].split(separator: "\"").dropFirst().first.map(String.init)
            }
            result.append(
                Instance(
                    cluster: cluster, provider: "aws (EKS add-on)", ownerID: owner ?? "",
                    filter: ExternalDNS.DomainFilter(include: list("domainFilters", in: configuration))))
        }
        return result
    }()

    /// Every host the clusters publish: Ingress hosts and the names annotated on Services.
    static let hosts: [(cluster: String, host: String)] = PlatformModel.clusters.sorted { $0.key < $1.key }.flatMap {
        cluster, documents in
        let ingress = PlatformModel.all("Ingress", in: documents).flatMap { ingress in
            (ingress["spec"]?["rules"]?.arrayValue ?? []).compactMap { $0["host"]?.stringValue }
        }
        let annotated = PlatformModel.all("Service", in: documents).flatMap { service in
            (service["metadata"]?["annotations"]?[ExternalDNS.hostnameAnnotation]?.stringValue ?? "")
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return (ingress + annotated).map { (cluster, $0) }
    }

    @Test("three instances: Cloudflare in each cluster and Route53 in prod, each with its own TXT owner id")
    func instancesAndOwners() {
        let instances = Self.instances
        #expect(
            instances.map(\.description).sorted() == [
                "dev/cloudflare (owner oves-dev-cloudflare)",
                "prod/aws (EKS add-on) (owner \(OVESSettings.prodClusterName))",
                "prod/cloudflare (owner oves-prod-cloudflare)",
            ])
        #expect(Set(instances.map(\.ownerID)).count == instances.count)
        #expect(instances.allSatisfy { !$0.filter.include.isEmpty })
    }

    @Test("no name can be owned by two instances: probes at, below and beside every filter boundary")
    func filtersAreDisjoint() {
        let apex = OVESSettings.apexDomain
        let boundaries = Self.instances.flatMap { $0.filter.include + $0.filter.exclude } + [apex]
        let probes = Set(
            boundaries.flatMap { [$0, "x.\($0)", "*.\($0)", "a.b.\($0)"] } + Self.hosts.map(\.host)
                + ["devx.\(apex)", "cnx.\(apex)", "x-dev.\(apex)"])
        for probe in probes.sorted() {
            let owners = Self.instances.filter { $0.filter.matches(probe) }
            #expect(owners.count <= 1, "\(probe) is inside \(owners.map(\.description))")
        }
        // a control: the probes do reach every instance
        #expect(Self.instances.allSatisfy { instance in probes.contains { instance.filter.matches($0) } })
    }

    @Test("every published host under the apex is inside exactly one instance's filter, in its own cluster")
    func everyHostHasOneOwner() {
        let apex = OVESSettings.apexDomain
        let hosts = Self.hosts.filter { $0.host == apex || $0.host.hasSuffix(".\(apex)") }
        #expect(hosts.count >= 7, "\(hosts)")  // the seed's five names, the China names and the Ingress hosts
        for (cluster, host) in hosts {
            let owners = Self.instances.filter { $0.filter.matches(host) }
            #expect(owners.map(\.cluster) == [cluster], "\(cluster): \(host) is inside \(owners.map(\.description))")
        }
    }

    @Test("the seed's names are annotated on the NGINX load balancers, proxied by Cloudflare as before")
    func seedNames() throws {
        let apex = OVESSettings.apexDomain
        for (cluster, names) in [
            ("prod", [apex, "api.\(apex)", "*.\(apex)"]), ("dev", ["dev.\(apex)", "*.dev.\(apex)"]),
        ] {
            let documents = try #require(PlatformModel.clusters[cluster])
            let service = try #require(
                PlatformModel.all("Service", in: documents).first { PlatformModel.name($0) == "nginx-ingress" })
            let annotations = service["metadata"]?["annotations"]
            let published = (annotations?[ExternalDNS.hostnameAnnotation]?.stringValue ?? "").split(separator: ",")
                .map(String.init)
            #expect(Set(names).isSubset(of: Set(published)), "\(cluster): \(published)")
            #expect(annotations?[ExternalDNS.cloudflareProxiedAnnotation]?.stringValue == "true")
        }
    }

    @Test(
        "each Cloudflare instance reads its token from the Secret, restricted to the configured zone, in a locked-down pod"
    )
    func cloudflareDeployments() throws {
        let deployments = Self.deployments()
        #expect(deployments.map(\.cluster) == ["dev", "prod"])
        for deployment in deployments {
            let token = try #require(
                deployment.container["env"]?.arrayValue?.first { $0["name"]?.stringValue == "CF_API_TOKEN" })
            #expect(token["valueFrom"]?["secretKeyRef"]?["name"]?.stringValue == "cloudflare-api-token")
            #expect(token["valueFrom"]?["secretKeyRef"]?["key"]?.stringValue == "api-token")
            #expect(Self.flag("zone-id-filter", in: deployment.arguments) == OVESConfiguration.current.cloudflareZoneID)
            #expect(Self.flag("policy", in: deployment.arguments) == "sync")
            #expect(deployment.arguments.contains("--cloudflare-proxied"))
            #expect(deployment.container["image"]?.stringValue?.hasSuffix(":v0.20.0") == true)
            #expect(deployment.container["securityContext"]?["readOnlyRootFilesystem"] == .bool(true))
            let documents = PlatformModel.clusters[deployment.cluster] ?? []
            let policy = PlatformModel.all("NetworkPolicy", in: documents).first {
                PlatformModel.name($0) == "external-dns-cloudflare"
            }
            let ports = (policy?["spec"]?["egress"]?.arrayValue ?? []).flatMap { $0["ports"]?.arrayValue ?? [] }
                .compactMap { port -> Int? in
                    if case .int(let number) = port["port"] { return number }
                    return nil
                }
            #expect(Set(ports) == [443, 53])
        }
    }
}
