// What aspects do and refuse on small units: naming reports at component paths, state kept
// across units, order (scopes, declaration, added aspects), renames refused, tags merged
// into what a resource already has.

import InfraCore
import InfraKubernetes
import InfraTerraform
import Testing

@Suite("Aspects: order, naming, renames, cross-unit reports, tag merging")
struct AspectBehaviourTests {
    static func stack(_ name: String, bucket: String) -> Stack {
        Stack(name, directory: "terraform/\(name)") {
            Group("storage") {
                Resource("aws_s3_bucket", "assets", ["bucket": .init(stringLiteral: bucket)])
                Resource("aws_s3_bucket", "BadName", ["bucket": .init(stringLiteral: bucket + "-logs")])
            }
            DataSource("aws_vpc", "main", ["tags": ["Name": "main"]])
            Resource("aws_route_table_association", "a", ["subnet_id": "subnet-1", "route_table_id": "rtb-1"])
        }
    }

    @Test("a naming convention reports a bad Terraform name at its component path and nothing is written")
    func namingTerraform() {
        let result = Infrastructure { Self.stack("dev", bucket: "oves-dev") }
            .aspect(NamingConvention.terraformSnakeCase())
            .synthesize()
        let reports = result.diagnostics.errors
        #expect(reports.count == 1)
        #expect(reports.first?.path == ComponentPath("dev/storage/aws_s3_bucket.BadName"))
        #expect(reports.first?.message.contains("\"BadName\" (aws_s3_bucket.BadName) is not lower snake_case") == true)
        #expect(result.artifacts.isEmpty)
    }

    @Test("a naming convention scoped to Kubernetes reports objects without the prefix, as warnings")
    func namingKubernetes() {
        let manifest = Manifest("prod", namespace: "oves") {
            ConfigMap(metadata: .init(name: "oves-settings"), data: ["A": "1"])
            ConfigMap(metadata: .init(name: "settings"), data: ["A": "1"])
        }
        let result = Infrastructure {
            manifest; Self.stack("dev", bucket: "b")
        }
        .aspect(NamingConvention.prefix("oves-", language: .kubernetes, severity: .warning))
        .synthesize()
        let warnings = result.diagnostics.all.filter { $0.message.contains("starts with") }
        #expect(warnings.map(\.path) == [ComponentPath("prod/ConfigMap/settings")])
        #expect(warnings.first?.severity == .warning)
        #expect(!result.artifacts.isEmpty)
    }

    /// Remembers every literal bucket name and the unit that declares it; reports names two
    /// units share (S3 names are global) when the run finishes.
    struct SharedBucketNames: Aspect {
        var owners: [String: [ComponentPath]] = [:]

        mutating func visit(_ visit: inout AspectVisit) {
            guard let node = visit.node as? TerraformAspectNode, let block = node.resource,
                block.type == "aws_s3_bucket",
                case .string(let bucket) = block.body["bucket"]?.node
            else { return }
            owners[bucket, default: []].append(node.path)
        }

        mutating func finish(_ report: inout AspectReport) {
            for (bucket, paths) in owners.sorted(by: { $0.key < $1.key }) where Set(paths.map(\.segments[0])).count > 1
            {
                for path in paths {
                    report.diagnostics.error(path, "bucket name \"\(bucket)\" is declared in \(paths.count) stacks")
                }
            }
        }
    }

    @Test("an aspect keeps state across units and reports across every stack when the run finishes")
    func crossUnitReport() {
        let result = Infrastructure {
            Self.stack("dev", bucket: "oves-shared")
            Self.stack("prod", bucket: "oves-shared")
            Self.stack("test", bucket: "oves-test")
        }
        .aspect(SharedBucketNames())
        .synthesize()
        let shared = result.diagnostics.errors.filter { $0.message.contains("is declared in 2 stacks") }
        #expect(
            Set(shared.map(\.path)) == [
                "dev/storage/aws_s3_bucket.assets", "prod/storage/aws_s3_bucket.assets",
                "dev/storage/aws_s3_bucket.BadName", "prod/storage/aws_s3_bucket.BadName",
            ])
        #expect(result.artifacts.isEmpty)
    }

    /// Records the order of visits as notes: `<label>:<address>`.
    struct Recorder: Aspect {
        var label: String
        /// The label of a recorder this one adds on its first visit.
        var adds: String?
        var added = false
        mutating func visit(_ visit: inout AspectVisit) {
            guard visit.node.kind == "aws_s3_bucket" else { return }
            visit.note("\(label):\(visit.node.name)")
            if let adds, !added {
                added = true
                visit.add(Recorder(label: adds))
            }
        }
    }

    @Test("wider scopes visit first, then declaration order; an added aspect visits this node and the rest")
    func order() {
        let result = Infrastructure { Self.stack("dev", bucket: "b") }
            .aspect(Recorder(label: "storage"), scope: "dev/storage")
            .aspect(Recorder(label: "all-1", adds: "added"))
            .aspect(Recorder(label: "all-2"))
            .synthesize()
        let notes = result.diagnostics.all.filter { $0.severity == .note }.map(\.message)
        #expect(
            notes == [
                "all-1:assets", "all-2:assets", "storage:assets", "added:assets",
                "all-1:BadName", "all-2:BadName", "storage:BadName", "added:BadName",
            ])
    }

    struct Renamer: Aspect {
        mutating func visit(_ visit: inout AspectVisit) {
            guard var node = visit.node as? TerraformAspectNode, var block = node.resource, block.name == "BadName"
            else {
                return
            }
            block.name = "bad_name"
            node.resource = block
            visit.node = node
        }
    }

    @Test("an aspect may not rename: the rename is refused with an error at the node")
    func renameRefused() {
        let result = Infrastructure { Self.stack("dev", bucket: "b") }.aspect(Renamer()).synthesize()
        #expect(result.diagnostics.errors.map(\.path) == ["dev/storage/aws_s3_bucket.BadName"])
        #expect(result.diagnostics.errors.first?.message.contains("Renamer renamed aws_s3_bucket.BadName") == true)
        #expect(result.model.nodes.contains { $0.address == "aws_s3_bucket.BadName" })
        #expect(!result.model.nodes.contains { $0.address == "aws_s3_bucket.bad_name" })
        #expect(result.artifacts.isEmpty)
    }

    struct Multiplier: Aspect {
        mutating func visit(_ visit: inout AspectVisit) { visit.add(Multiplier()) }
    }

    @Test("an aspect that adds aspects without end is stopped with an error")
    func runawayAdds() {
        let result = Infrastructure { Self.stack("dev", bucket: "b") }.aspect(Multiplier()).synthesize()
        #expect(result.diagnostics.errors.count == 1)
        #expect(result.diagnostics.errors.first?.message.contains("added more than 1000 aspects") == true)
    }

    @Test("tags go to taggable resources only, merged with their own: literal maps, expressions, overwrite")
    func tagMerging() throws {
        let stack = Stack("dev") {
            Resource("aws_s3_bucket", "literal", ["tags": ["team": "data", "Name": "literal"]])
            Resource("aws_s3_bucket", "expression", ["tags": .raw("local.tags")])
            Resource("aws_s3_bucket", "none", [:])
            Resource("aws_route_table_association", "a", ["subnet_id": "subnet-1", "route_table_id": "rtb-1"])
            DataSource("aws_vpc", "main", ["tags": ["Name": "main"]])
            Resource("cloudflare_record", "www", ["name": "www"])
        }
        func tags(_ result: SynthesisResult, _ address: String) -> Value? {
            result.model.nodes.first { $0.address == address }?.document()["tags"]
        }
        let kept = stack.synthesize(aspects: [TagAspect(["team": "platform", "env": "dev"])])
        #expect(tags(kept, "aws_s3_bucket.literal") == ["team": "data", "Name": "literal", "env": "dev"])
        #expect(tags(kept, "aws_s3_bucket.none") == ["env": "dev", "team": "platform"])
        #expect(
            tags(kept, "aws_s3_bucket.expression")?.stringValue
                == #"${merge({ "env" = "dev", "team" = "platform" }, local.tags)}"#)
        #expect(tags(kept, "aws_route_table_association.a") == nil)
        #expect(tags(kept, "data.aws_vpc.main") == ["Name": "main"])
        #expect(tags(kept, "cloudflare_record.www") == nil)

        let overwritten = stack.synthesize(aspects: [
            TagAspect(["team": "platform"], overwrite: true, additionalTypes: ["cloudflare_record"])
        ])
        #expect(tags(overwritten, "aws_s3_bucket.literal") == ["team": "platform", "Name": "literal"])
        #expect(
            tags(overwritten, "aws_s3_bucket.expression")?.stringValue
                == #"${merge(local.tags, { "team" = "platform" })}"#)
        #expect(tags(overwritten, "cloudflare_record.www") == ["team": "platform"])
    }

    @Test("labels keep an object's own values unless told to overwrite, and skip excluded kinds")
    func labelMerging() {
        let manifest = Manifest("prod", namespace: "oves") {
            Namespace(metadata: .init(name: "oves"))
            ConfigMap(metadata: .init(name: "settings", labels: ["team": "data"]), data: ["A": "1"])
        }
        func labels(_ result: SynthesisResult, _ kind: String) -> Value? {
            result.model.nodes.first { $0.kind == kind }?.document()["metadata"]?["labels"]
        }
        let kept = manifest.synthesize(aspects: [LabelAspect(["team": "platform"], excludedKinds: ["Namespace"])])
        #expect(labels(kept, "ConfigMap") == ["team": "data"])
        #expect(labels(kept, "Namespace") == nil)
        let overwritten = manifest.synthesize(aspects: [LabelAspect(["team": "platform"], overwrite: true)])
        #expect(labels(overwritten, "ConfigMap") == ["team": "platform"])
        #expect(labels(overwritten, "Namespace") == ["team": "platform"])
    }
}
