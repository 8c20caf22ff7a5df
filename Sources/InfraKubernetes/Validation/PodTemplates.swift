// Uniform access to the pods an object runs: the pod template of workloads (Deployment,
// StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob) or a Pod's own
// spec, with the selector that must match the template's labels.

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

    /// The pod template of `object`, or `nil` when it runs no pods.
    static func of(_ object: any KubernetesObject) -> PodTemplateInfo? {
        guard workloadTypes.contains(ObjectIdentifier(type(of: object))) else { return nil }
        return switch object {
        case let o as Deployment:
            PodTemplateInfo(selector: o.spec?.selector, required: true, template: o.spec?.template)
        case let o as StatefulSet:
            PodTemplateInfo(
                selector: o.spec?.selector, required: true, template: o.spec?.template,
                claimTemplates: o.spec?.volumeClaimTemplates ?? [])
        case let o as DaemonSet:
            PodTemplateInfo(selector: o.spec?.selector, required: true, template: o.spec?.template)
        case let o as ReplicaSet:
            PodTemplateInfo(selector: o.spec?.selector, required: true, template: o.spec?.template)
        case let o as ReplicationController:
            PodTemplateInfo(
                selector: o.spec?.selector.map { LabelSelector(matchLabels: $0) }, required: false,
                template: o.spec?.template)
        case let o as Job:
            PodTemplateInfo(
                selector: o.spec?.manualSelector ?? false ? o.spec?.selector : nil,
                required: o.spec?.manualSelector ?? false, template: o.spec?.template)
        case let o as CronJob:
            PodTemplateInfo(selector: nil, required: false, template: o.spec?.jobTemplate.spec?.template)
        case let o as Pod:
            PodTemplateInfo(
                selector: nil, required: false, template: PodTemplateSpec(metadata: nil, spec: o.spec),
                labels: o.metadata.labels ?? [:])
        default:
            nil
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
