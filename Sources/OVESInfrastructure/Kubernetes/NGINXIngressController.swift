// The F5 NGINX Ingress Controller (nginx/kubernetes-ingress) in each cluster: upstream RBAC and
// Deployment vendored in Vendor/nginx-ingress (see its README) and read with `Include`, patched
// to a pinned image, two replicas and the flags OVES needs; the Namespace, ServiceAccount,
// ConfigMap, IngressClass `nginx` and the internet-facing NLB Service (owned by the AWS Load
// Balancer Controller) are typed here. The community ingress-nginx was retired in March 2026.

import Foundation
import InfraKubernetes

/// The NGINX Ingress Controller of one cluster.
struct NGINXIngressController {
    /// The controller's namespace (upstream's `deployments/common/ns-and-sa.yaml`).
    static let namespace = "nginx-ingress"
    /// The name of the ServiceAccount, ClusterRole, Deployment and Service.
    static let name = "nginx-ingress"
    /// The IngressClass every OVES route uses.
    static let className = "nginx"
    /// The controller name the F5 controller answers for in an IngressClass.
    static let controllerName = "nginx.org/ingress-controller"
    /// The pinned controller image (release v5.6.1).
    static let image = "nginx/nginx-ingress:5.6.1"
    /// The ConfigMap the controller reads its global settings from (`-nginx-configmaps`).
    static let configMapName = "nginx-config"
    /// The pod label upstream's Deployment selects on.
    static let selector = ["app": "nginx-ingress"]

    /// The namespaces whose Services the controller proxies to.
    var backendNamespaces: [String]
    /// Controller pods (spread over nodes by the scheduler; the NLB balances across them).
    var replicas: Int = 2
    /// Names external-dns points at the NLB (the seed's Cloudflare names, wildcards included, and
    /// the China names in Route53); empty for none.
    var dnsHostnames: [String] = []

    /// The annotations external-dns reads on the Service (its `service` source): the names, and
    /// Cloudflare's proxy on (ignored by Route53), as the records the dns root wrote before.
    var dnsAnnotations: [String: String] {
        guard !dnsHostnames.isEmpty else { return [:] }
        return [
            ExternalDNS.hostnameAnnotation: dnsHostnames.joined(separator: ","),
            ExternalDNS.cloudflareProxiedAnnotation: "true",
        ]
    }

    /// The namespace: restricted pod security, ports 80/443 open to the NLB, egress to the backends
    /// and to the API server (outside the pod network).
    var teamNamespace: TeamNamespace {
        TeamNamespace(
            name: Self.namespace, podSecurity: .restricted, ingressControllerNamespace: nil,
            allowEgressToNamespaces: backendNamespaces, publicPorts: [80, 443], allowInternetEgress: true,
            quota: .init(requestsCPU: "4", requestsMemory: "4Gi", limitsCPU: "8", limitsMemory: "8Gi", pods: 20),
            labels: ["app.kubernetes.io/part-of": "nginx-ingress"])
    }

    /// Upstream `deployments/rbac/rbac.yaml`: the ClusterRole and its binding to the ServiceAccount.
    var rbac: Include { Include(resource: "Vendor/nginx-ingress/rbac.yaml", in: .module) }

    /// Upstream `deployments/deployment/nginx-ingress.yaml`, patched: pinned image, replicas, limits,
    /// the IngressClass, no custom resources (OVES routes are Ingresses; their CRDs are not vendored),
    /// and upstream's own read-only-root variant (left commented in the file): `emptyDir`s for the
    /// paths NGINX writes and an init container that copies `/etc/nginx` into its `emptyDir`.
    var deployment: Include {
        Include(resource: "Vendor/nginx-ingress/deployment.yaml", in: .module)
            .patch(Deployment.self, named: Self.name) { deployment in
                deployment.spec?.replicas = replicas
                guard var pod = deployment.spec?.template.spec, var container = pod.containers.first else { return }
                let resources = ComputeResources(cpu: "250m", memory: "256Mi", cpuLimit: "1", memoryLimit: "1Gi")
                container.image = Self.image
                container.resources = resources.requirements
                container.args =
                    (container.args ?? []) + [
                        "-ingress-class=\(Self.className)", "-enable-custom-resources=false", "-enable-snippets=false",
                        "-enable-prometheus-metrics",
                        "-default-server-tls-secret=$(POD_NAMESPACE)/\(TLSCertificates.secretName)",
                        "-wildcard-tls-secret=$(POD_NAMESPACE)/\(TLSCertificates.secretName)",
                    ]
                container.securityContext?.readOnlyRootFilesystem = true
                container.volumeMounts = Self.writablePaths.map { VolumeMount(name: $0.volume, mountPath: $0.path) }
                var copy = Container(name: "init-nginx-ingress")
                copy.image = Self.image
                copy.imagePullPolicy = "IfNotPresent"
                copy.command = ["cp", "-vdR", "/etc/nginx/.", "/mnt/etc"]
                copy.resources = ComputeResources.small.requirements
                copy.securityContext = container.securityContext
                copy.securityContext?.capabilities?.add = nil
                copy.volumeMounts = [VolumeMount(name: "nginx-etc", mountPath: "/mnt/etc")]
                pod.initContainers = [copy]
                pod.volumes = Self.writablePaths.map { Volume(name: $0.volume, emptyDir: EmptyDirVolumeSource()) }
                pod.securityContext?.runAsNonRoot = true
                pod.containers[0] = container
                deployment.spec?.template.spec = pod
            }
    }

    /// The paths NGINX writes, each on its own `emptyDir` (upstream's names).
    static let writablePaths: [(volume: String, path: String)] = [
        ("nginx-etc", "/etc/nginx"), ("nginx-cache", "/var/cache/nginx"), ("nginx-lib", "/var/lib/nginx"),
        ("nginx-lib-state", "/var/lib/nginx/state"), ("nginx-log", "/var/log/nginx"),
    ]

    /// The controller's objects, in apply order.
    var content: ObjectGroup {
        ObjectGroup {
            teamNamespace
            ServiceAccount(metadata: ObjectMeta(name: Self.name, namespace: Self.namespace))
            rbac
            ConfigMap(
                metadata: ObjectMeta(name: Self.configMapName, namespace: Self.namespace),
                data: ["server-tokens": "False"])
            IngressClass(
                metadata: ObjectMeta(name: Self.className),
                spec: IngressClassSpec(controller: Self.controllerName))
            deployment
            TCPLoadBalancer(
                name: Self.name, namespace: Self.namespace,
                ports: [
                    .init(name: "http", port: 80, targetPort: .string("http")),
                    .init(name: "https", port: 443, targetPort: .string("https")),
                ],
                selector: Self.selector,
                loadBalancer: AWSNetworkLoadBalancer(scheme: .internetFacing, targetType: .ip),
                annotations: dnsAnnotations
            )
        }
    }
}
