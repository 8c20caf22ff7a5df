// Configuration files for a helper's container: one ConfigMap, mounted read-only at a
// folder, with a checksum annotation on the pod template so a config change rolls the pods.

import InfraCore

/// Files rendered into a ConfigMap and mounted into a helper's container.
///
/// ```swift
/// ConfigFiles(name: "prometheus-config", mountPath: "/etc/prometheus", files: ["prometheus.yml": yaml])
/// ```
public struct ConfigFiles: Sendable, Hashable {
    /// The ConfigMap's name (also the volume's name).
    public var name: String
    /// The folder the files appear in.
    public var mountPath: String
    /// File name → content.
    public var files: [String: String]

    /// Creates config files.
    public init(name: String, mountPath: String, files: [String: String]) {
        self.name = name
        self.mountPath = mountPath
        self.files = files
    }

    /// The annotation holding the content checksum on the pod template.
    public static let checksumAnnotation = "swift-infra.dev/config-checksum"

    /// The ConfigMap in `namespace`.
    public func configMap(namespace: String?, labels: [String: String]) -> ConfigMap {
        ConfigMap(metadata: ObjectMeta(name: name, namespace: namespace, labels: labels), data: files)
    }

    /// The pod volume.
    public var volume: Volume { Volume(name: name, configMap: ConfigMapVolumeSource(name: name)) }

    /// The container mount (read-only).
    public var mount: VolumeMount { VolumeMount(name: name, mountPath: mountPath, readOnly: true) }

    /// A checksum of the content (FNV-1a over sorted names and contents).
    public var checksum: String {
        PodAssembly.contentHash(files.keys.sorted().map { "\($0)\u{0}\(files[$0] ?? "")" }.joined(separator: "\u{1}"))
    }
}
