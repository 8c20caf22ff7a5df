// The `k8s-scale-N` workload: N Deployments `app-<i>` (2 replicas, nginx:1.25, port 80,
// cpu request 100m) and N Services selecting them, with the typed objects of
// InfraKubernetes — the same workload as the peers' `cdk8s_scale.py`.

import InfraKubernetes

/// Builds the `k8s-scale-N` manifest.
///
/// ```swift
/// let result = KubernetesScale.manifest(5000).synthesize()   // 10,000 objects in scale/default.yaml
/// ```
public enum KubernetesScale {
    /// One manifest `scale` (folder `scale`). The objects go to namespace `default` explicitly:
    /// cdk8s leaves the namespace out, but our validator (rightly) warns about every object
    /// without one, so our file carries one `namespace: default` line per object more.
    public static func manifest(_ n: Int) -> Manifest {
        Manifest("scale", directory: "scale", namespace: "default") {
            for i in 0..<n {
                objects(i)
            }
        }
    }

    /// The Deployment and Service `app-<i>`.
    public static func objects(_ i: Int) -> [any KubernetesObject] {
        let name = "app-\(i)"
        let labels = ["app": name]
        return [
            Deployment(
                metadata: .init(name: name, labels: labels),
                spec: .init(
                    replicas: 2, selector: .matching(labels),
                    template: .init(
                        metadata: .init(labels: labels),
                        spec: .init(containers: [
                            Container(
                                name: "app", image: "nginx:1.25", ports: [ContainerPort(containerPort: 80)],
                                resources: .init(requests: ["cpu": "100m"]))
                        ])))),
            Service(
                metadata: .init(name: name, labels: labels),
                spec: .init(ports: [ServicePort(port: 80, targetPort: 80)], selector: labels)),
        ]
    }
}
