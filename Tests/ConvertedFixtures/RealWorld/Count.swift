// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from count (3 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.

import InfraAWS
import InfraAWSAllLoadBalancing
import InfraCore
import InfraTerraform

/// The Terraform root `count`, converted from `main.tf`, `outputs.tf`, `variables.tf`.
public enum Count {
    /// The root as a stack: `count` in the output folder.
    public static var stack: Stack {
        Stack(
            "count",
            directory: "count",
            settings: TerraformSettings(requiredVersion: ">= 0.12", requiredProviders: [])
        ) {
            let awsRegion = Variable<String>(
                "aws_region",
                default: "us-west-2",
                description: "The AWS region to create things in."
            )
            awsRegion
            let awsAmis = Variable<[String: String]>(
                "aws_amis",
                default: ["eu-west-1": "ami-b1cf19c6", "us-east-1": "ami-de7ab6b6", "us-west-1": "ami-3f75767a", "us-west-2": "ami-21f78e11"]
            )
            awsAmis
            let aws = Provider.aws(region: awsRegion.value)
            aws
            let webInstance = AWSInstance(
                "web",
                ami: Expr<String>(awsAmis.value.expression.index(awsRegion.value.expression)),
                instanceType: "m1.small"
            )
                .count(4)
            webInstance
            let webElb = AWSELB(
                "web",
                listener: [.init(instancePort: 80, instanceProtocol: "http", lbPort: 80, lbProtocol: "http")],
                availabilityZones: webInstance.all.availabilityZoneRef.unsafeCast(to: Set<String>.self),
                instances: webInstance.all.id.unsafeCast(to: Set<String>.self),
                name: "terraform-example-elb"
            )
            webElb
            Output("address", expression: "Instances: \(Fn.element(webInstance.all.id, index: 0))")
        }
    }
}
