// The sensitive attributes of the provider schema, carried into the generated types: each
// type lists them, validation refuses literals in them whether the block is typed, untyped
// or hand-written, and outputs that read them must be sensitive.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("Sensitive attributes of generated types")
struct SensitiveAttributeTests {
    func errors(_ stack: Stack) -> [Diagnostic] { Infrastructure { stack }.synthesize().diagnostics.errors }

    @Test("generated types list the schema's sensitive attributes; types without any list none")
    func staticLists() {
        #expect(AWSDBInstance.sensitiveAttributes == ["password", "password_wo"])
        #expect(AWSRDSCluster.sensitiveAttributes == ["master_password", "master_password_wo"])
        #expect(AWSElastiCacheReplicationGroup.sensitiveAttributes == ["auth_token"])
        #expect(DataAWSSecretsManagerSecretVersion.sensitiveAttributes == ["secret_binary", "secret_string"])
        #expect(AWSVPC.sensitiveAttributes.isEmpty)
    }

    @Test("a literal password in a typed database is an error at its component path; a managed one is not")
    func typedLiteral() {
        let found = errors(
            Stack("prod") {
                Group("rds") {
                    AWSDBInstance("main", instanceClass: "db.t4g.micro", password: "hunter2")
                    AWSDBInstance("managed", instanceClass: "db.t4g.micro", manageMasterUserPassword: true)
                }
            })
        #expect(found.map(\.path.description) == ["prod/rds/aws_db_instance.main/password"])
        #expect(found.first?.message == "sensitive attribute password of aws_db_instance.main is a literal value")
    }

    @Test("the typed list, the untyped table and a hand-written conformer agree")
    func everyFormIsChecked() {
        struct HandWritten: TerraformResource, MetaArgumentCarrier {
            static let terraformType = "aws_db_instance"
            var name = "hand"
            var meta = MetaArguments()
            func renderBody() -> Block { Block(["instance_class": "db.t4g.micro", "password": "hunter2"]) }
        }
        let found = errors(
            Stack("dev") {
                AWSDBInstance("typed", instanceClass: "db.t4g.micro", password: "hunter2")
                Resource("aws_db_instance", "untyped", ["instance_class": "db.t4g.micro", "password": "hunter2"])
                HandWritten()
            })
        #expect(
            found.map(\.path.description).sorted() == [
                "dev/aws_db_instance.hand/password", "dev/aws_db_instance.typed/password",
                "dev/aws_db_instance.untyped/password",
            ])
    }

    @Test("a type of another provider is checked by its own list")
    func otherProvider() {
        struct AcmeAPIKey: TerraformResource, MetaArgumentCarrier {
            static let terraformType = "acme_api_key"
            static let sensitiveAttributes = ["value"]
            var name = "ci"
            var meta = MetaArguments()
            func renderBody() -> Block { Block(["value": "k-123"]) }
        }
        #expect(errors(Stack("dev") { AcmeAPIKey() }).map(\.path.description) == ["dev/acme_api_key.ci/value"])
    }

    @Test("an output of a typed sensitive reference must be sensitive")
    func typedOutputs() {
        let secret = DataAWSSecretsManagerSecretVersion("app", secretId: "app/credentials")
        func stack(sensitive: Bool?) -> Stack {
            Stack("dev") {
                secret
                Output("credentials", secret.secretString, sensitive: sensitive)
                Output("version", secret.versionIdRef)
            }
        }
        #expect(errors(stack(sensitive: nil)).map(\.path.description) == ["dev/output.credentials"])
        #expect(errors(stack(sensitive: true)).isEmpty)
    }
}
