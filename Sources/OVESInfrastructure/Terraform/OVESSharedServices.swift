// The shared services of the seed's diagram: Route53 for cn.omnivoltaic.com (written to
// route53.tf.json) and CloudWatch/SNS alerting (cloudwatch.tf.json).

import InfraAWS
import InfraCore
import InfraTerraform

/// Route53 and CloudWatch content of the shared root.
public enum OVESSharedServices {
    /// The shared services.
    public static func content(tags: [String: String]) -> [any StackContent] {
        let literalTags = Expr<[String: String]>(ConstructLiterals.map(tags))
        let zone = AWSRoute53Zone("cn", name: Expr(.string(OVESSettings.chinaZone)), comment: "China-accessible domains", tags: literalTags)
            .inFile("route53")
        let topic = AWSSNSTopic("alerts", kmsMasterKeyId: "alias/aws/sns", name: "oves-alerts", tags: literalTags).inFile("cloudwatch")
        return [zone, topic]
    }
}
