// Sample objects the tests render and validate: a small but realistic application
// (namespace, config, account, deployment, service, HPA, PDB, ingress, storage) plus the
// CRD kinds, written the way a user would write them.

import InfraCore
import InfraKubernetes

/// Sample definitions used across the suites.
enum Samples {
    static let labels = ["app": "account"]

    static var namespace: Namespace {
        Namespace(
            metadata: .init(
                name: "prod", labels: ["pod-security.kubernetes.io/enforce": "restricted"]))
    }

    static var configMap: ConfigMap {
        ConfigMap(metadata: .init(name: "account-config", namespace: "prod"), data: ["LOG_LEVEL": "info"])
    }

    static var serviceAccount: ServiceAccount {
        ServiceAccount(metadata: .init(name: "account", namespace: "prod"))
    }

    static func deployment(name: String = "account", labels: [String: String] = labels) -> Deployment {
        Deployment(
            metadata: .init(name: name, namespace: "prod", labels: labels),
            spec: .init(
                replicas: 2, selector: .matching(labels),
                template: .init(
                    metadata: .init(labels: labels),
                    spec: .init(
                        containers: [
                            Container(
                                name: "app", envFrom: [EnvFromSource(configMapRef: .init(name: "account-config"))],
                                image: "ghcr.io/oves/account:1.4.2",
                                ports: [ContainerPort(name: "http", containerPort: 8080)],
                                resources: .init(
                                    limits: ["cpu": "500m", "memory": "512Mi"],
                                    requests: ["cpu": .millicores(250), "memory": .mebibytes(256)]),
                                securityContext: .init(
                                    allowPrivilegeEscalation: false, capabilities: .init(drop: ["ALL"]),
                                    readOnlyRootFilesystem: true, runAsNonRoot: true,
                                    seccompProfile: .init(type: "RuntimeDefault")))
                        ],
                        serviceAccountName: "account"))))
    }

    static var service: Service {
        Service(
            metadata: .init(name: "account", namespace: "prod"),
            spec: .init(ports: [ServicePort(name: "http", port: 80, targetPort: "http")], selector: labels))
    }

    static var autoscaler: HorizontalPodAutoscaler {
        HorizontalPodAutoscaler(
            metadata: .init(name: "account-microservice-hpa", namespace: "prod"),
            spec: .init(
                maxReplicas: 10,
                metrics: [
                    MetricSpec(
                        resource: .init(name: "cpu", target: .init(averageUtilization: 70, type: "Utilization")),
                        type: "Resource")
                ],
                minReplicas: 2,
                scaleTargetRef: .init(apiVersion: "apps/v1", kind: "Deployment", name: "account")))
    }

    static var disruptionBudget: PodDisruptionBudget {
        PodDisruptionBudget(
            metadata: .init(name: "account", namespace: "prod"),
            spec: .init(minAvailable: 1, selector: .matching(labels)))
    }

    static var ingress: Ingress {
        Ingress(
            metadata: .init(
                name: "account", namespace: "prod",
                annotations: ["cert-manager.io/cluster-issuer": "letsencrypt-prod"]),
            spec: .init(
                ingressClassName: "nginx",
                rules: [
                    IngressRule(
                        host: "account.example.com",
                        http: .init(paths: [
                            HTTPIngressPath(
                                backend: .init(service: .init(name: "account", port: .init(number: 80))), path: "/",
                                pathType: "Prefix")
                        ]))
                ],
                tls: [IngressTLS(hosts: ["account.example.com"], secretName: "account-tls")]))
    }

    static var storageClass: StorageClass {
        StorageClass(
            metadata: .init(name: "ebs-sc"), parameters: ["type": "gp3", "encrypted": "true"],
            provisioner: "ebs.csi.aws.com", volumeBindingMode: "WaitForFirstConsumer")
    }

    static var claim: PersistentVolumeClaim {
        PersistentVolumeClaim(
            metadata: .init(name: "mongodb-data", namespace: "prod"),
            spec: .init(
                accessModes: ["ReadWriteOnce"], resources: .init(requests: ["storage": "100Gi"]),
                storageClassName: "ebs-sc"))
    }

    static var clusterIssuer: ClusterIssuer {
        ClusterIssuer(
            metadata: .init(name: "letsencrypt-prod"),
            spec: .init(
                acme: .init(
                    email: "ops@example.com", privateKeySecretRef: .init(name: "letsencrypt-prod"),
                    server: "https://acme-v02.api.letsencrypt.org/directory",
                    solvers: [IssuerSolver(http01: .init(ingress: .init(ingressClassName: "nginx")))])))
    }

    static var certificate: Certificate {
        Certificate(
            metadata: .init(name: "account", namespace: "prod"),
            spec: .init(
                dnsNames: ["account.example.com"],
                issuerRef: .init(kind: "ClusterIssuer", name: "letsencrypt-prod"), secretName: "account-tls"))
    }

    static var verticalAutoscaler: VerticalPodAutoscaler {
        VerticalPodAutoscaler(
            metadata: .init(name: "account", namespace: "prod"),
            spec: .init(
                targetRef: .init(apiVersion: "apps/v1", kind: "Deployment", name: "account"),
                updatePolicy: .init(updateMode: "Off")))
    }

    /// Everything above in one manifest.
    static var manifest: Manifest {
        Manifest("prod", directory: "kubernetes/prod") {
            namespace
            configMap
            serviceAccount
            deployment()
            service
            autoscaler
            disruptionBudget
            ingress
            storageClass
            claim
            clusterIssuer
            certificate
            verticalAutoscaler
        }
    }
}
