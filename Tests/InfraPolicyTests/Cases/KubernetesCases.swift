// Violating and compliant Kubernetes examples: a hardened workload, and for each rule a
// copy that breaks exactly that rule. Each case has its own namespace.

import InfraCore
import InfraPolicy

enum KubernetesCases {
    static let hardenedContainerContext: ValueObject = [
        "allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "runAsNonRoot": true, "runAsUser": 10001,
        "capabilities": ["drop": ["ALL"]], "seccompProfile": ["type": "RuntimeDefault"],
    ]

    static let fullResources: Value = [
        "requests": ["cpu": "100m", "memory": "128Mi"], "limits": ["cpu": "500m", "memory": "256Mi"],
    ]

    /// A Deployment in `namespace`; `container` changes the hardened container.
    static func deployment(
        _ name: String, namespace: String, kind: String = "Deployment",
        image: String = "registry.example.com/api:1.4.2",
        resources: Value? = fullResources,
        podContext: Value = ["runAsNonRoot": true, "seccompProfile": ["type": "RuntimeDefault"]],
        change: (inout ValueObject) -> Void = { _ in }
    ) -> Value {
        var context = hardenedContainerContext
        change(&context)
        var container: ValueObject = [
            "name": .string(name), "image": .string(image), "securityContext": .object(context),
            "livenessProbe": ["httpGet": ["path": "/health", "port": 8080]],
            "readinessProbe": ["httpGet": ["path": "/ready", "port": 8080]],
        ]
        container["resources"] = resources
        let podSpec: Value = [
            "automountServiceAccountToken": false, "securityContext": podContext,
            "containers": [.object(container)],
        ]
        let metadata: Value = ["name": .string(name), "namespace": .string(namespace)]
        if kind == "Pod" {
            return ["apiVersion": "v1", "kind": "Pod", "metadata": metadata, "spec": podSpec]
        }
        return [
            "apiVersion": "apps/v1", "kind": .string(kind), "metadata": metadata,
            "spec": [
                "replicas": 2, "selector": ["matchLabels": ["app": .string(name)]],
                "template": ["metadata": ["labels": ["app": .string(name)]], "spec": podSpec],
            ],
        ]
    }

    static func pair(
        _ rule: String, _ slug: String, bad: String, good: String = "a hardened workload",
        change: @escaping (inout ValueObject) -> Void = { _ in }, badImage: String? = nil, badResources: Value?? = nil,
        badPodContext: Value? = nil
    ) -> [RuleCase] {
        let badNamespace = "\(slug)-bad"
        let goodNamespace = "\(slug)-good"
        let violating = deployment(
            "app", namespace: badNamespace, image: badImage ?? "registry.example.com/api:1.4.2",
            resources: badResources ?? fullResources,
            podContext: badPodContext ?? ["runAsNonRoot": true, "seccompProfile": ["type": "RuntimeDefault"]],
            change: change)
        return [
            .kubernetes(rule, bad, violates: true, resource: "Deployment \(badNamespace)/app", [violating]),
            .kubernetes(
                rule, good, violates: false, resource: "Deployment \(goodNamespace)/app",
                [deployment("app", namespace: goodNamespace)]),
        ]
    }

    static let all: [RuleCase] =
        pair(
            "INFRA-K8S-001", "k8s-001", bad: "a container that may run as root",
            change: {
                $0["runAsNonRoot"] = nil; $0["runAsUser"] = nil
            }, badPodContext: ["seccompProfile": ["type": "RuntimeDefault"]])
        + pair(
            "INFRA-K8S-002", "k8s-002", bad: "privilege escalation allowed",
            change: { $0["allowPrivilegeEscalation"] = true })
        + pair(
            "INFRA-K8S-003", "k8s-003", bad: "capabilities not dropped",
            change: { $0["capabilities"] = ["add": ["NET_ADMIN"]] })
        + pair(
            "INFRA-K8S-004", "k8s-004", bad: "no seccomp profile", change: { $0["seccompProfile"] = nil },
            badPodContext: ["runAsNonRoot": true])
        + pair(
            "INFRA-K8S-005", "k8s-005", bad: "a writable root filesystem",
            change: { $0["readOnlyRootFilesystem"] = false })
        + pair(
            "INFRA-K8S-006", "k8s-006", bad: "no resource requests",
            badResources: .some(["limits": ["cpu": "500m", "memory": "256Mi"]]))
        + pair(
            "INFRA-K8S-007", "k8s-007", bad: "no resource limits",
            badResources: .some(["requests": ["cpu": "100m", "memory": "128Mi"]]))
        + pair("INFRA-K8S-008", "k8s-008", bad: "a latest image", badImage: "registry.example.com/api:latest")
        + [
            .kubernetes(
                "INFRA-K8S-008", "an untagged image", violates: true, resource: "Deployment k8s-008-untagged/app",
                [deployment("app", namespace: "k8s-008-untagged", image: "registry.example.com:5000/team/api")]),
            .kubernetes(
                "INFRA-K8S-008", "a digest-pinned image", violates: false, resource: "Deployment k8s-008-digest/app",
                [
                    deployment(
                        "app", namespace: "k8s-008-digest",
                        image:
                            "registry.example.com/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                    )
                ]),
            .kubernetes(
                "INFRA-K8S-009", "a namespace without a NetworkPolicy", violates: true,
                resource: "Namespace k8s-009-bad",
                [
                    ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "k8s-009-bad"]],
                    deployment("app", namespace: "k8s-009-bad", kind: "Pod"),
                ],
                checkovResource: "Pod.k8s-009-bad.app"),
            .kubernetes(
                "INFRA-K8S-009", "a namespace with a default-deny NetworkPolicy", violates: false,
                resource: "Namespace k8s-009-good",
                [
                    ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "k8s-009-good"]],
                    deployment("app", namespace: "k8s-009-good", kind: "Pod"),
                    [
                        "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                        "metadata": ["name": "default-deny", "namespace": "k8s-009-good"],
                        "spec": ["podSelector": [:], "policyTypes": ["Ingress", "Egress"]],
                    ],
                ],
                checkovResource: "Pod.k8s-009-good.app"),
        ]
        + SecretCases.kubernetes
}
