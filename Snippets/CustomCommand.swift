// Give your own infrastructure the whole `infra-manifest` command line.
//
// Run: swift run CustomCommand list     (or synth, check, graph, diff …)

// snippet.hide
import InfraCLI
import InfraCore
import InfraTerraform

// snippet.show
struct MyPlatform: InfrastructureCommand {
    static let commandName = "my-platform"

    var body: Infrastructure {
        Infrastructure {
            Stack("dev", directory: "terraform/dev") {
                Provider.aws(region: "eu-west-1")
                let alerts = Resource("aws_sns_topic", "alerts", ["name": "platform-alerts"])
                alerts
                Output("alerts_arn", expression: alerts.ref("arn"))
            }
        }
    }
}

await MyPlatform.main()
