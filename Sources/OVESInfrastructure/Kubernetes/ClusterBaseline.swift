// What both OVES clusters run besides their workloads: the Let's Encrypt ClusterIssuers (DNS-01
// through Route53 and Cloudflare, HTTP-01 otherwise),
// the encrypted gp3 StorageClass `ebs-sc`, the Cluster Autoscaler and the AWS Load Balancer
// Controller, each bound to the IRSA role Terraform creates for the environment.

import InfraKubernetes

/// The per-cluster platform objects of an OVES environment.
struct ClusterBaseline {
    /// The environment (cluster name, IRSA role).
    var environment: OVESEnvironment
    /// The AWS account the IRSA role lives in.
    var accountID: String

    /// The Cluster Autoscaler: remove nodes below 50 % utilization after 10 minutes, discover the
    /// node groups Terraform tagged with `environment.autoscalerDiscoveryTags`.
    var clusterAutoscaler: ClusterAutoscaler {
        let role = environment.clusterAutoscalerRole
        return ClusterAutoscaler(
            clusterName: environment.clusterName, roleARN: role.arn(accountID: accountID),
            region: environment.region, namespace: role.namespace, name: role.serviceAccountName, image: image,
            settings: ClusterAutoscaler.Settings(
                scaleDownUtilizationThreshold: 0.5, scaleDownUnneededMinutes: 10, balanceSimilarNodeGroups: true,
                skipNodesWithSystemPods: false, expander: .leastWaste))
    }

    /// The autoscaler image whose minor version matches the cluster's Kubernetes version.
    var image: String {
        let release =
            OVESNames.clusterAutoscalerReleases[environment.kubernetesVersion] ?? "v\(environment.kubernetesVersion).0"
        return "registry.k8s.io/autoscaling/cluster-autoscaler:\(release)"
    }

    /// Issuers, StorageClass, autoscaler, load balancer controller.
    var content: ObjectGroup {
        ObjectGroup {
            TLSCertificates(environment: environment, accountID: accountID).issuers
            // Volumes carry the tag the environment's daily DLM snapshot policy selects (seed §5).
            EBSStorageClass(
                name: OVESNames.storageClassName, iops: 3000, throughput: 125,
                volumeTags: [OVESNames.backupTag.key: OVESNames.backupTag.value])
            clusterAutoscaler
            // Before the NGINX and HAProxy Services whose NLBs it creates.
            LoadBalancerController(environment: environment, accountID: accountID).content
        }
    }
}
