// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from eip (3 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform root `eip`, converted from `main.tf`, `outputs.tf`, `variables.tf`.
public enum Eip {
    /// The root as a stack: `eip` in the output folder.
    public static var stack: Stack {
        Stack("eip", directory: "eip", settings: TerraformSettings(requiredVersion: ">= 0.12", requiredProviders: [])) {
            let awsRegion = Variable<String>(
                "aws_region",
                default: "us-east-1",
                description: "The AWS region to create things in."
            )
            awsRegion
            let awsAmis = Variable<[String: String]>(
                "aws_amis",
                default: ["us-east-1": "ami-005fc0f236362e99f", "us-west-2": "ami-0075013580f6322a1"]
            )
            awsAmis
            let keyName = Variable<String>(
                "key_name",
                description: "Name of the SSH keypair to use in AWS.",
                providedAtApply: true
            )
            keyName
            let aws = Provider.aws(region: awsRegion.value)
            aws
            let securityGroup = AWSSecurityGroup(
                "default",
                description: "Used in the terraform",
                egress: [
                    Expr<Value>([
                        "from_port": 0,
                        "to_port": 0,
                        "protocol": "-1",
                        "cidr_blocks": ["0.0.0.0/0"],
                        "description": nil,
                        "ipv6_cidr_blocks": nil,
                        "prefix_list_ids": nil,
                        "security_groups": nil,
                        "self": nil,
                    ] as Expression),
                ],
                ingress: [
                    Expr<Value>([
                        "from_port": 22,
                        "to_port": 22,
                        "protocol": "tcp",
                        "cidr_blocks": ["0.0.0.0/0"],
                        "description": nil,
                        "ipv6_cidr_blocks": nil,
                        "prefix_list_ids": nil,
                        "security_groups": nil,
                        "self": nil,
                    ] as Expression),
                    Expr<Value>([
                        "from_port": 80,
                        "to_port": 80,
                        "protocol": "tcp",
                        "cidr_blocks": ["0.0.0.0/0"],
                        "description": nil,
                        "ipv6_cidr_blocks": nil,
                        "prefix_list_ids": nil,
                        "security_groups": nil,
                        "self": nil,
                    ] as Expression),
                ],
                name: "eip_example"
            )
            securityGroup
            let web = AWSInstance(
                "web",
                ami: Expr<String>(awsAmis.value.expression.index(awsRegion.value.expression)),
                instanceType: "t2.micro",
                keyName: keyName.value,
                metadataOptions: .init(httpTokens: "required"),
                securityGroups: [securityGroup.nameRef],
                tags: ["Name": "eip-example"],
                userData: Fn.file("userdata.sh")
            )
            web
            let eip = AWSEIP("default", domain: "vpc", instance: web.id)
            eip
            Output("address", web.privateIpRef)
            Output("elastic_ip", eip.publicIp)
        }
    }
}
