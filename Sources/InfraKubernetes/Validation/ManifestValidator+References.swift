// References between objects: what a workload's pods use (ConfigMaps, Secrets,
// ServiceAccounts, PVCs), what a PVC's StorageClass is, what an HPA/VPA scales, what an
// Ingress routes to, what a binding grants, which issuer a Certificate uses. A reference to
// an object the manifest defines becomes a dependency edge; one it does not define is a
// warning (it must already exist in the cluster) unless the manifest declares who provides it
// (`ClusterProvided`). Selections (Service/PDB → pods) are edges too.

import InfraCore

/// One reference from an object (or one of its fields) to another object.
struct ManifestReference {
    /// The referenced object's key (empty namespace for cluster-scoped kinds).
    var key: ObjectKey
    /// Where the reference is written.
    var path: ComponentPath
    /// Whether a missing target deserves a warning (`false` for optional references).
    var warnWhenExternal: Bool = true
}

extension ManifestValidator {
    /// ServiceAccounts that every namespace has.
    static let builtInServiceAccounts: Set<String> = ["default"]

    /// The user-facing ClusterRoles the API server creates and keeps (RBAC "default roles"); the
    /// `system:` roles are recognised by their prefix.
    static let builtInClusterRoles: Set<String> = ["cluster-admin", "admin", "edit", "view"]

    /// Whether `name` is a ClusterRole every cluster has.
    static func isBuiltInClusterRole(_ name: String) -> Bool {
        builtInClusterRoles.contains(name) || name.hasPrefix("system:")
    }

    /// Warnings about references of the object at `offset` to objects the manifest does not define.
    func referenceDiagnostics(_ offset: Int) -> [Diagnostic] {
        objectReferences[offset].compactMap { reference in
            guard reference.warnWhenExternal, index[reference.key] == nil, provided[reference.key] == nil else {
                return nil
            }
            let place = reference.key.namespace.isEmpty ? "" : " in namespace '\(reference.key.namespace)'"
            return .warning(
                reference.path,
                "refers to \(reference.key.kind) '\(reference.key.name)'\(place), which this manifest does not define",
                hint: "it must already exist in the cluster")
        }
    }

    /// What each object depends on, parallel to ``objects``: its Namespace when the manifest
    /// defines it, the defined objects it refers to, and the workloads a Service or PDB selects —
    /// each once, in that order, never the object itself.
    func dependencies() -> [[Int]] {
        Parallel.map(count: objects.count) { offset -> [Int] in
            var found: [Int] = []
            func add(_ target: Int) {
                if target != offset, !found.contains(target) { found.append(target) }
            }
            if let namespace = namespaces[offset], !clusterScoped[offset],
                let target = index[ObjectKey(group: "", kind: "Namespace", namespace: "", name: namespace)]
            {
                add(target)
            }
            for reference in objectReferences[offset] {
                if let target = index[reference.key] { add(target) }
            }
            for target in objectSelections[offset] { add(target) }
            return found
        }
    }

    /// The workloads a Service or PodDisruptionBudget selects.
    func selections(of object: any KubernetesObject, offset: Int) -> [Int] {
        let type = ObjectIdentifier(type(of: object))
        guard type == ObjectIdentifier(Service.self) || type == ObjectIdentifier(PodDisruptionBudget.self) else {
            return []
        }
        switch object {
        case let service as Service:
            let selector = service.spec?.selector ?? [:]
            return selectedPods(namespace: namespaces[offset], requiredLabels: selector) {
                selectorMatches(selector, $0)
            }.map(\.offset)
        case let pdb as PodDisruptionBudget:
            guard let selector = pdb.spec?.selector, !selector.isEmpty else { return [] }
            return selectedPods(namespace: namespaces[offset], requiredLabels: selector.matchLabels ?? [:]) {
                selector.matches($0)
            }.map(\.offset)
        default:
            return []
        }
    }

    /// The types whose own fields name other objects (besides pod templates).
    static let referringTypes: Set<ObjectIdentifier> = [
        ObjectIdentifier(PersistentVolumeClaim.self), ObjectIdentifier(StatefulSet.self),
        ObjectIdentifier(HorizontalPodAutoscaler.self), ObjectIdentifier(VerticalPodAutoscaler.self),
        ObjectIdentifier(Ingress.self), ObjectIdentifier(RoleBinding.self), ObjectIdentifier(ClusterRoleBinding.self),
        ObjectIdentifier(Certificate.self),
    ]

    /// Everything `object` (in `namespace`, whose pod template is `pods`) refers to by name.
    func references(
        of object: any KubernetesObject, namespace: String, pods: PodTemplateInfo?, path: ComponentPath
    ) -> [ManifestReference] {
        func key(_ kind: String, _ name: String, group: String = "", clusterScoped: Bool = false) -> ObjectKey {
            ObjectKey(group: group, kind: kind, namespace: clusterScoped ? "" : namespace, name: name)
        }
        var found: [ManifestReference] = []
        if let pods { found += podReferences(pods, namespace: namespace, path: path) }
        guard ManifestValidator.referringTypes.contains(ObjectIdentifier(type(of: object))) else { return found }
        switch object {
        case let claim as PersistentVolumeClaim:
            if let storageClass = claim.spec?.storageClassName, !storageClass.isEmpty {
                found.append(
                    ManifestReference(
                        key: key("StorageClass", storageClass, group: "storage.k8s.io", clusterScoped: true),
                        path: path.appending("storageClassName")))
            }
        case let set as StatefulSet:
            for (offset, template) in (set.spec?.volumeClaimTemplates ?? []).enumerated() {
                if let storageClass = template.spec?.storageClassName, !storageClass.isEmpty {
                    found.append(
                        ManifestReference(
                            key: key("StorageClass", storageClass, group: "storage.k8s.io", clusterScoped: true),
                            path: path.appending("volumeClaimTemplates", index: offset)))
                }
            }
        case let hpa as HorizontalPodAutoscaler:
            let target = hpa.spec.scaleTargetRef
            found.append(
                ManifestReference(
                    key: key(target.kind, target.name, group: group(of: target.apiVersion)),
                    path: path.appending("scaleTargetRef")))
        case let vpa as VerticalPodAutoscaler:
            let target = vpa.spec.targetRef
            found.append(
                ManifestReference(
                    key: key(target.kind, target.name, group: group(of: target.apiVersion)),
                    path: path.appending("targetRef")))
        case let ingress as Ingress:
            var backends: [(IngressBackend, ComponentPath)] = []
            if let backend = ingress.spec?.defaultBackend {
                backends.append((backend, path.appending("defaultBackend")))
            }
            for (ruleOffset, rule) in (ingress.spec?.rules ?? []).enumerated() {
                for (pathOffset, httpPath) in (rule.http?.paths ?? []).enumerated() {
                    backends.append(
                        (
                            httpPath.backend,
                            path.appending("rules", index: ruleOffset).appending("paths", index: pathOffset)
                        ))
                }
            }
            for (backend, here) in backends {
                if let service = backend.service {
                    found.append(ManifestReference(key: key("Service", service.name), path: here))
                }
            }
        case let binding as RoleBinding:
            found.append(roleReference(binding.roleRef, namespace: namespace, path: path.appending("roleRef")))
            found += subjectReferences(binding.subjects, namespace: namespace, path: path)
        case let binding as ClusterRoleBinding:
            found.append(roleReference(binding.roleRef, namespace: "", path: path.appending("roleRef")))
            found += subjectReferences(binding.subjects, namespace: "", path: path)
        case let certificate as Certificate:
            let issuer = certificate.spec?.issuerRef
            if let issuer, issuer.group == nil || issuer.group == "cert-manager.io" {
                let cluster = issuer.kind == "ClusterIssuer"
                found.append(
                    ManifestReference(
                        key: key(
                            cluster ? "ClusterIssuer" : "Issuer", issuer.name, group: "cert-manager.io",
                            clusterScoped: cluster),
                        path: path.appending("issuerRef")))
            }
        default:
            break
        }
        return found
    }

    private func group(of apiVersion: String?) -> String {
        guard let apiVersion, let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    private func roleReference(_ role: RoleRef, namespace: String, path: ComponentPath) -> ManifestReference {
        let cluster = role.kind == "ClusterRole"
        return ManifestReference(
            key: ObjectKey(
                group: "rbac.authorization.k8s.io", kind: role.kind, namespace: cluster ? "" : namespace,
                name: role.name),
            path: path,
            warnWhenExternal: !(cluster && ManifestValidator.isBuiltInClusterRole(role.name)))
    }

    private func subjectReferences(
        _ subjects: [Subject]?, namespace: String, path: ComponentPath
    ) -> [ManifestReference] {
        (subjects ?? []).enumerated().compactMap { offset, subject in
            guard subject.kind == "ServiceAccount" else { return nil }
            return ManifestReference(
                key: ObjectKey(
                    group: "", kind: "ServiceAccount", namespace: subject.namespace ?? namespace, name: subject.name),
                path: path.appending("subjects", index: offset),
                warnWhenExternal: !ManifestValidator.builtInServiceAccounts.contains(subject.name))
        }
    }

    /// ConfigMaps, Secrets, the ServiceAccount and PVCs used by a pod template.
    private func podReferences(_ pods: PodTemplateInfo, namespace: String, path: ComponentPath) -> [ManifestReference] {
        guard let spec = pods.spec else { return [] }
        func reference(
            _ kind: String, _ name: String?, _ here: ComponentPath, optional: Bool? = nil
        ) -> ManifestReference? {
            guard let name, !name.isEmpty else { return nil }
            return ManifestReference(
                key: ObjectKey(group: "", kind: kind, namespace: namespace, name: name), path: here,
                warnWhenExternal: optional != true)
        }
        var found: [ManifestReference?] = []
        if let account = spec.serviceAccountName ?? spec.serviceAccount {
            found.append(
                ManifestReference(
                    key: ObjectKey(group: "", kind: "ServiceAccount", namespace: namespace, name: account),
                    path: path.appending("serviceAccountName"),
                    warnWhenExternal: !ManifestValidator.builtInServiceAccounts.contains(account)))
        }
        for (offset, secret) in (spec.imagePullSecrets ?? []).enumerated() {
            found.append(reference("Secret", secret.name, path.appending("imagePullSecrets", index: offset)))
        }
        let claimTemplates = Set(pods.claimTemplates.compactMap(\.metadata.name))
        for (offset, volume) in (spec.volumes ?? []).enumerated() {
            let here = path.appending("volumes", index: offset)
            found.append(reference("ConfigMap", volume.configMap?.name, here, optional: volume.configMap?.optional))
            found.append(reference("Secret", volume.secret?.secretName, here, optional: volume.secret?.optional))
            if let claim = volume.persistentVolumeClaim?.claimName, !claimTemplates.contains(claim) {
                found.append(reference("PersistentVolumeClaim", claim, here))
            }
            for source in volume.projected?.sources ?? [] {
                found.append(reference("ConfigMap", source.configMap?.name, here, optional: source.configMap?.optional))
                found.append(reference("Secret", source.secret?.name, here, optional: source.secret?.optional))
            }
        }
        for (segment, offset, container) in pods.containers {
            let here = path.appending(segment, index: offset)
            for source in container.envFrom ?? [] {
                found.append(
                    reference("ConfigMap", source.configMapRef?.name, here, optional: source.configMapRef?.optional))
                found.append(reference("Secret", source.secretRef?.name, here, optional: source.secretRef?.optional))
            }
            for variable in container.env ?? [] {
                let configMap = variable.valueFrom?.configMapKeyRef
                let secret = variable.valueFrom?.secretKeyRef
                found.append(reference("ConfigMap", configMap?.name, here, optional: configMap?.optional))
                found.append(reference("Secret", secret?.name, here, optional: secret?.optional))
            }
        }
        return found.compactMap { $0 }
    }
}
