// Roots that read each other's outputs: the typed read (`prod.outputs.vpcID`), the
// `terraform_remote_state` data block on the producer's backend (local path relative to the
// consumer, or the s3 settings copied), the root order with independent roots grouped, the
// diagnostics for a cycle, a missing root and an undeclared output, sensitivity across roots,
// and — with the real terraform — a producer applied against moto whose output the consumer reads.

import Foundation
import InfraCore
import InfraTerraform
import InfraTestSupport
import Testing

/// What the fixture's network root publishes.
struct NetworkOutputs: RootOutputs {
    var vpcID: RootOutput<String>
    var token: RootOutput<String>
}

@Suite("Cross-root references")
struct CrossRootReferenceTests {
    static let s3 = S3Backend(bucket: "acme-state", key: "network/terraform.tfstate", region: "eu-west-1")

    static func network(
        backend: Backend? = .local(path: "terraform.tfstate"), declare: Bool = true
    ) -> (
        Stack, NetworkOutputs
    ) {
        let vpc = FixtureVPC("main", cidrBlock: "10.0.0.0/16")
        let secret = Variable<String>("token", sensitive: true, providedAtApply: true)
        let outputs = NetworkOutputs(
            vpcID: RootOutput("vpc_id", vpc.id), token: RootOutput("token", secret.value, sensitive: true))
        let stack = Stack("network", directory: "terraform/network", settings: TerraformSettings(backend: backend)) {
            secret
            vpc
            if declare { outputs }
        }
        return (stack, outputs)
    }

    static func app(_ network: Stack, _ outputs: NetworkOutputs) -> Stack {
        Stack("app", directory: "terraform/app") {
            let remote = RemoteRoot(network, outputs: outputs)
            remote
            FixtureSubnet("app", vpcId: remote.outputs.vpcID, cidrBlock: "10.0.1.0/24")
            Output("vpc_id", remote.outputs.vpcID)
        }
    }

    static func blocks(_ result: SynthesisResult) -> [ResolvedBlock] {
        result.model.nodes.compactMap { $0 as? ResolvedBlock }
    }

    @Test("the consumer reads typed outputs through terraform_remote_state on the producer's local state")
    func localBackend() throws {
        let (network, outputs) = Self.network()
        let app = Self.app(network, outputs)
        let result = Infrastructure {
            network
            app
        }.synthesize()
        #expect(result.diagnostics.errors.isEmpty, "\(result.diagnostics.errors)")
        let remote = try #require(Self.blocks(result).first { $0.address == "data.terraform_remote_state.network" })
        #expect(remote.path.description == "app/remote.network")
        #expect(remote.file == "terraform/app/main.tf.json")
        #expect(remote.document() == ["backend": "local", "config": ["path": "../network/terraform.tfstate"]])
        let subnet = try #require(Self.blocks(result).first { $0.address == "aws_subnet.app" })
        #expect(subnet.document()["vpc_id"] == "${data.terraform_remote_state.network.outputs.vpc_id}")
        #expect(subnet.references == ["data.terraform_remote_state.network"])
        let produced = Self.blocks(result).filter { $0.section == .output && $0.file.hasPrefix("terraform/network/") }
        #expect(Set(produced.map(\.name)) == ["token", "vpc_id"])
    }

    @Test("an s3 producer is read with its bucket, key and region; no backend means its local state")
    func backends() throws {
        let (s3Network, outputs) = Self.network(backend: .s3(Self.s3))
        let s3Read = RemoteRoot(s3Network, outputs: outputs).requirement.dataBlock(consumerDirectory: "terraform/app")
        #expect(
            s3Read.jsonValue == [
                "backend": "s3",
                "config": ["bucket": "acme-state", "key": "network/terraform.tfstate", "region": "eu-west-1"],
            ])
        let (plain, _) = Self.network(backend: nil)
        let local = RemoteRoot(plain).requirement.dataBlock(consumerDirectory: "terraform/environments/prod")
        #expect(local.jsonValue == ["backend": "local", "config": ["path": "../../network/terraform.tfstate"]])
        #expect(s3Read.sensitiveAttributes == ["outputs.token"])
    }

    @Test("the root order groups independent roots and lists what each root needs")
    func order() {
        let shared = Stack("shared") { Output("zone", Expr<String>("z-1")) }
        let prod = Stack("prod") {
            let s = RemoteRoot(shared)
            s
            Output("seen", s.outputs.read("zone") as Expr<String>)
        }
        let dev = Stack("dev") { RemoteRoot(shared) }
        let dns = Stack("dns") {
            RemoteRoot(prod)
            RemoteRoot(shared)
        }
        let order = Infrastructure {
            dns
            dev
            prod
            shared
        }.rootOrder
        #expect(order.diagnostics.errors.isEmpty)
        #expect(order.groups.map { $0.map(\.componentPath.description) } == [["shared"], ["dev", "prod"], ["dns"]])
        #expect(order.requiredUnits(of: dns.componentPath).map(\.description) == ["prod", "shared"])
        #expect(order.dependents(of: shared.componentPath).map(\.description) == ["dev", "prod", "dns"])
        #expect(dns.requiredUnits.map(\.declaredAt.description) == ["dns/remote.prod", "dns/remote.shared"])
    }

    @Test("a cycle between roots is a diagnostic showing the cycle in order; nothing is written")
    func cycle() {
        let earlierB = Stack("b") { Output("x", Expr<String>("1")) }
        let a = Stack("a") { RemoteRoot(earlierB) }
        let c = Stack("c") { RemoteRoot(a) }
        let b = Stack("b") {
            RemoteRoot(c)
            Output("x", Expr<String>("1"))
        }
        let infrastructure = Infrastructure {
            a
            b
            c
        }
        let order = infrastructure.rootOrder
        #expect(
            order.diagnostics.errors.map { "\($0.path): \($0.message)" } == [
                "a/remote.b: roots depend on each other in a cycle: a → b → c → a"
            ])
        #expect(order.groups.isEmpty)
        let result = infrastructure.synthesize()
        #expect(result.diagnostics.errors.count == 1)
        #expect(result.artifacts.isEmpty)
    }

    @Test("reading a root that is not part of the infrastructure, or an output it does not declare, is a diagnostic")
    func missing() {
        let (network, outputs) = Self.network(declare: false)
        let app = Self.app(network, outputs)
        let alone = Infrastructure { app }.synthesize()
        let messages = alone.diagnostics.errors.map { "\($0.path): \($0.message)" }
        #expect(messages.contains("app/remote.network: reads from network, which is not part of this infrastructure"))
        #expect(
            messages.contains(
                "app/aws_subnet.app: reads output vpc_id of root network, which network does not declare"))
        #expect(
            messages.contains("app/output.vpc_id: reads output vpc_id of root network, which network does not declare"))
        #expect(alone.artifacts.isEmpty)
    }

    @Test("a sensitive output stays sensitive where another root reads it")
    func sensitive() {
        let (network, outputs) = Self.network()
        let leaky = Stack("app") {
            let remote = RemoteRoot(network, outputs: outputs)
            remote
            Output("token", remote.outputs.token)
        }
        let messages = Infrastructure {
            network
            leaky
        }.synthesize().diagnostics.errors.map(\.message)
        #expect(messages.contains { $0.contains("sensitive") }, "\(messages)")
        let careful = Stack("app") {
            let remote = RemoteRoot(network, outputs: outputs)
            remote
            Output("token", remote.outputs.token, sensitive: true)
        }
        #expect(
            Infrastructure {
                network
                careful
            }.synthesize().diagnostics.errors.isEmpty)
    }
}
