import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

@Suite("Validation before writing")
struct ValidationTests {
    func errors(_ stack: Stack) -> [Diagnostic] {
        Infrastructure { stack }.synthesize().diagnostics.errors
    }

    @Test("duplicate addresses are reported with both paths")
    func duplicates() {
        let diagnostics = errors(
            Stack("dev") {
                Resource("aws_vpc", "main", ["cidr_block": "10.0.0.0/16"])
                Group("network") { Resource("aws_vpc", "main", ["cidr_block": "10.1.0.0/16"]) }
            })
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.path.description == "dev/network/aws_vpc.main")
        #expect(
            diagnostics.first?.message.contains("duplicate address aws_vpc.main (also defined at dev/aws_vpc.main)")
                == true)
    }

    @Test("invalid identifiers are refused", arguments: ["1abc", "has space", "dot.ted", ""])
    func identifiers(name: String) {
        #expect(errors(Stack("dev") { Resource("aws_vpc", name, [:]) }).count == 1)
    }

    @Test("references to undefined blocks are reported")
    func undefinedReferences() {
        let diagnostics = errors(
            Stack("dev") {
                Resource(
                    "aws_subnet", "a",
                    [
                        "vpc_id": .reference("aws_vpc", "missing", "id"), "zone": .reference("var", "nope"),
                        "x": .reference("local", "gone"), "y": .reference("data", "aws_region", "here", "name"),
                        "z": .reference("module", "ghost", "out"),
                    ])
            })
        #expect(
            Set(diagnostics.map(\.message)) == [
                "refers to aws_vpc.missing, which is not defined in dev",
                "refers to var.nope, which is not defined in dev",
                "refers to local.gone, which is not defined in dev",
                "refers to data.aws_region.here, which is not defined in dev",
                "refers to module.ghost, which is not defined in dev",
            ])
        #expect(diagnostics.allSatisfy { $0.path.description == "dev/aws_subnet.a" })
    }

    @Test("each and count are only valid with for_each and count")
    func contextual() {
        let diagnostics = errors(
            Stack("dev") {
                Resource("aws_s3_bucket", "a", ["bucket": .eachKey])
                Resource("aws_s3_bucket", "b", ["bucket": "b-\(Expression.countIndex)"])
            })
        #expect(
            diagnostics.map(\.message).sorted() == [
                "uses count.index but has no count", "uses each.key but has no for_each",
            ])
    }

    @Test("a required variable without a value is an error; providedAtApply and tfvars satisfy it")
    func requiredVariables() {
        #expect(
            errors(Stack("dev") { Variable<String>("region") }).map(\.message) == [
                #"required variable "region" has no value"#
            ])
        #expect(errors(Stack("dev", tfvars: ["region": "us-east-1"]) { Variable<String>("region") }).isEmpty)
        #expect(errors(Stack("dev") { Variable<String>("token", sensitive: true, providedAtApply: true) }).isEmpty)
    }

    @Test("depends_on cycles are found and named")
    func cycles() {
        let a = Resource("aws_sns_topic", "a", ["name": .reference("aws_sns_topic", "b", "name")])
        let b = Resource("aws_sns_topic", "b", ["name": "b"]).dependsOn(.resource(type: "aws_sns_topic", name: "c"))
        let c = Resource("aws_sns_topic", "c", ["name": "c"]).dependsOn(a.address)
        let diagnostics = errors(
            Stack("dev") {
                a; b; c
            })
        #expect(
            diagnostics.map(\.message) == [
                "dependency cycle: aws_sns_topic.a → aws_sns_topic.b → aws_sns_topic.c → aws_sns_topic.a"
            ])
    }

    @Test("a cycle is shown in the order its references run, not in address order")
    func cycleOrder() {
        // a → c → b → a: sorting the names would print a → b → c, which is no path at all.
        let a = Resource("aws_sns_topic", "a", ["name": .reference("aws_sns_topic", "c", "name")])
        let c = Resource("aws_sns_topic", "c", ["name": .reference("aws_sns_topic", "b", "name")])
        let b = Resource("aws_sns_topic", "b", ["name": "b"]).dependsOn(a.address)
        let diagnostics = errors(
            Stack("dev") {
                a; b; c
            })
        #expect(
            diagnostics.map(\.message) == [
                "dependency cycle: aws_sns_topic.a → aws_sns_topic.c → aws_sns_topic.b → aws_sns_topic.a"
            ])
        #expect(diagnostics.map(\.path.description) == ["dev/aws_sns_topic.a"])
    }

    @Test("a cycle group shows one cycle and names the other blocks caught in it; a self-reference is a cycle")
    func cycleGroups() {
        let a = Resource("aws_sns_topic", "a", ["name": .reference("aws_sns_topic", "b", "name")])
            .dependsOn(.resource(type: "aws_sns_topic", name: "c"))
        let b = Resource("aws_sns_topic", "b", ["name": .reference("aws_sns_topic", "a", "id")])
        let c = Resource("aws_sns_topic", "c", ["name": .reference("aws_sns_topic", "a", "id")])
        let d = Resource("aws_sns_topic", "d", ["name": "d"]).dependsOn(.resource(type: "aws_sns_topic", name: "d"))
        let diagnostics = errors(
            Stack("dev") {
                d; c; b; a
            })
        #expect(
            diagnostics.map(\.message) == [
                "dependency cycle: aws_sns_topic.a → aws_sns_topic.b → aws_sns_topic.a; aws_sns_topic.c is caught in "
                    + "the same cycle",
                "dependency cycle: aws_sns_topic.d → aws_sns_topic.d",
            ])
    }

    @Test("module inputs and outputs are checked against the module")
    func moduleContract() {
        let module = TerraformModule("net") {
            Variable<String>("cidr")
            Output("id", expression: "x")
        }
        let call = ModuleCall("net", module: module, inputs: ["cidr_typo": "10.0.0.0/16"])
        let diagnostics = errors(
            Stack("dev") {
                call
                Output("bad", call.output("nope") as Expr<String>)
            })
        #expect(
            Set(diagnostics.map(\.message)) == [
                #"module net has no variable "cidr_typo""#, #"module net requires "cidr", which is not passed"#,
                #"refers to module.net.nope, but module net has no output "nope""#,
            ])
    }

    @Test("an unknown provider alias is refused")
    func providerAlias() {
        let diagnostics = errors(Stack("dev") { Resource("aws_vpc", "v", [:]).provider(.aws(alias: "eu")) })
        #expect(diagnostics.map(\.message) == ["uses provider aws.eu, which is not configured in dev"])
    }

    @Test("a definition with N problems reports N diagnostics and writes nothing")
    func allAtOnce() throws {
        let stack = Stack("dev") {
            Variable<String>("region")  // 1: no value
            Resource("aws_vpc", "bad name", [:])  // 2: identifier
            Resource("aws_subnet", "s", ["vpc_id": .reference("aws_vpc", "nope", "id")])  // 3: reference
            Resource("aws_subnet", "s", [:])  // 4: duplicate
            Resource("aws_eip", "e", [:]).provider(.aws(alias: "x"))  // 5: provider
        }
        let result = Infrastructure { stack }.synthesize()
        #expect(result.diagnostics.errors.count == 5)
        #expect(result.artifacts.isEmpty)
    }
}
