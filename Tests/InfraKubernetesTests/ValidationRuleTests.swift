// Every manifest validation rule, each with a definition that breaks it (exactly one
// diagnostic, at the expected path) and one that follows it (no diagnostics at all).

import InfraCore
import InfraKubernetes
import Testing

/// One rule: objects that break it, objects that follow it, and the expected diagnostic.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var rule: String
    var failing: [any KubernetesObject]
    var passing: [any KubernetesObject]
    var path: String
    var fragment: String
    var severity: Diagnostic.Severity = .error

    var testDescription: String { rule }
}

/// Validates `objects` in a `prod` manifest (default namespace `prod`) next to the
/// namespace, config map and service account the sample deployment uses.
func diagnostics(_ objects: [any KubernetesObject]) -> [Diagnostic] {
    let manifest = Manifest("prod", namespace: "prod") {
        Samples.namespace
        Samples.configMap
        Samples.serviceAccount
        objects
    }
    return manifest.validate().all
}

private func deployment(_ change: (inout Deployment) -> Void) -> Deployment {
    var object = Samples.deployment()
    change(&object)
    return object
}

private func service(_ change: (inout Service) -> Void) -> Service {
    var object = Samples.service
    change(&object)
    return object
}

private func autoscaler(min: Int?, max: Int) -> HorizontalPodAutoscaler {
    var object = Samples.autoscaler
    object.spec.minReplicas = min
    object.spec.maxReplicas = max
    return object
}

private func configMap(
    _ name: String?, namespace: String? = nil, labels: [String: String]? = nil,
    annotations: [String: String]? = nil
) -> ConfigMap {
    ConfigMap(metadata: .init(name: name, namespace: namespace, labels: labels, annotations: annotations))
}

private func mounting(_ volume: Volume) -> Deployment {
    deployment { $0.spec?.template.spec?.volumes = [volume] }
}

let ruleCases: [RuleCase] = [
    RuleCase(
        rule: "object names are DNS-1123 subdomains", failing: [configMap("Bad_Name")],
        passing: [configMap("good.name")],
        path: "prod/ConfigMap/Bad_Name", fragment: "name 'Bad_Name' is invalid"),
    RuleCase(
        rule: "Service names are DNS-1035 labels",
        failing: [service { $0.metadata.name = "1account" }], passing: [Samples.deployment(), Samples.service],
        path: "prod/Service/1account", fragment: "must start with a lower case letter"),
    RuleCase(
        rule: "Namespace names are DNS-1123 labels", failing: [Namespace(metadata: .init(name: "team.a"))],
        passing: [Namespace(metadata: .init(name: "team-a"))], path: "prod/Namespace/team.a", fragment: "is invalid"),
    RuleCase(
        rule: "RBAC names are path segments", failing: [ClusterRole(metadata: .init(name: "a/b"))],
        passing: [ClusterRole(metadata: .init(name: "system:metrics-reader"))], path: "prod/ClusterRole/a/b",
        fragment: "may not contain '/'"),
    RuleCase(
        rule: "objects need a name", failing: [configMap(nil)], passing: [configMap("named")],
        path: "prod/ConfigMap/<unnamed>", fragment: "has no metadata.name"),
    RuleCase(
        rule: "namespaces are DNS-1123 labels", failing: [configMap("c", namespace: "Team_A")],
        passing: [configMap("c", namespace: "team-a")], path: "prod/ConfigMap/Team_A/c", fragment: "namespace 'Team_A'"),
    RuleCase(
        rule: "cluster-scoped kinds take no namespace",
        failing: [StorageClass(metadata: .init(name: "fast", namespace: "prod"), provisioner: "ebs.csi.aws.com")],
        passing: [StorageClass(metadata: .init(name: "fast"), provisioner: "ebs.csi.aws.com")],
        path: "prod/StorageClass/fast", fragment: "cluster-scoped"),
    RuleCase(
        rule: "label keys are qualified names", failing: [configMap("c", labels: ["-tier": "web"])],
        passing: [configMap("c", labels: ["app.kubernetes.io/name": "web"])], path: "prod/ConfigMap/c/labels",
        fragment: "label key '-tier'"),
    RuleCase(
        rule: "label values are at most 63 safe characters", failing: [configMap("c", labels: ["tier": "web app"])],
        passing: [configMap("c", labels: ["tier": ""])], path: "prod/ConfigMap/c/labels", fragment: "label value"),
    RuleCase(
        rule: "annotation keys are qualified names", failing: [configMap("c", annotations: ["two words": "x"])],
        passing: [configMap("c", annotations: ["example.com/note": "any text: even # and \n newlines"])],
        path: "prod/ConfigMap/c/annotations", fragment: "annotation key"),
    RuleCase(
        rule: "annotations stay under 256 KiB",
        failing: [configMap("c", annotations: ["big": String(repeating: "x", count: 300 * 1024)])],
        passing: [configMap("c", annotations: ["big": String(repeating: "x", count: 200 * 1024)])],
        path: "prod/ConfigMap/c/annotations", fragment: "256 KiB"),
    RuleCase(
        rule: "kind/namespace/name is unique", failing: [configMap("c"), configMap("c")],
        passing: [configMap("c"), configMap("c", namespace: "other"), Secret(metadata: .init(name: "c"))],
        path: "prod/ConfigMap/c", fragment: "duplicate ConfigMap 'c'"),
    RuleCase(
        rule: "a workload selector matches its pod template labels",
        failing: [deployment { $0.spec?.selector = .matching(["app": "other"]) }],
        passing: [deployment { $0.spec?.selector = LabelSelector(matchExpressions: [.in("app", ["account", "x"])]) }],
        path: "prod/Deployment/account/selector", fragment: "does not match"),
    RuleCase(
        rule: "a workload selector is not empty", failing: [deployment { $0.spec?.selector = LabelSelector() }],
        passing: [Samples.deployment()], path: "prod/Deployment/account/selector", fragment: "non-empty selector"),
    RuleCase(
        rule: "selector requirements use known operators",
        failing: [
            deployment {
                $0.spec?.selector.matchExpressions = [LabelSelectorRequirement(key: "app", operator: "Equals")]
            }
        ],
        passing: [deployment { $0.spec?.selector.matchExpressions = [.exists("app")] }],
        path: "prod/Deployment/account/selector/matchExpressions[0]", fragment: "unknown operator"),
    RuleCase(
        rule: "container ports are 1–65535",
        failing: [deployment { $0.spec?.template.spec?.containers[0].ports?[0].containerPort = 70000 }],
        passing: [deployment { $0.spec?.template.spec?.containers[0].ports?[0].containerPort = 65535 }],
        path: "prod/Deployment/account/containers[0]/ports[0]", fragment: "containerPort 70000"),
    RuleCase(
        rule: "container port names are IANA service names",
        failing: [deployment { $0.spec?.template.spec?.containers[0].ports?[0].name = "HTTP_port" }],
        passing: [Samples.deployment()], path: "prod/Deployment/account/containers[0]/ports[0]",
        fragment: "port name 'HTTP_port'"),
    RuleCase(
        rule: "container port names are unique in the pod",
        failing: [
            deployment {
                $0.spec?.template.spec?.containers[0].ports?.append(ContainerPort(name: "http", containerPort: 9090))
            }
        ],
        passing: [
            deployment {
                $0.spec?.template.spec?.containers[0].ports?.append(ContainerPort(name: "metrics", containerPort: 9090))
            }
        ],
        path: "prod/Deployment/account/containers[0]/ports[1]", fragment: "used twice"),
    RuleCase(
        rule: "containers have an image", failing: [deployment { $0.spec?.template.spec?.containers[0].image = nil }],
        passing: [Samples.deployment()], path: "prod/Deployment/account/containers[0]", fragment: "has no image"),
    RuleCase(
        rule: "Service ports are 1–65535", failing: [Samples.deployment(), service { $0.spec?.ports?[0].port = 0 }],
        passing: [Samples.deployment(), service { $0.spec?.ports?[0].port = 65535 }],
        path: "prod/Service/account/ports[0]", fragment: "port 0 is outside"),
    RuleCase(
        rule: "a Service with several ports names each",
        failing: [
            Samples.deployment(),
            service {
                $0.spec?.ports = [
                    ServicePort(name: "a", port: 80, targetPort: 8080), ServicePort(port: 81, targetPort: 8080),
                ]
            },
        ],
        passing: [
            Samples.deployment(),
            service {
                $0.spec?.ports = [
                    ServicePort(name: "a", port: 80, targetPort: 8080),
                    ServicePort(name: "b", port: 81, targetPort: 8080),
                ]
            },
        ],
        path: "prod/Service/account/ports[1]", fragment: "must name each"),
    RuleCase(
        rule: "numeric target ports are 1–65535",
        failing: [Samples.deployment(), service { $0.spec?.ports?[0].targetPort = 70000 }],
        passing: [Samples.deployment(), service { $0.spec?.ports?[0].targetPort = 8080 }],
        path: "prod/Service/account/ports[0]", fragment: "targetPort 70000"),
    RuleCase(
        rule: "named target ports exist in the selected pods",
        failing: [Samples.deployment(), service { $0.spec?.ports?[0].targetPort = "grpc" }],
        passing: [Samples.deployment(), Samples.service], path: "prod/Service/account/ports[0]",
        fragment: "targetPort 'grpc' is not a container port name of the selected prod/Deployment/account"),
    RuleCase(
        rule: "node ports outside 30000–32767 are flagged",
        failing: [
            Samples.deployment(),
            service {
                $0.spec?.type = "NodePort"; $0.spec?.ports?[0].nodePort = 8080
            },
        ],
        passing: [
            Samples.deployment(),
            service {
                $0.spec?.type = "NodePort"; $0.spec?.ports?[0].nodePort = 30080
            },
        ],
        path: "prod/Service/account/ports[0]", fragment: "NodePort range", severity: .warning),
    RuleCase(
        rule: "HPA minReplicas is at most maxReplicas", failing: [Samples.deployment(), autoscaler(min: 5, max: 3)],
        passing: [Samples.deployment(), autoscaler(min: 3, max: 3)],
        path: "prod/HorizontalPodAutoscaler/account-microservice-hpa", fragment: "greater than maxReplicas"),
    RuleCase(
        rule: "HPA maxReplicas is at least 1", failing: [Samples.deployment(), autoscaler(min: nil, max: 0)],
        passing: [Samples.deployment(), autoscaler(min: nil, max: 1)],
        path: "prod/HorizontalPodAutoscaler/account-microservice-hpa", fragment: "maxReplicas 0 must be at least 1"),
    RuleCase(
        rule: "a PodDisruptionBudget sets one budget",
        failing: [
            Samples.deployment(),
            PodDisruptionBudget(
                metadata: .init(name: "account"),
                spec: .init(maxUnavailable: 1, minAvailable: 1, selector: .matching(Samples.labels))),
        ],
        passing: [Samples.deployment(), Samples.disruptionBudget], path: "prod/PodDisruptionBudget/account",
        fragment: "either minAvailable or maxUnavailable"),
    RuleCase(
        rule: "quantities parse",
        failing: [deployment { $0.spec?.template.spec?.containers[0].resources?.limits?["memory"] = "512MB" }],
        passing: [deployment { $0.spec?.template.spec?.containers[0].resources?.limits?["memory"] = "1.5Gi" }],
        path: "prod/Deployment/account/containers[0]/resources/limits/memory", fragment: "unknown suffix 'MB'"),
    RuleCase(
        rule: "fields missing in a supported Kubernetes version are flagged",
        failing: [
            deployment {
                $0.spec?.template.spec?.containers[0].lifecycle = Lifecycle(
                    preStop: .init(sleep: .init(seconds: 5)), stopSignal: "SIGQUIT")
            }
        ],
        passing: [
            deployment {
                $0.spec?.template.spec?.containers[0].lifecycle = Lifecycle(preStop: .init(sleep: .init(seconds: 5)))
            }
        ],
        path: "prod/Deployment/account/containers[0]/lifecycle/stopSignal",
        fragment: "Lifecycle.stopSignal does not exist in Kubernetes 1.32", severity: .warning),
    RuleCase(
        rule: "kinds missing in a supported Kubernetes version are flagged",
        failing: [
            VolumeAttributesClass(
                metadata: .init(name: "fast"), driverName: "ebs.csi.aws.com", parameters: ["iops": "6000"])
        ],
        passing: [StorageClass(metadata: .init(name: "fast"), provisioner: "ebs.csi.aws.com")],
        path: "prod/VolumeAttributesClass/fast",
        fragment: "VolumeAttributesClass (storage.k8s.io/v1) is not served by Kubernetes 1.32, 1.33", severity: .warning
    ),
    RuleCase(
        rule: "ConfigMaps used by pods are defined or flagged as external",
        failing: [
            deployment {
                $0.spec?.template.spec?.containers[0].envFrom = [EnvFromSource(configMapRef: .init(name: "missing"))]
            }
        ],
        passing: [Samples.deployment()], path: "prod/Deployment/account/containers[0]",
        fragment: "refers to ConfigMap 'missing'", severity: .warning),
    RuleCase(
        rule: "Secrets used by pods are defined or flagged as external (unless optional)",
        failing: [mounting(Volume(name: "tls", secret: .init(secretName: "tls")))],
        passing: [mounting(Volume(name: "tls", secret: .init(optional: true, secretName: "tls")))],
        path: "prod/Deployment/account/volumes[0]", fragment: "refers to Secret 'tls'", severity: .warning),
    RuleCase(
        rule: "ServiceAccounts used by pods are defined or flagged as external",
        failing: [deployment { $0.spec?.template.spec?.serviceAccountName = "robot" }],
        passing: [deployment { $0.spec?.template.spec?.serviceAccountName = "default" }],
        path: "prod/Deployment/account/serviceAccountName", fragment: "refers to ServiceAccount 'robot'",
        severity: .warning),
    RuleCase(
        rule: "PersistentVolumeClaims used by pods are defined or flagged as external",
        failing: [mounting(Volume(name: "data", persistentVolumeClaim: .init(claimName: "mongodb-data")))],
        passing: [
            mounting(Volume(name: "data", persistentVolumeClaim: .init(claimName: "mongodb-data"))), Samples.claim,
            Samples.storageClass,
        ],
        path: "prod/Deployment/account/volumes[0]", fragment: "refers to PersistentVolumeClaim 'mongodb-data'",
        severity: .warning),
    RuleCase(
        rule: "ClusterRoles bound are defined, built in or flagged as external",
        failing: [operatorsBinding(to: "platform-admin")],
        passing: [
            operatorsBinding(to: "cluster-admin"), operatorsBinding(to: "system:aggregate-to-view", name: "viewers"),
        ],
        path: "prod/ClusterRoleBinding/operators/roleRef", fragment: "refers to ClusterRole 'platform-admin'",
        severity: .warning),
    RuleCase(
        rule: "StorageClasses used by claims are defined or flagged as external", failing: [Samples.claim],
        passing: [Samples.claim, Samples.storageClass],
        path: "prod/PersistentVolumeClaim/mongodb-data/storageClassName",
        fragment: "refers to StorageClass 'ebs-sc'", severity: .warning),
]

@Suite("Manifest validation rules")
struct ValidationRuleTests {
    @Test("the sample manifest has no diagnostics at all")
    func samplesAreClean() {
        #expect(Samples.manifest.validate().all.isEmpty, "\(Samples.manifest.validate().all)")
    }

    @Test("a definition breaking a rule gets exactly one diagnostic at the object path", arguments: ruleCases)
    func failingCase(_ rule: RuleCase) throws {
        let found = diagnostics(rule.failing)
        #expect(found.count == 1, "\(found)")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.path.description == rule.path)
        #expect(diagnostic.severity == rule.severity)
        #expect(diagnostic.message.contains(rule.fragment), "\(diagnostic.message)")
    }

    @Test("a definition following the rule gets no diagnostics", arguments: ruleCases)
    func passingCase(_ rule: RuleCase) {
        let found = diagnostics(rule.passing)
        #expect(found.isEmpty, "\(found)")
    }

    @Test("a Secret synced by a SecretProviderClass in its namespace counts as defined; one in another does not")
    func secretProviderClassDefinesItsSecrets() {
        func providerClass(namespace: String) -> SecretProviderClass {
            SecretProviderClass(
                metadata: .init(name: "workload-secrets", namespace: namespace),
                spec: .init(
                    provider: "aws",
                    secretObjects: [
                        .init(data: [.init(key: "tls", objectName: "tls")], secretName: "tls", type: "Opaque")
                    ]))
        }
        let consumer = mounting(Volume(name: "tls", secret: .init(secretName: "tls")))
        func secretWarnings(_ objects: [any KubernetesObject]) -> [Diagnostic] {
            diagnostics(objects).filter { $0.message.contains("refers to Secret 'tls'") }
        }
        #expect(secretWarnings([consumer, providerClass(namespace: "prod")]).isEmpty)
        #expect(secretWarnings([consumer, providerClass(namespace: "other")]).count == 1)
    }

    @Test("a class syncing 40 Secrets defines each of them (the object index grows past its first size)")
    func manySyncedSecrets() {
        let names = (0..<40).map { "synced-\($0)" }
        let providerClass = SecretProviderClass(
            metadata: .init(name: "workload-secrets", namespace: "prod"),
            spec: .init(
                provider: "aws",
                secretObjects: names.map {
                    .init(data: [.init(key: "value", objectName: $0)], secretName: $0, type: "Opaque")
                }))
        for name in [names[0], names[39]] {
            let consumer = mounting(Volume(name: "secret", secret: .init(secretName: name)))
            let found = diagnostics([consumer, providerClass]).filter { $0.message.contains("refers to Secret") }
            #expect(found.isEmpty, "\(found)")
        }
        let missing = mounting(Volume(name: "secret", secret: .init(secretName: "synced-40")))
        #expect(diagnostics([missing, providerClass]).contains { $0.message.contains("refers to Secret 'synced-40'") })
    }

    @Test("among 3,000 objects each duplicate is reported once, at the second definition")
    func duplicatesAmongMany() {
        var objects: [any KubernetesObject] = (0..<3000).map { configMap("settings-\($0)") }
        objects.append(configMap("settings-17"))
        objects.append(configMap("settings-2999"))
        let duplicates = diagnostics(objects).filter { $0.message.hasPrefix("duplicate ConfigMap") }
        #expect(
            duplicates.map(\.message).sorted() == [
                "duplicate ConfigMap 'settings-17' in namespace 'prod': each kind/namespace/name must be unique",
                "duplicate ConfigMap 'settings-2999' in namespace 'prod': each kind/namespace/name must be unique",
            ])
    }

    @Test("a definition with five problems reports five diagnostics, all at once")
    func allProblemsAtOnce() {
        let broken = deployment {
            $0.spec?.template.spec?.containers[0].image = nil
            $0.spec?.template.spec?.containers[0].ports?[0].containerPort = 0
        }
        let found = diagnostics([
            broken, configMap("Bad_Name"), service { $0.spec?.ports?[0].port = 99999 }, autoscaler(min: 4, max: 2),
        ])
        #expect(found.count == 5, "\(found)")
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(
            Set(found.map(\.path.description)) == [
                "prod/Deployment/account/containers[0]", "prod/Deployment/account/containers[0]/ports[0]",
                "prod/ConfigMap/Bad_Name", "prod/Service/account/ports[0]",
                "prod/HorizontalPodAutoscaler/account-microservice-hpa",
            ])
    }

    @Test("diagnostics from a helper's own checks are reported with the objects'")
    func helperDiagnostics() {
        struct Checked: ManifestContent {
            var manifestObjects: [any KubernetesObject] { [] }
            func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
                [.error(path.appending("helper"), "replicas must be positive")]
            }
        }
        let found = Manifest("prod") { Checked() }.validate().all
        #expect(found.map(\.path.description) == ["prod/helper"])
    }
}

/// A ClusterRoleBinding `name` of the group `operators` to the ClusterRole `role`.
private func operatorsBinding(to role: String, name: String = "operators") -> ClusterRoleBinding {
    ClusterRoleBinding(
        metadata: .init(name: name),
        roleRef: RoleRef(kind: "ClusterRole", name: role, apiGroup: "rbac.authorization.k8s.io"),
        subjects: [Subject(kind: "Group", name: "operators", apiGroup: "rbac.authorization.k8s.io")])
}
