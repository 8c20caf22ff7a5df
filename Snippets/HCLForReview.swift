// The same stack as `.tf` files in `terraform fmt` style instead of `.tf.json`: the readable form
// reviewers ask for in pull requests (`infra-manifest synth --format hcl` does this for a whole platform).
//
// Run: swift run HCLForReview

// snippet.hide
import Foundation
import InfraAWS
import InfraCore
import InfraTerraform

// snippet.show
let environment = Variable<String>("environment", default: "dev")

let stack = Stack("app", directory: "terraform/app") {
    environment
    Provider.aws(region: "eu-west-1", defaultTags: ["Environment": environment.value])
    let queue = AWSSNSTopic("alerts", kmsMasterKeyId: "alias/aws/sns", name: "app-alerts-\(environment.value)")
    queue
    AWSCloudWatchLogGroup("app", name: "/app/\(environment.value)", retentionInDays: 90)
    Output("alerts_topic_arn", queue.arn, description: "Where alarms are sent")
}

let hcl = stack.synthesize(options: SynthesisOptions(terraformFormat: .hcl))
// snippet.hide

for diagnostic in hcl.diagnostics.sorted { print(diagnostic) }
guard !hcl.diagnostics.hasErrors else { exit(1) }

for artifact in hcl.artifacts {
    print("# ---- \(artifact.path)")
    print(artifact.text)
}
