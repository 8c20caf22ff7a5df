// Uniform access to the pods an object runs: the pod template of workloads (Deployment,
// StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob) or a Pod's own
// spec, with the selector that must match the template's labels.

import InfraCore

/// The pod template of a workload, as validation and dependency analysis see it.
///
/// A class: validation passes it around per object, and copying the pod spec each time
/// (dozens of reference-counted fields) cost more than the checks themselves.
final class PodTemplateInfo: Sendable {
    /// The workload's label selector (`nil` when the kind has none or the user left it out).
    let selector: LabelSelector?
    /// Whether the API server requires a selector that matches the template labels.
    let requiresSelector: Bool
    /// The template's labels (a Pod's own labels).
    let labels: [String: String]
    /// The pod spec, when set.
    let spec: PodSpec?
    /// The template's metadata, for label checks (`nil` for a Pod, whose metadata is checked anyway).
    let templateMetadata: ObjectMeta?
    /// Claim templates of a StatefulSet: volumes may refer to them by name.
    let claimTemplates: [PersistentVolumeClaim]
    /// Every container (init, regular; ephemeral ones are not declarable) with its path segment,
    /// listed once here because several rules walk them.
    let containers: [(segment: String, index: Int, container: Container)]

    /// The types that run pods; other objects are not cast at all (a failed cast costs more
    /// than this lookup).
    static let workloadTypes: Set<ObjectIdentifier> = [
        ObjectIdentifier(Deployment.self), ObjectIdentifier(StatefulSet.self), ObjectIdentifier(DaemonSet.self),
        ObjectIdentifier(ReplicaSet.self), ObjectIdentifier(ReplicationController.self), ObjectIdentifier(Job.self),
        ObjectIdentifier(CronJob.self), ObjectIdentifier(Pod.self),
    ]

    /// The pod template of `object` (at `path`), or `nil` when it runs no pods, with the field
    /// diagnostics of a workload found from the same cast (`nil` for other objects: a cast
    /// copies the whole object, so a workload is cast once for both).
    static func of(
        _ object: any KubernetesObject, path: ComponentPath
    ) -> (pods: PodTemplateInfo?, fieldDiagnostics: [Diagnostic]?) {
        guard workloadTypes.contains(ObjectIdentifier(type(of: object))) else { return (nil, nil) }
        func checked(_ workload: some FieldCheckable) -> [Diagnostic] {
            var walk = FieldWalk(path: path)
            workload.walkCheckedFields(&walk)
            return walk.found
        }
        switch object {
        case let o as Deployment:
            return (
                PodTemplateInfo(selector: o.spec?.selector, required: true, template: o.spec?.template), checked(o)
            )
        case let o as StatefulSet:
            let pods = PodTemplateInfo(
                selector: o.spec?.selector, required: true, template: o.spec?.template,
                claimTemplates: o.spec?.volumeClaimTemplates ?? [])
            return (pods, checked(o))
        case let o as DaemonSet:
            return (
                PodTemplateInfo(selector: o.spec?.selector, required: true, template: o.spec?.template), checked(o)
            )
        case let o as ReplicaSet:
            return (
                PodTemplateInfo(selector: o.spec?.selector, required: true, template: o.spec?.template), checked(o)
            )
        case let o as ReplicationController:
            let pods = PodTemplateInfo(
                selector: o.spec?.selector.map { LabelSelector(matchLabels: $0) }, required: false,
                template: o.spec?.template)
            return (pods, checked(o))
        case let o as Job:
            let manual = o.spec?.manualSelector ?? false
            let pods = PodTemplateInfo(
                selector: manual ? o.spec?.selector : nil, required: manual, template: o.spec?.template)
            return (pods, checked(o))
        case let o as CronJob:
            let pods = PodTemplateInfo(
                selector: nil, required: false, template: o.spec.jobTemplate.spec?.template)
            return (pods, checked(o))
        case let o as Pod:
            let pods = PodTemplateInfo(
                selector: nil, required: false, template: PodTemplateSpec(metadata: nil, spec: o.spec),
                labels: o.metadata.labels ?? [:])
            return (pods, checked(o))
        default:
            return (nil, nil)
        }
    }

    private init(
        selector: LabelSelector?, required: Bool, template: PodTemplateSpec?,
        claimTemplates: [PersistentVolumeClaim] = [], labels: [String: String]? = nil
    ) {
        self.selector = selector
        self.requiresSelector = required
        self.labels = labels ?? template?.metadata?.labels ?? [:]
        self.spec = template?.spec
        self.templateMetadata = template?.metadata
        self.claimTemplates = claimTemplates
        var containers: [(segment: String, index: Int, container: Container)] = []
        for (offset, container) in (template?.spec?.initContainers ?? []).enumerated() {
            containers.append(("initContainers", offset, container))
        }
        for (offset, container) in (template?.spec?.containers ?? []).enumerated() {
            containers.append(("containers", offset, container))
        }
        self.containers = containers
    }

    /// The names of all container ports.
    var portNames: Set<String> {
        Set(containers.flatMap { $0.container.ports ?? [] }.compactMap(\.name))
    }
}
