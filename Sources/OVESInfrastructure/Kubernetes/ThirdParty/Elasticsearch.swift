// Elasticsearch in dev: a single-node cluster with security on (the `elastic` password from a
// Secret), mmap off so no privileged sysctl init container is needed, data on an EBS volume.

import InfraKubernetes

/// Elasticsearch: StatefulSet and headless Service.
struct Elasticsearch {
    /// The namespace.
    var namespace: String

    /// The single-node Elasticsearch.
    var content: StatefulWorkload {
        StatefulWorkload(
            name: "elasticsearch", namespace: namespace, image: "docker.elastic.co/elasticsearch/elasticsearch:8.14.3",
            ports: [.init(name: "http", port: 9200), .init(name: "transport", port: 9300)], storage: "100Gi",
            mountPath: "/usr/share/elasticsearch/data",
            resources: ComputeResources(cpu: "500m", memory: "4Gi", cpuLimit: "2", memoryLimit: "4Gi"),
            // Elasticsearch writes its keystore and logs below its home folder at start-up.
            security: WorkloadSecurity(user: 1000, group: 1000, fsGroup: 1000, readOnlyRootFilesystem: false),
            health: .tcp(port: "http"),
            env: [
                .plain("discovery.type", "single-node"),
                .plain("node.store.allow_mmap", "false"),
                .plain("xpack.security.enabled", "true"),
                .plain("xpack.security.http.ssl.enabled", "false"),
                .plain("ES_JAVA_OPTS", "-Xms2g -Xmx2g"),
                .plain("ELASTIC_PASSWORD_FILE", "/run/secrets/elasticsearch/password"),
            ],
            volumes: [
                Volume(
                    name: "credentials",
                    secret: SecretVolumeSource(defaultMode: 0o440, secretName: "elasticsearch-credentials"))
            ],
            volumeMounts: [VolumeMount(name: "credentials", mountPath: "/run/secrets/elasticsearch", readOnly: true)])
    }
}
