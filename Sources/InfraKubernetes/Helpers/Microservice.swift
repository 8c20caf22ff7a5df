// A stateless HTTP service as one value: Deployment + Service + HorizontalPodAutoscaler +
// PodDisruptionBudget (+ an optional NGINX Ingress), with the restricted pod security profile,
// requests and limits, probes and zone spreading applied by default.

import InfraCore

/// A stateless service: Deployment, Service, HPA, PodDisruptionBudget and optionally an Ingress.
///
/// ```swift
/// Microservice(name: "account-microservice", image: "ghcr.io/oves/account:1.4.2", port: 3000)
/// ```
/// Pods carry `app: <name>`; the Service, HPA (`<name>-hpa`) and PDB (`<name>-pdb`) use the same name.
public struct Microservice: ManifestContent, Hashable {
    /// Horizontal autoscaling bounds and utilization targets.
    public struct Autoscaling: Sendable, Hashable {
        /// The fewest replicas.
        public var minReplicas: Int
        /// The most replicas.
        public var maxReplicas: Int
        /// Target average CPU utilization (percent of the request), or `nil` to ignore CPU.
        public var cpuUtilization: Int?
        /// Target average memory utilization (percent of the request), or `nil` to ignore memory.
        public var memoryUtilization: Int?

        /// Creates bounds and targets; 2–10 replicas at 70 % CPU and 80 % memory by default.
        public init(
            minReplicas: Int = 2, maxReplicas: Int = 10, cpuUtilization: Int? = 70, memoryUtilization: Int? = 80
        ) {
            self.minReplicas = minReplicas
            self.maxReplicas = maxReplicas
            self.cpuUtilization = cpuUtilization
            self.memoryUtilization = memoryUtilization
        }
    }

    /// The name of the Deployment, Service and container, and the `app` label.
    public var name: String
    /// The namespace, or `nil` for the manifest's default.
    public var namespace: String?
    /// The container image, pinned to a version.
    public var image: String
    /// The port the container listens on (named `http`).
    public var port: Int
    /// The Service's port; defaults to ``port``.
    public var servicePort: Int
    /// The replica count when not autoscaled (the HPA's minimum otherwise).
    public var replicas: Int
    /// Autoscaling, or `nil` for a fixed replica count.
    public var autoscaling: Autoscaling?
    /// The PodDisruptionBudget's `minAvailable`, or `nil` for no budget.
    public var minAvailable: IntOrString?
    /// Requests and limits of the container.
    public var resources: ComputeResources
    /// Security settings (restricted by default).
    public var security: WorkloadSecurity
    /// The readiness/liveness check, or `nil` for none.
    public var health: HealthCheck?
    /// Environment variables.
    public var env: [EnvVar]
    /// Whole ConfigMaps/Secrets as environment variables.
    public var envFrom: [EnvFromSource]
    /// The command (entrypoint), or `nil` for the image's.
    public var command: [String]?
    /// The arguments, or `nil` for the image's.
    public var args: [String]?
    /// Paths that stay writable under the read-only root filesystem (an `emptyDir` each).
    public var writablePaths: [String]
    /// Config files mounted into the container (a ConfigMap), or `nil`.
    public var config: ConfigFiles?
    /// Extra volumes of the pod.
    public var volumes: [Volume]
    /// Extra mounts of the container.
    public var volumeMounts: [VolumeMount]
    /// The ServiceAccount the pods run as, or `nil` for the namespace's default.
    public var serviceAccountName: String?
    /// Labels added to every object and the pods.
    public var labels: [String: String]
    /// Annotations of the pod template (e.g. a config checksum).
    public var podAnnotations: [String: String]
    /// The public route, or `nil` for a cluster-internal service; its namespace defaults to the service's.
    public var ingress: IngressRoute?

    /// Creates a microservice with the restricted defaults.
    public init(
        name: String, namespace: String? = nil, image: String, port: Int, servicePort: Int? = nil,
        replicas: Int = 2, autoscaling: Autoscaling? = Autoscaling(), minAvailable: IntOrString? = 1,
        resources: ComputeResources = .small, security: WorkloadSecurity = .restricted,
        health: HealthCheck? = .http(path: "/health", port: "http"), env: [EnvVar] = [],
        envFrom: [EnvFromSource] = [], command: [String]? = nil, args: [String]? = nil,
        writablePaths: [String] = ["/tmp"], config: ConfigFiles? = nil, volumes: [Volume] = [],
        volumeMounts: [VolumeMount] = [],
        serviceAccountName: String? = nil, labels: [String: String] = [:], podAnnotations: [String: String] = [:],
        ingress: IngressRoute? = nil
    ) {
        self.name = name
        self.namespace = namespace
        self.image = image
        self.port = port
        self.servicePort = servicePort ?? port
        self.replicas = replicas
        self.autoscaling = autoscaling
        self.minAvailable = minAvailable
        self.resources = resources
        self.security = security
        self.health = health
        self.env = env
        self.envFrom = envFrom
        self.command = command
        self.args = args
        self.writablePaths = writablePaths
        self.config = config
        self.volumes = volumes
        self.volumeMounts = volumeMounts
        self.serviceAccountName = serviceAccountName
        self.labels = labels
        self.podAnnotations = podAnnotations
        self.ingress = ingress
    }

    /// The selector of the pods: `app: <name>`.
    public var selectorLabels: [String: String] { ["app": name] }

    /// Labels of every object: the given labels plus `app` and `app.kubernetes.io/name`.
    public var objectLabels: [String: String] {
        labels.merging(["app": name, "app.kubernetes.io/name": name]) { _, own in own }
    }

    /// The HorizontalPodAutoscaler's name, `<name>-hpa`.
    public var autoscalerName: String { "\(name)-hpa" }

    /// The Deployment.
    public var deployment: Deployment {
        let scratch = PodAssembly.scratch(writablePaths)
        var annotations = podAnnotations
        var configVolumes: [Volume] = []
        var configMounts: [VolumeMount] = []
        if let config {
            configVolumes.append(config.volume)
            configMounts.append(config.mount)
            annotations[ConfigFiles.checksumAnnotation] = config.checksum
        }
        let container = PodAssembly.container(
            name: name, image: image, command: command, args: args,
            ports: [ContainerPort(name: "http", containerPort: port, protocol: "TCP")], env: env, envFrom: envFrom,
            resources: resources, security: security, health: health,
            volumeMounts: scratch.mounts + configMounts + volumeMounts)
        return Deployment(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: objectLabels),
            spec: DeploymentSpec(
                replicas: autoscaling?.minReplicas ?? replicas, revisionHistoryLimit: 5,
                selector: .matching(selectorLabels),
                strategy: DeploymentStrategy(
                    rollingUpdate: RollingUpdateDeployment(maxSurge: 1, maxUnavailable: 0), type: "RollingUpdate"),
                template: PodAssembly.template(
                    labels: objectLabels, annotations: annotations, containers: [container],
                    volumes: scratch.volumes + configVolumes + volumes, security: security,
                    serviceAccountName: serviceAccountName,
                    spreadSelector: selectorLabels)))
    }

    /// The ClusterIP Service (port `http`).
    public var service: Service {
        Service(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: objectLabels),
            spec: ServiceSpec(
                ports: [ServicePort(name: "http", port: servicePort, protocol: "TCP", targetPort: "http")],
                selector: selectorLabels, type: "ClusterIP"))
    }

    /// The HPA scaling the Deployment on CPU and memory utilization, or `nil` without autoscaling.
    public var horizontalPodAutoscaler: HorizontalPodAutoscaler? {
        guard let autoscaling else { return nil }
        var metrics: [MetricSpec] = []
        if let cpu = autoscaling.cpuUtilization { metrics.append(Self.utilization("cpu", cpu)) }
        if let memory = autoscaling.memoryUtilization { metrics.append(Self.utilization("memory", memory)) }
        return HorizontalPodAutoscaler(
            metadata: ObjectMeta(name: autoscalerName, namespace: namespace, labels: objectLabels),
            spec: HorizontalPodAutoscalerSpec(
                maxReplicas: autoscaling.maxReplicas, metrics: metrics, minReplicas: autoscaling.minReplicas,
                scaleTargetRef: CrossVersionObjectReference(apiVersion: "apps/v1", kind: "Deployment", name: name)))
    }

    /// The PodDisruptionBudget `<name>-pdb`, or `nil` without a budget.
    public var podDisruptionBudget: PodDisruptionBudget? {
        guard let minAvailable else { return nil }
        return PodDisruptionBudget(
            metadata: ObjectMeta(name: "\(name)-pdb", namespace: namespace, labels: objectLabels),
            spec: PodDisruptionBudgetSpec(minAvailable: minAvailable, selector: .matching(selectorLabels)))
    }

    /// The Ingress, in the service's namespace unless the route names its own.
    public var routedIngress: Ingress? {
        guard var route = ingress else { return nil }
        if route.namespace == nil { route.namespace = namespace }
        return route.ingress
    }

    /// ConfigMap, Deployment, Service, HPA, PDB and Ingress (those that are configured).
    public var manifestObjects: [any KubernetesObject] {
        var objects: [any KubernetesObject] = []
        if let config { objects.append(config.configMap(namespace: namespace, labels: objectLabels)) }
        objects += [deployment, service] as [any KubernetesObject]
        if let horizontalPodAutoscaler { objects.append(horizontalPodAutoscaler) }
        if let podDisruptionBudget { objects.append(podDisruptionBudget) }
        if let routedIngress { objects.append(routedIngress) }
        return objects
    }

    /// Problems with the settings, at `<manifest>/Deployment/<name>` (containers under `containers[0]`).
    public func manifestDiagnostics(at path: ComponentPath) -> [Diagnostic] {
        let here = path.appending("Deployment").appending(name)
        var found = PodAssembly.diagnostics(image: image, security: security, resources: resources, at: here)
        if let autoscaling {
            if autoscaling.minReplicas < 1 {
                found.append(.error(here.appending("autoscaling"), "minReplicas must be at least 1"))
            }
            for (metric, target) in [("cpu", autoscaling.cpuUtilization), ("memory", autoscaling.memoryUtilization)] {
                if let target, target <= 0 {
                    found.append(
                        .error(
                            here.appending("autoscaling"), "\(metric) utilization target \(target)% must be positive"))
                }
            }
            if autoscaling.cpuUtilization == nil && autoscaling.memoryUtilization == nil {
                found.append(.error(here.appending("autoscaling"), "autoscaling needs a CPU or memory target"))
            }
        } else if replicas < 0 {
            found.append(.error(here.appending("replicas"), "replicas must not be negative"))
        }
        if case .int(let budget)? = minAvailable, budget >= (autoscaling?.minReplicas ?? replicas) {
            found.append(
                .warning(
                    here.appending("minAvailable"),
                    "minAvailable \(budget) is not below the replica count: node drains will block",
                    hint: "keep minAvailable below the minimum replica count"))
        }
        if let ingress {
            var route = ingress
            if route.namespace == nil { route.namespace = namespace }
            found += route.manifestDiagnostics(at: path)
            for (offset, rule) in ingress.paths.enumerated() where rule.service == name && rule.port != servicePort {
                found.append(
                    .error(
                        path.appending("Ingress").appending(ingress.name).appending("paths", index: offset),
                        "routes to port \(rule.port) but Service '\(name)' listens on \(servicePort)"))
            }
        }
        return found
    }

    private static func utilization(_ resource: String, _ percent: Int) -> MetricSpec {
        MetricSpec(
            resource: ResourceMetricSource(
                name: resource, target: MetricTarget(averageUtilization: percent, type: "Utilization")),
            type: "Resource")
    }
}
