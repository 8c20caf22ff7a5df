// Aspects over the whole OVES reference: one TagAspect tags every taggable AWS resource and
// terraform validate still passes; one LabelAspect labels every Kubernetes object and strict
// k8s-validate still passes; an aspect that changes nothing leaves every byte as it was; the
// built-in rules as a rule pack report across every stack and manifest.

import Foundation
import InfraCore
import InfraKubernetes
import InfraPolicy
import InfraTerraform
import InfraTestSupport
import OVESInfrastructure
import Testing

@Suite("Aspects over the OVES reference")
struct ReferenceAspectsTests {
    static let tagKey = "swift-infra:aspect"

    /// Whether a block's `tags` holds the aspect's tag: a literal map has the key; an expression
    /// (`merge({…}, local.tags)`) names it.
    static func hasAspectTag(_ block: ResolvedBlock) -> Bool {
        guard let tags = block.document()["tags"] else { return false }
        if let object = tags.objectValue { return object[Self.tagKey]?.stringValue == "tagged" }
        return tags.stringValue?.contains("\"\(Self.tagKey)\" = \"tagged\"") == true
    }

    /// The reference with every taggable resource tagged by one TagAspect, synthesized once for the
    /// test and the validation of its roots.
    static let tagged: SynthesisResult = Infrastructure(units: OVESReference.terraformUnits)
        .aspect(TagAspect([Self.tagKey: "tagged"])).synthesize()

    /// The tagged reference's AWS roots, written for validation.
    static let taggedRoots: TerraformValidateBatch.Roots = { folder in
        try TerraformValidateBatch.write(
            Self.tagged.artifacts.map { ($0.path, $0.bytes) }, to: folder, roots: OVESSynthesis.awsRoots)
    }

    @Test(
        "one TagAspect tags every taggable AWS resource of the reference, and nothing else changes",
        .validatedTogether("oves-tagged", taggedRoots))
    func tagsEveryTaggableResource() async throws {
        let plain = Infrastructure(units: OVESReference.terraformUnits).synthesize()
        let tagged = Self.tagged
        #expect(!tagged.diagnostics.hasErrors, "\(tagged.diagnostics.errors)")
        let before = Dictionary(
            plain.model.nodes.compactMap { $0 as? ResolvedBlock }.map { ($0.nodeID, $0) },
            uniquingKeysWith: { a, _ in a })
        let blocks = tagged.model.nodes.compactMap { $0 as? ResolvedBlock }
        #expect(blocks.count == before.count)
        var taggable = 0
        for block in blocks {
            let original = try #require(before[block.nodeID], "\(block.nodeID) is new")
            if block.section == .resource, let type = block.type, TagAspect.awsTakesTags(type) {
                taggable += 1
                #expect(
                    Self.hasAspectTag(block),
                    "\(block.nodeID) has no aspect tag: \(String(describing: block.document()["tags"]))")
            } else {
                // Data sources (where tags filter), untaggable types, variables, …: as declared.
                #expect(block.document() == original.document(), "\(block.nodeID) changed")
            }
        }
        // The reference has dozens of taggable resources (VPC, subnets, EKS, RDS, S3, KMS, …).
        #expect(taggable > 40, "only \(taggable) taggable resources")
        // An untaggable type the reference uses is left alone.
        #expect(blocks.contains { $0.section == .resource && $0.type.map(TagAspect.awsTakesTags) == false })

        try await TerraformValidateBatch.shared.expectValid("oves-tagged")
    }

    @Test("one LabelAspect labels every Kubernetes object, and strict k8s-validate still passes")
    func labelsEveryObject() throws {
        let key = "swift-infra.dev/aspect"
        let result = Infrastructure(units: OVESKubernetes.manifests)
            .aspect(LabelAspect([key: "labelled"]))
            .synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        let objects = result.model.nodes(.kubernetes)
        #expect(objects.count > 50)
        for object in objects {
            #expect(object.document()["metadata"]?["labels"]?[key]?.stringValue == "labelled", "\(object.path)")
        }
        let directory = try ExternalTools.temporaryDirectory("aspects-labels")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExternalTools.write(result.artifacts.map { ($0.path, $0.bytes) }, to: directory)
        try ExternalTools.k8sValidate(
            [directory.appendingPathComponent("kubernetes").path], versions: KubernetesVersionWindow.supported)
    }

    @Test("an aspect that changes nothing leaves every file of the reference byte-identical")
    func noOpAspectIsInvisible() {
        struct Observer: Aspect {
            mutating func visit(_ visit: inout AspectVisit) { _ = visit.node.address }
        }
        let plain = Infrastructure(units: OVESReference.units).synthesize()
        let observed = Infrastructure(units: OVESReference.units).aspect(Observer()).synthesize()
        #expect(observed.artifacts.map(\.path) == plain.artifacts.map(\.path))
        #expect(observed.artifacts == plain.artifacts)
        #expect(observed.diagnostics.all == plain.diagnostics.all)
    }

    @Test("the built-in rules as a rule pack report at component paths across every stack and manifest")
    func rulePackAcrossUnits() {
        let unsuppressed = Infrastructure(units: OVESReference.units)
            .aspect(PolicyRulePack("oves", suppressions: []))
            .synthesize()
        let findings = unsuppressed.diagnostics.all.filter { $0.message.hasPrefix("INFRA-") }
        // Findings come from Terraform modules and Kubernetes manifests alike, each at the
        // component path of a node of the model.
        let paths = Set(unsuppressed.model.nodes.map(\.path))
        #expect(findings.contains { $0.path.segments.first == "modules" })
        #expect(findings.contains { $0.message.hasPrefix("INFRA-K8S") && $0.path.segments.first == "dev" })
        #expect(findings.allSatisfy { paths.contains($0.path) }, "\(findings.filter { !paths.contains($0.path) })")

        // The reference's accepted findings, with their reasons: every finding is a note, and
        // every suppression matched.
        let accepted = Infrastructure(units: OVESReference.units)
            .aspect(PolicyRulePack("oves", suppressions: OVESReference.allPolicySuppressions))
            .synthesize()
        let active = accepted.diagnostics.all.filter {
            ($0.message.hasPrefix("INFRA-") || $0.path == "policy") && $0.severity != .note
        }
        #expect(active.isEmpty, "\(active)")
        #expect(accepted.diagnostics.all.filter { $0.message.contains("(suppressed: ") }.count == findings.count)
        #expect(accepted.artifacts == Infrastructure(units: OVESReference.units).synthesize().artifacts)
    }

    @Test("a high finding of a rule pack is an error at the resource's path, and nothing is written")
    func rulePackStopsSynthesis() {
        let stack = Stack("dev") {
            Group("storage") { Resource("aws_s3_bucket", "plain", ["bucket": "acme-plain"]) }
        }
        let result = stack.synthesize(aspects: [PolicyRulePack("acme")])
        let encryption = result.diagnostics.errors.filter { $0.message.hasPrefix("INFRA-S3-001 aws_s3_bucket.plain") }
        #expect(encryption.map(\.path) == ["dev/storage/aws_s3_bucket.plain"])
        #expect(result.artifacts.isEmpty)
        #expect(!stack.synthesize().artifacts.isEmpty)
    }
}
