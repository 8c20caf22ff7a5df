// Checkly is a SaaS; what runs in the cluster is its private-location agent, which pulls
// check jobs from Checkly and runs them against dev services. It needs only outbound access
// and its API key, read from the `checkly-agent` Secret (never a literal).

import InfraKubernetes

/// The Checkly private-location agent Deployment.
struct Checkly {
    /// The namespace.
    var namespace: String

    /// The agent Deployment (two replicas, restricted, no ports: it only connects out).
    var agent: Deployment {
        let security = WorkloadSecurity(user: 10001, group: 10001, fsGroup: 10001)
        let labels = ["app": "checkly-agent", "app.kubernetes.io/name": "checkly-agent"]
        let container = Container(
            name: "checkly-agent",
            env: [
                .fromSecret("API_KEY", secret: "checkly-agent", key: "api-key"),
                .plain("JOB_CONCURRENCY", "5"),
            ],
            image: "checkly/agent:3.3.2", imagePullPolicy: "Always",
            resources: ComputeResources(cpu: "250m", memory: "512Mi", cpuLimit: "1", memoryLimit: "1Gi").requirements,
            securityContext: security.containerSecurityContext,
            volumeMounts: [VolumeMount(name: "tmp", mountPath: "/tmp")])
        return Deployment(
            metadata: ObjectMeta(name: "checkly-agent", namespace: namespace, labels: labels),
            spec: DeploymentSpec(
                replicas: 2, selector: .matching(["app": "checkly-agent"]),
                template: PodTemplateSpec(
                    metadata: ObjectMeta(labels: labels),
                    spec: PodSpec(
                        automountServiceAccountToken: false, containers: [container],
                        securityContext: security.podSecurityContext,
                        volumes: [Volume(name: "tmp", emptyDir: EmptyDirVolumeSource(sizeLimit: "1Gi"))]))))
    }
}
