// The user's infrastructure: one stack of typed AWS resources, with the whole `infra-manifest`
// command line (`my-infra synth --output DIR`, `list`, `check`, `plan` …) from InfraCLI.
// `Benchmarks/inner-loop.sh` edits the bucket name's prefix below and times the rebuild and synth.

import InfraAWS
import InfraCLI
import InfraCore
import InfraTerraform

@main
struct MyInfra: InfrastructureCommand {
    static let commandName = "my-infra"

    var body: Infrastructure {
        Infrastructure {
            Stack("dev", directory: "terraform/dev") {
                let environment = Variable<String>("environment", default: "dev")
                environment
                Provider.aws(region: "eu-west-1")
                let bucket = AWSS3Bucket("artifacts", bucket: "my-artifacts-\(environment.value)")
                bucket
                AWSS3BucketVersioning(
                    "artifacts", bucket: bucket.id, versioningConfiguration: .init(status: "Enabled"))
                let alerts = AWSSNSTopic("alerts", name: "platform-alerts")
                alerts
                Output("bucket_arn", bucket.arn)
                Output("alerts_arn", alerts.arn)
            }
        }
    }
}
