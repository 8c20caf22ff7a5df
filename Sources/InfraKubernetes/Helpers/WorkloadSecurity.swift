// The pod and container security settings every helper applies: the Kubernetes "restricted"
// Pod Security Standard by default (non-root, no privilege escalation, no capabilities,
// RuntimeDefault seccomp, read-only root filesystem), with the few knobs real images need.

/// Pod- and container-level security settings for a helper's pods.
///
/// ```swift
/// var security = WorkloadSecurity.restricted          // the default of every helper
/// security.readOnlyRootFilesystem = false             // for an image that writes to its root filesystem
/// security.user = 1000                                // the image's own non-root user
/// ```
public struct WorkloadSecurity: Sendable, Hashable {
    /// The user id the containers run as (`runAsUser`); must not be 0.
    public var user: Int
    /// The primary group id (`runAsGroup`).
    public var group: Int
    /// The group that owns mounted volumes (`fsGroup`), or `nil` to leave volume ownership alone.
    public var fsGroup: Int?
    /// Whether the container's root filesystem is mounted read-only.
    public var readOnlyRootFilesystem: Bool
    /// Capabilities added back after dropping `ALL` (the restricted standard allows only `NET_BIND_SERVICE`).
    public var addedCapabilities: [String]
    /// Whether the ServiceAccount token is mounted into the pods (only for pods that call the API server).
    public var mountServiceAccountToken: Bool

    /// Creates settings; the defaults are the restricted profile.
    public init(
        user: Int = 10001, group: Int = 10001, fsGroup: Int? = 10001, readOnlyRootFilesystem: Bool = true,
        addedCapabilities: [String] = [], mountServiceAccountToken: Bool = false
    ) {
        self.user = user
        self.group = group
        self.fsGroup = fsGroup
        self.readOnlyRootFilesystem = readOnlyRootFilesystem
        self.addedCapabilities = addedCapabilities
        self.mountServiceAccountToken = mountServiceAccountToken
    }

    /// The restricted profile: uid/gid 10001, read-only root filesystem, no capabilities, no token.
    public static let restricted = WorkloadSecurity()

    /// The pod-level `securityContext`: non-root user, group, fsGroup and the RuntimeDefault seccomp profile.
    public var podSecurityContext: PodSecurityContext {
        PodSecurityContext(
            fsGroup: fsGroup, runAsGroup: group, runAsNonRoot: true, runAsUser: user,
            seccompProfile: SeccompProfile(type: "RuntimeDefault"))
    }

    /// The container-level `securityContext`: no privilege escalation, `drop: [ALL]`, read-only root
    /// filesystem (unless switched off), non-root, RuntimeDefault seccomp.
    public var containerSecurityContext: SecurityContext {
        SecurityContext(
            allowPrivilegeEscalation: false,
            capabilities: Capabilities(add: addedCapabilities.isEmpty ? nil : addedCapabilities, drop: ["ALL"]),
            privileged: false, readOnlyRootFilesystem: readOnlyRootFilesystem, runAsGroup: group,
            runAsNonRoot: true, runAsUser: user, seccompProfile: SeccompProfile(type: "RuntimeDefault"))
    }

    /// Problems with the settings (root user, capabilities the restricted standard forbids).
    public func problems() -> [String] {
        var found: [String] = []
        if user == 0 { found.append("user 0 is root; the restricted profile requires a non-root user") }
        if user < 0 || group < 0 { found.append("user and group ids must not be negative") }
        for capability in addedCapabilities where capability != "NET_BIND_SERVICE" {
            found.append("capability '\(capability)' is not allowed by the restricted Pod Security Standard")
        }
        return found
    }
}
