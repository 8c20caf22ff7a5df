// Kubernetes workload rules: the "restricted" Pod Security Standard (non-root, no privilege
// escalation, drop ALL, RuntimeDefault seccomp, read-only root), resource requests and
// limits, pinned images, and a NetworkPolicy in every namespace (checkov CKV_K8S_*).

import InfraCore

extension PolicyRule {
    /// The Kubernetes rules.
    static let kubernetes: [PolicyRule] = [
        containerRule(
            id: "INFRA-K8S-001", title: "Containers run as non-root", severity: .high, checkov: ["CKV_K8S_23"],
            hint: "set securityContext.runAsNonRoot = true (pod or container) and a non-zero runAsUser",
            problem: "may run as root"
        ) { container in
            TerraformValue.isTrue(container.effective("runAsNonRoot"))
                || (TerraformValue.int(container.effective("runAsUser")) ?? 0) > 0
        },
        containerRule(
            id: "INFRA-K8S-002", title: "Containers forbid privilege escalation", severity: .high,
            checkov: ["CKV_K8S_20"],
            hint: "set securityContext.allowPrivilegeEscalation = false on every container",
            problem: "privilege escalation is allowed"
        ) { TerraformValue.isFalse($0.securityContext?["allowPrivilegeEscalation"]) },
        containerRule(
            id: "INFRA-K8S-003", title: "Containers drop all capabilities", severity: .high,
            checkov: ["CKV_K8S_37", "CKV_K8S_28"],
            hint: "set securityContext.capabilities.drop = [\"ALL\"] (add back only NET_BIND_SERVICE if needed)",
            problem: "capabilities are not dropped with ALL"
        ) {
            TerraformValue.strings(in: $0.securityContext?["capabilities"]?["drop"]).contains {
                $0.uppercased() == "ALL"
            }
        },
        containerRule(
            id: "INFRA-K8S-004", title: "Containers use the RuntimeDefault seccomp profile", severity: .medium,
            checkov: ["CKV_K8S_31"],
            hint: "set securityContext.seccompProfile.type = RuntimeDefault on the pod",
            problem: "no RuntimeDefault or Localhost seccomp profile"
        ) { ["RuntimeDefault", "Localhost"].contains($0.effective("seccompProfile")?["type"]?.stringValue ?? "") },
        containerRule(
            id: "INFRA-K8S-005", title: "Containers have a read-only root filesystem", severity: .medium,
            checkov: ["CKV_K8S_22"],
            hint: "set securityContext.readOnlyRootFilesystem = true and mount an emptyDir where the app writes",
            problem: "the root filesystem is writable"
        ) { TerraformValue.isTrue($0.securityContext?["readOnlyRootFilesystem"]) },
        containerRule(
            id: "INFRA-K8S-006", title: "Containers request CPU and memory", severity: .medium,
            checkov: ["CKV_K8S_10", "CKV_K8S_12"],
            hint: "set resources.requests.cpu and resources.requests.memory",
            problem: "CPU or memory requests are missing"
        ) {
            $0.container["resources"]?["requests"]?["cpu"] != nil
                && $0.container["resources"]?["requests"]?["memory"] != nil
        },
        containerRule(
            id: "INFRA-K8S-007", title: "Containers have CPU and memory limits", severity: .medium,
            checkov: ["CKV_K8S_11", "CKV_K8S_13"],
            hint: "set resources.limits.cpu and resources.limits.memory",
            problem: "CPU or memory limits are missing"
        ) {
            $0.container["resources"]?["limits"]?["cpu"] != nil
                && $0.container["resources"]?["limits"]?["memory"] != nil
        },
        containerRule(
            id: "INFRA-K8S-008", title: "Images are pinned to a tag or digest other than latest", severity: .medium,
            checkov: ["CKV_K8S_14"], hint: "use an explicit version tag (app:1.4.2) or a digest (app@sha256:…)",
            problem: "the image is untagged or uses latest"
        ) { ImageReference.isPinned($0.image) },
        PolicyRule(
            id: "INFRA-K8S-009", title: "Every namespace with workloads has a NetworkPolicy", severity: .medium,
            hint: "add a NetworkPolicy to the namespace (start with default-deny ingress and allow what is needed)",
            checkovIDs: ["CKV2_K8S_6"], format: .kubernetes
        ) { context in
            let objects = context.kubernetes.objects
            let covered = Set(objects.filter { $0.kind == "NetworkPolicy" }.map(\.namespace))
            var namespaces: [String: PolicyKubernetesObject] = [:]
            for workload in context.kubernetes.workloads where namespaces[workload.namespace] == nil {
                namespaces[workload.namespace] = workload
            }
            for namespace in objects where namespace.kind == "Namespace" { namespaces[namespace.name] = namespace }
            return namespaces.keys.sorted().compactMap { name in
                guard !covered.contains(name), !context.configuration.namespacesWithoutNetworkPolicy.contains(name),
                    let object = namespaces[name]
                else { return nil }
                return PolicyViolation(
                    resource: "Namespace \(name)", file: object.file, message: "namespace \(name) has no NetworkPolicy",
                    path: object.path)
            }
        },
    ]

    /// A rule evaluated per container; one violation per workload lists the failing containers.
    private static func containerRule(
        id: String, title: String, severity: PolicySeverity, checkov: [String], hint: String, problem: String,
        passes: @escaping @Sendable (PolicyContainer) -> Bool
    ) -> PolicyRule {
        PolicyRule(id: id, title: title, severity: severity, hint: hint, checkovIDs: checkov, format: .kubernetes) {
            context in
            context.kubernetes.workloads.compactMap { workload in
                let failing = workload.containers.filter { !passes($0) }.map(\.name)
                guard !failing.isEmpty else { return nil }
                let noun = failing.count == 1 ? "container" : "containers"
                return workload.violation("\(noun) \(failing.joined(separator: ", ")): \(problem)")
            }
        }
    }
}

/// Reads container image references (`registry:5000/team/app:1.2@sha256:…`).
enum ImageReference {
    /// Whether `image` names a digest or a tag other than `latest`.
    static func isPinned(_ image: String) -> Bool {
        if image.contains("@sha256:") { return true }
        let lastComponent = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = lastComponent.lastIndex(of: ":") else { return false }
        let tag = lastComponent[lastComponent.index(after: colon)...]
        return !tag.isEmpty && tag != "latest"
    }
}
