// IngressRoute, TCPLoadBalancer and TCPRouter render the objects the F5 NGINX Ingress
// Controller, the AWS Load Balancer Controller and HAProxy expect, and reject impossible settings.

import InfraCore
import InfraKubernetes
import Testing

@Suite("Networking helpers")
struct NetworkingHelperTests {
    @Test("IngressRoute renders class nginx, the issuer and the F5 controller's rate-limit annotations and TLS")
    func ingressRoute() throws {
        let route = IngressRoute(
            name: "web", host: "www.example.com", tlsSecretName: "www-tls", clusterIssuer: "letsencrypt-staging",
            paths: [.init("/", service: "web", port: 80)], rateLimit: 20)
        let ingress = route.ingress
        #expect(ingress.spec?.ingressClassName == "nginx")
        #expect(
            ingress.metadata.annotations == [
                "cert-manager.io/cluster-issuer": "letsencrypt-staging", "nginx.org/limit-req-rate": "20r/s",
                "nginx.org/limit-req-reject-code": "429",
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
        #expect(paths == ["prod/Ingress/web/host", "prod/Ingress/web/paths[0]", "prod/Ingress/web/nginx/rateLimit"])
    }

    @Test("NGINXIngressOptions render the annotations the F5 controller reads")
    func nginxOptions() {
        let options = NGINXIngressOptions(
            rateLimit: .init(rate: 600, unit: .perMinute, burst: 20, noDelay: true, scaleWithReplicas: true),
            sslRedirect: true, hsts: .init(maxAgeSeconds: 600, includeSubdomains: false),
            webSocketServices: ["live", "chat"],
            rewrites: [.init(service: "api", path: "/"), .init(service: "v2", path: "/v2/")],
            proxyReadTimeoutSeconds: 3600, clientMaxBodySize: "10m")
        #expect(
            options.annotations == [
                "nginx.org/limit-req-rate": "600r/m", "nginx.org/limit-req-burst": "20",
                "nginx.org/limit-req-no-delay": "true", "nginx.org/limit-req-reject-code": "429",
                "nginx.org/limit-req-scale": "true", "ingress.kubernetes.io/ssl-redirect": "true",
                "nginx.org/hsts": "true", "nginx.org/hsts-max-age": "600", "nginx.org/hsts-include-subdomains": "false",
                "nginx.org/websocket-services": "live,chat",
                "nginx.org/rewrites": "serviceName=api rewrite=/;serviceName=v2 rewrite=/v2/",
                "nginx.org/proxy-read-timeout": "3600s", "nginx.org/client-max-body-size": "10m",
            ])
        #expect(NGINXIngressOptions().annotations.isEmpty)
    }

    @Test("IngressRoute rejects retired ingress-nginx annotations, owned keys, bad values and unknown Services")
    func nginxOptionDiagnostics() {
        let route = IngressRoute(
            name: "web", host: "www.example.com", tlsSecretName: "tls", paths: [.init("/", service: "web", port: 80)],
            nginx: NGINXIngressOptions(
                rateLimit: .init(rate: 5, rejectCode: 200), webSocketServices: ["chat"], clientMaxBodySize: "ten"),
            annotations: [
                "nginx.ingress.kubernetes.io/rewrite-target": "/", "nginx.org/limit-req-rate": "1r/s",
                "nginx.org/server-tokens": "false",
            ])
        let paths = route.manifestDiagnostics(at: "prod").map(\.path.description)
        #expect(
            paths == [
                "prod/Ingress/web/nginx/rateLimit", "prod/Ingress/web/nginx/clientMaxBodySize",
                "prod/Ingress/web/nginx/webSocketServices",
                "prod/Ingress/web/annotations/nginx.ingress.kubernetes.io/rewrite-target",
                "prod/Ingress/web/annotations/nginx.org/limit-req-rate",
            ])
    }

    @Test("TCPLoadBalancer is a LoadBalancer Service of the AWS Load Balancer Controller's class, internal by default")
    func loadBalancer() {
        let service = TCPLoadBalancer(
            name: "broker", ports: [.init(name: "mqtt", port: 1883)], selector: ["app": "broker"]
        ).service
        #expect(service.spec?.type == "LoadBalancer")
        #expect(service.spec?.loadBalancerClass == "service.k8s.aws/nlb")
        #expect(
            service.metadata.annotations == [
                "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
                "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
                "service.beta.kubernetes.io/aws-load-balancer-attributes": "load_balancing.cross_zone.enabled=true",
            ])
        #expect(service.spec?.ports == [ServicePort(name: "mqtt", port: 1883, protocol: "TCP", targetPort: 1883)])
    }

    @Test("an internet-facing TCPLoadBalancer says so, with its proxy protocol and tags")
    func internetFacingLoadBalancer() {
        let balancer = TCPLoadBalancer(
            name: "db", ports: [.init(name: "pg", port: 5432)], selector: ["app": "db"],
            loadBalancer: AWSNetworkLoadBalancer(
                scheme: .internetFacing, targetType: .instance, crossZone: false, proxyProtocol: true,
                tags: ["team": "data", "env": "prod"]))
        let annotations = balancer.service.metadata.annotations
        #expect(!balancer.isInternal)
        #expect(annotations?["service.beta.kubernetes.io/aws-load-balancer-scheme"] == "internet-facing")
        #expect(annotations?["service.beta.kubernetes.io/aws-load-balancer-nlb-target-type"] == "instance")
        #expect(annotations?["service.beta.kubernetes.io/aws-load-balancer-proxy-protocol"] == "*")
        #expect(
            annotations?["service.beta.kubernetes.io/aws-load-balancer-additional-resource-tags"]
                == "env=prod,team=data")
        #expect(
            annotations?["service.beta.kubernetes.io/aws-load-balancer-attributes"]
                == "load_balancing.cross_zone.enabled=false")
    }

    @Test("an annotation the load balancer settings own, or the in-tree controller's, is a diagnostic")
    func controlledAnnotation() {
        let balancer = TCPLoadBalancer(
            name: "db", ports: [.init(name: "pg", port: 5432)], selector: ["app": "db"],
            annotations: [
                "service.beta.kubernetes.io/aws-load-balancer-internal": "true",
                "service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval": "10",
            ])
        let paths = balancer.manifestDiagnostics(at: "prod").map(\.path.description)
        #expect(paths == ["prod/Service/db/annotations/service.beta.kubernetes.io/aws-load-balancer-internal"])
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
        #expect(service.spec?.loadBalancerClass == "service.k8s.aws/nlb")
        #expect(service.metadata.annotations?["service.beta.kubernetes.io/aws-load-balancer-scheme"] == "internal")
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
