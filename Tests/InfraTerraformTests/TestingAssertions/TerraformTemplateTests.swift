// TerraformTemplate: finding, counting, properties, outputs, references and artifacts —
// each assertion passing and failing, with the failure text a user reads.

import InfraCore
import InfraTerraform
import InfraTesting
import Testing

@Suite("TerraformTemplate")
struct TerraformTemplateTests {
    static let json: Value = [
        "resource": [
            "aws_vpc": ["main": ["cidr_block": "10.0.0.0/16"]],
            "aws_subnet": [
                "a": ["vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.1.0/24"],
                "b": ["vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.2.0/24"],
            ],
            "aws_s3_bucket": [
                "logs": ["bucket": "oves-logs", "tags": ["env": "dev", "team": "platform"]],
                "assets": ["bucket": "oves-assets", "tags": ["team": "web"]],
            ],
            "aws_s3_bucket_versioning": [
                "logs": ["bucket": "${aws_s3_bucket.logs.id}", "versioning_configuration": ["status": "Enabled"]]
            ],
        ],
        "data": ["aws_availability_zones": ["available": ["state": "available"]]],
        "module": ["eks": ["source": "../modules/eks", "vpc_id": "${aws_vpc.main.id}"]],
        "output": ["vpc_id": ["value": "${aws_vpc.main.id}", "description": "The VPC"]],
    ]

    let template = TerraformTemplate(json: json)

    @Test func blocksAreListedByAddress() {
        #expect(
            template.blocks.map(\.address) == [
                "aws_s3_bucket.assets", "aws_s3_bucket.logs", "aws_s3_bucket_versioning.logs", "aws_subnet.a",
                "aws_subnet.b", "aws_vpc.main", "data.aws_availability_zones.available", "module.eks", "output.vpc_id",
            ])
    }

    @Test func resourcesAreFoundByTypeAndPartialProperties() {
        #expect(template.resources("aws_subnet").count == 2)
        #expect(
            template.resources("aws_s3_bucket", matching: ["tags": ["team": "web"]]).map(\.address) == [
                "aws_s3_bucket.assets"
            ])
        #expect(template.resource("aws_vpc.main")?.properties["cidr_block"] == "10.0.0.0/16")
    }

    @Test func resourceCountPassesAndFails() throws {
        try template.verifyResourceCount("aws_subnet", 2)
        let failure = #expect(throws: AssertionFailure.self) { try template.verifyResourceCount("aws_subnet", 3) }
        #expect(
            failure?.description == "expected 3 aws_subnet resource(s), found 2\n  found: aws_subnet.a, aws_subnet.b")
        #expect(template.resourcePropertiesCountIs("aws_subnet", ["cidr_block": "10.0.1.0/24"], 1) == nil)
    }

    @Test func resourcePropertiesPass() throws {
        try template.verifyResourceProperties("aws_s3_bucket", ["tags": ["team": "platform"]])
        #expect(template.hasResourceProperties("aws_vpc", ["cidr_block": Match.stringLike("^10\\.")]) == nil)
    }

    @Test func failedPropertiesNameTheClosestCandidateAndThePath() {
        let failure = #expect(throws: AssertionFailure.self) {
            try template.verifyResourceProperties("aws_s3_bucket", ["bucket": "oves-logs", "tags": ["env": "prod"]])
        }
        #expect(failure?.closestCandidate == "aws_s3_bucket.logs")
        #expect(failure?.mismatchLines == [#"aws_s3_bucket.logs: at tags.env expected "prod", found "dev""#])
        #expect(
            failure?.description == """
                no aws_s3_bucket matches {"bucket": "oves-logs", "tags": {"env": "prod"}} among 2 candidate(s); closest is aws_s3_bucket.logs
                  aws_s3_bucket.logs: at tags.env expected "prod", found "dev"
                """)
    }

    @Test func failedPropertiesOnAMissingTypeSaySo() {
        let failure = #expect(throws: AssertionFailure.self) {
            try template.verifyResourceProperties("aws_kms_key", [:])
        }
        #expect(failure?.description == "no aws_kms_key matches {}: there are no resources of that kind")
    }

    @Test func hasResourceChecksOneAddress() throws {
        try template.verifyResource("aws_vpc.main", ["cidr_block": "10.0.0.0/16"])
        let wrong = #expect(throws: AssertionFailure.self) {
            try template.verifyResource("aws_vpc.main", ["cidr_block": "10.1.0.0/16"])
        }
        #expect(
            wrong?.description == """
                aws_vpc.main does not match {"cidr_block": "10.1.0.0/16"}
                  aws_vpc.main: at cidr_block expected "10.1.0.0/16", found "10.0.0.0/16"
                """)
        let missing = #expect(throws: AssertionFailure.self) { try template.verifyResource("aws_vpc.mian") }
        #expect(missing?.description == "aws_vpc.mian does not exist; did you mean aws_vpc.main?")
    }

    @Test func outputsPassAndFail() throws {
        try template.verifyOutput("vpc_id", ["value": Match.reference(to: "aws_vpc.main", attribute: "id")])
        let failure = #expect(throws: AssertionFailure.self) {
            try template.verifyOutput("vpc_id", ["value": Match.reference(to: "aws_vpc.other", attribute: "id")])
        }
        #expect(
            failure?.mismatchLines == [
                #"output.vpc_id: at value expected a reference to aws_vpc.other.id, found "${aws_vpc.main.id}""#
            ])
        let missing = #expect(throws: AssertionFailure.self) { try template.verifyOutput("vpc_ids") }
        #expect(missing?.summary == "output.vpc_ids does not exist; did you mean output.vpc_id?")
    }

    @Test func referencesPointAtTheirResource() throws {
        try template.verifyReference(from: "aws_subnet.a", to: "aws_vpc.main", attribute: "id")
        try template.verifyReference(from: "module.eks", to: "aws_vpc.main")
        let failure = #expect(throws: AssertionFailure.self) {
            try template.verifyReference(
                from: "aws_s3_bucket_versioning.logs", to: "aws_s3_bucket.assets", attribute: "id")
        }
        #expect(
            failure?.description == """
                aws_s3_bucket_versioning.logs has no reference to aws_s3_bucket.assets.id
                  references at bucket: "${aws_s3_bucket.logs.id}"
                """)
    }

    @Test func propertiesCanUseReferenceMatchers() {
        #expect(
            template.hasResourceProperties(
                "aws_s3_bucket_versioning",
                [
                    "bucket": Match.reference(to: "aws_s3_bucket.logs", attribute: "id"),
                    "versioning_configuration": Match.objectEquals(["status": "Enabled"]),
                ]) == nil)
    }

    @Test func dataSourcesAndModulesAreAsserted() {
        #expect(template.hasDataSource("aws_availability_zones", ["state": "available"]) == nil)
        #expect(template.hasModule("eks", ["source": "../modules/eks"]) == nil)
        #expect(template.dataSources("aws_availability_zones").count == 1)
    }

    @Test func failingAssertionsRecordAnIssueAndReturnTheFailure() {
        withKnownIssue {
            let failure = template.hasResourceProperties("aws_s3_bucket", ["tags": ["env": "prod"]])
            #expect(failure?.closestCandidate == "aws_s3_bucket.logs")
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains(#"at tags.env expected "prod", found "dev""#) }
        }
    }

    @Test func theModelOfOneFolderIsReadWithPathsAndFiles() {
        let vpc = Resource("aws_vpc", "main", ["cidr_block": "10.0.0.0/16"])
        let result = Infrastructure {
            Stack("dev", directory: "terraform/environments/dev") {
                vpc
                Group("spare") { Resource("aws_vpc", "b", ["cidr_block": "10.1.0.0/16"]) }
                Output("vpc_id", expression: vpc.ref("id"))
            }
            Stack("prod", directory: "terraform/environments/prod") {
                Resource("aws_vpc", "prod", ["cidr_block": "10.2.0.0/16"])
            }
        }.synthesize()
        let dev = TerraformTemplate(result: result, directory: "terraform/environments/dev")
        #expect(dev.blocks.map(\.address) == ["aws_vpc.b", "aws_vpc.main", "output.vpc_id"])
        #expect(dev.resource("aws_vpc.b")?.path == "dev/spare/aws_vpc.b")
        #expect(dev.resource("aws_vpc.main")?.file == "terraform/environments/dev/main.tf.json")
        #expect(dev.block("output.vpc_id")?.file == "terraform/environments/dev/outputs.tf.json")
        #expect(dev.hasReference(from: "output.vpc_id", to: "aws_vpc.main", attribute: "id") == nil)
        #expect(dev.json["terraform"] != nil, "the settings block is part of the merged configuration")
        let all = TerraformTemplate(result: result)
        #expect(all.resources("aws_vpc").count == 3)
    }

    @Test func aStackIsReadFromItsModel() throws {
        let template = try TerraformTemplate(
            stack: Stack("shared") { Resource("aws_kms_key", "state", ["enable_key_rotation": true]) })
        #expect(template.hasResource("aws_kms_key.state", ["enable_key_rotation": true]) == nil)
        #expect(template.resource("aws_kms_key.state")?.path == "shared/aws_kms_key.state")
    }
}

@Suite("TerraformTemplate on odd documents")
struct TerraformTemplateOddDocumentTests {
    @Test func listFormsAndJunkAreRead() {
        let template = TerraformTemplate(merging: [
            ["resource": [["aws_vpc": [["main": [["cidr_block": "10.0.0.0/16"]]]]]]],
            ["resource": "junk", "output": 3],
            "not an object",
        ])
        #expect(template.blocks.map(\.address) == ["aws_vpc.main"])
        #expect(template.hasResource("aws_vpc.main", ["cidr_block": "10.0.0.0/16"]) == nil)
    }
}
