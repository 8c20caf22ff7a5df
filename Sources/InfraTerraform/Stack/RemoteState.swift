// Values that cross roots: a producer root declares typed `RootOutput`s (usually grouped in a
// `RootOutputs` struct); a consumer root reads them through `RemoteRoot`, which synthesizes a
// `data "terraform_remote_state"` on the producer's backend (its s3 settings copied, or the
// relative path of a local state) and tells `Infrastructure.rootOrder` the consumer needs the producer.

import InfraCore

/// A typed value a root publishes for other roots: an `output` block in the producer.
///
/// ```swift
/// struct SharedOutputs: RootOutputs {
///     var zoneNameServers: RootOutput<[String]>
/// }
/// let outputs = SharedOutputs(zoneNameServers: RootOutput("zone_name_servers", zone.nameServers))
/// Stack("shared") { zone; outputs }                      // declares output "zone_name_servers"
/// ```
public struct RootOutput<T>: StackContent, Hashable {
    /// The output's name in the producer.
    public var name: String
    /// The value in the producer.
    public var value: Expr<T>
    /// Whether the value is sensitive (then it stays sensitive where consumers read it).
    public var sensitive: Bool
    /// The output's description.
    public var description: String?

    /// Declares a published value.
    public init(_ name: String, _ value: Expr<T>, sensitive: Bool = false, description: String? = nil) {
        self.name = name
        self.value = value
        self.sensitive = sensitive
        self.description = description
    }

    /// The producer's `output` block.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        Output(name, value, description: description, sensitive: sensitive ? true : nil).stackElements(in: parent)
    }
}

/// The values a root publishes, as a struct whose stored properties are ``RootOutput``s: content
/// of the producer (every property becomes an `output` block) and the type consumers read
/// through ``RemoteRoot/outputs`` (`shared.outputs.zoneNameServers`; a misspelt name does not compile).
///
/// ```swift
/// struct ProdOutputs: RootOutputs {
///     var vpcID: RootOutput<String>
///     var clusterEndpoint: RootOutput<String>
/// }
/// ```
public protocol RootOutputs: StackContent {}

extension RootOutputs {
    /// One `output` block per ``RootOutput`` property.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        Mirror(reflecting: self).children.flatMap { child in
            (child.value as? any StackContent)?.stackElements(in: parent) ?? []
        }
    }
}

/// A root that publishes no typed outputs (read its outputs through `RootOutput` handles: `remote[handle]`).
public struct NoRootOutputs: RootOutputs, Hashable {
    /// Nothing.
    public init() {}
}

/// Another root's outputs, read in this root: a `data "terraform_remote_state"` on the
/// producer's backend. The consumer needs the producer (`Infrastructure.rootOrder`).
///
/// ```swift
/// let shared = RemoteRoot(SharedRoot.stack, outputs: SharedRoot.outputs)
/// Stack("dns") {
///     shared                                                   // data.terraform_remote_state.shared
///     CFDNSRecord("cn_ns", name: "cn", ttl: 3600, type: "NS", zoneId: zone.id,
///                 content: Fn.element(shared.outputs.zoneNameServers, index: Count.index)).count(4)
/// }
/// ```
public struct RemoteRoot<Outputs: RootOutputs>: StackContent {
    /// What the consumer needs to know of the producer.
    public var requirement: RootRequirement
    /// The producer's typed outputs, read as `data.terraform_remote_state.<name>.outputs.<output>`.
    public var outputs: RemoteOutputs<Outputs>

    /// Reads `producer`'s outputs; `name` is the data block's local name (the producer's name by default).
    public init(_ producer: Stack, outputs: Outputs, name: String? = nil) {
        let local = name ?? RootRequirement.localName(producer.name)
        var declared: [String: Bool] = [:]
        for case .output(let output) in producer.elements { declared[output.name] = output.sensitive ?? false }
        requirement = RootRequirement(
            producer: producer.componentPath, producerDirectory: producer.outputDirectory,
            backend: producer.settings.backend, declaredOutputs: declared, name: local)
        self.outputs = RemoteOutputs(values: outputs, address: .data(type: RootRequirement.dataType, name: local))
    }

    /// The data block and the need for the producer.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        var requirement = self.requirement
        requirement.path = requirement.path ?? parent.appending("remote." + requirement.name)
        return [.rootRequirement(requirement)]
    }

    /// One output by its typed handle: `shared[zoneNameServers]`.
    public subscript<T>(_ output: RootOutput<T>) -> Expr<T> { outputs.read(output.name) }
}

extension RemoteRoot where Outputs == NoRootOutputs {
    /// Reads `producer`'s outputs through ``RootOutput`` handles: `shared[nameServers]`.
    public init(_ producer: Stack, name: String? = nil) {
        self.init(producer, outputs: NoRootOutputs(), name: name)
    }
}

/// A producer's outputs as the consumer reads them: `prod.outputs.vpcID` is
/// `data.terraform_remote_state.prod.outputs.vpc_id`, typed as the producer declared it.
@dynamicMemberLookup
public struct RemoteOutputs<Outputs: RootOutputs>: Sendable {
    /// The producer's declarations (names and types).
    public var values: Outputs
    /// The data block that reads them.
    public var address: ReferenceTarget

    /// One output, by the property that declares it.
    public subscript<T>(dynamicMember keyPath: KeyPath<Outputs, RootOutput<T>>) -> Expr<T> {
        read(values[keyPath: keyPath].name)
    }

    /// One output by name (for outputs declared with ``Output``, not ``RootOutput``).
    public func read<T>(_ name: String) -> Expr<T> {
        Expr(.reference(address.traversal.appending([.attribute("outputs"), .attribute(name)])))
    }
}

/// The untyped declaration of one root reading another: the producer's component path, folder,
/// backend and declared outputs, and the local name of the `terraform_remote_state` data block.
public struct RootRequirement: Sendable, Hashable {
    /// The producer's component path (`shared`).
    public var producer: ComponentPath
    /// The producer's output folder (`terraform/shared`), for a local state's relative path.
    public var producerDirectory: String
    /// The producer's backend (`nil`: local state in its folder).
    public var backend: Backend?
    /// The producer's outputs, by name, and whether each is sensitive.
    public var declaredOutputs: [String: Bool]
    /// The data block's local name.
    public var name: String
    /// Where it was declared.
    public var path: ComponentPath?

    /// Creates a requirement.
    public init(
        producer: ComponentPath, producerDirectory: String, backend: Backend?, declaredOutputs: [String: Bool],
        name: String, path: ComponentPath? = nil
    ) {
        self.producer = producer
        self.producerDirectory = producerDirectory
        self.backend = backend
        self.declaredOutputs = declaredOutputs
        self.name = name
        self.path = path
    }

    /// `terraform_remote_state`.
    public static let dataType = "terraform_remote_state"

    /// A producer's name as a Terraform local name (`environments/prod` → `environments_prod`).
    static func localName(_ name: String) -> String {
        var result = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
        if let first = result.first, !(first.isLetter || first == "_") { result = "_" + result }
        return result
    }

    /// The `data "terraform_remote_state"` block read from a consumer in `consumerDirectory`:
    /// the s3 settings (bucket, key, region) copied, or a local state's path relative to the consumer.
    public func dataBlock(consumerDirectory: String) -> ResourceBlock {
        var body = Block()
        let config: Value
        switch backend {
        case .s3(let s3):
            body["backend"] = .string("s3")
            config = ["bucket": .string(s3.bucket), "key": .string(s3.key), "region": .string(s3.region)]
        case .local(let statePath):
            body["backend"] = .string("local")
            config = ["path": .string(Self.localPath(statePath, producer: producerDirectory, from: consumerDirectory))]
        case nil:
            body["backend"] = .string("local")
            config = [
                "path": .string(
                    Self.localPath("terraform.tfstate", producer: producerDirectory, from: consumerDirectory))
            ]
        }
        body["config"] = Expression(literal: config)
        let sensitive = declaredOutputs.filter(\.value).keys.sorted().map { "outputs." + $0 }
        return ResourceBlock(
            type: Self.dataType, name: name, body: body, path: path ?? producer, sensitiveAttributes: sensitive)
    }

    /// A local state path as seen from the consumer's folder (absolute paths stay as they are).
    static func localPath(_ statePath: String, producer: String, from consumer: String) -> String {
        if statePath.hasPrefix("/") { return statePath }
        let relative = TerraformSynthesizer.relativePath(from: consumer, to: producer)
        return (relative == "." ? "" : relative.hasPrefix("./") ? String(relative.dropFirst(2)) + "/" : relative + "/")
            + statePath
    }

    /// Replaces each requirement with itself followed by its data block.
    static func expand(_ elements: [StackElement], consumerDirectory: String) -> [StackElement] {
        guard elements.contains(where: { if case .rootRequirement = $0 { true } else { false } }) else {
            return elements
        }
        return elements.flatMap { element -> [StackElement] in
            guard case .rootRequirement(let requirement) = element else { return [element] }
            return [element, .data(requirement.dataBlock(consumerDirectory: consumerDirectory))]
        }
    }
}

extension Stack: DependentUnit {
    /// The roots this root reads outputs from (its ``RemoteRoot``s), each once.
    public var requiredUnits: [UnitRequirement] {
        var result: [UnitRequirement] = []
        for case .rootRequirement(let requirement) in elements
        where !result.contains(where: { $0.unit == requirement.producer }) {
            result.append(UnitRequirement(unit: requirement.producer, declaredAt: requirement.path ?? componentPath))
        }
        return result
    }
}
