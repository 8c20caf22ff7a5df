// `kubeconfig`: writes or merges the cluster, user and context entries for an EKS cluster, like
// `aws eks update-kubeconfig`, with the user's exec plugin running `infra-manifest eks-token`. Entries are keyed by
// the cluster ARN (the AWS CLI's default alias); every other entry of an existing file is kept (a file that cannot be
// read is an error and is left as it is). The file is replaced atomically and created with mode 0600 from the start
// (`PrivateFile`); a symbolic link at the path is followed, so the link survives.

import Foundation
import InfraCore

/// Builds and merges kubeconfig documents.
///
/// ```swift
/// let merged = Kubeconfig.merge(existing: try KubeconfigYAMLReader.parse(text), cluster: cluster, region: "us-east-1",
///                               profile: nil, command: "infra-manifest")
/// ```
public enum Kubeconfig {
    /// The default path: the first entry of `KUBECONFIG`, else `~/.kube/config`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let list = environment["KUBECONFIG"], let first = list.split(separator: ":").first {
            return String(first)
        }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.kube/config"
    }

    /// Reads the kubeconfig at `path` (missing = empty), merges the entries for `cluster` into it and writes it back
    /// owner-only and atomically. Returns the file written (the link's destination for a symbolic link) and the new
    /// current context.
    @discardableResult
    public static func update(
        path: String, cluster: EKSCluster, region: String, profile: String?, command: String, alias: String? = nil
    ) throws -> (file: String, context: String) {
        let file = PrivateFile.resolvingLink(path)
        var existingText = ""
        if FileManager.default.fileExists(atPath: file) {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw KubeconfigReadError(message: "cannot read the kubeconfig \(file)")
            }
            existingText = String(decoding: data, as: UTF8.self)
        }
        let existing: Value
        do {
            existing = try KubeconfigYAMLReader.parse(existingText)
        } catch let error as KubeconfigReadError {
            throw KubeconfigReadError(message: "\(file): \(error.message); the file was left unchanged")
        }
        let merged = merge(
            existing: existing, cluster: cluster, region: region, profile: profile, command: command, alias: alias)
        let written = try PrivateFile.write(YAMLWriter().write(merged), to: file)
        return (written, merged["current-context"]?.stringValue ?? cluster.name)
    }

    /// `existing` with the entries for `cluster` added or replaced and `current-context` set to it.
    public static func merge(
        existing: Value, cluster: EKSCluster, region: String, profile: String?, command: String,
        alias: String? = nil
    ) -> Value {
        let name = alias ?? (cluster.arn.isEmpty ? cluster.name : cluster.arn)
        var arguments: [Value] = ["eks-token", "--cluster", .string(cluster.name), "--region", .string(region)]
        if let profile { arguments += ["--profile", .string(profile)] }
        let exec: Value = [
            "apiVersion": "client.authentication.k8s.io/v1beta1",
            "command": .string(command),
            "args": .array(arguments),
            "interactiveMode": "Never",
        ]
        let clusterEntry: Value = [
            "name": .string(name),
            "cluster": [
                "server": .string(cluster.endpoint),
                "certificate-authority-data": .string(cluster.certificateAuthorityData),
            ],
        ]
        let contextEntry: Value = [
            "name": .string(name), "context": ["cluster": .string(name), "user": .string(name)],
        ]
        let userEntry: Value = ["name": .string(name), "user": ["exec": exec]]

        var document = existing.objectValue ?? ValueObject()
        if document["apiVersion"] == nil { document["apiVersion"] = "v1" }
        if document["kind"] == nil { document["kind"] = "Config" }
        document["clusters"] = upsert(document["clusters"], clusterEntry, name: name)
        document["contexts"] = upsert(document["contexts"], contextEntry, name: name)
        document["users"] = upsert(document["users"], userEntry, name: name)
        document["current-context"] = .string(name)
        if document["preferences"] == nil { document["preferences"] = .object(ValueObject()) }
        return .object(document)
    }

    private static func upsert(_ list: Value?, _ entry: Value, name: String) -> Value {
        var items = list?.arrayValue ?? []
        if let index = items.firstIndex(where: { $0["name"]?.stringValue == name }) {
            items[index] = entry
        } else {
            items.append(entry)
        }
        return .array(items)
    }
}
