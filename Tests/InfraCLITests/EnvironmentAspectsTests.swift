// `--env` narrows the units, not the definition: the infrastructure's aspects still run on the
// chosen environment's units.

import InfraCore
import InfraTerraform
import Testing

@testable import InfraCLI

@Suite("CLI: --env keeps the aspects")
struct EnvironmentAspectsTests {
    @Test("an aspect of the infrastructure runs on the units --env selects")
    func envKeepsAspects() throws {
        let infrastructure = Infrastructure {
            Stack("dev") { Resource("aws_s3_bucket", "assets", ["bucket": "acme-dev"]) }
            Stack("prod") { Resource("aws_s3_bucket", "assets", ["bucket": "acme-prod"]) }
        }
        .aspect(TagAspect(["team": "platform"]))
        let narrowed = try Synthesis.infrastructure(infrastructure, env: "prod")
        #expect(narrowed.units.map(\.componentPath) == ["prod"])
        #expect(narrowed.aspects.count == 1)
        let tags = narrowed.synthesize().model.nodes.first { $0.address == "aws_s3_bucket.assets" }?.document()["tags"]
        #expect(tags == ["team": "platform"])
    }
}
