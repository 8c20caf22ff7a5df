// The one place where helpers turn their settings into pod templates: the main container
// gets the security context, resources, probes and writable scratch volumes; the pod gets
// the pod security context and zone spreading. Internal: helpers share it, users see the helpers.

import InfraCore

/// Builds the containers and pod templates of the helpers.
enum PodAssembly {
    /// The name of the `emptyDir` volume mounted at a writable path (`/tmp` → `tmp`, `/var/cache/nginx` → `var-cache-nginx`).
    static func scratchVolumeName(_ path: String) -> String {
        let name = path.split(separator: "/").joined(separator: "-").lowercased()
        return name.isEmpty ? "scratch" : String(name.prefix(63))
    }

    /// `emptyDir` volumes and mounts for paths that must stay writable under a read-only root filesystem.
    static func scratch(_ paths: [String]) -> (volumes: [Volume], mounts: [VolumeMount]) {
        let volumes = paths.map {
            Volume(name: scratchVolumeName($0), emptyDir: EmptyDirVolumeSource(sizeLimit: "1Gi"))
        }
        let mounts = paths.map { VolumeMount(name: scratchVolumeName($0), mountPath: $0) }
        return (volumes, mounts)
    }

    /// A helper's main container with security context, resources and (when given) probes.
    static func container(
        name: String, image: String, command: [String]? = nil, args: [String]? = nil, ports: [ContainerPort],
        env: [EnvVar], envFrom: [EnvFromSource] = [], resources: ComputeResources, security: WorkloadSecurity,
        health: HealthCheck?, volumeMounts: [VolumeMount]
    ) -> Container {
        Container(
            name: name, args: args, command: command, env: env.isEmpty ? nil : env,
            envFrom: envFrom.isEmpty ? nil : envFrom, image: image, imagePullPolicy: "Always",
            livenessProbe: health?.livenessProbe, ports: ports.isEmpty ? nil : ports,
            readinessProbe: health?.readinessProbe, resources: resources.requirements,
            securityContext: security.containerSecurityContext,
            volumeMounts: volumeMounts.isEmpty ? nil : volumeMounts)
    }

    /// A pod template running `containers` with the pod security context, spread over zones.
    static func template(
        labels: [String: String], annotations: [String: String] = [:], containers: [Container],
        volumes: [Volume], security: WorkloadSecurity, serviceAccountName: String?,
        spreadSelector: [String: String], priorityClassName: String? = nil,
        terminationGracePeriodSeconds: Int? = nil
    ) -> PodTemplateSpec {
        PodTemplateSpec(
            metadata: ObjectMeta(labels: labels, annotations: annotations.isEmpty ? nil : annotations),
            spec: PodSpec(
                automountServiceAccountToken: security.mountServiceAccountToken, containers: containers,
                priorityClassName: priorityClassName, securityContext: security.podSecurityContext,
                serviceAccountName: serviceAccountName, terminationGracePeriodSeconds: terminationGracePeriodSeconds,
                topologySpreadConstraints: [
                    TopologySpreadConstraint(
                        labelSelector: .matching(spreadSelector), maxSkew: 1,
                        topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway")
                ],
                volumes: volumes.isEmpty ? nil : volumes))
    }

    /// Problems shared by every helper workload: image without a pinned tag, security settings,
    /// resources; reported under `<workload path>/containers[0]`.
    static func diagnostics(
        image: String, security: WorkloadSecurity, resources: ComputeResources, at workload: ComponentPath
    ) -> [Diagnostic] {
        let container = workload.appending("containers", index: 0)
        var found: [Diagnostic] = []
        if image.isEmpty {
            found.append(.error(container, "the image is empty"))
        } else if !image.contains("@") {
            let lastSegment = image.split(separator: "/").last.map(String.init) ?? image
            let tag = lastSegment.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init)
            if tag == nil || tag == "latest" {
                found.append(
                    .warning(
                        container, "image '\(image)' is not pinned to a version",
                        hint: "use a version tag or a digest so rollouts are reproducible"))
            }
        }
        for problem in security.problems() {
            found.append(.error(container.appending("securityContext"), problem))
        }
        for problem in resources.problems() { found.append(.error(container.appending("resources"), problem)) }
        return found
    }

    /// A stable short hash of text (FNV-1a, 64 bit, hex) for rollout annotations of config content.
    static func contentHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }
}
