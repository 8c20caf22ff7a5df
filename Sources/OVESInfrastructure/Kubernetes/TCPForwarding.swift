// HAProxy TCP forwarding in prod: legacy applications on EC2 (inside the VPC) reach the
// in-cluster databases through an internal NLB in front of HAProxy, one route per port. The NLB
// belongs to the AWS Load Balancer Controller (class `service.k8s.aws/nlb`, scheme `internal`):
// the in-tree controller would ignore the scheme annotation and make it internet-facing.

import InfraKubernetes

/// The prod TCP router.
struct TCPForwarding {
    /// The router's namespace.
    var namespace: String
    /// The namespace of the databases the routes lead to.
    var databaseNamespace: String

    /// `<service>.<namespace>.svc.cluster.local:<port>`.
    private func address(_ host: String, _ port: Int) -> String {
        "\(host).\(databaseNamespace).svc.cluster.local:\(port)"
    }

    /// The routes: PostgreSQL, MongoDB and Redis, each on its usual port (HAProxy listens on ports ≥ 1024).
    var routes: [TCPRouter.Route] {
        [
            .init(
                name: "postgresql", port: 5432, listenPort: 15432, backends: [address("postgresql-0.postgresql", 5432)]),
            .init(name: "mongodb", port: 27017, backends: [address("mongodb-0.mongodb", 27017)]),
            .init(name: "redis", port: 6379, backends: [address("redis-0.redis", 6379)]),
        ]
    }

    /// The HAProxy router behind an internal NLB.
    var router: TCPRouter {
        TCPRouter(
            name: "tcp-router", namespace: namespace, routes: routes,
            exposure: .networkLoadBalancer(AWSNetworkLoadBalancer(scheme: .internal, targetType: .ip)))
    }
}
