// The `parameters` of a SecretProviderClass whose provider is `aws` (the AWS Secrets and
// Configuration Provider, ASCP), typed: which Secrets Manager secrets or SSM parameters to mount,
// the JSON keys to pick out of a secret (`jmesPath`), the region, and Pod Identity or IRSA. ASCP
// reads `objects` as a YAML string, so it is written with `YAMLWriter`, never by concatenation.

import InfraCore

/// One secret or parameter ASCP mounts, with the JSON keys it extracts.
///
/// ```swift
/// AWSSecretsProviderObject(name: "prod/redis", alias: "redis.json",
///                          jmesPath: [.init(path: "password", alias: "redis-password")])
/// ```
public struct AWSSecretsProviderObject: Sendable, Hashable {
    /// Where the object is stored.
    public enum ObjectType: String, Sendable, Hashable {
        /// AWS Secrets Manager.
        case secretsManager = "secretsmanager"
        /// AWS Systems Manager Parameter Store.
        case parameterStore = "ssmparameter"
    }

    /// One value extracted from a JSON object, mounted as the file `alias`.
    public struct JMESPathEntry: Sendable, Hashable {
        /// The JMESPath expression (`password`, `"api-token"`); see ``AWSSecretsProviderObject/jsonKeyPath(_:)``.
        public var path: String
        /// The file name the value is mounted as (and the `objectName` a synced Secret refers to).
        public var alias: String

        /// Creates an entry.
        public init(path: String, alias: String) {
            self.path = path
            self.alias = alias
        }
    }

    /// The secret's name or ARN (or the parameter's name).
    public var name: String
    /// Secrets Manager or Parameter Store.
    public var type: ObjectType
    /// The file name the whole value is mounted as, or `nil` for `name` (required when `name` has a `/`).
    public var alias: String?
    /// The JSON keys extracted into files of their own.
    public var jmesPath: [JMESPathEntry]

    /// Creates an object description.
    public init(name: String, type: ObjectType = .secretsManager, alias: String? = nil, jmesPath: [JMESPathEntry] = [])
    {
        self.name = name
        self.type = type
        self.alias = alias
        self.jmesPath = jmesPath
    }

    /// The JMESPath expression of a top-level JSON key: bare when it is an identifier
    /// (`password`), quoted otherwise (`"api-token"`: a bare `-` would be a subtraction).
    ///
    /// ```swift
    /// AWSSecretsProviderObject.jsonKeyPath("api-token")   // "\"api-token\""
    /// ```
    public static func jsonKeyPath(_ key: String) -> String {
        let identifier =
            key.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
            && key.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        if identifier { return key }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// The object as one item of ASCP's `objects` list.
    public var value: Value {
        var object: ValueObject = ["objectName": .string(name), "objectType": .string(type.rawValue)]
        if let alias { object["objectAlias"] = .string(alias) }
        if !jmesPath.isEmpty {
            object["jmesPath"] = .array(
                jmesPath.map { ["path": .string($0.path), "objectAlias": .string($0.alias)] })
        }
        return .object(object)
    }

    /// Every file name this object mounts: its alias (or name) and its JMESPath aliases.
    public var fileNames: [String] { [alias ?? name] + jmesPath.map(\.alias) }
}

/// The `parameters` of an `aws` SecretProviderClass.
///
/// ```swift
/// let parameters = AWSSecretsProviderParameters(objects: [.init(name: "prod/redis", alias: "redis.json")],
///                                               region: "us-east-1")
/// parameters.stringMap["objects"]   // "- objectName: prod/redis\n  objectType: secretsmanager\n  …"
/// ```
public struct AWSSecretsProviderParameters: Sendable, Hashable {
    /// The secrets and parameters to mount.
    public var objects: [AWSSecretsProviderObject]
    /// The region to read from, or `nil` for the node's region.
    public var region: String?
    /// Whether the pod authenticates with EKS Pod Identity instead of IRSA (its ServiceAccount's role annotation).
    public var usePodIdentity: Bool

    /// Creates parameters.
    public init(objects: [AWSSecretsProviderObject], region: String? = nil, usePodIdentity: Bool = false) {
        self.objects = objects
        self.region = region
        self.usePodIdentity = usePodIdentity
    }

    /// The string map ASCP reads: `objects` as YAML, `region`, `usePodIdentity` (`"true"`/`"false"`).
    public var stringMap: [String: String] {
        var map = [
            "objects": YAMLWriter().string(.array(objects.map(\.value))),
            "usePodIdentity": usePodIdentity ? "true" : "false",
        ]
        if let region { map["region"] = region }
        return map
    }

    /// Problems ASCP would reject or that would make mounts overwrite each other: no objects, an
    /// object name with a `/` and no alias, or a file name used twice.
    public func problems() -> [String] {
        var found: [String] = []
        if objects.isEmpty { found.append("no objects to mount") }
        var seen: Set<String> = []
        for object in objects {
            if object.alias == nil && object.name.contains("/") {
                found.append("object '\(object.name)' contains '/' and needs an alias (its mounted file name)")
            }
            for (index, file) in object.fileNames.enumerated() {
                if !seen.insert(file).inserted { found.append("file name '\(file)' is mounted twice") }
                let named = index > 0 || object.alias != nil  // an alias, not the object's own name
                if named && (file.isEmpty || file == "." || file == ".." || file.contains("/")) {
                    found.append("'\(file)' is not a file name")
                }
            }
        }
        return found
    }
}
