// The two OVES environments and every name that differs between them: one definition that
// the Terraform stacks (cluster, node groups, IAM roles) and the Kubernetes manifests
// (autoscaler, hosts, namespaces) both read, so a name is never typed twice.

/// A deployment environment of OVES: its cluster, hosts and IAM role names.
///
/// ```swift
/// OVESEnvironment.prod.clusterName                      // "oves-prod"
/// OVESEnvironment.dev.apiHost                           // "api.dev.omnivoltaic.com"
/// OVESEnvironment.prod.clusterAutoscalerRole.arn(accountID: OVESNames.accountID)
/// ```
public enum OVESEnvironment: String, Sendable, Hashable, CaseIterable {
    /// Development: dev versions of the microservices and all third-party services.
    case dev
    /// Production: the in-house microservices, their databases and the MQTT broker.
    case prod

    /// The EKS cluster's name (`oves-dev`, `oves-prod`).
    public var clusterName: String { "oves-\(rawValue)" }

    /// The AWS region of the cluster.
    public var region: String { OVESNames.primaryRegion }

    /// The host of the public API (`api.omnivoltaic.com`, `api.dev.omnivoltaic.com`).
    public var apiHost: String { hostName("api") }

    /// `<service>.omnivoltaic.com` in prod, `<service>.dev.omnivoltaic.com` in dev.
    public func hostName(_ service: String) -> String {
        switch self {
        case .prod: "\(service).\(OVESNames.domain)"
        case .dev: "\(service).dev.\(OVESNames.domain)"
        }
    }

    /// The VPC's IPv4 range (network policies allow in-VPC clients such as legacy EC2 instances).
    public var vpcCIDR: String {
        switch self {
        case .prod: "10.0.0.0/16"
        case .dev: "10.1.0.0/16"
        }
    }

    /// The IAM role of the Cluster Autoscaler's ServiceAccount (IRSA).
    public var clusterAutoscalerRole: OVESServiceAccountRole {
        OVESServiceAccountRole(
            roleName: "\(clusterName)-cluster-autoscaler", namespace: "kube-system",
            serviceAccountName: "cluster-autoscaler")
    }

    /// Every IRSA role the environment's Kubernetes workloads use (Terraform creates one IAM role each).
    public var serviceAccountRoles: [OVESServiceAccountRole] { [clusterAutoscalerRole] }

    /// The Auto Scaling group tags the Cluster Autoscaler discovers node groups by; Terraform puts
    /// them on every autoscaled node group.
    public var autoscalerDiscoveryTags: [String: String] {
        ["k8s.io/cluster-autoscaler/enabled": "true", "k8s.io/cluster-autoscaler/\(clusterName)": "owned"]
    }
}
