// Aspects over a whole infrastructure: tags on every taggable AWS resource (for any provider
// configuration, default_tags or not), labels on every Kubernetes object, a naming convention
// that reports at component paths, and the built-in policy rules as a cdk-nag-style rule pack.
//
// Run: swift run Aspects

// snippet.hide
import Foundation
import InfraAWS
import InfraCore
import InfraKubernetes
import InfraPolicy
import InfraTerraform

// snippet.show
let dev = Stack("dev", directory: "terraform/dev") {
    Provider.aws(region: "eu-west-1")
    Group("storage") {
        SecureBucket("reports", bucketName: "acme-reports-dev", logBucket: nil, isLogBucket: true)
    }
}
let apps = Manifest("dev", directory: "kubernetes/dev", namespace: "apps") {
    ConfigMap(metadata: .init(name: "apps-settings"), data: ["LOG_LEVEL": "debug"])
}

let infrastructure = Infrastructure {
    dev; apps
}
// Every taggable resource (the AWS provider schema says which), every stack.
.aspect(TagAspect(["team": "platform", "cost-center": "1234"]))
// Every Kubernetes object's metadata.labels.
.aspect(LabelAspect(["app.kubernetes.io/part-of": "acme"]))
// Report, never rename: a rename would move state.
.aspect(NamingConvention.terraformSnakeCase())
.aspect(NamingConvention.prefix("apps-", language: .kubernetes, severity: .warning))
// A rule pack: InfraPolicy's rules at the end of synthesis (pass `suppressions:` for
// accepted findings); a high or critical finding stops the synthesis.
.aspect(PolicyRulePack("acme"))

let result = infrastructure.synthesize()
// snippet.hide

for diagnostic in result.diagnostics.sorted { print(diagnostic) }
guard !result.diagnostics.hasErrors else { exit(1) }
for node in result.model.nodes where node.role == .resource {
    let document = node.document()
    let tags = (document["tags"] ?? document["metadata"]?["labels"])?.objectValue
    print(node.address, tags.map { $0.keys.joined(separator: ", ") } ?? "(takes no tags)")
}
