// The IRSA roles of the OVES clusters: the cluster autoscaler (scales the node groups the
// seed lists), cert-manager's Route53 DNS-01 solver for cn.omnivoltaic.com (a ServiceAccount of
// its own, `cert-manager/cert-manager-route53`: the EKS add-on's ServiceAccount takes no annotation),
// the AWS Load Balancer Controller (upstream's policy, vendored, read typed) and one Secret reader
// per namespace (`<ns>/secrets-sync`, the pod that mounts the namespace's SecretProviderClass),
// which reads that namespace's `oves/<env>/<name>` Secrets Manager secrets only; the database
// backup jobs' upload roles are in OVESBackupRoles.swift.

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
        ] + OVESEnvironment.allCases.filter { $0.clusterName == cluster }.flatMap(secretReaders)
            + backupWriters(cluster: cluster)
    }

    /// The Secret readers of an environment, one per namespace with workload Secrets
    /// (`<namespace>/secrets-sync`, role `secrets-sync-<namespace>`): each may read the value and
    /// metadata of exactly its namespace's Secrets Manager secrets (`GetSecretValue`, `DescribeSecret`,
    /// what ASCP calls), nothing else. The secrets use the account's `aws/secretsmanager` key, so
    /// no `kms:Decrypt` grant is needed.
    public static func secretReaders(_ environment: OVESEnvironment) -> [IRSARole] {
        OVESWorkloadSecrets.namespaces(environment).map { namespace in
            IRSARole(
                "\(OVESEnvironment.secretReaderName)-\(namespace)", namespace: namespace,
                serviceAccount: OVESEnvironment.secretReaderName,
                policy: IAMPolicyDocument {
                    IAMStatement(
                        sid: "ReadNamespaceSecrets", effect: .allow,
                        actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
                        resources: OVESWorkloadSecrets.secrets(environment, namespace: namespace).map {
                            ConstructLiterals.string($0.arnPattern(environment))
                        })
                })
        }
    }
}
