// How a helper's containers report health: one value that becomes both the readiness and
// the liveness probe, so every helper workload is probed (a pod without probes receives
// traffic before it is ready and is never restarted when it hangs).

/// The readiness/liveness check of a helper's main container.
///
/// ```swift
/// HealthCheck.http(path: "/health", port: "http")
/// HealthCheck.tcp(port: 6379)
/// HealthCheck.exec(["pg_isready", "-U", "postgres"])
/// ```
public enum HealthCheck: Sendable, Hashable {
    /// An HTTP GET that must answer 2xx/3xx.
    case http(path: String, port: IntOrString)
    /// A TCP connection that must open.
    case tcp(port: IntOrString)
    /// A command that must exit 0.
    case exec([String])

    /// The probe, with the given initial delay and period.
    public func probe(initialDelaySeconds: Int, periodSeconds: Int = 10, failureThreshold: Int = 3) -> Probe {
        switch self {
        case .http(let path, let port):
            Probe(
                failureThreshold: failureThreshold, httpGet: HTTPGetAction(path: path, port: port),
                initialDelaySeconds: initialDelaySeconds, periodSeconds: periodSeconds, timeoutSeconds: 5)
        case .tcp(let port):
            Probe(
                failureThreshold: failureThreshold, initialDelaySeconds: initialDelaySeconds,
                periodSeconds: periodSeconds, tcpSocket: TCPSocketAction(port: port), timeoutSeconds: 5)
        case .exec(let command):
            Probe(
                exec: ExecAction(command: command), failureThreshold: failureThreshold,
                initialDelaySeconds: initialDelaySeconds, periodSeconds: periodSeconds, timeoutSeconds: 5)
        }
    }

    /// The readiness probe (starts checking after 5 s).
    public var readinessProbe: Probe { probe(initialDelaySeconds: 5) }

    /// The liveness probe (starts after 30 s, so slow starters are not killed while booting).
    public var livenessProbe: Probe { probe(initialDelaySeconds: 30, periodSeconds: 20) }
}
