// Uniform access to the pods an object runs: the pod template of workloads (Deployment,
// StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob) or a Pod's own
// spec, with the selector that must match the template's labels.

/// The pod template of a workload, as validation and dependency analysis see it.
struct PodTemplateInfo {
    /// The workload's label selector (`nil` when the kind has none or the user left it out).
    var selector: LabelSelector?
    /// Whether the API server requires a selector that matches the template labels.
    var requiresSelector: Bool
    /// The template's labels (a Pod's own labels).
    var labels: [String: String]
    /// The pod spec, when set.
    var spec: PodSpec?
    /// The template's metadata, for label checks (`nil` for a Pod, whose metadata is checked anyway).
    var templateMetadata: ObjectMeta?
    /// Claim templates of a StatefulSet: volumes may refer to them by name.
    var claimTemplates: [PersistentVolumeClaim] = []
    /// Every container (init, regular; ephemeral ones are not declarable) with its path segment,
    /// listed once here because several rules walk them.
    let containers: [(segment: String, index: Int, container: Container)]

    /// The pod template of `object`, or `nil` when it runs no pods.
    init?(_ object: any KubernetesObject) {
        switch object {
        case let o as Deployment:
            self.init(selector: o.spec?.selector, required: true, template: o.spec?.template)
        case let o as StatefulSet:
            self.init(selector: o.spec?.selector, required: true, template: o.spec?.template)
            claimTemplates = o.spec?.volumeClaimTemplates ?? []
        case let o as DaemonSet:
            self.init(selector: o.spec?.selector, required: true, template: o.spec?.template)
        case let o as ReplicaSet:
            self.init(selector: o.spec?.selector, required: true, template: o.spec?.template)
        case let o as ReplicationController:
            let selector = o.spec?.selector.map { LabelSelector(matchLabels: $0) }
            self.init(selector: selector, required: false, template: o.spec?.template)
        case let o as Job:
            let manual = o.spec?.manualSelector ?? false
            self.init(selector: manual ? o.spec?.selector : nil, required: manual, template: o.spec?.template)
        case let o as CronJob:
            self.init(selector: nil, required: false, template: o.spec?.jobTemplate.spec?.template)
        case let o as Pod:
            self.init(selector: nil, required: false, template: PodTemplateSpec(metadata: nil, spec: o.spec))
            labels = o.metadata.labels ?? [:]
        default:
            return nil
        }
    }

    private init(selector: LabelSelector?, required: Bool, template: PodTemplateSpec?) {
        self.selector = selector
        self.requiresSelector = required
        self.labels = template?.metadata?.labels ?? [:]
        self.spec = template?.spec
        self.templateMetadata = template?.metadata
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
