// Rules for single kinds: Service ports (ranges, names, named target ports that exist in
// the selected pods), HorizontalPodAutoscaler bounds, PodDisruptionBudget budgets.

import InfraCore

extension ManifestValidator {
    /// The API server's default NodePort range.
    static let nodePortRange = 30000...32767

    func serviceDiagnostics(_ service: Service, offset: Int, path: ComponentPath) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let spec = service.spec
        let selector = spec?.selector ?? [:]
        found += labelDiagnostics(selector, path: path.appending("selector"))
        let ports = spec?.ports ?? []
        if ports.isEmpty && spec?.type != "ExternalName" && spec?.clusterIP != "None" {
            found.append(.error(path.appending("ports"), "Service has no ports"))
        }
        let selected = objectSelections[offset].compactMap { podOffset in
            podTemplateOfObject[podOffset].map { (offset: podOffset, pods: $0) }
        }
        var names: Set<String> = []
        for (offset, port) in ports.enumerated() {
            func here() -> ComponentPath { path.appending("ports", index: offset) }
            if !(1...ManifestValidator.maxPort).contains(port.port) {
                found.append(.error(here(), "port \(port.port) is outside 1–65535"))
            }
            if let name = port.name {
                if let problem = NameRules.portName(name) {
                    found.append(.error(here(), "port name '\(name)' is invalid: \(problem)"))
                } else if !names.insert(name).inserted {
                    found.append(.error(here(), "port name '\(name)' is used twice"))
                }
            } else if ports.count > 1 {
                found.append(.error(here(), "a Service with several ports must name each of them"))
            }
            if let nodePort = port.nodePort {
                if !(1...ManifestValidator.maxPort).contains(nodePort) {
                    found.append(.error(here(), "nodePort \(nodePort) is outside 1–65535"))
                } else if !ManifestValidator.nodePortRange.contains(nodePort) {
                    found.append(
                        .warning(here(), "nodePort \(nodePort) is outside the default NodePort range 30000–32767"))
                }
            }
            switch port.targetPort {
            case .int(let target)?:
                if !(1...ManifestValidator.maxPort).contains(target) {
                    found.append(.error(here(), "targetPort \(target) is outside 1–65535"))
                }
            case .string(let target)?:
                if let problem = NameRules.portName(target) {
                    found.append(.error(here(), "targetPort name '\(target)' is invalid: \(problem)"))
                } else {
                    for (podOffset, pods) in selected where !pods.portNames.contains(target) {
                        found.append(
                            .error(
                                here(),
                                "targetPort '\(target)' is not a container port name of the selected \(paths[podOffset])",
                                hint: "name a container port '\(target)' or use a port number"))
                    }
                }
            case nil:
                break
            }
        }
        return found
    }

    func autoscalerDiagnostics(_ hpa: HorizontalPodAutoscaler, path: ComponentPath) -> [Diagnostic] {
        let spec = hpa.spec
        var found: [Diagnostic] = []
        let minimum = spec.minReplicas ?? 1
        if spec.maxReplicas < 1 { found.append(.error(path, "maxReplicas \(spec.maxReplicas) must be at least 1")) }
        if minimum < 1 { found.append(.error(path, "minReplicas \(minimum) must be at least 1")) }
        if minimum > spec.maxReplicas && spec.maxReplicas >= 1 {
            found.append(.error(path, "minReplicas \(minimum) is greater than maxReplicas \(spec.maxReplicas)"))
        }
        return found
    }

    func disruptionBudgetDiagnostics(_ pdb: PodDisruptionBudget, path: ComponentPath) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if pdb.spec?.minAvailable != nil && pdb.spec?.maxUnavailable != nil {
            found.append(.error(path, "set either minAvailable or maxUnavailable, not both"))
        }
        if let selector = pdb.spec?.selector {
            found += selectorDiagnostics(selector, path: path.appending("selector"))
        }
        return found
    }
}
