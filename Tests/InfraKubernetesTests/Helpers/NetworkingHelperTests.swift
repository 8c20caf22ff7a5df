// IngressRoute, TCPLoadBalancer and TCPRouter render the objects the NGINX ingress
// controller, the AWS NLB integration and HAProxy expect, and reject impossible settings.

import InfraCore
import InfraKubernetes
import Testing

@Suite("Networking helpers")
struct NetworkingHelperTests {
    @Test("IngressRoute renders class nginx, the issuer and rate-limit annotations and TLS for the host")
    func ingressRoute() throws {
        let route = IngressRoute(
            name: "web", host: "www.example.com", tlsSecretName: "www-tls", clusterIssuer: "letsencrypt-staging",
            paths: [.init("/", service: "web", port: 80)], rateLimit: 20)
        let ingress = route.ingress
        #expect(ingress.spec?.ingressClassName == "nginx")
        #expect(
            ingress.metadata.annotations == [
                "cert-manager.io/cluster-issuer": "letsencrypt-staging", "nginx.ingress.kubernetes.io/rate-limit": "20",
            ])
        #expect(ingress.spec?.tls == [IngressTLS(hosts: ["www.example.com"], secretName: "www-tls")])
        let path = try #require(ingress.spec?.rules?.first?.http?.paths.first)
        #expect(path.pathType == "Prefix")
        #expect(path.backend.service?.port?.number == 80)
    }

    @Test("IngressRoute without an issuer or rate limit has no annotations")
    func ingressRouteWithoutAnnotations() {
        let route = IngressRoute(
            name: "web", host: "www.example.com", tlsSecretName: "www-tls", clusterIssuer: nil,
            paths: [.init("/", service: "web", port: 80)])
        #expect(route.ingress.metadata.annotations == nil)
    }

    @Test("IngressRoute reports a bad host, a relative path and a non-positive rate limit")
    func ingressRouteDiagnostics() {
        let route = IngressRoute(
            name: "web", host: "Bad_Host", tlsSecretName: "tls", paths: [.init("api", service: "web", port: 80)],
            rateLimit: 0)
        let paths = route.manifestDiagnostics(at: "prod").map(\.path.description)
        #expect(paths == ["prod/Ingress/web/host", "prod/Ingress/web/paths[0]", "prod/Ingress/web/rateLimit"])
    }

    @Test("TCPLoadBalancer is a LoadBalancer Service with the NLB annotation")
    func loadBalancer() {
        let service = TCPLoadBalancer(
            name: "broker", ports: [.init(name: "mqtt", port: 1883)], selector: ["app": "broker"]
        ).service
        #expect(service.spec?.type == "LoadBalancer")
        #expect(service.metadata.annotations == ["service.beta.kubernetes.io/aws-load-balancer-type": "nlb"])
        #expect(service.spec?.ports == [ServicePort(name: "mqtt", port: 1883, protocol: "TCP", targetPort: 1883)])
    }

    @Test("an internal TCPLoadBalancer also sets the internal scheme")
    func internalLoadBalancer() {
        let service = TCPLoadBalancer(
            name: "db", ports: [.init(name: "pg", port: 5432)], selector: ["app": "db"], isInternal: true
        ).service
        #expect(service.metadata.annotations?["service.beta.kubernetes.io/aws-load-balancer-scheme"] == "internal")
    }

    static let router = TCPRouter(
        name: "tcp-router", namespace: "edge",
        routes: [
            .init(name: "postgresql", port: 5432, listenPort: 15432, backends: ["db-0.db.data.svc.cluster.local:5432"]),
            .init(name: "redis", port: 6379, backends: ["redis-0.redis.data.svc.cluster.local:6379", "10.0.3.4:6379"]),
        ])

    @Test("TCPRouter renders one frontend and backend per route into haproxy.cfg")
    func routerConfiguration() throws {
        let config = Self.router.configuration
        #expect(config.contains("mode tcp"))
        #expect(config.contains("frontend postgresql\n    bind :15432\n    default_backend postgresql"))
        #expect(
            config.contains(
                "backend redis\n    balance roundrobin\n    server redis-0 redis-0.redis.data.svc.cluster.local:6379 check\n    server redis-1 10.0.3.4:6379 check"
            ))
        #expect(config.contains("monitor-uri /healthz"))
        #expect(config.contains("default-server init-addr last,libc,none resolvers kubernetes"))
        #expect(Self.router.configMap.data?["haproxy.cfg"] == config)
    }

    @Test("TCPRouter's Service maps client ports to the named listen ports")
    func routerService() {
        let service = Self.router.service
        #expect(service.spec?.ports?.map(\.port) == [5432, 6379])
        #expect(service.spec?.ports?.map(\.targetPort) == ["postgresql", "redis"])
        #expect(service.metadata.annotations?["service.beta.kubernetes.io/aws-load-balancer-type"] == "nlb")
        let ports = Self.router.deployment.spec?.template.spec?.containers.first?.ports?.map(\.containerPort)
        #expect(ports == [8404, 15432, 6379])
    }

    @Test("changing a route changes the pod template's config checksum (pods roll)")
    func routerChecksumFollowsConfig() {
        var changed = Self.router
        changed.routes[1].backends = ["10.0.9.9:6379"]
        let annotation = ConfigFiles.checksumAnnotation
        let before = Self.router.deployment.spec?.template.metadata?.annotations?[annotation]
        let after = changed.deployment.spec?.template.metadata?.annotations?[annotation]
        #expect(before != nil)
        #expect(before != after)
    }

    @Test("TCPRouter reports privileged listen ports, duplicate names and malformed backends")
    func routerDiagnostics() {
        let router = TCPRouter(
            name: "r",
            routes: [
                .init(name: "mqtt", port: 1883, listenPort: 883, backends: ["broker:1883"]),
                .init(name: "mqtt", port: 1884, backends: ["broker"]),
                .init(name: "empty", port: 1885, backends: []),
            ])
        let found = router.manifestDiagnostics(at: "prod").map { "\($0.path) \($0.message)" }
        #expect(found.contains { $0.hasPrefix("prod/Deployment/r/routes[0] listen port 883") })
        #expect(found.contains { $0.hasPrefix("prod/Deployment/r/routes[1] route name 'mqtt' is used twice") })
        #expect(found.contains { $0.hasPrefix("prod/Deployment/r/routes[1]/backends[0] backend 'broker'") })
        #expect(found.contains { $0.hasPrefix("prod/Deployment/r/routes[2] route 'empty' has no backends") })
    }
}
