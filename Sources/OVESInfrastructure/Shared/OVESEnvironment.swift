// The two OVES environments and every name that differs between them. Values the Terraform
// half already defines (cluster names, region, VPC ranges, domain in `OVESSettings`; IRSA
// roles in `OVESWorkloadRoles`) are read from there, so the Kubernetes manifests never
// retype them.

import InfraAWS

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

    /// The EKS cluster's name (`oves-dev`, `oves-prod`), from `OVESSettings`.
    public var clusterName: String {
        switch self {
        case .prod: OVESSettings.prodClusterName
        case .dev: OVESSettings.devClusterName
        }
    }

    /// The AWS region of the cluster, from `OVESSettings`.
    public var region: String { OVESSettings.primaryRegion }

    /// The Kubernetes version of the cluster (`major.minor`), from `OVESSettings`.
    public var kubernetesVersion: String { OVESSettings.kubernetesVersion }

    /// The host of the public API (`api.omnivoltaic.com`, `api.dev.omnivoltaic.com`).
    public var apiHost: String { hostName("api") }

    /// `<service>.omnivoltaic.com` in prod, `<service>.dev.omnivoltaic.com` in dev.
    public func hostName(_ service: String) -> String {
        switch self {
        case .prod: "\(service).\(OVESSettings.apexDomain)"
        case .dev: "\(service).dev.\(OVESSettings.apexDomain)"
        }
    }

    /// The VPC's IPv4 range, from `OVESSettings` (network policies admit in-VPC clients such as legacy EC2 instances).
    public var vpcCIDR: String {
        switch self {
        case .prod: OVESSettings.prodVPCCIDR
        case .dev: OVESSettings.devVPCCIDR
        }
    }

    /// Every IRSA role Terraform creates for the cluster (`OVESWorkloadRoles`), named `<cluster>-<role>`.
    public var serviceAccountRoles: [OVESServiceAccountRole] {
        OVESWorkloadRoles.roles(cluster: clusterName).map { role in
            OVESServiceAccountRole(
                roleName: "\(clusterName)-\(role.name)", namespace: role.namespace,
                serviceAccountName: role.serviceAccount)
        }
    }

    /// The IRSA roles the cluster module creates for EKS add-ons (`OVESAddons`), named
    /// `<cluster>-addon-<add-on>`; EKS annotates the add-ons' ServiceAccounts itself, so the
    /// manifests only read them (e.g. network policies for `amazon-cloudwatch/cloudwatch-agent`).
    public var addonServiceAccountRoles: [OVESServiceAccountRole] {
        OVESAddons.addons(for: self).compactMap { addon in
            addon.serviceAccountRole.map { role in
                OVESServiceAccountRole(
                    roleName: EKSAddon.roleName(cluster: clusterName, addon: addon.name), namespace: role.namespace,
                    serviceAccountName: role.serviceAccount)
            }
        }
    }

    /// The IAM role of the Cluster Autoscaler's ServiceAccount (`kube-system/cluster-autoscaler`).
    public var clusterAutoscalerRole: OVESServiceAccountRole {
        serviceAccountRoles.first { $0.serviceAccountName == "cluster-autoscaler" }
            ?? OVESServiceAccountRole(
                roleName: "\(clusterName)-cluster-autoscaler", namespace: "kube-system",
                serviceAccountName: "cluster-autoscaler")
    }

    /// The IAM role cert-manager's Route53 DNS-01 solver assumes with a token of its own
    /// ServiceAccount (`cert-manager/cert-manager-route53`, referenced by the ClusterIssuers'
    /// `route53.auth.kubernetes.serviceAccountRef`): the EKS add-on's own ServiceAccount cannot carry
    /// an IRSA annotation, so the solver gets a ServiceAccount of its own.
    public var certManagerRoute53Role: OVESServiceAccountRole {
        serviceAccountRoles.first { $0.serviceAccountName == "cert-manager-route53" }
            ?? OVESServiceAccountRole(
                roleName: "\(clusterName)-cert-manager-route53", namespace: "cert-manager",
                serviceAccountName: "cert-manager-route53")
    }

    /// The IAM role of the AWS Load Balancer Controller's ServiceAccount (`kube-system/aws-load-balancer-controller`).
    public var loadBalancerControllerRole: OVESServiceAccountRole {
        serviceAccountRoles.first { $0.serviceAccountName == AWSLoadBalancerControllerRelease.serviceAccount }
            ?? OVESServiceAccountRole(
                roleName: "\(clusterName)-\(AWSLoadBalancerControllerRelease.roleName)",
                namespace: AWSLoadBalancerControllerRelease.namespace,
                serviceAccountName: AWSLoadBalancerControllerRelease.serviceAccount)
    }

    /// The `Name` tag of the environment's VPC (from its `Network`), by which the AWS Load Balancer
    /// Controller finds the VPC: pods cannot read instance metadata (IMDSv2, hop limit 1).
    public var vpcNameTag: String {
        switch self {
        case .prod: ProdEnvironment.network.vpcNameTag
        case .dev: DevEnvironment.network.vpcNameTag
        }
    }

    /// The Auto Scaling group tags the Cluster Autoscaler discovers node groups by (Terraform's
    /// node groups carry them).
    public var autoscalerDiscoveryTags: [String: String] {
        ["k8s.io/cluster-autoscaler/enabled": "true", "k8s.io/cluster-autoscaler/\(clusterName)": "owned"]
    }
}
