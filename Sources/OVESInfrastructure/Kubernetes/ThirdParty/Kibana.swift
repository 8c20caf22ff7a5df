// Kibana in dev: the Elasticsearch UI, stateless (a Deployment), authenticating to
// Elasticsearch with a service account token from a Secret, at kibana.dev.omnivoltaic.com.

import InfraKubernetes

/// Kibana: Deployment, Service, Ingress.
struct Kibana {
    /// The namespace (Elasticsearch's).
    var namespace: String
    /// The environment (for the host name).
    var environment: OVESEnvironment

    /// Kibana as a single-replica stateless service.
    var content: Microservice {
        Microservice(
            name: "kibana", namespace: namespace, image: "docker.elastic.co/kibana/kibana:8.14.3", port: 5601,
            replicas: 1, autoscaling: nil, minAvailable: nil, resources: .medium,
            security: WorkloadSecurity(user: 1000, group: 1000, fsGroup: 1000),
            health: .http(path: "/api/status", port: "http"),
            env: [
                .plain("ELASTICSEARCH_HOSTS", "http://elasticsearch.\(namespace).svc.cluster.local:9200"),
                .plain("SERVER_PUBLICBASEURL", "https://\(environment.hostName("kibana"))"),
                .fromSecret(
                    "ELASTICSEARCH_SERVICEACCOUNTTOKEN", secret: "kibana-elasticsearch-token", key: "token"),
            ],
            writablePaths: ["/tmp", "/usr/share/kibana/data"],
            ingress: IngressRoute(
                name: "kibana", host: environment.hostName("kibana"), tlsSecretName: "kibana-tls",
                paths: [.init("/", service: "kibana", port: 5601)], rateLimit: 50))
    }
}
