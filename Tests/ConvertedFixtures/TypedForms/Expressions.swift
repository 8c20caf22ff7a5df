// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from expressions (1 file).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.
// Report: untyped resource 1, escape hatch 1.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform root `expressions`, converted from `main.tf`.
public enum Expressions {
    /// The root as a stack: `expressions` in the output folder.
    public static var stack: Stack {
        Stack(
            "expressions",
            directory: "expressions",
            settings: TerraformSettings(
                requiredVersion: nil,
                requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws")]
            )
        ) {
            let env = Variable<String>("env", default: "dev")
            env
            let size = Variable<Double>("size", default: 2)
            size
            let enabled = Variable<Bool>("enabled", default: true)
            enabled
            let zones = Variable<[String]>("zones", default: ["us-east-1a", "us-east-1b"])
            zones
            let tags = Variable<[String: String]>("tags", default: ["Team": "web"])
            tags
            let ports = Variable<[Double]>("ports", default: [80, 443])
            ports
            let transitions = Variable<[String: Double]>("transitions", default: ["STANDARD_IA": 30, "GLACIER": 90])
            transitions
            let awsAdopt = Provider.aws(region: "us-east-1", alias: "adopt")
            awsAdopt
            let prod = Local<Bool>("prod", (env.value .== "prod"))
            prod
            let notDev = Local<Bool>("not_dev", (env.value .!= "dev"))
            notDev
            let count = Local<Double>(
                "count",
                Expr<Double>.if((enabled.value && !prod.value), then: (size.value * 2), else: (size.value + 1))
            )
            count
            let big = Local<Bool>("big", ((size.value >= 3) || (size.value < 1)))
            big
            let name = Local<String>("name", Fn.format("%s-%d", env.value, size.value))
            name
            let team = Local<String>("team", Fn.lookup(tags.value, key: "Team", default: "none"))
            team
            let first = Local<String>("first", Fn.element(zones.value, index: 0))
            first
            let hasA = Local<Bool>("has_a", Fn.contains(zones.value, value: "us-east-1a"))
            hasA
            let keys = Local<[String]>("keys", Fn.keys(tags.value))
            keys
            let values = Local<[String]>("values", Fn.values(tags.value))
            values
            let upper = Local<String>("upper", Fn.upper(Fn.replace(env.value, substr: "-", replace: "_")))
            upper
            let policy = Local<String>(
                "policy",
                Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": []] as Expression))
            )
            policy
            let host = Local<String>("host", Fn.cidrhost("10.0.0.0/16", hostnum: 5))
            host
            let ok = Local<Bool>("ok", Fn.can(Fn.tonumber(env.value)))
            ok
            let label = Local<String>("label", Fn.tostring(size.value))
            label
            let maybe = Local<String>("maybe", Expr<String>.if(prod.value, then: "p", else: nil))
            maybe
            let zoneLabels = Local<[String]>(
                "zone_labels",
                zones.value.filter(as: "i", "z") { i, z in (z .!= "") }.map { i, z in ("\(i)-\(z)" as Expr<String>) }
            )
            zoneLabels
            let upperTags = Local<[String: String]>(
                "upper_tags",
                tags.value.toMap(as: "k", "v") { k, v in (k, Fn.upper(v)) }
            )
            upperTags
            let byRegion = Local<[String: [String]]>(
                "by_region",
                zones.value.grouped(as: "z") { z in (Expr<String>(Expression.call("substr", z.expression, 0, 9)), z) }
            )
            byRegion
            let lengths = Local<[Double]>("lengths", zones.value.map(as: "z") { z in Fn.length(z) })
            lengths
            let parts = Local<[String]>(
                "parts",
                Expr<[String]>(Expression.call("split", "-", env.value.expression)).map(as: "p") { p in Fn.upper(p) }
            )
            parts
            let lockTables = Local<[String: String]>("lock_tables", ["second": "convert-import-locks-2"])
            lockTables
            let b = AWSS3Bucket(
                "b",
                bucket: "\(name.value)-\(Count.index)",
                tags: Fn.merge(tags.value, ["Name": upper.value])
            )
                .count(Expr<Double>.if(prod.value, then: 2, else: 1))
            b
            let keptBuckets = Local<[String]>(
                "kept_buckets",
                b.eachInstance.filter(as: "b") { bItem in (bItem.bucketRef .!= "") }.map { bItem in bItem.bucketRef }
            )
            keptBuckets
            let zone = AWSS3Bucket("zone", bucket: "\(name.value)-\(Expression.eachKey)")
                .forEach(Fn.toset(zones.value).expression)
            zone
            // convert: `for` expression kept as HCL: Tests/InfraConvertTests/Fixtures/expressions/main.tf:155:18
            let keptZones = Local<[String: String]>(
                "kept_zones",
                Expr<[String: String]>.raw("{for k, z in aws_s3_bucket.zone : k => z.bucket if z.bucket != \"\"}")
            )
            keptZones
            let webGroup = AWSSecurityGroup("web", name: "web-\(env.value)")
                .dynamic("ingress", forEach: ports.value, iterator: "port") { port in
                    Block(
                        [
                            "from_port": port.value.expression,
                            "to_port": port.value.expression,
                            "protocol": "tcp",
                            "cidr_blocks": ["10.0.0.0/8"],
                        ]
                    )
                }
            webGroup
            let webTemplate = AWSLaunchTemplate("web", name: "web-\(env.value)")
                .dynamic(
                    \.tagSpecifications,
                    forEach: (Fn.toset((["instance", "volume"] as Expr<[String]>)) as Expr<Set<String>>)
                ) { tagSpecifications in
                    .init(
                        resourceType: tagSpecifications.value,
                        tags: Fn.merge(tags.value, ["Kind": tagSpecifications.key])
                    )
                }
            webTemplate
            // convert: `dynamic "transition"` inside a nested block is an untyped DynamicBlock (Tests/InfraConvertTests/Fixtures/expressions/main.tf:132:5)
            let tiers = Resource(
                "aws_s3_bucket_lifecycle_configuration",
                "tiers",
                ["bucket": b[0].id.expression],
                blocks: [
                    "rule": [
                        Block(
                            ["id": "tiers", "status": "Enabled"],
                            blocks: ["filter": [Block(["prefix": "logs/"])]],
                            dynamicBlocks: [
                                DynamicBlock(
                                    "transition",
                                    forEach: transitions.value.expression,
                                    content: Block(
                                        [
                                            "storage_class": Expression.reference("transition", "key"),
                                            "days": Expression.reference("transition", "value"),
                                        ]
                                    )
                                ),
                            ]
                        ),
                    ],
                ]
            )
            tiers
            let adopted = AWSS3Bucket("adopted", bucket: "convert-import-\(Expression.eachKey)")
                .forEach(Fn.toset((["state", "logs", "extra"] as Expr<[String]>)).expression)
                .provider(awsAdopt.reference)
            adopted
            let locks = AWSDynamoDBTable(
                "locks",
                name: "convert-import-locks",
                attribute: [.init(name: "LockID", type: "S")],
                billingMode: "PAY_PER_REQUEST",
                hashKey: "LockID"
            )
                .count(1)
            locks
            let moreLocks = AWSDynamoDBTable(
                "more_locks",
                name: Expr<String>(Expression.eachValue),
                attribute: [.init(name: "LockID", type: "S")],
                billingMode: "PAY_PER_REQUEST",
                hashKey: "LockID"
            )
                .forEach(lockTables.value.expression)
            moreLocks
            Output("first_arn", b[0].arn)
            Output("bucket_ids", expression: b.all.id.expression)
            Output("zone_bucket", zone["us-east-1a"].bucketRef)
            Output(
                "n",
                expression: Expr<String>.if(((Fn.length(zones.value) % 2) .== 0), then: first.value, else: team.value).expression
            )
            Output(
                "values",
                expression: [
                    "not_dev": notDev.value.expression,
                    "big": big.value.expression,
                    "has_a": hasA.value.expression,
                    "keys": keys.value.expression,
                    "values": values.value.expression,
                    "policy": policy.value.expression,
                    "host": host.value.expression,
                    "ok": ok.value.expression,
                    "label": label.value.expression,
                    "maybe": maybe.value.expression,
                ]
            )
            Output(
                "loops",
                expression: [
                    "zone_labels": zoneLabels.value.expression,
                    "upper_tags": upperTags.value.expression,
                    "by_region": byRegion.value.expression,
                    "lengths": lengths.value.expression,
                    "parts": parts.value.expression,
                    "buckets": b.eachInstance.map(as: "b") { bItem in bItem.bucketRef }.expression,
                    "zone_bucket": zone.eachInstance.mapValues(as: "k", "b") { bItem in bItem.bucketRef }.expression,
                ]
            )
            Output(
                "filters",
                expression: ["kept_buckets": keptBuckets.value.expression, "kept_zones": keptZones.value.expression]
            )
            Moved(from: zone.address[0], to: zone.address["us-east-1a"])
            Import(adopted["state"], id: "convert-import-state", provider: awsAdopt.reference)
            Import(forEach: ["logs": "convert-import-logs"], into: adopted, provider: awsAdopt.reference)
            Import(
                forEach: (Fn.toset((["extra"] as Expr<[String]>)) as Expr<Set<String>>),
                into: adopted,
                id: { each in ("convert-import-\(each.key)" as Expr<String>) },
                provider: awsAdopt.reference
            )
            Import(locks[0], id: "convert-import-locks")
            Import(forEach: lockTables.value, into: moreLocks)
        }
    }
}
