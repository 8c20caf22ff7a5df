// `Alarms`: operational alerting — an encrypted SNS topic with e-mail subscribers, log
// groups with retention, and CloudWatch metric alarms that notify the topic on alarm and
// on recovery.

import InfraCore
import InfraTerraform

/// A CloudWatch metric alarm of an ``Alarms`` set.
///
/// ```swift
/// MetricAlarm("eks-node-cpu", namespace: "ContainerInsights", metric: "node_cpu_utilization",
///             dimensions: ["ClusterName": "oves-prod"], threshold: 80)
/// ```
public struct MetricAlarm: Sendable, Hashable {
    /// The alarm's name.
    public var name: String
    /// The metric namespace, e.g. `AWS/RDS`.
    public var namespace: String
    /// The metric name.
    public var metric: String
    /// Dimensions selecting the metric's series.
    public var dimensions: [String: String]
    /// `Average`, `Maximum`, `Minimum`, `Sum` or `SampleCount`.
    public var statistic: String
    /// The threshold.
    public var threshold: Double
    /// `GreaterThanThreshold`, `GreaterThanOrEqualToThreshold`, `LessThanThreshold` or `LessThanOrEqualToThreshold`.
    public var comparison: String
    /// Periods that must breach.
    public var evaluationPeriods: Int
    /// Seconds per period (10, 30 or a multiple of 60).
    public var period: Int
    /// What the alarm means.
    public var description: String

    /// Creates an alarm (above the threshold for three 5-minute periods by default).
    public init(
        _ name: String, namespace: String, metric: String, dimensions: [String: String] = [:],
        statistic: String = "Average", threshold: Double, comparison: String = "GreaterThanThreshold",
        evaluationPeriods: Int = 3, period: Int = 300, description: String = ""
    ) {
        self.name = name
        self.namespace = namespace
        self.metric = metric
        self.dimensions = dimensions
        self.statistic = statistic
        self.threshold = threshold
        self.comparison = comparison
        self.evaluationPeriods = evaluationPeriods
        self.period = period
        self.description = description
    }
}

/// Alerting: an SNS topic, subscribers, log groups and metric alarms.
///
/// ```swift
/// Alarms("ops", topicName: "oves-alerts", emailSubscribers: ["devops@omnivoltaic.com"], alarms: [cpu], file: "cloudwatch")
/// ```
public struct Alarms: StackContent {
    /// The construct's name.
    public var name: String
    /// The SNS topic's name.
    public var topicName: String
    /// E-mail addresses notified (each confirms its subscription).
    public var emailSubscribers: [String]
    /// Log groups (name → retention days).
    public var logGroups: [String: Int]
    /// The alarms.
    public var alarms: [MetricAlarm]
    /// The file the resources go to (without `.tf.json`), e.g. `cloudwatch`.
    public var file: String?
    /// Tags.
    public var tags: [String: String]

    /// Creates the alerting set.
    public init(
        _ name: String, topicName: String, emailSubscribers: [String] = [], logGroups: [String: Int] = [:],
        alarms: [MetricAlarm] = [], file: String? = nil, tags: [String: String] = [:]
    ) {
        self.name = name
        self.topicName = topicName
        self.emailSubscribers = emailSubscribers
        self.logGroups = logGroups
        self.alarms = alarms
        self.file = file
        self.tags = tags
    }

    static let retentionValues: Set<Int> = [
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ]

    /// Topic, subscriptions, log groups and alarms.
    public func stackElements(in parent: ComponentPath) -> [StackElement] {
        let path = parent.appending(name)
        var diagnostics: [Diagnostic] = []
        let comparisons = [
            "GreaterThanThreshold", "GreaterThanOrEqualToThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold",
        ]
        let statistics = ["Average", "Maximum", "Minimum", "Sum", "SampleCount"]
        var names: Set<String> = []
        for alarm in alarms {
            let alarmPath = path.appending("alarm").appending(alarm.name)
            if !names.insert(alarm.name).inserted {
                diagnostics.append(.error(alarmPath, "alarm \(alarm.name) is defined twice"))
            }
            if !comparisons.contains(alarm.comparison) {
                diagnostics.append(.error(alarmPath, "\"\(alarm.comparison)\" is not a comparison operator"))
            }
            if !statistics.contains(alarm.statistic) {
                diagnostics.append(.error(alarmPath, "\"\(alarm.statistic)\" is not a statistic"))
            }
            if alarm.evaluationPeriods < 1 {
                diagnostics.append(.error(alarmPath, "an alarm needs at least one evaluation period"))
            }
            if !(alarm.period == 10 || alarm.period == 30 || (alarm.period >= 60 && alarm.period % 60 == 0)) {
                diagnostics.append(.error(alarmPath, "period \(alarm.period) s must be 10, 30 or a multiple of 60"))
            }
        }
        for (group, days) in logGroups where !Self.retentionValues.contains(days) {
            diagnostics.append(
                .error(
                    path.appending("log-group").appending(group),
                    "\(days) days is not a CloudWatch Logs retention value"))
        }
        for address in emailSubscribers where !address.contains("@") {
            diagnostics.append(.error(path, "\"\(address)\" is not an e-mail address"))
        }
        let n = ConstructNaming.local(name)
        let tagValue = Expr<[String: String]>(ConstructLiterals.map(tags))
        let topic = AWSSNSTopic(n, kmsMasterKeyId: "alias/aws/sns", name: Expr(.string(topicName)), tags: tagValue)
        var content: [any StackContent] = [topic]
        for address in emailSubscribers.sorted() {
            content.append(
                AWSSNSTopicSubscription(
                    ConstructNaming.local(n, address), endpoint: Expr(.string(address)), protocol: "email",
                    topicArn: topic.arn))
        }
        for (group, days) in logGroups.sorted(by: { $0.key < $1.key }) {
            content.append(
                AWSCloudWatchLogGroup(
                    ConstructNaming.local(n, group), name: Expr(.string(group)),
                    retentionInDays: ConstructLiterals.number(days), tags: tagValue))
        }
        for alarm in alarms.sorted(by: { $0.name < $1.name }) {
            content.append(
                AWSCloudWatchMetricAlarm(
                    ConstructNaming.local(n, alarm.name), alarmName: Expr(.string(alarm.name)),
                    comparisonOperator: Expr(.string(alarm.comparison)),
                    evaluationPeriods: ConstructLiterals.number(alarm.evaluationPeriods),
                    alarmActions: Expr<[String]>.list([topic.arn]).unsafeCast(),
                    alarmDescription: Expr(.string(alarm.description)),
                    dimensions: Expr(ConstructLiterals.map(alarm.dimensions)), metricName: Expr(.string(alarm.metric)),
                    namespace: Expr(.string(alarm.namespace)), okActions: Expr<[String]>.list([topic.arn]).unsafeCast(),
                    period: ConstructLiterals.number(alarm.period), statistic: Expr(.string(alarm.statistic)),
                    tags: tagValue,
                    threshold: ConstructLiterals.number(alarm.threshold), treatMissingData: "missing"))
        }
        let elements = content.flatMap { $0.stackElements(in: path) }.map { element -> StackElement in
            guard case .resource(var block) = element else { return element }
            block.meta.file = file
            return .resource(block)
        }
        return diagnostics.map(StackElement.diagnostic) + elements
    }

    /// The topic's ARN.
    public var topicARN: Expr<String> { Expr(.reference("aws_sns_topic", ConstructNaming.local(name), "arn")) }
}
