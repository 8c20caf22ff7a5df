// `dynamic` blocks from typed nested block types: the block type found from the key path,
// the JSON and HCL they render, the iterator as a local name for validation, and the graph
// edge from their collection.

import InfraCore
import InfraTerraform
import Testing

@Suite("Dynamic blocks")
struct DynamicBlockTests {
    let rules = Variable<[Value]>("rules", default: [])
    let vpc = FixtureVPC("main", cidrBlock: "10.0.0.0/16")

    var group: FixtureSecurityGroup {
        FixtureSecurityGroup("web", vpcId: vpc.id)
            .dynamic(\.ingress, forEach: rules.value) { rule in
                .init(
                    fromPort: rule.value.port.unsafeCast(), toPort: rule.value.port.unsafeCast(),
                    protocol: "tcp", cidrBlocks: [rule.value.cidr.unsafeCast()])
            }
    }

    @Test("the block type comes from the key path; the stack writes the block under \"dynamic\"")
    func json() throws {
        // The static `ingress` property stays empty; the dynamic block is kept apart until collected.
        #expect(group.renderBody().blocks["ingress"] == nil)
        #expect(group.meta.dynamicBlocks.map(\.type) == ["ingress"])
        let result = Stack("dev") {
            rules
            vpc
            group
        }.synthesize()
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
        let main = try #require(result.artifacts.first { $0.path.hasSuffix("main.tf.json") }?.text)
        #expect(main.contains(#""dynamic": {"#))
        #expect(main.contains(#""for_each": "${var.rules}""#))
        #expect(main.contains(#""from_port": "${ingress.value.port}""#))
    }

    @Test("dynamic blocks render as Terraform JSON and as HCL")
    func rendering() throws {
        let elements = group.stackElements(in: .root)
        guard case .resource(let block) = elements.first else {
            Issue.record("expected a resource")
            return
        }
        #expect(block.meta.dynamicBlocks.isEmpty)
        let dynamic = try #require(block.body.dynamicBlocks.first)
        #expect(dynamic.type == "ingress")
        #expect(dynamic.iteratorName == "ingress")
        let expected: Value = [
            "for_each": "${var.rules}",
            "content": [
                "from_port": "${ingress.value.port}", "to_port": "${ingress.value.port}", "protocol": "tcp",
                "cidr_blocks": ["${ingress.value.cidr}"],
            ],
        ]
        #expect(JSONWriter().string(dynamic.jsonValue) == JSONWriter().string(expected))
        let hcl = Stack("dev") {
            rules
            vpc
            group
        }.synthesize(options: SynthesisOptions(terraformFormat: .hcl))
        let text = hcl.artifacts.first { $0.path.hasSuffix("main.tf") }?.text ?? ""
        #expect(
            text.contains(
                """
                  dynamic "ingress" {
                    for_each = var.rules

                    content {
                      cidr_blocks = [ingress.value.cidr]
                      from_port   = ingress.value.port
                      protocol    = "tcp"
                      to_port     = ingress.value.port
                    }
                  }
                """), "\(text)")
    }

    @Test("a named iterator, a single optional block and a data source's filter block")
    func iteratorAndKinds() {
        let ports: Expr<[Double]> = [80, 443]
        let named = FixtureSecurityGroup("named").dynamic(\.egress, forEach: ports, iterator: "port") { port in
            .init(fromPort: port.value, toPort: port.value, protocol: "tcp")
        }
        let dynamic = named.stackElements(in: .root).first.flatMap { element -> DynamicBlock? in
            if case .resource(let b) = element { return b.body.dynamicBlocks.first }
            return nil
        }
        #expect(dynamic?.type == "egress")
        #expect(dynamic?.iterator == "port")
        #expect(dynamic?.content.attributes["from_port"]?.hcl == "port.value")
        let withTimeouts = FixtureSecurityGroup("t").dynamic(\.timeouts, forEach: Fn.toset(["30m"] as Expr<[String]>)) {
            t in
            .init(create: t.value)
        }
        #expect(withTimeouts.meta.dynamicBlocks.first?.type == "timeouts")
        let filters: Expr<[String: [String]]> = ["zone-type": ["availability-zone"]]
        let zones = FixtureZones("all").dynamic(\.filter, forEach: filters) { f in .init(name: f.key, values: f.value) }
        #expect(zones.meta.dynamicBlocks.first?.type == "filter")
        #expect(zones.meta.dynamicBlocks.first?.content.attributes["name"]?.hcl == "filter.key")
    }

    @Test("the iterator is local to the content; other references in it are checked and drawn")
    func validationAndGraph() {
        let ghost = FixtureVPC("ghost")
        let result = Stack("dev") {
            rules
            vpc
            FixtureSecurityGroup("ok", vpcId: vpc.id).dynamic(\.ingress, forEach: rules.value) { r in
                .init(fromPort: r.value.port.unsafeCast(), toPort: 0, protocol: "tcp", cidrBlocks: [vpc.id])
            }
            FixtureSecurityGroup("bad").dynamic(\.ingress, forEach: rules.value, iterator: "rule") { r in
                .init(
                    fromPort: 0, toPort: 0, protocol: "tcp",
                    cidrBlocks: [ghost.id, "\(Expression.reference("ingress", "value"))"])
            }
            FixtureSecurityGroup("bad_iterator").dynamic("ingress", forEach: rules.value, iterator: "not valid") { r in
                FixtureSecurityGroup.Rule(fromPort: 0, toPort: 0, protocol: "tcp")
            }
        }.synthesize()
        let messages = result.diagnostics.errors.map { "\($0.path): \($0.message)" }.sorted()
        #expect(
            messages == [
                #"dev/aws_security_group.bad: refers to aws_vpc.ghost, which is not defined in dev"#,
                // With iterator "rule", `ingress.value` is not the iterator: it names resource type "ingress".
                #"dev/aws_security_group.bad: refers to ingress.value, which is not defined in dev"#,
                #"dev/aws_security_group.bad_iterator: "not valid" is not a valid iterator name of dynamic "ingress""#,
            ])
        let edges = Set(result.edges.map { "\($0.from) -> \($0.to)" })
        #expect(edges.contains("dev/aws_security_group.ok -> dev/var.rules"))
        #expect(edges.contains("dev/aws_security_group.ok -> dev/aws_vpc.main"))
    }
}
