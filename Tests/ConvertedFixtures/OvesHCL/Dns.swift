// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from dns (3 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.
// Report: untyped resource 3.

import InfraCore
import InfraTerraform

/// The Terraform root `dns`, converted from `backend.tf`, `cloudflare.tf`, `main.tf`.
public enum Dns {
    /// The root as a stack: `dns` in the output folder.
    public static var stack: Stack {
        Stack(
            "dns",
            directory: "dns",
            settings: TerraformSettings(
                requiredVersion: ">= 1.5.0",
                requiredProviders: [RequiredProvider("cloudflare", source: "cloudflare/cloudflare", version: "~> 5.14")],
                backend: .s3(
                    S3Backend(
                        bucket: "oves-terraform-state",
                        key: "dns/terraform.tfstate",
                        region: "us-east-1",
                        dynamodbTable: "oves-terraform-locks",
                        encrypt: true
                    )
                )
            )
        ) {
            let cloudflare = Provider("cloudflare")
            cloudflare
            let omnivoltaic = DataSource("cloudflare_zone", "omnivoltaic", ["filter": ["name": "omnivoltaic.com"]])
            omnivoltaic
            let shared = DataSource(
                "terraform_remote_state",
                "shared",
                [
                    "backend": "s3",
                    "config": [
                        "bucket": "oves-terraform-state",
                        "key": "shared/terraform.tfstate",
                        "region": "us-east-1",
                    ],
                ]
            )
            shared
            let cnDelegation = Resource(
                "cloudflare_dns_record",
                "cn_delegation",
                [
                    "comment": "Managed by swift-infra (delegation to the Route53 zone of the shared root)",
                    "content": Expression.call("element", shared.ref("outputs").attribute("china_zone_name_servers"), Count.index.expression),
                    "name": "cn",
                    "ttl": 3600,
                    "type": "NS",
                    "zone_id": omnivoltaic.ref("id"),
                ]
            )
                .count(4)
            cnDelegation
        }
    }
}
