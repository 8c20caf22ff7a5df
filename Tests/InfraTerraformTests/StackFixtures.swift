import InfraCore
import InfraTerraform

/// Stacks shared by several suites.
enum StackFixtures {
    /// A root and a local module that together use every language feature of the Terraform layer.
    static func everyFeature(backend: Bool = true) -> (root: Stack, module: TerraformModule) {
        let cidr = Variable<String>("cidr_block", description: "The VPC range")
        let azs = Variable<[String]>("azs", default: ["us-east-1a", "us-east-1b"])
        let module = TerraformModule(
            "vpc", directory: "terraform/modules/vpc",
            settings: TerraformSettings(
                requiredVersion: nil,
                requiredProviders: [
                    RequiredProvider(
                        "aws", source: "hashicorp/aws", version: "~> 5.100",
                        configurationAliases: ["peer"])
                ])
        ) {
            cidr
            azs
            let vpc = Resource("aws_vpc", "this", ["cidr_block": cidr.value.expression, "enable_dns_support": true])
            vpc
            Resource(
                "aws_subnet", "private",
                [
                    "vpc_id": vpc.ref("id"),
                    "cidr_block": Fn.cidrsubnet(cidr.value, newbits: 8, netnum: Count.index).expression,
                    "availability_zone": Fn.element(azs.value, index: Count.index).expression,
                ]
            ).count(Fn.length(azs.value))
            Resource("aws_vpc", "peer", ["cidr_block": "10.99.0.0/16"]).provider(.aws(alias: "peer"))
            Output("vpc_id", vpc.reference("id") as Expr<String>, description: "The VPC id")
            Output("subnet_ids", expression: .raw("aws_subnet.private[*].id"))
        }

        let env = Variable<String>(
            "environment", description: "Environment name", sensitive: false, nullable: false,
            validations: [
                VariableValidation(
                    Expr(.call("contains", ["dev", "prod"], .reference("var", "environment"))),
                    errorMessage: "environment must be dev or prod (not ${x})")
            ])
        let secret = Variable<String>("db_password", sensitive: true, providedAtApply: true)
        let settings = TerraformSettings(
            requiredVersion: ">= 1.5.0", requiredProviders: [.aws],
            backend: backend
                ? .s3(
                    S3Backend(
                        bucket: "state", key: "dev/terraform.tfstate", region: "us-east-1",
                        dynamodbTable: "locks", kmsKeyId: "alias/terraform")) : nil)
        let root = Stack(
            "dev", directory: "terraform/environments/dev", settings: settings,
            tfvars: ["environment": "dev"]
        ) {
            env
            secret
            Provider.aws(region: "us-east-1", defaultTags: ["Project": "oves"])
            Provider.aws(region: "eu-central-1", alias: "eu")
            let tags = Local<[String: String]>("tags", ["Environment": env.value, "Literal": "${not-a-ref}"])
            tags
            let region = DataSource("aws_region", "current")
            region
            DataSource("aws_caller_identity", "current")
            let call = ModuleCall(
                "vpc", module: module, inputs: ["cidr_block": "10.0.0.0/16"],
                providers: ["aws": .aws(), "aws.peer": .aws(alias: "eu")])
            call
            let bucket = Resource(
                "aws_s3_bucket", "logs", ["bucket": "oves-logs-\(env.value)", "tags": tags.value.expression]
            )
            .lifecycle(
                Lifecycle(
                    createBeforeDestroy: true, preventDestroy: false, ignoreChanges: .attributes(["tags"]),
                    preconditions: [
                        Lifecycle.Condition(
                            Expr(.binary("!=", .reference("var", "environment"), "")),
                            errorMessage: "environment must be set")
                    ])
            )
            .override("force_destroy", true)
            bucket
            Resource(
                "aws_s3_bucket_versioning", "logs", ["bucket": bucket.ref("id")],
                blocks: ["versioning_configuration": [Block(["status": "Enabled"])]]
            )
            .dependsOn(call.address)
            .lifecycle(Lifecycle(replaceTriggeredBy: [.reference("aws_s3_bucket", "logs", "id")]))
            Resource(
                "aws_s3_bucket", "per_env", ["bucket": "oves-\(Expression.eachKey)", "tags": ["Name": .eachValue]]
            )
            .forEach(["a": "alpha", "b": "beta"])
            Resource("aws_sns_topic", "eu_alerts", ["name": "alerts"]).provider(.aws(alias: "eu")).inFile("monitoring")
            Moved(from: .resource(type: "aws_s3_bucket", name: "old_logs"), to: bucket.address)
            Output(
                "bucket_arn", bucket.reference("arn") as Expr<String>, description: "Bucket ARN",
                dependsOn: [call.address])
            Output("region", region.reference("name") as Expr<String>)
            Output("vpc_id", call.output("vpc_id") as Expr<String>)
            Output("password_echo", secret.value, sensitive: true)
        }
        return (root, module)
    }

    /// The `scale-N` benchmark workload: N buckets plus N versioning resources.
    static func scale(_ n: Int) -> Stack {
        Stack("scale", directory: "scale") {
            Provider.aws(region: "us-east-1")
            for i in 0..<n {
                let bucket = Resource(
                    "aws_s3_bucket", "b\(i)",
                    [
                        "bucket": .string("oves-scale-\(i)"),
                        "tags": ["env": "bench", "index": .string("\(i)")],
                    ])
                bucket
                Resource(
                    "aws_s3_bucket_versioning", "b\(i)", ["bucket": bucket.ref("id")],
                    blocks: ["versioning_configuration": [Block(["status": "Enabled"])]])
            }
        }
    }
}
