// Pod template rules: a workload's selector must match its template labels, containers
// need unique names and an image, container ports must be in range with valid, unique names.

import InfraCore

extension ManifestValidator {
    /// The highest TCP/UDP port number.
    static let maxPort = 65535

    func podDiagnostics(_ pods: PodTemplateInfo, path: ComponentPath) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let metadata = pods.templateMetadata {
            found += labelDiagnostics(metadata.labels, path: path.appending("template").appending("labels"))
            found += annotationDiagnostics(
                metadata.annotations, path: path.appending("template").appending("annotations"))
        }
        if pods.requiresSelector {
            if let selector = pods.selector, !selector.isEmpty {
                let selectorProblems = selectorDiagnostics(selector, path: path.appending("selector"))
                found += selectorProblems
                if selectorProblems.isEmpty && !selector.matches(pods.labels) {
                    found.append(
                        .error(
                            path.appending("selector"),
                            "selector does not match the pod template's labels \(describe(pods.labels))",
                            hint: "use the same labels in spec.selector.matchLabels and spec.template.metadata.labels"))
                }
            } else {
                found.append(
                    .error(path.appending("selector"), "workload needs a non-empty selector matching its pod labels"))
            }
        }
        guard let spec = pods.spec else {
            found.append(.error(path, "pod template has no spec", hint: "set spec.template.spec with containers"))
            return found
        }
        if spec.containers.isEmpty { found.append(.error(path.appending("containers"), "pod has no containers")) }
        var containerNames: Set<String> = []
        var portNames: Set<String> = []
        for (segment, offset, container) in pods.containers {
            func here() -> ComponentPath { path.appending(segment, index: offset) }
            if let problem = NameRules.dns1123Label(container.name) {
                found.append(.error(here(), "container name '\(container.name)' is invalid: \(problem)"))
            } else if !containerNames.insert(container.name).inserted {
                found.append(.error(here(), "container name '\(container.name)' is used twice in the pod"))
            }
            if (container.image ?? "").isEmpty {
                found.append(.error(here(), "container '\(container.name)' has no image"))
            }
            for (portOffset, port) in (container.ports ?? []).enumerated() {
                func portPath() -> ComponentPath { here().appending("ports", index: portOffset) }
                if !(1...ManifestValidator.maxPort).contains(port.containerPort) {
                    found.append(.error(portPath(), "containerPort \(port.containerPort) is outside 1–65535"))
                }
                if let hostPort = port.hostPort, !(1...ManifestValidator.maxPort).contains(hostPort) {
                    found.append(.error(portPath(), "hostPort \(hostPort) is outside 1–65535"))
                }
                if let name = port.name {
                    if let problem = NameRules.portName(name) {
                        found.append(.error(portPath(), "port name '\(name)' is invalid: \(problem)"))
                    } else if !portNames.insert(name).inserted {
                        found.append(.error(portPath(), "port name '\(name)' is used twice in the pod"))
                    }
                }
            }
        }
        return found
    }

    /// `{app=account, tier=api}` for messages.
    func describe(_ labels: [String: String]) -> String {
        "{" + labels.keys.sorted().map { "\($0)=\(labels[$0] ?? "")" }.joined(separator: ", ") + "}"
    }
}
