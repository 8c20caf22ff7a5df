// A stateful service (database, queue, time-series store) as one value: a StatefulSet whose
// pods each get their own EBS volume from `volumeClaimTemplates`, a headless Service for
// stable DNS names, and a PodDisruptionBudget when there is more than one replica.

import InfraCore

/// A StatefulSet with per-pod volumes, a headless Service and (for replicas > 1) a PodDisruptionBudget.
///
/// ```swift
/// StatefulWorkload(
///     name: "redis", image: "redis:7.2.5", ports: [.init(name: "redis", port: 6379)],
///     storage: "20Gi", mountPath: "/data", health: .tcp(port: "redis"))
/// ```
public struct StatefulWorkload: ManifestContent, Hashable {
    /// A named container port, published by the headless Service.
    public struct Port: Sendable, Hashable {
        /// The port's name (an IANA service name, at most 15 characters).
        public var name: String
        /// The port number.
        public var port: Int

        /// Creates a port.
        public init(name: String, port: Int) {
            self.name = name
            self.port = port
        }
    }

    /// The name of the StatefulSet, Service and container, and the `app` label.
    public var name: String
    /// The namespace, or `nil` for the manifest's default.
    public var namespace: String?
    /// The container image, pinned to a version.
    public var image: String
    /// The container ports.
    public var ports: [Port]
    /// The number of pods.
    public var replicas: Int
    /// The size of each pod's volume.
    public var storage: Quantity
    /// The StorageClass of the volumes.
    public var storageClassName: String
    /// Where the volume is mounted.
    public var mountPath: String
    /// The volume claim template's name (claims are `<claim>-<name>-<ordinal>`).
    public var claimName: String
    /// Requests and limits.
    public var resources: ComputeResources
    /// Security settings (restricted by default).
    public var security: WorkloadSecurity
    /// The readiness/liveness check, or `nil`.
    public var health: HealthCheck?
    /// Environment variables.
    public var env: [EnvVar]
    /// The command, or `nil` for the image's.
    public var command: [String]?
    /// The arguments, or `nil` for the image's.
    public var args: [String]?
    /// Config files mounted into the container, or `nil`.
    public var config: ConfigFiles?
    /// Paths that stay writable under the read-only root filesystem.
    public var writablePaths: [String]
    /// Extra volumes of the pod (e.g. a Secret with a key file).
    public var volumes: [Volume]
    /// Extra mounts of the container.
    public var volumeMounts: [VolumeMount]
    /// The headless Service's name; defaults to ``name`` (set it when another Service already has that name).
    public var serviceName: String
    /// The ServiceAccount, or `nil` for the namespace's default.
    public var serviceAccountName: String?
    /// Labels added to every object and the pods.
    public var labels: [String: String]

    /// Creates a stateful workload with the restricted defaults and `ebs-sc` volumes.
    public init(
        name: String, namespace: String? = nil, image: String, ports: [Port], replicas: Int = 1,
        storage: Quantity, storageClassName: String = "ebs-sc", mountPath: String, claimName: String = "data",
        resources: ComputeResources = .medium, security: WorkloadSecurity = .restricted, health: HealthCheck? = nil,
        env: [EnvVar] = [], command: [String]? = nil, args: [String]? = nil, config: ConfigFiles? = nil,
        writablePaths: [String] = ["/tmp"], volumes: [Volume] = [], volumeMounts: [VolumeMount] = [],
        serviceName: String? = nil, serviceAccountName: String? = nil, labels: [String: String] = [:]
    ) {
        self.name = name
        self.namespace = namespace
        self.image = image
        self.ports = ports
        self.replicas = replicas
        self.storage = storage
        self.storageClassName = storageClassName
        self.mountPath = mountPath
        self.claimName = claimName
        self.resources = resources
        self.security = security
        self.health = health
        self.env = env
        self.command = command
        self.args = args
        self.config = config
        self.writablePaths = writablePaths
        self.volumes = volumes
        self.volumeMounts = volumeMounts
        self.serviceName = serviceName ?? name
        self.serviceAccountName = serviceAccountName
        self.labels = labels
    }

    /// The selector of the pods: `app: <name>`.
    public var selectorLabels: [String: String] { ["app": name] }

    /// Labels of every object.
    public var objectLabels: [String: String] {
        labels.merging(["app": name, "app.kubernetes.io/name": name]) { _, own in own }
    }

    /// The StatefulSet with one `ReadWriteOnce` claim per pod.
    public var statefulSet: StatefulSet {
        let scratch = PodAssembly.scratch(writablePaths)
        var mounts = [VolumeMount(name: claimName, mountPath: mountPath)] + scratch.mounts + volumeMounts
        var volumes = scratch.volumes + self.volumes
        var annotations: [String: String] = [:]
        if let config {
            mounts.append(config.mount)
            volumes.append(config.volume)
            annotations[ConfigFiles.checksumAnnotation] = config.checksum
        }
        let container = PodAssembly.container(
            name: name, image: image, command: command, args: args,
            ports: ports.map { ContainerPort(name: $0.name, containerPort: $0.port, protocol: "TCP") }, env: env,
            resources: resources, security: security, health: health, volumeMounts: mounts)
        let claim = PersistentVolumeClaim(
            metadata: ObjectMeta(name: claimName, labels: selectorLabels),
            spec: PersistentVolumeClaimSpec(
                accessModes: ["ReadWriteOnce"], resources: VolumeResourceRequirements(requests: ["storage": storage]),
                storageClassName: storageClassName))
        return StatefulSet(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: objectLabels),
            spec: StatefulSetSpec(
                podManagementPolicy: "OrderedReady", replicas: replicas, revisionHistoryLimit: 5,
                selector: .matching(selectorLabels), serviceName: serviceName,
                template: PodAssembly.template(
                    labels: objectLabels, annotations: annotations, containers: [container], volumes: volumes,
                    security: security, serviceAccountName: serviceAccountName, spreadSelector: selectorLabels,
                    terminationGracePeriodSeconds: 60),
                updateStrategy: StatefulSetUpdateStrategy(type: "RollingUpdate"), volumeClaimTemplates: [claim]))
    }

    /// The headless Service giving each pod a stable DNS name (`<name>-0.<name>.<namespace>.svc`).
    public var service: Service {
        Service(
            metadata: ObjectMeta(name: serviceName, namespace: namespace, labels: objectLabels),
            spec: ServiceSpec(
                clusterIP: "None",
                ports: ports.map {
                    ServicePort(name: $0.name, port: $0.port, protocol: "TCP", targetPort: .string($0.name))
                },
                publishNotReadyAddresses: false, selector: selectorLabels))
    }

    /// A budget allowing one pod down at a time, or `nil` for a single replica.
    public var podDisruptionBudget: PodDisruptionBudget? {
        guard replicas > 1 else { return nil }
        return PodDisruptionBudget(
            metadata: ObjectMeta(name: "\(name)-pdb", namespace: namespace, labels: objectLabels),
            spec: PodDisruptionBudgetSpec(maxUnavailable: 1, selector: .matching(selectorLabels)))
    }

    /// ConfigMap (when configured), Service, StatefulSet and PDB (when replicated).
    public var manifestObjects: [any KubernetesObject] {
        var objects: [any KubernetesObject] = []
        if let config { objects.append(config.configMap(namespace: namespace, labels: objectLabels)) }
        objects += [service, statefulSet] as [any KubernetesObject]
        if let podDisruptionBudget { objects.append(podDisruptionBudget) }
        return objects
    }

    /// Problems with the settings, at `<manifest>/StatefulSet/<name>`.
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("StatefulSet").appending(name)
        var found = PodAssembly.diagnostics(image: image, security: security, resources: resources, at: here)
        if ports.isEmpty {
            found.append(.error(here.appending("ports"), "a stateful workload needs at least one port"))
        }
        if replicas < 1 { found.append(.error(here.appending("replicas"), "replicas must be at least 1")) }
        if let problem = storage.problem {
            found.append(.error(here.appending("volumeClaimTemplates", index: 0), "storage: \(problem)"))
        } else if (storage.value ?? 0) <= 0 {
            found.append(.error(here.appending("volumeClaimTemplates", index: 0), "storage must be positive"))
        }
        if !mountPath.hasPrefix("/") {
            found.append(.error(here.appending("containers", index: 0), "mount path '\(mountPath)' must be absolute"))
        }
        return found
    }
}
