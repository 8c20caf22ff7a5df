// The engine around the rules: suppressions with reasons, report order, configuration,
// diagnostics for the CLI, and reading a synthesis' resolved model.

import InfraCore
import InfraPolicy
import Testing

@Suite("Policy engine")
struct PolicyEngineTests {
    static let logBucket: [PolicyDocument] = [
        .terraform(
            file: "terraform/shared/main.tf.json",
            [
                "resource": [
                    "aws_s3_bucket": ["logs": ["bucket": "oves-logs"], "assets": ["bucket": "oves-assets"]],
                    "aws_kms_key": ["state": ["description": "state"]],
                ]
            ])
    ]

    @Test func suppressedFindingsAreReportedAsSuppressed() throws {
        let suppression = PolicySuppression(
            rule: "INFRA-S3-004", resource: "aws_s3_bucket.logs", reason: "The access-log bucket cannot log to itself.")
        let report = PolicyEngine(suppressions: [suppression]).evaluate(Self.logBucket)
        let suppressed = report.suppressed.filter { $0.ruleID == "INFRA-S3-004" }
        #expect(suppressed.map(\.resource) == ["aws_s3_bucket.logs"])
        #expect(suppressed.first?.suppression?.reason == "The access-log bucket cannot log to itself.")
        #expect(report.findings(rule: "INFRA-S3-004").map(\.resource) == ["aws_s3_bucket.assets"])
        #expect(
            suppressed.first?.description.hasSuffix("suppressed: The access-log bucket cannot log to itself.") == true)
    }

    @Test func suppressionWithoutReasonIsIgnoredAndReported() {
        let empty = PolicySuppression(rule: "INFRA-S3-004", resource: "aws_s3_bucket.logs", reason: "  ")
        let report = PolicyEngine(suppressions: [empty]).evaluate(Self.logBucket)
        #expect(report.findings(rule: "INFRA-S3-004", resource: "aws_s3_bucket.logs").count == 1)
        #expect(report.invalidSuppressions == [empty])
        #expect(
            report.diagnostics.contains {
                $0.message == "suppression of INFRA-S3-004 on aws_s3_bucket.logs has no reason and is ignored"
            })
    }

    @Test func unusedSuppressionsAreListed() {
        let stale = PolicySuppression(rule: "INFRA-S3-002", resource: "aws_s3_bucket.gone", reason: "old")
        let report = PolicyEngine(suppressions: [stale]).evaluate(Self.logBucket)
        #expect(report.unusedSuppressions == [stale])
    }

    @Test func wildcardSuppressionCoversEveryResource() {
        let all = PolicySuppression(rule: "INFRA-S3-004", resource: "*", reason: "logging is centralised elsewhere")
        let report = PolicyEngine(suppressions: [all]).evaluate(Self.logBucket)
        #expect(report.findings(rule: "INFRA-S3-004").isEmpty)
        #expect(report.suppressed.filter { $0.ruleID == "INFRA-S3-004" }.count == 2)
    }

    @Test func reportIsSortedBySeverityThenRuleThenResource() {
        let report = PolicyEngine().evaluate(Self.logBucket)
        let keys = report.findings.map { "\($0.severity.rawValue) \($0.ruleID) \($0.resource)" }
        #expect(
            keys == [
                "high INFRA-S3-001 aws_s3_bucket.assets", "high INFRA-S3-001 aws_s3_bucket.logs",
                "high INFRA-S3-003 aws_s3_bucket.assets", "high INFRA-S3-003 aws_s3_bucket.logs",
                "high INFRA-S3-005 aws_s3_bucket.assets", "high INFRA-S3-005 aws_s3_bucket.logs",
                "medium INFRA-KMS-001 aws_kms_key.state",
                "medium INFRA-S3-002 aws_s3_bucket.assets", "medium INFRA-S3-002 aws_s3_bucket.logs",
                "medium INFRA-S3-004 aws_s3_bucket.assets", "medium INFRA-S3-004 aws_s3_bucket.logs",
            ])
        #expect(report.findings.allSatisfy { $0.file == "terraform/shared/main.tf.json" })
        let terraformRules = PolicyRule.builtIn.filter { $0.format == .terraform }.count
        let kubernetesRules = PolicyRule.builtIn.count - terraformRules
        #expect(
            report.description.hasSuffix(
                "\npolicy: Terraform: \(terraformRules) rules over 3 resources; Kubernetes: \(kubernetesRules) rules over "
                    + "0 objects; 11 finding(s) (0 critical, 6 high, 5 medium, 0 low), 0 suppressed"))
    }

    @Test func findingsBecomeDiagnosticsBySeverity() {
        let suppression = PolicySuppression(rule: "INFRA-KMS-001", resource: "aws_kms_key.state", reason: "test key")
        let diagnostics = PolicyEngine(suppressions: [suppression]).evaluate(Self.logBucket).diagnostics
        let byRule = Dictionary(grouping: diagnostics) { String($0.message.prefix(while: { $0 != " " })) }
        #expect(byRule["INFRA-S3-001"]?.allSatisfy { $0.severity == .error } == true)
        #expect(byRule["INFRA-S3-002"]?.allSatisfy { $0.severity == .warning } == true)
        #expect(byRule["INFRA-KMS-001"]?.map(\.severity) == [.note])
        #expect(
            byRule["INFRA-KMS-001"]?.first?.message
                == "INFRA-KMS-001 aws_kms_key.state: key rotation is not enabled (suppressed: test key)")
    }

    @Test func loadBalancerPortsAreConfigurable() {
        let documents: [PolicyDocument] = [
            .terraform(
                file: "main.tf.json",
                [
                    "resource": [
                        "aws_security_group": [
                            "alb": [
                                "ingress": [
                                    ["from_port": 80, "to_port": 80, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]],
                                    [
                                        "from_port": 443, "to_port": 443, "protocol": "tcp",
                                        "cidr_blocks": ["0.0.0.0/0"],
                                    ],
                                ]
                            ]
                        ],
                        "aws_lb": ["web": ["security_groups": ["${aws_security_group.alb.id}"]]],
                    ]
                ])
        ]
        let rule = [PolicyRule.builtIn("INFRA-EC2-001")].compactMap { $0 }
        #expect(PolicyEngine(rules: rule).evaluate(documents).active.isEmpty)
        let httpsOnly = PolicyEngine(rules: rule, configuration: PolicyConfiguration(publicLoadBalancerPorts: [443]))
        #expect(httpsOnly.evaluate(documents).active.map(\.message) == ["ingress from 0.0.0.0/0 to port 80"])
        let groupOnly: [PolicyDocument] = [
            .terraform(
                file: "main.tf.json",
                [
                    "resource": [
                        "aws_security_group": [
                            "alb": [
                                "ingress": [
                                    ["from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]]
                                ]
                            ]
                        ]
                    ]
                ])
        ]
        #expect(PolicyEngine(rules: rule).evaluate(groupOnly).active.count == 1)
        let declared = PolicyEngine(
            rules: rule, configuration: PolicyConfiguration(loadBalancerSecurityGroups: ["aws_security_group.alb"]))
        #expect(declared.evaluate(groupOnly).active.isEmpty)
    }

    @Test func namespacesCanBeExemptFromNetworkPolicies() {
        let documents = KubernetesCases.all.filter { $0.rule == "INFRA-K8S-009" && $0.violates }.flatMap(\.documents)
        let configuration = PolicyConfiguration(namespacesWithoutNetworkPolicy: ["k8s-009-bad"])
        #expect(PolicyEngine(configuration: configuration).evaluate(documents).findings(rule: "INFRA-K8S-009").isEmpty)
    }

    @Test func relationshipsResolveOnlyInsideTheSameFolder() {
        let documents: [PolicyDocument] = [
            .terraform(file: "dev/main.tf.json", ["resource": ["aws_s3_bucket": ["data": ["bucket": "oves-data"]]]]),
            .terraform(
                file: "prod/main.tf.json",
                [
                    "resource": [
                        "aws_s3_bucket_versioning": [
                            "data": [
                                "bucket": "${aws_s3_bucket.data.id}", "versioning_configuration": ["status": "Enabled"],
                            ]
                        ]
                    ]
                ]),
        ]
        let report = PolicyEngine(rules: [PolicyRule.builtIn("INFRA-S3-002")].compactMap { $0 }).evaluate(documents)
        #expect(report.findings(rule: "INFRA-S3-002").map(\.file) == ["dev/main.tf.json"])
    }

    @Test func theResolvedModelIsEvaluatedWithComponentPaths() {
        let model = ResolvedModel(nodes: [
            ModelNodeFixture(
                .terraform, kind: "aws_kms_key", name: "state", address: "aws_kms_key.state", path: "shared/state/key",
                file: "terraform/shared/main.tf.json", document: ["description": "state"]),
            ModelNodeFixture(
                .terraform, kind: "data.aws_kms_key", name: "imported", address: "data.aws_kms_key.imported",
                path: "shared/imported", file: "terraform/shared/main.tf.json", document: ["key_id": "alias/x"]),
            ModelNodeFixture(
                .terraform, kind: "module", name: "vpc", address: "module.vpc", path: "shared/vpc",
                file: "terraform/shared/main.tf.json", document: ["source": "../modules/vpc"]),
            ModelNodeFixture(
                .terraform, role: .configuration, kind: "variable", name: "region", address: "var.region",
                path: "shared/region", file: "terraform/shared/variables.tf.json", document: ["type": "string"]),
            ModelNodeFixture(
                .kubernetes, kind: "Deployment", name: "api", address: "prod/Deployment/api",
                path: "prod/api/deployment",
                file: "kubernetes/prod/prod.yaml",
                document: KubernetesCases.deployment("api", namespace: "prod", image: "registry.example.com/api:latest")
            ),
        ])
        let rules = ["INFRA-KMS-001", "INFRA-K8S-008"].compactMap(PolicyRule.builtIn)
        let report = PolicyEngine(rules: rules).evaluate(model)
        #expect(
            report.findings.map { "\($0.ruleID) \($0.resource) \($0.path?.description ?? "-") \($0.file)" } == [
                "INFRA-K8S-008 Deployment prod/api prod/api/deployment kubernetes/prod/prod.yaml",
                "INFRA-KMS-001 aws_kms_key.state shared/state/key terraform/shared/main.tf.json",
            ])
        #expect(
            report.coverage == [
                PolicyCoverage(format: .terraform, rules: 1, documents: 2),
                PolicyCoverage(format: .kubernetes, rules: 1, documents: 1),
            ])
        #expect(report.diagnostics.map(\.path.description) == ["prod/api/deployment", "shared/state/key"])
        #expect(
            report.summary
                == "policy: Terraform: 1 rule over 2 resources; Kubernetes: 1 rule over 1 object; 2 finding(s) "
                + "(0 critical, 0 high, 2 medium, 0 low), 0 suppressed")
    }

    @Test func anUnusedSuppressionIsAWarningNamingIt() {
        let stale = PolicySuppression(rule: "INFRA-S3-002", resource: "aws_s3_bucket.gone", reason: "old")
        let report = PolicyEngine(suppressions: [stale]).evaluate(Self.logBucket)
        let warning = report.diagnostics.first { $0.message.contains("aws_s3_bucket.gone") }
        #expect(warning?.severity == .warning)
        #expect(warning?.message == "suppression of INFRA-S3-002 on aws_s3_bucket.gone matched no finding")
        #expect(
            report.diagnostics(unusedSuppressions: .note).first { $0.message.contains("aws_s3_bucket.gone") }?.severity
                == .note)
    }
}

/// A model node written by hand: what a back end resolves, without a back end.
struct ModelNodeFixture: ModelNode {
    var language: ModelLanguage
    var role: ModelRole
    var kind: String
    var name: String
    var address: String
    var path: ComponentPath
    var file: String
    var references: [String] = []
    var value: Value

    init(
        _ language: ModelLanguage, role: ModelRole = .resource, kind: String, name: String, address: String,
        path: ComponentPath, file: String, document: Value
    ) {
        self.language = language
        self.role = role
        self.kind = kind
        self.name = name
        self.address = address
        self.path = path
        self.file = file
        self.value = document
    }

    func document() -> Value { value }
}

@Suite("Custom policy rules")
struct CustomPolicyRuleTests {
    @Test func teamsCanAddTheirOwnRules() {
        let requireOwnerTag = PolicyRule(
            id: "ACME-TAG-001", title: "Buckets carry an owner tag", severity: .low,
            hint: "add tags = { owner = \"team\" }", format: .terraform
        ) { context in
            context.terraform.resources("aws_s3_bucket").compactMap {
                $0["tags"]?["owner"] == nil ? $0.violation("no owner tag") : nil
            }
        }
        let report = PolicyEngine(rules: [requireOwnerTag]).evaluate(PolicyEngineTests.logBucket)
        #expect(
            report.active.map { "\($0.ruleID) \($0.resource): \($0.message)" } == [
                "ACME-TAG-001 aws_s3_bucket.assets: no owner tag", "ACME-TAG-001 aws_s3_bucket.logs: no owner tag",
            ])
    }
}

@Suite("Policy diagnostics")
struct PolicyDiagnosticsTests {
    @Test func diagnosticsNameTheComponentPathFromTheInventory() {
        let documents: [PolicyDocument] = [
            .terraform(
                file: "terraform/shared/main.tf.json", ["resource": ["aws_kms_key": ["state": ["description": "s"]]]]),
            .kubernetes(
                file: "kubernetes/prod/api.yaml",
                KubernetesCases.deployment("api", namespace: "prod", image: "registry.example.com/api:latest")),
        ]
        let inventory = [
            InventoryEntry(
                kind: "aws_kms_key", address: "aws_kms_key.state", path: "shared/state/key",
                file: "terraform/shared/main.tf.json"),
            InventoryEntry(
                kind: "Deployment", address: "prod/Deployment/api", path: "prod/api/deployment",
                file: "kubernetes/prod/api.yaml"),
        ]
        let rules = ["INFRA-KMS-001", "INFRA-K8S-008"].compactMap(PolicyRule.builtIn)
        let diagnostics = PolicyEngine(rules: rules).evaluate(documents).diagnostics(inventory: inventory)
        #expect(
            diagnostics.map(\.description) == [
                "warning: prod/api/deployment: INFRA-K8S-008 Deployment prod/api: container api: the image is untagged or uses latest (hint: use an explicit version tag (app:1.4.2) or a digest (app@sha256:…))",
                "warning: shared/state/key: INFRA-KMS-001 aws_kms_key.state: key rotation is not enabled (hint: set enable_key_rotation = true on the aws_kms_key)",
            ])
    }
}

@Suite("Policy engine on malformed documents")
struct MalformedDocumentTests {
    static let odd: [PolicyDocument] = [
        .terraform(file: "a.tf.json", "not an object"),
        .terraform(file: "b.tf.json", ["resource": "x"]),
        .terraform(file: "c.tf.json", ["resource": ["aws_s3_bucket": "x", "aws_kms_key": ["k": 5]]]),
        .terraform(file: "d.tf.json", ["resource": [["aws_vpc": [["v": ["cidr_block": 1]]]]]]),
        .terraform(file: "e.tf.json", ["resource": ["aws_security_group": ["g": ["ingress": "open"]]]]),
        .kubernetes(file: "k.yaml", ["kind": "Deployment", "spec": 3]),
        .kubernetes(file: "k.yaml", ["kind": "Pod", "spec": ["containers": "nginx"]]),
        .kubernetes(
            file: "k.yaml",
            [
                "kind": "CronJob",
                "spec": ["jobTemplate": ["spec": ["template": ["spec": ["containers": [1, ["name": "c"]]]]]]],
            ]),
        .kubernetes(file: "k.yaml", []),
    ]

    @Test func oddShapesGiveFindingsNotCrashes() {
        let first = PolicyEngine().evaluate(Self.odd)
        let second = PolicyEngine().evaluate(Self.odd.reversed())
        #expect(first == second)
        #expect(first.findings(rule: "INFRA-VPC-001").map(\.resource) == ["aws_vpc.v"])
        #expect(first.findings(rule: "INFRA-K8S-008").map(\.resource) == ["CronJob default/"])
    }
}

@Suite("Terraform references")
struct TerraformReferenceTests {
    @Test(
        "addresses inside interpolations",
        arguments: [
            ("${aws_s3_bucket.logs.id}", ["aws_s3_bucket.logs"]),
            ("arn:${aws_s3_bucket.logs[0].arn}/*", ["aws_s3_bucket.logs"]),
            ("${data.aws_iam_policy_document.tls.json}", ["data.aws_iam_policy_document.tls"]),
            ("${concat(module.vpc.private_subnets, [aws_subnet.extra.id])}", ["aws_subnet.extra", "module.vpc"]),
            ("aws_s3_bucket.logs.id", []),
            ("$${aws_s3_bucket.logs.id}", []),
            ("${var.region}-${local.name}", ["local.name", "var.region"]),
            ("${1.5}", []),
        ])
    func referencedAddresses(_ text: String, _ expected: [String]) {
        #expect(TerraformValue.referencedAddresses(in: text).sorted() == expected)
    }

    @Test func aLongerNameIsNotAReference() {
        #expect(!TerraformValue.refers("${aws_vpc.main2.id}", to: "aws_vpc.main"))
        #expect(TerraformValue.refers("${aws_vpc.main.id}", to: "aws_vpc.main"))
    }
}
