// The tagging aspect's table: every resource of the committed schema with a settable `tags`
// map, and no other type; the aspect answers from it.

import InfraAWSBindings
import InfraTerraform
import Testing

@testable import infra_codegen

@Suite("infra-codegen: the taggable types table")
struct TaggableTableTests {
    @Test("the table holds exactly the resources whose schema has a settable tags map, and TagAspect reads it")
    func taggableTypes() throws {
        let generator = try GeneratorTests.generator()
        let provider = generator.provider
        let taggable = provider.resources.filter(TaggableTableRenderer.isTaggable).map(\.type)
        let files = try generator.allFiles()
        let table = try #require(files[TaggableTableRenderer.destination])
        let rows = table.components(separatedBy: "\n").filter { $0.hasPrefix("        \"aws_") }
        #expect(rows.count == taggable.count)
        #expect(taggable.count == 748)
        // Data sources take `tags` as a filter: never in the table.
        #expect(provider.dataSources.contains { ds in ds.block.attributes.contains { $0.name == "tags" } })
        for type in ["aws_vpc", "aws_s3_bucket", "aws_eks_cluster", "aws_db_instance", "aws_kms_key"] {
            #expect(taggable.contains(type))
            #expect(TagAspect.awsTakesTags(type))
        }
        // `tags_all` only (computed), `tag` blocks, or nothing: not taggable.
        for type in [
            "aws_route_table_association", "aws_s3_bucket_policy", "aws_autoscaling_group", "aws_iam_role_policy",
        ] {
            #expect(!taggable.contains(type))
            #expect(!TagAspect.awsTakesTags(type))
        }
        #expect(Set(taggable).count == taggable.count)
        #expect(taggable.allSatisfy(TagAspect.awsTakesTags))
    }
}
