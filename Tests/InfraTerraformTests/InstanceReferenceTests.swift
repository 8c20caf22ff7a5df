// References to instances of count and for_each blocks, splats over them and `for` over
// them: the references they render, the traversals validation sees, the diagnostics for
// wrong instance keys, and the graph edges they draw.

import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

@Suite("Instance references")
struct InstanceReferenceTests {
    let vpc = FixtureVPC("main", cidrBlock: "10.0.0.0/16")
    let zones: Expr<[String: String]> = ["us-east-1a": "10.0.0.0/24", "us-east-1b": "10.0.1.0/24"]

    var keyed: FixtureSubnet {
        let each = Each.of(zones)
        return FixtureSubnet("app", vpcId: vpc.id, cidrBlock: each.value, availabilityZone: each.key).forEach(zones)
    }

    var counted: FixtureSubnet {
        FixtureSubnet("db", vpcId: vpc.id, cidrBlock: Fn.cidrsubnet("10.0.0.0/16", newbits: 8, netnum: Count.index))
            .count(2)
    }

    @Test("an index, a key or an expression selects one instance, read through typed properties")
    func oneInstance() {
        #expect(counted[0].id.expression.hcl == "aws_subnet.db[0].id")
        #expect(counted[Count.index].arn.expression.hcl == "aws_subnet.db[count.index].arn")
        #expect(keyed["us-east-1a"].id.expression.hcl == #"aws_subnet.app["us-east-1a"].id"#)
        #expect(keyed[Each<String>().key].id.expression.hcl == "aws_subnet.app[each.key].id")
        #expect(keyed["a"].id.expression.jsonValue == .string(#"${aws_subnet.app["a"].id}"#))
    }

    @Test("argument properties of an instance read the instance's attribute, not the value set")
    func argumentProperties() {
        // cidrBlock is `each.value` on the block; on an instance it is that instance's attribute.
        #expect(keyed["a"].cidrBlock.expression.hcl == #"aws_subnet.app["a"].cidr_block"#)
        #expect(keyed["a"].vpcId.expression.hcl == #"aws_subnet.app["a"].vpc_id"#)
        #expect(counted.all.availabilityZone.expression.hcl == "aws_subnet.db[*].availability_zone")
        #expect(keyed["a"].cidrBlockRef.expression.hcl == #"aws_subnet.app["a"].cidr_block"#)
    }

    @Test("all instances: [*] with count or none, values(…)[*] with for_each; the element type is kept")
    func splats() {
        let ids: Expr<[String]> = counted.all.id
        #expect(ids.expression.hcl == "aws_subnet.db[*].id")
        #expect(keyed.all.id.expression.hcl == "values(aws_subnet.app)[*].id")
        #expect(vpc.all.id.expression.hcl == "aws_vpc.main[*].id")
        #expect(Fn.one(vpc.all.id).expression.hcl == "one(aws_vpc.main[*].id)")
        #expect(
            Fn.toset(Fn.concat(keyed.all.id, counted.all.id)).expression.hcl
                == "toset(concat(values(aws_subnet.app)[*].id, aws_subnet.db[*].id))")
        let reference = InfraTerraform.Expression(counted.all.id).node.traversals
        #expect(reference == [Traversal(root: "aws_subnet", steps: [.attribute("db"), .splat, .attribute("id")])])
    }

    @Test("for over instances: the loop variable is an instance with the block's typed properties")
    func forOverInstances() {
        let byKey: Expr<[String: String]> = keyed.eachInstance.mapValues(as: "k", "s") { s in s.id }
        #expect(byKey.expression.hcl == "{ for k, s in aws_subnet.app : k => s.id }")
        let named: Expr<[String: String]> = counted.eachInstance.toMap(as: "i", "rt") { i, rt in ("db-\(i)", rt.arn) }
        #expect(named.expression.hcl == #"{ for i, rt in aws_subnet.db : "db-${i}" => rt.arn }"#)
        #expect(counted.eachInstance.map { s in s.id }.expression.hcl == "[for v in aws_subnet.db : v.id]")
        // The loop variable is local: only the collection is a reference.
        #expect(InfraTerraform.Expression(byKey).node.traversals.map(\.root) == ["aws_subnet"])
    }

    @Test("module calls with count are read by instance and as a splat")
    func moduleInstances() {
        let module = TerraformModule("vpc", directory: "modules/vpc") {
            Output("vpc_id", Expr<String>("x"))
        }
        let calls = ModuleCall("vpc", module: module).count(2)
        #expect((calls[0].output("vpc_id") as Expr<String>).expression.hcl == "module.vpc[0].vpc_id")
        #expect((calls.all.reference("vpc_id") as Expr<[String]>).expression.hcl == "module.vpc[*].vpc_id")
    }

    @Test("the untyped Resource and DataSource keep their address in generic code")
    func untypedInGenericCode() {
        func address<R: TerraformResource>(_ resource: R) -> String { resource.address.description }
        func firstID<R: TerraformResource>(_ resource: R) -> Expr<String> { resource.reference("id") }
        let untyped = Resource("aws_shield_protection", "api", ["name": "api"]).count(2)
        #expect(address(untyped) == "aws_shield_protection.api")
        #expect(firstID(untyped).expression.hcl == "aws_shield_protection.api.id")
        #expect((untyped[1].reference("id") as Expr<String>).expression.hcl == "aws_shield_protection.api[1].id")
        #expect(DataSource("aws_region", "current").address.description == "data.aws_region.current")
    }

    // MARK: Validation and graph

    func result(@StackBuilder _ content: () -> [any StackContent]) -> SynthesisResult {
        Stack("dev", content: content).synthesize()
    }

    @Test("what instance references name is checked: an undefined block is reported, in an index, a splat or a for")
    func undefinedTargets() {
        let ghost = FixtureSubnet("ghost", vpcId: "vpc-1").count(1)
        let result = result {
            vpc
            FixtureSubnet("a", vpcId: ghost[0].vpcId)
            FixtureSubnet("b", vpcId: vpc.id, tags: ["ids": Fn.join(",", ghost.all.id)])
            FixtureSubnet("c", vpcId: vpc.id, tags: ghost.eachInstance.mapValues { s in s.id })
            FixtureSubnet("d", vpcId: vpc.id, tags: zones.mapValues { z in "\(z)-\(ghost[0].id)" })
        }
        let errors = result.diagnostics.errors
        #expect(errors.count == 4)
        #expect(errors.allSatisfy { $0.message == "refers to aws_subnet.ghost, which is not defined in dev" })
        #expect(
            Set(errors.map(\.path.description)) == [
                "dev/aws_subnet.a", "dev/aws_subnet.b", "dev/aws_subnet.c", "dev/aws_subnet.d",
            ])
    }

    @Test("an instance key must match the target's count or for_each")
    func instanceKeys() {
        let single = FixtureSubnet("single", vpcId: vpc.id)
        let result = result {
            vpc
            single
            counted
            keyed
            FixtureSubnet("e1", vpcId: single[0].id)
            FixtureSubnet("e2", vpcId: counted.id)
            FixtureSubnet("e3", vpcId: keyed.id)
            FixtureSubnet("e4", vpcId: counted["a"].id)
            FixtureSubnet(
                "e5",
                vpcId: Expr(
                    .reference(Traversal(root: "aws_subnet", steps: [.attribute("app"), .splat, .attribute("id")]))))
            // Valid: numeric string keys on count, any key on for_each, whole blocks, splats over count.
            FixtureSubnet(
                "ok", vpcId: counted["1"].id,
                tags: [
                    "a": keyed["x"].id, "b": Fn.join(",", counted.all.id),
                    "c": Fn.jsonencode(
                        Expr<Value>(.reference(Traversal(root: "aws_subnet", steps: [.attribute("app")])))),
                ])
        }
        let messages = Dictionary(grouping: result.diagnostics.errors, by: { $0.path.description }).mapValues {
            $0.map(\.message)
        }
        #expect(
            messages["dev/aws_subnet.e1"] == [
                "aws_subnet.single[0].id selects an instance, but aws_subnet.single has no count or for_each"
            ])
        #expect(messages["dev/aws_subnet.e2"] == ["aws_subnet.db.id needs an instance key: aws_subnet.db has count"])
        #expect(
            messages["dev/aws_subnet.e3"] == ["aws_subnet.app.id needs an instance key: aws_subnet.app has for_each"])
        #expect(
            messages["dev/aws_subnet.e4"] == [
                #"aws_subnet.db["a"].id uses the key "a", but aws_subnet.db has count: its instances are numbered"#
            ])
        #expect(
            messages["dev/aws_subnet.e5"] == [
                "aws_subnet.app[*].id splats aws_subnet.app, whose for_each instances are a map that [*] does not walk"
            ])
        #expect(messages["dev/aws_subnet.ok"] == nil)
        #expect(result.diagnostics.errors.count == 5)
    }

    @Test("a module output read through an instance key or a splat is checked against the module")
    func moduleOutputs() {
        let module = TerraformModule("net", directory: "modules/net") { Output("vpc_id", Expr<String>("x")) }
        let calls = ModuleCall("net", module: module).count(2)
        let result = result {
            calls
            FixtureSubnet("a", vpcId: calls[0].output("vpc_id"))
            FixtureSubnet("b", vpcId: calls[0].output("vcp_id"))
            FixtureSubnet("c", vpcId: Fn.join(",", calls.all.reference("vpcid")))
        }
        #expect(
            result.diagnostics.errors.map(\.message).sorted() == [
                #"refers to module.net.vcp_id, but module net has no output "vcp_id""#,
                #"refers to module.net.vpcid, but module net has no output "vpcid""#,
            ])
    }

    @Test("the graph draws an edge for every instance reference, splat and for collection")
    func graphEdges() {
        let single = FixtureSubnet("single", vpcId: vpc.id)
        let result = result {
            vpc
            single
            counted
            keyed
            FixtureSubnet("by_index", vpcId: counted[0].id)
            FixtureSubnet("by_key", vpcId: keyed[Each<String>().key].id).forEach(zones)
            FixtureSubnet("by_splat", vpcId: Fn.join(",", keyed.all.id))
            FixtureSubnet("by_for", vpcId: vpc.id, tags: counted.eachInstance.mapValues { s in s.id })
            FixtureSubnet("in_body", vpcId: vpc.id, tags: zones.mapValues { z in "\(z)-\(single.id)" })
        }
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
        let edges = Set(result.edges.map { "\($0.from) -> \($0.to)" })
        for expected in [
            "dev/aws_subnet.by_index -> dev/aws_subnet.db", "dev/aws_subnet.by_key -> dev/aws_subnet.app",
            "dev/aws_subnet.by_splat -> dev/aws_subnet.app", "dev/aws_subnet.by_for -> dev/aws_subnet.db",
            "dev/aws_subnet.in_body -> dev/aws_subnet.single",
        ] {
            #expect(edges.contains(expected), "missing \(expected) in \(edges.sorted())")
        }
    }
}
