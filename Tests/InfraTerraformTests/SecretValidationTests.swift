// The secret rules of Terraform validation, tried the ways a user could slip a secret into a
// file: literals, variable defaults and tfvars, locals, functions, conditionals, `file()`,
// raw HCL, nested blocks, overrides, `for_each`, module inputs and provider credentials;
// and the outputs Terraform refuses at plan unless they are marked sensitive.

import InfraCore
import InfraTerraform
import Testing

@Suite("Secrets never land in a file: Terraform validation")
struct SecretValidationTests {
    func diagnostics(_ stack: Stack) -> Diagnostics { Infrastructure { stack }.synthesize().diagnostics }
    func errors(_ stack: Stack) -> [Diagnostic] { diagnostics(stack).errors }

    /// An untyped database whose password is `password` (the table of AWS sensitive attributes applies).
    func database(_ password: Expression, name: String = "main") -> Resource {
        Resource("aws_db_instance", name, ["instance_class": "db.t3.micro", "password": password])
    }

    let generated = Resource("random_password", "db", ["length": 24])

    // MARK: Sensitive attributes

    @Test("a literal in a sensitive attribute of an untyped resource is an error at its component path")
    func literalPassword() throws {
        let result = Infrastructure {
            Stack("prod") { Group("rds") { database("hunter2") } }
        }.synthesize()
        let error = try #require(result.diagnostics.errors.first)
        #expect(result.diagnostics.errors.count == 1)
        #expect(error.path.description == "prod/rds/aws_db_instance.main/password")
        #expect(error.message == "sensitive attribute password of aws_db_instance.main is a literal value")
        #expect(error.hint?.contains("manage_master_user_password") == true)
        #expect(result.artifacts.isEmpty, "nothing is written")
        #expect(!error.description.contains("hunter2"), "the secret is not printed")
    }

    @Test("references and apply-time variables are accepted sources")
    func acceptedSources() {
        let password = Variable<String>("db_password", sensitive: true, providedAtApply: true)
        let stack = Stack("dev") {
            generated
            password
            database(generated.ref("result"), name: "a")
            database(password.value.expression, name: "b")
            database(.call("jsonencode", ["user": "admin", "password": generated.ref("result")]), name: "c")
            database("prefix-\(generated.ref("result"))", name: "d")
            database(nil, name: "e")
            database("", name: "f")
        }
        #expect(errors(stack).isEmpty, "\(errors(stack))")
        #expect(diagnostics(stack).all.isEmpty)
    }

    @Test(
        "values that end up literal in a file are errors, each with its reason",
        arguments: [
            (Expression.call("jsonencode", ["user": "admin", "password": "hunter2"]), "is a literal value"),
            (
                .conditional(.reference("var", "flag"), .reference("random_password", "db", "result"), "fallback"),
                "is a literal value"
            ),
            (.call("file", "secrets/db.txt"), "is read by file() from a file next to the configuration"),
            (.raw("\"hunter2\""), "is raw HCL (Expression.raw), which cannot be checked"),
            (.reference("local", "pw"), "comes from local.pw, which is a literal value"),
            (
                .reference("local", "indirect"),
                "comes from local.indirect, which comes from local.pw, which is a literal value"
            ),
            (
                .reference("var", "with_default"),
                "comes from var.with_default, whose value is written to variables.tf.json (its default)"
            ),
            (
                .reference("var", "in_tfvars"),
                "comes from var.in_tfvars, whose value is written to terraform.tfvars.json"
            ),
            ((["a", "b"] as Expression).index(.reference("var", "flag")), "is a literal value"),
        ] as [(Expression, String)])
    func leaks(value: Expression, reason: String) throws {
        let stack = Stack("dev", tfvars: ["in_tfvars": "x", "flag": true]) {
            generated
            Variable<Bool>("flag")
            Variable<String>("with_default", default: "hunter2")
            Variable<String>("in_tfvars")
            Local<String>("pw", "hunter2")
            Local<String>("indirect", Expr(.reference("local", "pw")))
            database(value)
        }
        let found = errors(stack).filter { $0.path.description == "dev/aws_db_instance.main/password" }
        #expect(found.map(\.message) == ["sensitive attribute password of aws_db_instance.main \(reason)"])
    }

    @Test("every leak of a stack is reported at once, and nothing is written")
    func allAtOnce() {
        let result = Infrastructure {
            Stack("dev") {
                database("one", name: "a")
                database("two", name: "b")
                Resource("aws_docdb_cluster", "docs", ["master_password": "three"])
                Resource("aws_elasticache_replication_group", "cache", ["auth_token": "four"])
            }
        }.synthesize()
        #expect(
            result.diagnostics.errors.map(\.path.description).sorted() == [
                "dev/aws_db_instance.a/password", "dev/aws_db_instance.b/password",
                "dev/aws_docdb_cluster.docs/master_password",
                "dev/aws_elasticache_replication_group.cache/auth_token",
            ])
        #expect(result.artifacts.isEmpty)
    }

    @Test("sensitive attributes inside nested blocks are checked, each block at its own index")
    func nestedBlocks() {
        let broker = Resource(
            "aws_mq_broker", "events", ["broker_name": "events"],
            blocks: [
                "user": [
                    Block(["username": "app", "password": .reference("random_password", "db", "result")]),
                    Block(["username": "admin", "password": "hunter2"]),
                ]
            ])
        let found = errors(
            Stack("dev") {
                generated; broker
            })
        #expect(found.map(\.path.description) == ["dev/aws_mq_broker.events/user[1]/password"])
        #expect(found.first?.message == "sensitive attribute user.password of aws_mq_broker.events is a literal value")
    }

    @Test("a literal written by a raw override is caught; an override with a reference is not")
    func overrides() {
        let bad = database(generated.ref("result")).override("password", "hunter2")
        let good = database(nil, name: "b").override("password", generated.ref("result"))
        let found = errors(
            Stack("dev") {
                generated; bad; good
            })
        #expect(found.map(\.path.description) == ["dev/aws_db_instance.main/password"])
        #expect(found.first?.message.contains("set by override(\"password\")") == true)
    }

    @Test("each.value reads the for_each collection: a literal map of passwords is an error")
    func forEach() {
        let literal = database(.eachValue, name: "a").forEach(["x": "hunter2"])
        let fromVariable = database(.eachValue, name: "b").forEach(.reference("var", "passwords"))
        let found = errors(
            Stack("dev") {
                Variable<[String: String]>("passwords", providedAtApply: true)
                literal
                fromVariable
            })
        #expect(found.map(\.path.description) == ["dev/aws_db_instance.a/password"])
    }

    @Test("a data source's sensitive argument is checked too")
    func dataSource() {
        let found = errors(
            Stack("dev") {
                DataSource("aws_kms_ciphertext", "token", ["key_id": "alias/app", "plaintext": "hunter2"])
            })
        #expect(found.map(\.path.description) == ["dev/data.aws_kms_ciphertext.token/plaintext"])
    }

    @Test("a credential in the AWS provider configuration is an error")
    func providerCredentials() {
        let found = errors(
            Stack("dev") {
                Provider("aws", ["region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "x"])
            })
        #expect(
            found.map(\.path.description).sorted() == [
                "dev/provider.aws/access_key", "dev/provider.aws/secret_key",
            ])
    }

    @Test("a variable set into a sensitive attribute but not marked sensitive gets a warning")
    func unmarkedVariable() {
        let diagnostics = diagnostics(
            Stack("dev") {
                Variable<String>("db_password", providedAtApply: true)
                database(.reference("var", "db_password"))
            })
        #expect(diagnostics.errors.isEmpty)
        #expect(
            diagnostics.all.map(\.message) == [
                "var.db_password is set into the sensitive attribute aws_db_instance.main.password but is not marked sensitive"
            ])
    }

    // MARK: Sensitive variables

    @Test("a sensitive variable with a default or a tfvars value is an error; null and apply time are fine")
    func sensitiveVariables() {
        let found = errors(
            Stack("dev", tfvars: ["from_tfvars": "hunter2"]) {
                Variable<String>("with_default", default: "hunter2", sensitive: true)
                Variable<String>("from_tfvars", sensitive: true)
                Variable<String>("null_default", default: .null, sensitive: true)
                Variable<String>("at_apply", sensitive: true, providedAtApply: true)
            })
        #expect(
            found.map(\.message).sorted() == [
                "sensitive variable var.from_tfvars has a value in tfvars, which is written to terraform.tfvars.json",
                "sensitive variable var.with_default has a default, which is written to variables.tf.json",
            ])
        #expect(found.map(\.path.description).sorted() == ["dev/var.from_tfvars", "dev/var.with_default"])
    }

    @Test("a sensitive variable without a value asks for providedAtApply, not for a default")
    func sensitiveRequiredHint() {
        let found = errors(Stack("dev") { Variable<String>("token", sensitive: true) })
        #expect(found.first?.hint?.contains("providedAtApply") == true)
        #expect(found.first?.hint?.contains("default") == false)
    }

    @Test("a sensitive module variable with a default is an error in the module")
    func moduleVariableDefault() {
        let module = TerraformModule("db") { Variable<String>("password", default: "hunter2", sensitive: true) }
        let found = errors(Stack("dev") { ModuleCall("db", module: module) })
        #expect(found.map(\.path.description) == ["modules/db/var.password"])
    }

    // MARK: Module inputs

    @Test("a literal module input that ends up in a sensitive attribute is an error at the call")
    func moduleInputs() {
        let module = TerraformModule("db") {
            Variable<String>("password")
            Variable<String>("token", sensitive: true)
            Variable<String>("name")
            Local<String>("pw", Expr(.reference("var", "password")))
            Resource("aws_db_instance", "this", ["password": .reference("local", "pw")])
        }
        let found = errors(
            Stack("dev") {
                ModuleCall("db", module: module, inputs: ["password": "hunter2", "token": "t0k3n", "name": "orders"])
            })
        #expect(found.map(\.path.description).sorted() == ["dev/module.db/password", "dev/module.db/token"])
        #expect(
            found.map(\.message).sorted() == [
                "module input password is a literal value; it becomes aws_db_instance.this.password in module db",
                "module input token is a literal value; it becomes a sensitive variable of module db",
            ])
        let good = errors(
            Stack("dev") {
                generated
                ModuleCall(
                    "db", module: module,
                    inputs: ["password": generated.ref("result"), "token": generated.ref("result"), "name": "orders"])
            })
        #expect(good.isEmpty, "\(good)")
    }

    @Test("inputs passed on to a nested module's sensitive attribute are followed")
    func nestedModuleInputs() {
        let inner = TerraformModule("inner") {
            Variable<String>("secret")
            Resource(
                "aws_ssm_parameter", "this",
                [
                    "name": "/app/secret", "type": "SecureString",
                    "value": .reference("var", "secret"),
                ])
        }
        let outer = TerraformModule("outer") {
            Variable<String>("password")
            ModuleCall("inner", module: inner, inputs: ["secret": .reference("var", "password")])
        }
        let found = errors(Stack("dev") { ModuleCall("app", module: outer, inputs: ["password": "hunter2"]) })
        #expect(
            found.map(\.message) == [
                "module input password is a literal value; it becomes aws_ssm_parameter.this.value in module inner"
            ])
    }

    // MARK: Outputs

    @Test(
        "a root output of a sensitive value must be marked sensitive",
        arguments: [
            (Expression.reference("var", "token"), "var.token is sensitive"),
            (
                .reference("aws_db_instance", "main", "password"),
                "aws_db_instance.main.password is a sensitive attribute"
            ),
            (.reference("aws_db_instance", "main"), "aws_db_instance.main.password is a sensitive attribute"),
            (
                .reference("data", "aws_secretsmanager_secret_version", "current", "secret_string"),
                "data.aws_secretsmanager_secret_version.current.secret_string is a sensitive attribute"
            ),
            (.reference("random_password", "db", "result"), "random_password.db.result is a sensitive attribute"),
            (.reference("local", "url"), "local.url: var.token is sensitive"),
            (.call("upper", .reference("var", "token")), "var.token is sensitive"),
            (.call("sensitive", "public"), "sensitive() marks it"),
        ] as [(Expression, String)])
    func sensitiveOutputs(value: Expression, reason: String) throws {
        func stack(sensitive: Bool?) -> Stack {
            Stack("dev") {
                generated
                Variable<String>("token", sensitive: true, providedAtApply: true)
                database(generated.ref("result"))
                DataSource("aws_secretsmanager_secret_version", "current", ["secret_id": "app"])
                Local<String>("url", "https://user:\(Expression.reference("var", "token"))@example.com")
                Output("leak", expression: value, sensitive: sensitive)
            }
        }
        let found = errors(stack(sensitive: nil))
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.path.description == "dev/output.leak")
        #expect(error.message.contains("(\(reason))"), "\(error.message)")
        #expect(error.message.contains("Output refers to sensitive values"))
        #expect(errors(stack(sensitive: false)).count == 1, "sensitive: false is no better than nothing")
        #expect(errors(stack(sensitive: true)).isEmpty)
    }

    @Test("outputs that are not sensitive pass: other attributes, nonsensitive(), literals")
    func plainOutputs() {
        let found = errors(
            Stack("dev") {
                Variable<String>("token", sensitive: true, providedAtApply: true)
                database(.reference("var", "token"))
                Output("endpoint", expression: .reference("aws_db_instance", "main", "endpoint"))
                Output("hash", expression: .call("nonsensitive", .call("sha256", .reference("var", "token"))))
                Output("static", expression: "hello")
            })
        #expect(found.isEmpty, "\(found)")
    }

    @Test(
        "module outputs carry sensitivity to the root when their value reads a sensitive value (not when only declared)"
    )
    func moduleOutputs() {
        let module = TerraformModule("db") {
            Variable<String>("password", providedAtApply: true)
            Variable<String>("name", providedAtApply: true)
            Resource("aws_db_instance", "this", ["password": .reference("var", "password")])
            Output("declared", expression: .reference("var", "name"), sensitive: true)
            Output("attribute", expression: .reference("aws_db_instance", "this", "password"))
            Output("echo", expression: .reference("var", "password"))
            Output("name", expression: .reference("var", "name"))
        }
        let stack = Stack("dev") {
            Variable<String>("secret", sensitive: true, providedAtApply: true)
            ModuleCall("db", module: module, inputs: ["password": .reference("var", "secret"), "name": "orders"])
            Output("declared", expression: .reference("module", "db", "declared"))
            Output("attribute", expression: .reference("module", "db", "attribute"))
            Output("echo", expression: .reference("module", "db", "echo"))
            Output("name", expression: .reference("module", "db", "name"))
        }
        let found = errors(stack)
        #expect(
            found.map(\.path.description).sorted() == [
                "dev/output.attribute", "dev/output.echo",
            ])
        #expect(
            found.contains {
                $0.message.contains("module.db.echo is sensitive (var.password receives a sensitive value)")
            })
    }

    @Test("module outputs themselves need no sensitive flag: Terraform only checks the root")
    func moduleOutputNeedsNoFlag() {
        let module = TerraformModule("db") {
            Variable<String>("password", sensitive: true)
            Output("password", expression: .reference("var", "password"))
        }
        let found = errors(
            Stack("dev") {
                Variable<String>("p", sensitive: true, providedAtApply: true)
                ModuleCall("db", module: module, inputs: ["password": .reference("var", "p")])
            })
        #expect(found.isEmpty, "\(found)")
    }
}
