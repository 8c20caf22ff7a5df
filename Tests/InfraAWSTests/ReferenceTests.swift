// Typed references of generated types render to Terraform interpolations with the right
// address: resources as `${type.name.attr}`, data sources as `${data.type.name.attr}`.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("Generated references")
struct ReferenceTests {
    @Test("a computed resource attribute renders as ${aws_vpc.main.id}")
    func resourceReference() {
        let vpc = AWSVPC("main", cidrBlock: "10.0.0.0/16")
        #expect(vpc.id.expression.jsonValue == .string("${aws_vpc.main.id}"))
        #expect(vpc.arn.expression.jsonValue == .string("${aws_vpc.main.arn}"))
        #expect(vpc.cidrBlockRef.expression.jsonValue == .string("${aws_vpc.main.cidr_block}"))
    }

    @Test("a data source attribute renders as ${data.aws_region.current.name}")
    func dataSourceReference() {
        let region = DataAWSRegion("current")
        #expect(region.nameRef.expression.jsonValue == .string("${data.aws_region.current.name}"))
        #expect(
            DataAWSCallerIdentity("me").accountId.expression.jsonValue
                == .string("${data.aws_caller_identity.me.account_id}"))
    }

    @Test("a reference used as an argument renders inside the consuming block")
    func referenceAsArgument() {
        let vpc = AWSVPC("main", cidrBlock: "10.0.0.0/16")
        let subnet = AWSSubnet("a", vpcId: vpc.id, cidrBlock: "\(vpc.cidrBlockRef)-x")
        let body = subnet.renderBody().jsonValue
        #expect(body.objectValue?["vpc_id"] == .string("${aws_vpc.main.id}"))
        #expect(body.objectValue?["cidr_block"] == .string("${aws_vpc.main.cidr_block}-x"))
    }

    @Test("a literal containing ${ is escaped, not interpolated")
    func literalEscaping() {
        let bucket = AWSS3Bucket("b", bucket: "literal-${x}")
        #expect(bucket.renderBody().jsonValue.objectValue?["bucket"] == .string("literal-$${x}"))
    }

    @Test("nested blocks render as objects; repeated blocks as arrays")
    func nestedBlocks() {
        let template = AWSLaunchTemplate(
            "nodes",
            blockDeviceMappings: [
                .init(deviceName: "/dev/xvda", ebs: .init(encrypted: "true", volumeSize: 50)),
                .init(deviceName: "/dev/xvdb"),
            ],
            metadataOptions: .init(httpTokens: "required"))
        let body = template.renderBody()
        #expect(body.blocks["block_device_mappings"]?.count == 2)
        #expect(body.blocks["metadata_options"]?.first?.attributes["http_tokens"] == "required")
        let ebs = body.blocks["block_device_mappings"]?.first?.blocks["ebs"]?.first
        #expect(ebs?.attributes["volume_size"] == 50)
    }

    @Test("a Swift name that collides with a protocol member keeps its Terraform name")
    func collidingNames() {
        let role = AWSIAMRole("node", assumeRolePolicy: "{}", name: "eks-node")
        #expect(role.name == "node")
        #expect(role.nameAttribute == "eks-node")
        #expect(role.renderBody().attributes["name"] == "eks-node")
        #expect(role.nameRef.expression.jsonValue == .string("${aws_iam_role.node.name}"))
    }

    @Test("meta-arguments chain on generated types")
    func metaArguments() {
        let vpc = AWSVPC("main").provider(.aws(alias: "eu")).dependsOn(AWSInternetGateway("gw").address)
        #expect(vpc.meta.provider?.description == "aws.eu")
        #expect(vpc.meta.dependsOn.count == 1)
    }
}
