// The pinned add-on versions for Kubernetes 1.35 and one constructor per add-on we use, with
// the namespace, ServiceAccount and managed policies AWS documents for it. The versions are the
// newest builds seen in public Terraform for 1.35 clusters (sources below); EKS publishes the
// valid ones per Kubernetes version, so the runbook checks them with
// `aws eks describe-addon-versions --kubernetes-version 1.35 --addon-name <name>` before a release.

import InfraCore
import InfraTerraform

extension EKSAddon {
    /// The Kubernetes minor version ``pinnedVersions`` were chosen for.
    public static let pinnedKubernetesVersion = "1.35"

    /// Pinned add-on versions for Kubernetes ``pinnedKubernetesVersion``, by add-on name.
    ///
    /// Sources (stored public copies read 2026-12-06): `vpc-cni`, `kube-proxy`, `coredns`,
    /// `aws-ebs-csi-driver`, `amazon-cloudwatch-observability` from a public Terraform
    /// configuration of a 1.35 cluster; `metrics-server` from the AWS CDK EKS add-on table
    /// (newest build listed); `kube-state-metrics` and `cert-manager` from public Terraform of
    /// 1.34 clusters (`external-dns` too; `v0.23.0-eksbuild.1` was seen on a 1.36 cluster);
    /// `prometheus-node-exporter` from a `describe-addon-versions` output. Community
    /// add-ons support a range of Kubernetes versions. Not confirmed by AWS for 1.35: run
    /// `aws eks describe-addon-versions --kubernetes-version 1.35 --addon-name <name>` (runbook step).
    ///
    /// ```swift
    /// EKSAddon.pinnedVersions["vpc-cni"]    // "v1.21.1-eksbuild.3"
    /// ```
    public static let pinnedVersions: [String: String] = [
        "vpc-cni": "v1.21.1-eksbuild.3",
        "kube-proxy": "v1.35.0-eksbuild.2",
        "coredns": "v1.13.2-eksbuild.1",
        "aws-ebs-csi-driver": "v1.57.1-eksbuild.1",
        "aws-secrets-store-csi-driver-provider": "v3.1.3-eksbuild.1",
        "amazon-cloudwatch-observability": "v5.3.0-eksbuild.1",
        "metrics-server": "v0.8.1-eksbuild.5",
        "kube-state-metrics": "v2.16.0-eksbuild.1",
        "prometheus-node-exporter": "v1.9.1-eksbuild.3",
        "cert-manager": "v1.19.3-eksbuild.2",
        "external-dns": "v0.20.0-eksbuild.3",
    ]

    /// The pinned version of `name`, or `""` (which ``EKSCluster``'s diagnostics report) when the table has none.
    ///
    /// ```swift
    /// EKSAddon("fluent-bit", version: EKSAddon.pinned("fluent-bit"))
    /// ```
    public static func pinned(_ name: String) -> String { pinnedVersions[name] ?? "" }

    /// `vpc-cni` (Amazon VPC CNI), installed before the nodes; with `networkPolicy` its node agent
    /// enforces Kubernetes NetworkPolicies (`enableNetworkPolicy: "true"`, a string in the add-on's schema).
    /// The CNI keeps the node role's `AmazonEKS_CNI_Policy`.
    public static func vpcCNI(networkPolicy: Bool = true, version: String = pinned("vpc-cni")) -> EKSAddon {
        EKSAddon(
            "vpc-cni", version: version,
            configuration: networkPolicy ? ["enableNetworkPolicy": "true"] : nil, beforeNodes: true)
    }

    /// `kube-proxy`, installed before the nodes (its version follows the cluster's minor version).
    public static func kubeProxy(version: String = pinned("kube-proxy")) -> EKSAddon {
        EKSAddon("kube-proxy", version: version, beforeNodes: true)
    }

    /// `coredns`, the cluster DNS.
    public static func coreDNS(version: String = pinned("coredns")) -> EKSAddon {
        EKSAddon("coredns", version: version)
    }

    /// `aws-ebs-csi-driver` with an IRSA role for `kube-system/ebs-csi-controller-sa` and
    /// `AmazonEBSCSIDriverPolicy`.
    public static func ebsCSIDriver(version: String = pinned("aws-ebs-csi-driver")) -> EKSAddon {
        EKSAddon(
            "aws-ebs-csi-driver", version: version,
            serviceAccountRole: ServiceAccountRole(
                namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa",
                managedPolicyARNs: ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]))
    }

    /// `metrics-server` (community add-on, `kube-system`): resource metrics for HPAs and the VPA.
    public static func metricsServer(version: String = pinned("metrics-server")) -> EKSAddon {
        EKSAddon("metrics-server", version: version)
    }

    /// `kube-state-metrics` (community add-on, namespace `kube-state-metrics`: the EKS user guide's
    /// community add-on table, awsdocs/amazon-eks-user-guide `latest/ug/workloads/community-addons.adoc`
    /// @ `013856044148d6eeed4723027a45aa2180536bcb`).
    public static func kubeStateMetrics(version: String = pinned("kube-state-metrics")) -> EKSAddon {
        EKSAddon("kube-state-metrics", version: version)
    }

    /// `prometheus-node-exporter` (community add-on, namespace `prometheus-node-exporter`, from the same
    /// EKS user guide table as `kube-state-metrics`).
    public static func prometheusNodeExporter(version: String = pinned("prometheus-node-exporter")) -> EKSAddon {
        EKSAddon("prometheus-node-exporter", version: version)
    }

    /// `cert-manager` (community add-on, namespace `cert-manager`). The add-on takes neither Pod
    /// Identity nor an IRSA annotation on its ServiceAccount, so DNS-01 solvers use their own
    /// ServiceAccount (`serviceAccountRef`) with an IRSA role of their own.
    public static func certManager(version: String = pinned("cert-manager")) -> EKSAddon {
        EKSAddon("cert-manager", version: version)
    }

    /// `amazon-cloudwatch-observability` (Container Insights: CloudWatch agent and Fluent Bit) with
    /// an IRSA role for `amazon-cloudwatch/cloudwatch-agent`: `CloudWatchAgentServerPolicy`, plus
    /// `AWSXrayWriteOnlyAccess` when `xray` (Application Signals traces).
    public static func cloudWatchObservability(
        xray: Bool = false, version: String = pinned("amazon-cloudwatch-observability")
    ) -> EKSAddon {
        EKSAddon(
            "amazon-cloudwatch-observability", version: version,
            serviceAccountRole: ServiceAccountRole(
                namespace: "amazon-cloudwatch", serviceAccount: "cloudwatch-agent",
                managedPolicyARNs: ["arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"]
                    + (xray ? ["arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"] : [])))
    }

    /// What `external-dns` does with records it no longer finds a source for.
    public enum ExternalDNSPolicy: String, Sendable, Hashable, CaseIterable {
        /// Create and update, never delete (records of removed hosts stay until deleted by hand).
        case upsertOnly = "upsert-only"
        /// Create, update and delete, but only records its TXT registry marks as its own.
        case sync
    }

    /// `external-dns` (community add-on, namespace and ServiceAccount `external-dns`) for Route53:
    /// DNS records follow the hosts of Ingresses and the `external-dns.alpha.kubernetes.io/hostname`
    /// annotation of Services, inside `domains` only, owned through TXT records marked `ownerID`
    /// (one owner per cluster, so two clusters never delete each other's records). The IRSA role may
    /// change records only under `domains` (`route53:ChangeResourceRecordSetsNormalizedRecordNames`,
    /// so the zone id need not be known in the cluster's root) and list zones and records.
    ///
    /// ```swift
    /// EKSAddon.externalDNS(domains: ["cn.example.com"], ownerID: "prod-cluster", policy: .sync)
    /// ```
    public static func externalDNS(
        domains: [String], ownerID: String, policy: ExternalDNSPolicy = .sync,
        sources: [String] = ["ingress", "service"],
        version: String = pinned("external-dns")
    ) -> EKSAddon {
        let names = domains.flatMap { domain -> [Expr<String>] in [Expr(stringLiteral: domain), "*.\(domain)"] }
        let configuration: Value = [
            "provider": ["name": "aws"], "registry": "txt", "txtOwnerId": .string(ownerID),
            "domainFilters": .array(domains.map { .string($0) }), "policy": .string(policy.rawValue),
            "sources": .array(sources.map { .string($0) }),
        ]
        return EKSAddon(
            "external-dns", version: version, configuration: configuration,
            serviceAccountRole: ServiceAccountRole(
                namespace: "external-dns", serviceAccount: "external-dns",
                policy: IAMPolicyDocument {
                    IAMStatement(
                        sid: "ChangeOwnRecords", effect: .allow, actions: ["route53:ChangeResourceRecordSets"],
                        resources: ["arn:aws:route53:::hostedzone/*"],
                        conditions: [
                            IAMCondition(
                                test: "ForAllValues:StringLike",
                                variable: "route53:ChangeResourceRecordSetsNormalizedRecordNames", values: names)
                        ])
                    IAMStatement(
                        sid: "ListZonesAndRecords", effect: .allow,
                        actions: [
                            "route53:ListHostedZones", "route53:ListResourceRecordSets", "route53:ListTagsForResources",
                        ],
                        resources: ["*"])
                }))
    }

    /// The add-ons every cluster needs: VPC CNI (NetworkPolicies enforced), kube-proxy, CoreDNS and the EBS CSI driver.
    public static var core: [EKSAddon] { [vpcCNI(), kubeProxy(), coreDNS(), ebsCSIDriver()] }
}
