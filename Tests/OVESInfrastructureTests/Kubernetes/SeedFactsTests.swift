// The OVES reference reproduces the seed's Kubernetes examples (document for document, the
// namespace aside) and its numbers: the account Ingress, the MQTT NLB Service, the
// ClusterIssuer, the StorageClass, the PVC, the HPA and the Cluster Autoscaler settings.

import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES Kubernetes reference: the seed's examples")
struct SeedFactsTests {
    @Test("the account-microservice Ingress is the seed's example, with the F5 NGINX controller's annotations")
    func accountIngress() throws {
        let ingress = try #require(ReferenceLookup.find(Ingress.self, "account-microservice", in: ReferenceLookup.prod))
        let seed: Value = [
            "apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
            "metadata": [
                "name": "account-microservice",
                "annotations": [
                    "cert-manager.io/cluster-issuer": "letsencrypt-prod",
                    // The seed's `nginx.ingress.kubernetes.io/rate-limit: "100"` is read by no controller
                    // (ingress-nginx's key was limit-rps, and it is retired): the F5 controller's keys.
                    "nginx.org/limit-req-rate": "100r/s", "nginx.org/limit-req-scale": "true",
                    "nginx.org/limit-req-reject-code": "429", "ingress.kubernetes.io/ssl-redirect": "true",
                    "nginx.org/hsts": "true", "nginx.org/hsts-max-age": "31536000",
                    "nginx.org/hsts-include-subdomains": "false",
                ],
            ],
            "spec": [
                "ingressClassName": "nginx",
                "tls": [["hosts": ["api.omnivoltaic.com"], "secretName": "api-tls"]],
                "rules": [
                    [
                        "host": "api.omnivoltaic.com",
                        "http": [
                            "paths": [
                                [
                                    "path": "/account", "pathType": "Prefix",
                                    "backend": ["service": ["name": "account-microservice", "port": ["number": 3000]]],
                                ]
                            ]
                        ],
                    ]
                ],
            ],
        ]
        #expect(ReferenceLookup.canonical(ReferenceLookup.withoutNamespace(ingress)) == ReferenceLookup.canonical(seed))
        #expect(ingress.metadata.namespace == "prod")
    }

    @Test("the mqtt-broker Service is the seed's NLB example, handed to the AWS Load Balancer Controller")
    func mqttBrokerService() throws {
        var service = try #require(ReferenceLookup.find(Service.self, "mqtt-broker", in: ReferenceLookup.prod))
        // The seed's `aws-load-balancer-type: nlb` is read by the in-tree controller only; the
        // platform's NLBs belong to the LBC (class + scheme), checked in LoadBalancerControllerTests.
        #expect(service.spec?.loadBalancerClass == "service.k8s.aws/nlb")
        #expect(
            service.metadata.annotations?["service.beta.kubernetes.io/aws-load-balancer-scheme"] == "internet-facing")
        service.metadata.annotations = nil
        service.spec?.loadBalancerClass = nil
        let seed: Value = [
            "apiVersion": "v1", "kind": "Service",
            "metadata": ["name": "mqtt-broker"],
            "spec": [
                "type": "LoadBalancer",
                "ports": [["port": 1883, "targetPort": 1883, "protocol": "TCP", "name": "mqtt"]],
                "selector": ["app": "mqtt-broker"],
            ],
        ]
        #expect(ReferenceLookup.canonical(ReferenceLookup.withoutNamespace(service)) == ReferenceLookup.canonical(seed))
        let broker = try #require(ReferenceLookup.find(StatefulSet.self, "mqtt-broker", in: ReferenceLookup.prod))
        #expect(broker.spec?.template.metadata?.labels?["app"] == "mqtt-broker")
        #expect(broker.metadata.namespace == service.metadata.namespace)
    }

    @Test(
        "the letsencrypt-prod ClusterIssuer is the seed's example with DNS-01 solvers before its HTTP-01, in both clusters",
        arguments: ["prod", "dev"])
    func clusterIssuer(cluster: String) throws {
        let objects = cluster == "prod" ? ReferenceLookup.prod : ReferenceLookup.dev
        var issuer = try #require(ReferenceLookup.find(ClusterIssuer.self, "letsencrypt-prod", in: objects))
        // The seed promises DNS-01 and wildcard certificates: Route53 answers for the cn zone,
        // Cloudflare for the apex zone; the seed's HTTP-01 solver stays as the fallback.
        let solvers = issuer.spec.acme?.solvers ?? []
        #expect(solvers.count == 3)
        #expect(solvers.first?.selector?.dnsZones == ["cn.omnivoltaic.com"])
        #expect(solvers.first?.dns01?.route53?.region == "us-east-1")
        #expect(solvers.dropFirst().first?.selector?.dnsZones == ["omnivoltaic.com"])
        #expect(solvers.dropFirst().first?.dns01?.cloudflare?.apiTokenSecretRef?.name == "cloudflare-api-token")
        issuer.spec.acme?.solvers = Array(solvers.dropFirst(2))
        let seed: Value = [
            "apiVersion": "cert-manager.io/v1", "kind": "ClusterIssuer", "metadata": ["name": "letsencrypt-prod"],
            "spec": [
                "acme": [
                    "server": "https://acme-v02.api.letsencrypt.org/directory", "email": "devops@omnivoltaic.com",
                    "privateKeySecretRef": ["name": "letsencrypt-prod"],
                    "solvers": [["http01": ["ingress": ["class": "nginx"]]]],
                ]
            ],
        ]
        #expect(ReferenceLookup.canonical(issuer.renderValue()) == ReferenceLookup.canonical(seed))
        let staging = try #require(ReferenceLookup.find(ClusterIssuer.self, "letsencrypt-staging", in: objects))
        #expect(staging.spec.acme?.server == "https://acme-staging-v02.api.letsencrypt.org/directory")
    }

    @Test(
        "the ebs-sc StorageClass is the seed's example, in both clusters, plus the tag of the daily snapshots",
        arguments: ["prod", "dev"])
    func storageClass(cluster: String) throws {
        let objects = cluster == "prod" ? ReferenceLookup.prod : ReferenceLookup.dev
        let storageClass = try #require(ReferenceLookup.find(StorageClass.self, "ebs-sc", in: objects))
        let seed: Value = [
            "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": ["name": "ebs-sc"],
            "provisioner": "ebs.csi.aws.com",
            "parameters": [
                "type": "gp3", "encrypted": "true", "iops": "3000", "throughput": "125",
                "tagSpecification_1": "oves.io/backup=daily",
            ],
            "volumeBindingMode": "WaitForFirstConsumer", "allowVolumeExpansion": true,
        ]
        #expect(ReferenceLookup.canonical(storageClass.renderValue()) == ReferenceLookup.canonical(seed))
    }

    @Test("the mongodb-data PVC requests 100Gi ReadWriteOnce on ebs-sc, and the backup job mounts it")
    func mongodbDataClaim() throws {
        let claim = try #require(
            ReferenceLookup.find(PersistentVolumeClaim.self, "mongodb-data", in: ReferenceLookup.prod))
        let seedSpec: Value = [
            "accessModes": ["ReadWriteOnce"], "storageClassName": "ebs-sc",
            "resources": ["requests": ["storage": "100Gi"]],
        ]
        #expect(ReferenceLookup.canonical(claim.spec?.renderValue() ?? nil) == ReferenceLookup.canonical(seedSpec))
        let backup = try #require(ReferenceLookup.find(CronJob.self, "mongodb-backup", in: ReferenceLookup.prod))
        let volumes = backup.spec.jobTemplate.spec?.template.spec?.volumes ?? []
        #expect(volumes.contains { $0.persistentVolumeClaim?.claimName == "mongodb-data" })
        #expect(backup.metadata.namespace == claim.metadata.namespace)
    }

    @Test("account-microservice-hpa scales the Deployment 2–10 at 70 % CPU and 80 % memory")
    func accountAutoscaler() throws {
        let hpa = try #require(
            ReferenceLookup.find(HorizontalPodAutoscaler.self, "account-microservice-hpa", in: ReferenceLookup.prod))
        let seedSpec: Value = [
            "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "account-microservice"],
            "minReplicas": 2, "maxReplicas": 10,
            "metrics": [
                [
                    "type": "Resource",
                    "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": 70]],
                ],
                [
                    "type": "Resource",
                    "resource": ["name": "memory", "target": ["type": "Utilization", "averageUtilization": 80]],
                ],
            ],
        ]
        #expect(ReferenceLookup.canonical(hpa.spec.renderValue()) == ReferenceLookup.canonical(seedSpec))
        #expect(ReferenceLookup.find(Deployment.self, "account-microservice", in: ReferenceLookup.prod) != nil)
    }

    @Test(
        "the Cluster Autoscaler scales down at 50 % after 10 minutes and discovers the cluster's node groups",
        arguments: OVESEnvironment.allCases)
    func clusterAutoscaler(environment: OVESEnvironment) throws {
        let objects = environment == .prod ? ReferenceLookup.prod : ReferenceLookup.dev
        let deployment = try #require(
            ReferenceLookup.find(Deployment.self, "cluster-autoscaler", namespace: "kube-system", in: objects))
        let command = deployment.spec?.template.spec?.containers.first?.command ?? []
        for flag in [
            "--scale-down-utilization-threshold=0.5", "--scale-down-unneeded-time=10m",
            "--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/\(environment.clusterName)",
            "--balance-similar-node-groups", "--skip-nodes-with-system-pods=false", "--expander=least-waste",
        ] {
            #expect(command.contains(flag), "missing \(flag)")
        }
        #expect(
            Set(environment.autoscalerDiscoveryTags.keys)
                == ["k8s.io/cluster-autoscaler/enabled", "k8s.io/cluster-autoscaler/\(environment.clusterName)"])
        #expect(OVESNames.autoscaledNodeGroupSize == 2...10)
    }

    @Test("the autoscaler's IRSA role ARN is built from the shared role name and the given account id")
    func autoscalerRoleIsConnected() throws {
        let manifest = OVESKubernetes.production(accountID: "123456789012")
        let account = try #require(
            ReferenceLookup.find(ServiceAccount.self, "cluster-autoscaler", in: manifest.objects))
        let role = OVESEnvironment.prod.clusterAutoscalerRole
        #expect(
            account.metadata.annotations?["eks.amazonaws.com/role-arn"]
                == "arn:aws:iam::123456789012:role/oves-prod-cluster-autoscaler")
        #expect(account.metadata.annotations?["eks.amazonaws.com/role-arn"] == role.arn(accountID: "123456789012"))
        #expect(account.metadata.namespace == role.namespace)
        #expect(role.subject == "system:serviceaccount:kube-system:cluster-autoscaler")
    }
}
