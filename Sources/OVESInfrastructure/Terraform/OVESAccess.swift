// Who may use the OVES clusters' Kubernetes API: the operator roles of `OVESConfiguration` as EKS
// access entries (authentication mode API, no aws-auth ConfigMap). Platform admins are mapped to
// `oves:platform-admins` with AmazonEKSClusterAdminPolicy; developers only to `oves:developers`,
// which the manifests bind (view in prod, edit in dev).

import InfraAWS

/// The access entries of the OVES clusters.
public enum OVESAccess {
    /// The access entries of a cluster, from the operator roles of `configuration`.
    public static func entries(_ configuration: OVESConfiguration = .current) -> [EKSAccessEntry] {
        configuration.platformAdminRoleARNs.map {
            EKSAccessEntry(
                principalARN: $0, kubernetesGroups: [OVESNames.platformAdminsGroup], policies: [.init(.clusterAdmin)])
        }
            + configuration.developerRoleARNs.map {
                EKSAccessEntry(principalARN: $0, kubernetesGroups: [OVESNames.developersGroup])
            }
    }
}
