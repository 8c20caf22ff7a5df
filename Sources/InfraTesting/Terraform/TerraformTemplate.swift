// Assertions over a synthesized Terraform JSON configuration, after AWS CDK's `Template`:
// find blocks by type and partial properties, count them, follow references, and explain
// failures with the closest candidate.

import InfraCore
import InfraTerraform
import Testing

/// A synthesized Terraform configuration under test.
///
/// ```swift
/// let template = TerraformTemplate(result: stack.synthesize())
/// template.resourceCountIs("aws_subnet", 3)
/// template.hasResourceProperties("aws_s3_bucket_versioning", [
///     "bucket": Match.reference(to: "aws_s3_bucket.logs", attribute: "id"),
///     "versioning_configuration": ["status": "Enabled"],
/// ])
/// ```
///
/// Each `has…`/`…Is` assertion records a Swift Testing issue at the caller and returns the
/// ``AssertionFailure``; each `verify…` twin throws it instead, for code that handles failures.
public struct TerraformTemplate: Sendable {
    /// The merged configuration.
    public let json: Value
    /// Every resource, data source, module call, output and variable, sorted by address.
    public private(set) var blocks: [TerraformBlock]

    /// Creates a template from one Terraform JSON document.
    public init(json: Value) {
        self.json = json
        blocks = TerraformTemplate.blocks(of: json)
    }

    /// Creates a template from several Terraform JSON documents of one root module (the files
    /// of a folder), merged block by block.
    public init(merging documents: [Value]) {
        self.init(json: TerraformTemplate.merge(documents))
    }

    /// Creates a template from the resolved model of a synthesis; with `directory`, only the
    /// blocks of that folder (one root module or module), e.g. `terraform/environments/dev`.
    /// Blocks read this way know their component path and file.
    ///
    /// ```swift
    /// let template = TerraformTemplate(result: infrastructure.synthesize(), directory: "terraform/environments/dev")
    /// ```
    public init(result: SynthesisResult, directory: String? = nil) {
        self.init(model: result.model, directory: directory)
    }

    /// Creates a template from a resolved model (see ``init(result:directory:)``).
    public init(model: ResolvedModel, directory: String? = nil) {
        let wanted = directory.map { $0.split(separator: "/").joined(separator: "/") }
        let resolved = model.nodes(.terraform).compactMap { $0 as? ResolvedBlock }
            .filter { wanted == nil || $0.folder == wanted }
        self.init(merging: TerraformJSONFiles.documents(of: resolved).map(\.document))
        // Like the merge, a block defined twice (in two folders) keeps the later definition.
        var definitions: [String: ResolvedBlock] = [:]
        for block in resolved { definitions[block.address] = block }
        blocks = blocks.map { block in
            var block = block
            block.path = definitions[block.address]?.path
            block.file = definitions[block.address]?.file
            return block
        }
    }

    // MARK: Finding

    /// The resources of `type` whose properties match `properties` (partially), sorted by address.
    ///
    /// ```swift
    /// template.resources("aws_subnet", matching: ["map_public_ip_on_launch": true]).count
    /// ```
    public func resources(_ type: String, matching properties: Matcher = Match.anyValue()) -> [TerraformBlock] {
        find(.resource, type: type, properties)
    }

    /// The data sources of `type` whose properties match `properties`, sorted by address.
    public func dataSources(_ type: String, matching properties: Matcher = Match.anyValue()) -> [TerraformBlock] {
        find(.data, type: type, properties)
    }

    /// The block at a Terraform address (`aws_s3_bucket.logs`, `data.aws_ami.x`, `module.vpc`, `output.id`).
    public func block(_ address: String) -> TerraformBlock? {
        blocks.first { $0.address == address }
    }

    /// The resource at `address` (`aws_s3_bucket.logs`).
    public func resource(_ address: String) -> TerraformBlock? {
        blocks.first { $0.kind == .resource && $0.address == address }
    }

    // MARK: Counting

    /// Asserts that there are exactly `count` resources of `type`.
    ///
    /// ```swift
    /// template.resourceCountIs("aws_nat_gateway", 3)
    /// ```
    @discardableResult
    public func resourceCountIs(
        _ type: String, _ count: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in try verifyResourceCount(type, count) }
    }

    /// Throws unless there are exactly `count` resources of `type`.
    public func verifyResourceCount(_ type: String, _ count: Int) throws(AssertionFailure) {
        try verifyCount(type, Match.anyValue(), count)
    }

    /// Asserts that exactly `count` resources of `type` match `properties`.
    @discardableResult
    public func resourcePropertiesCountIs(
        _ type: String, _ properties: Matcher, _ count: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in
            try verifyCount(type, properties, count)
        }
    }

    /// Throws unless exactly `count` resources of `type` match `properties`.
    public func verifyCount(_ type: String, _ properties: Matcher, _ count: Int) throws(AssertionFailure) {
        let found = resources(type, matching: properties)
        guard found.count != count else { return }
        let filter = properties == Match.anyValue() ? "" : " matching \(properties)"
        throw AssertionFailure(
            summary: "expected \(count) \(type) resource(s)\(filter), found \(found.count)",
            details: found.isEmpty ? [] : ["found: " + found.map(\.address).joined(separator: ", ")]
        )
    }

    // MARK: Properties

    /// Asserts that some resource of `type` has these properties (objects compared partially).
    ///
    /// ```swift
    /// template.hasResourceProperties("aws_s3_bucket", ["tags": ["env": "prod"]])
    /// ```
    @discardableResult
    public func hasResourceProperties(
        _ type: String, _ properties: Matcher, sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in
            try verifyResourceProperties(type, properties)
        }
    }

    /// Throws unless some resource of `type` has these properties; the failure names the
    /// closest resource and where it differs.
    public func verifyResourceProperties(_ type: String, _ properties: Matcher) throws(AssertionFailure) {
        try CandidateSearch.requireMatch(candidates(.resource, type: type), properties, what: type, noun: "resources")
    }

    /// Asserts that the resource at `address` exists and has these properties.
    ///
    /// ```swift
    /// template.hasResource("aws_kms_key.state", ["enable_key_rotation": true])
    /// ```
    @discardableResult
    public func hasResource(
        _ address: String, _ properties: Matcher = Match.anyValue(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in try verifyResource(address, properties) }
    }

    /// Throws unless the resource at `address` exists and has these properties.
    public func verifyResource(_ address: String, _ properties: Matcher = Match.anyValue()) throws(AssertionFailure) {
        try verifyBlock(address, properties, among: blocks.filter { $0.kind == .resource })
    }

    /// Asserts that some data source of `type` has these properties.
    @discardableResult
    public func hasDataSource(
        _ type: String, _ properties: Matcher = Match.anyValue(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in
            try CandidateSearch.requireMatch(
                candidates(.data, type: type), properties, what: "data.\(type)", noun: "data sources")
        }
    }

    /// Asserts that the output `name` exists and its block (`value`, `sensitive`, …) matches.
    ///
    /// ```swift
    /// template.hasOutput("vpc_id", ["value": Match.reference(to: "aws_vpc.main", attribute: "id")])
    /// ```
    @discardableResult
    public func hasOutput(
        _ name: String, _ properties: Matcher = Match.anyValue(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in try verifyOutput(name, properties) }
    }

    /// Throws unless the output `name` exists and matches `properties`.
    public func verifyOutput(_ name: String, _ properties: Matcher = Match.anyValue()) throws(AssertionFailure) {
        try verifyBlock("output.\(name)", properties, among: blocks.filter { $0.kind == .output })
    }

    /// Asserts that the module call `name` exists and its arguments match `properties`.
    @discardableResult
    public func hasModule(
        _ name: String, _ properties: Matcher = Match.anyValue(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in
            try verifyBlock("module.\(name)", properties, among: blocks.filter { $0.kind == .module })
        }
    }

    // MARK: References

    /// Asserts that the block at `address` refers to `target` (optionally its `attribute`)
    /// somewhere in its properties, e.g. a subnet's `vpc_id = "${aws_vpc.main.id}"`.
    ///
    /// ```swift
    /// template.hasReference(from: "aws_subnet.private_a", to: "aws_vpc.main", attribute: "id")
    /// ```
    @discardableResult
    public func hasReference(
        from address: String, to target: String, attribute: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> AssertionFailure? {
        IssueReporting.record(sourceLocation) { () throws(AssertionFailure) in
            try verifyReference(from: address, to: target, attribute: attribute)
        }
    }

    /// Throws unless the block at `address` refers to `target` (and `attribute`, when given).
    public func verifyReference(
        from address: String, to target: String, attribute: String? = nil
    ) throws(AssertionFailure) {
        guard let source = block(address) else { throw missing(address, among: blocks) }
        var strings: [(ValuePath, String)] = []
        TerraformTemplate.collectStrings(source.properties, at: ValuePath(), into: &strings)
        if strings.contains(where: { TerraformReference.contains($0.1, address: target, attribute: attribute) }) {
            return
        }
        let wanted = target + (attribute.map { ".\($0)" } ?? "")
        let found = strings.filter { !TerraformReference.interpolations(in: $0.1).isEmpty }
        throw AssertionFailure(
            summary: "\(address) has no reference to \(wanted)",
            closestCandidate: address,
            details: found.isEmpty
                ? ["it has no references at all"] : found.map { "references at \($0.0): \(ValueText.quote($0.1))" }
        )
    }

    // MARK: Internals

    private func find(_ kind: TerraformBlock.Kind, type: String, _ properties: Matcher) -> [TerraformBlock] {
        blocks.filter {
            $0.kind == kind && $0.type == type
                && properties.evaluate($0.properties, at: ValuePath(), partialObjects: true).isMatch
        }
    }

    private func candidates(_ kind: TerraformBlock.Kind, type: String) -> [Candidate] {
        blocks.filter { $0.kind == kind && $0.type == type }.map {
            Candidate(address: $0.address, value: $0.properties)
        }
    }

    private func verifyBlock(
        _ address: String, _ properties: Matcher, among pool: [TerraformBlock]
    ) throws(AssertionFailure) {
        guard let found = pool.first(where: { $0.address == address }) else { throw missing(address, among: pool) }
        let result = properties.evaluate(found.properties, at: ValuePath(), partialObjects: true)
        guard !result.isMatch else { return }
        throw AssertionFailure(
            summary: "\(address) does not match \(properties)", closestCandidate: address, mismatches: result.mismatches
        )
    }

    private func missing(_ address: String, among pool: [TerraformBlock]) -> AssertionFailure {
        let names = pool.map(\.address)
        guard let nearest = CandidateSearch.nearestName(to: address, in: names) else {
            return AssertionFailure(summary: "\(address) does not exist: the template has no such blocks")
        }
        return AssertionFailure(
            summary: "\(address) does not exist; did you mean \(nearest)?", closestCandidate: nearest)
    }

    static func collectStrings(_ value: Value, at path: ValuePath, into strings: inout [(ValuePath, String)]) {
        switch value {
        case .string(let text): strings.append((path, text))
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collectStrings(element, at: path.appending(.index(index)), into: &strings)
            }
        case .object(let object):
            for (key, member) in object { collectStrings(member, at: path.appending(.key(key)), into: &strings) }
        default: break
        }
    }
}
