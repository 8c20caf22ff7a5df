// ExternalDNS renders external-dns for Cloudflare (token from a Secret, zone id filter, proxy default)
// and Route53 (IRSA): the command line, the read-only RBAC of the upstream chart, a restricted
// single-replica Deployment, the egress-only NetworkPolicy, and diagnostics for unsafe settings.

import InfraCore
import InfraKubernetes
import Testing

@Suite("ExternalDNS")
struct ExternalDNSTests {
    static let cloudflare = ExternalDNS(
        name: "external-dns-cloudflare", namespace: "apps",
        provider: .cloudflare(
            tokenSecret: "cloudflare-api-token", zoneIDs: ["023e105f4ecef8ad9ca31a8372d0c353"], proxiedByDefault: true),
        domainFilter: ExternalDNS.DomainFilter(include: ["example.com"], exclude: ["dev.example.com"]),
        ownerID: "prod-cloudflare")
    static let route53 = ExternalDNS(
        name: "external-dns-route53", namespace: "apps",
        provider: .aws(region: "us-east-1", roleARN: "arn:aws:iam::111122223333:role/external-dns"),
        domainFilter: ExternalDNS.DomainFilter(include: ["cn.example.com"]), ownerID: "prod-route53",
        policy: .upsertOnly, sources: [.service])

    @Test("the Cloudflare command line names sources, provider, filters, zone, proxy default, policy and TXT registry")
    func cloudflareArguments() {
        #expect(
            Self.cloudflare.arguments == [
                "--source=ingress", "--source=service", "--provider=cloudflare", "--domain-filter=example.com",
                "--exclude-domains=dev.example.com", "--zone-id-filter=023e105f4ecef8ad9ca31a8372d0c353",
                "--cloudflare-proxied", "--policy=sync", "--registry=txt", "--txt-owner-id=prod-cloudflare",
                "--txt-prefix=extdns-%{record_type}.", "--txt-wildcard-replacement=wildcard", "--interval=60s",
                "--metrics-address=:7979", "--log-format=json",
            ])
        let container = Self.cloudflare.deployment.spec?.template.spec?.containers.first
        #expect(container?.args == Self.cloudflare.arguments)
        #expect(container?.image == "registry.k8s.io/external-dns/external-dns:v0.20.0")
    }

    @Test("the Cloudflare token comes from the Secret's key, never a literal value")
    func cloudflareToken() throws {
        let env = try #require(Self.cloudflare.deployment.spec?.template.spec?.containers.first?.env)
        #expect(env.map(\.name) == ["CF_API_TOKEN"])
        #expect(env[0].value == nil)
        #expect(env[0].valueFrom?.secretKeyRef?.name == "cloudflare-api-token")
        #expect(env[0].valueFrom?.secretKeyRef?.key == "api-token")
    }

    @Test("Route53 takes its role by IRSA annotation and its region from the environment; the Secret is not read")
    func route53Identity() {
        #expect(
            Self.route53.serviceAccount.metadata.annotations?["eks.amazonaws.com/role-arn"]
                == "arn:aws:iam::111122223333:role/external-dns")
        #expect(Self.cloudflare.serviceAccount.metadata.annotations == nil)
        let env = Self.route53.deployment.spec?.template.spec?.containers.first?.env ?? []
        #expect(env.map(\.name) == ["AWS_REGION", "AWS_DEFAULT_REGION"])
        #expect(env.allSatisfy { $0.valueFrom == nil && $0.value == "us-east-1" })
        #expect(Self.route53.arguments.contains("--policy=upsert-only"))
        #expect(!Self.route53.arguments.contains { $0.hasPrefix("--zone-id-filter") || $0 == "--cloudflare-proxied" })
    }

    @Test("the ClusterRole only reads, covers each source, and is bound to the instance's ServiceAccount")
    func rbac() {
        let rules = Self.cloudflare.clusterRole.rules ?? []
        #expect(rules.allSatisfy { Set($0.verbs).isSubset(of: ["get", "list", "watch"]) })
        let resources = Set(rules.flatMap { $0.resources ?? [] })
        #expect(resources == ["nodes", "pods", "services", "endpoints", "endpointslices", "ingresses"])
        #expect(
            rules.contains { $0.apiGroups == ["extensions", "networking.k8s.io"] && $0.resources == ["ingresses"] })
        // a service-only instance reads no Ingresses
        #expect(!(Self.route53.clusterRole.rules ?? []).contains { $0.resources?.contains("ingresses") == true })
        let binding = Self.cloudflare.clusterRoleBinding
        #expect(binding.roleRef.name == "external-dns-cloudflare")
        #expect(binding.subjects?.map(\.name) == ["external-dns-cloudflare"])
        #expect(binding.subjects?.map(\.namespace) == ["apps"])
        #expect(Self.cloudflare.deployment.spec?.template.spec?.serviceAccountName == "external-dns-cloudflare")
    }

    @Test("one replica, recreated on rollout, restricted security, probed, with requests and limits")
    func deployment() throws {
        let spec = try #require(Self.cloudflare.deployment.spec)
        #expect(spec.replicas == 1)
        #expect(spec.strategy?.type == "Recreate")
        let pod = try #require(spec.template.spec)
        #expect(pod.securityContext?.runAsNonRoot == true)
        let container = try #require(pod.containers.first)
        #expect(container.securityContext?.readOnlyRootFilesystem == true)
        #expect(container.securityContext?.allowPrivilegeEscalation == false)
        #expect(container.securityContext?.capabilities?.drop == ["ALL"])
        #expect(container.livenessProbe?.httpGet?.path == "/healthz")
        #expect(container.resources?.limits?["memory"] != nil)
        #expect(container.resources?.requests?["cpu"] != nil)
    }

    @Test("the NetworkPolicy admits nothing in and lets out only TCP 443 and DNS")
    func networkPolicy() throws {
        let spec = try #require(Self.cloudflare.networkPolicy.spec)
        #expect(spec.policyTypes == ["Ingress", "Egress"])
        #expect(spec.ingress?.isEmpty == true)
        #expect(spec.podSelector.matchLabels?["app.kubernetes.io/instance"] == "external-dns-cloudflare")
        let ports = (spec.egress ?? []).flatMap { $0.ports ?? [] }.map {
            "\($0.protocol ?? "")/\($0.port.map { "\($0)" } ?? "")"
        }
        #expect(ports.count == 3)
        #expect((spec.egress ?? []).allSatisfy { $0.ports?.isEmpty == false })
    }

    @Test("domain filters match like external-dns: a domain, names below it, not its excluded subdomains")
    func domainFilter() {
        let filter = Self.cloudflare.domainFilter
        #expect(filter.matches("example.com"))
        #expect(filter.matches("api.example.com"))
        #expect(filter.matches("*.example.com"))
        #expect(filter.matches("API.Example.com."))
        #expect(!filter.matches("dev.example.com"))
        #expect(!filter.matches("*.dev.example.com"))
        #expect(!filter.matches("notexample.com"))
        #expect(!filter.matches("example.org"))
        #expect(ExternalDNS.DomainFilter(arguments: Self.cloudflare.arguments) == filter)
    }

    @Test("unsafe settings are errors at the Deployment's path: no filter, bad owner, prefix, zone id, secret, role")
    func diagnostics() {
        #expect(Self.cloudflare.manifestDiagnostics(at: "prod").isEmpty)
        #expect(Self.route53.manifestDiagnostics(at: "prod").isEmpty)
        var bad = Self.cloudflare
        bad.domainFilter = ExternalDNS.DomainFilter(include: [])
        bad.ownerID = "a b"
        bad.txtPrefix = "extdns-"
        bad.provider = .cloudflare(tokenSecret: "Bad_Secret", zoneIDs: ["zone"])
        let errors = bad.manifestDiagnostics(at: "prod").filter { $0.severity == .error }
        #expect(
            errors.map(\.path.description) == [
                "prod/Deployment/external-dns-cloudflare/domainFilter",
                "prod/Deployment/external-dns-cloudflare/ownerID",
                "prod/Deployment/external-dns-cloudflare/txtPrefix",
                "prod/Deployment/external-dns-cloudflare/tokenSecret",
                "prod/Deployment/external-dns-cloudflare/zoneIDs[0]",
            ])
        var badRole = Self.route53
        badRole.provider = .aws(region: "us-east-1", roleARN: "external-dns")
        #expect(
            badRole.manifestDiagnostics(at: "prod").map(\.path.description) == [
                "prod/ServiceAccount/external-dns-route53/annotations"
            ])
        var stray = Self.cloudflare
        stray.domainFilter.exclude = ["other.org"]
        #expect(stray.manifestDiagnostics(at: "prod").map(\.severity) == [.warning])
    }
}
