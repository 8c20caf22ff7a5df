// The knobs of the built-in rules, so a team can state its own exceptions in code instead
// of suppressing findings one by one.

/// Settings of the built-in rules.
///
/// ```swift
/// var configuration = PolicyConfiguration()
/// configuration.publicLoadBalancerPorts = [443]      // no plain HTTP even on load balancers
/// ```
public struct PolicyConfiguration: Sendable, Hashable {
    /// Ports that may be open to the world (`0.0.0.0/0`, `::/0`) on security groups attached to
    /// a load balancer (`aws_lb`, `aws_alb`, `aws_elb`). Default: 80 and 443.
    public var publicLoadBalancerPorts: Set<Int>
    /// Extra security group addresses to treat as load balancer groups (for groups attached
    /// outside this configuration).
    public var loadBalancerSecurityGroups: Set<String>
    /// The minimum backup retention, in days, for RDS, DocumentDB and ElastiCache. Default: 7.
    public var minimumBackupRetentionDays: Int
    /// Namespaces that need no NetworkPolicy (for example `kube-system`). Default: none.
    public var namespacesWithoutNetworkPolicy: Set<String>

    /// Creates the default configuration.
    public init(
        publicLoadBalancerPorts: Set<Int> = [80, 443], loadBalancerSecurityGroups: Set<String> = [],
        minimumBackupRetentionDays: Int = 7, namespacesWithoutNetworkPolicy: Set<String> = []
    ) {
        self.publicLoadBalancerPorts = publicLoadBalancerPorts
        self.loadBalancerSecurityGroups = loadBalancerSecurityGroups
        self.minimumBackupRetentionDays = minimumBackupRetentionDays
        self.namespacesWithoutNetworkPolicy = namespacesWithoutNetworkPolicy
    }
}
