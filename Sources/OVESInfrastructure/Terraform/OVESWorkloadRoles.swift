// The IRSA roles of the OVES clusters: the cluster autoscaler (scales the node groups the
// seed lists), cert-manager's Route53 DNS-01 solver for cn.omnivoltaic.com (a ServiceAccount of
// its own, `cert-manager/cert-manager-route53`: the EKS add-on's ServiceAccount takes no annotation),
// the AWS Load Balancer Controller (upstream's policy, vendored, read typed) and the secret operator,
// which reads the environment's `oves/<env>/*` Secrets Manager secrets only; the database backup
// jobs' upload roles are in OVESBackupRoles.swift.

import InfraAWS
import InfraCore
import InfraTerraform

/// IRSA roles shared by both clusters.
public enum OVESWorkloadRoles {
    /// The roles for a cluster; the Kubernetes half annotates the matching service accounts.
    public static func roles(cluster: String) -> [IRSARole] {
        [
            IRSARole(
                "cluster-autoscaler", namespace: "kube-system", serviceAccount: "cluster-autoscaler",
                policy: IAMPolicyDocument {
                    IAMStatement(
                        sid: "Describe", effect: .allow,
                        actions: [
                            "autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances",
                            "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeScalingActivities",
                            "autoscaling:DescribeTags", "ec2:DescribeImages", "ec2:DescribeInstanceTypes",
                            "ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements",
                            "eks:DescribeNodegroup",
                        ],
                        resources: ["*"])
                    IAMStatement(
                        sid: "ScaleOwnGroups", effect: .allow,
                        actions: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
                        resources: ["*"],
                        conditions: [
                            .stringEquals("aws:ResourceTag/k8s.io/cluster-autoscaler/\(cluster)", "owned")
                        ])
                }),
            IRSARole(
                "cert-manager-route53", namespace: "cert-manager", serviceAccount: "cert-manager-route53",
                policy: IAMPolicyDocument {
                    IAMStatement(
                        sid: "Changes", effect: .allow, actions: ["route53:GetChange"],
                        resources: ["arn:aws:route53:::change/*"])
                    IAMStatement(
                        sid: "Records", effect: .allow,
                        actions: ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"],
                        resources: ["arn:aws:route53:::hostedzone/*"])
                    IAMStatement(
                        sid: "Zones", effect: .allow, actions: ["route53:ListHostedZonesByName"], resources: ["*"])
                }),
            IRSARole(
                AWSLoadBalancerControllerRelease.roleName, namespace: AWSLoadBalancerControllerRelease.namespace,
                serviceAccount: AWSLoadBalancerControllerRelease.serviceAccount,
                policy: AWSLoadBalancerControllerRelease.iamPolicy),
        ] + OVESEnvironment.allCases.filter { $0.clusterName == cluster }.map(secretReader)
            + backupWriters(cluster: cluster)
    }

    /// The secret operator's role (`external-secrets/external-secrets`): reads the values and
    /// metadata of the environment's workload secrets, nothing else (no `ListSecrets`, no writes).
    public static func secretReader(_ environment: OVESEnvironment) -> IRSARole {
        IRSARole(
            "external-secrets", namespace: "external-secrets", serviceAccount: "external-secrets",
            policy: IAMPolicyDocument {
                IAMStatement(
                    sid: "ReadWorkloadSecrets", effect: .allow,
                    actions: [
                        "secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy",
                        "secretsmanager:GetSecretValue", "secretsmanager:ListSecretVersionIds",
                    ],
                    resources: [ConstructLiterals.string(OVESWorkloadSecrets.arnPattern(environment))])
            })
    }
}
