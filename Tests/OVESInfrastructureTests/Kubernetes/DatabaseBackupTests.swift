// Seed §5, data protection: every production database has a daily backup CronJob that dumps it
// with the database's own image and uploads the dump to its prefix of the backups bucket, through
// an IRSA role that the prod Terraform root really creates and that may put objects under that
// prefix only. Read from the synthesized manifests and the synthesized prod root.

import Foundation
import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES database backups")
struct DatabaseBackupTests {
    /// The prod cluster's backup CronJobs: those in the databases' namespace.
    static let cronJobs = ReferenceLookup.all(CronJob.self, in: ReferenceLookup.prod)
        .filter { $0.metadata.namespace == OVESDatabaseBackup.namespace }

    /// The IRSA roles of the prod root's `iam` module, keyed by role name (`<cluster>-<key>`).
    static func terraformRoles() throws -> [String: ValueObject] {
        let document = try #require(OVESSynthesis.document("terraform/environments/prod/main.tf.json"))
        let iam = try #require(document["module"]?["iam"])
        let cluster = try #require(iam["cluster_name"]?.stringValue)
        let roles = try #require(iam["roles"]?.objectValue)
        var byName: [String: ValueObject] = [:]
        for key in roles.keys { byName["\(cluster)-\(key)"] = roles[key]?.objectValue }
        return byName
    }

    /// The statements of a role's inline policy, which the root writes as `${jsonencode({ "Key" = value })}`.
    static func statements(_ policy: String) throws -> [[String: Any]] {
        var body = Substring(policy)
        #expect(body.hasPrefix("${jsonencode(") && body.hasSuffix(")}"))
        body = body.dropFirst("${jsonencode(".count).dropLast(2)
        let json = body.replacingOccurrences(of: "\" = ", with: "\": ")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["Statement"] as? [[String: Any]])
    }

    /// The pod spec of a CronJob.
    static func pod(_ job: CronJob) throws -> PodSpec { try #require(job.spec.jobTemplate.spec?.template.spec) }

    @Test("every database StatefulSet of the prod cluster has a daily backup CronJob")
    func everyDatabaseIsBackedUp() throws {
        let statefulSets = ReferenceLookup.all(StatefulSet.self, in: ReferenceLookup.prod)
            .filter { $0.metadata.namespace == OVESDatabaseBackup.namespace }.map(\.name)
        #expect(Set(statefulSets) == Set(OVESDatabaseBackup.allCases.map(\.rawValue)))
        #expect(Set(Self.cronJobs.map(\.name)) == Set(OVESDatabaseBackup.allCases.map(\.jobName)))
        for job in Self.cronJobs {
            let fields = job.spec.schedule.split(separator: " ")
            #expect(fields.count == 5 && fields[2...] == ["*", "*", "*"], "\(job.name) runs daily")
            #expect(job.spec.concurrencyPolicy == "Forbid")
        }
    }

    @Test(
        "each backup CronJob's ServiceAccount names an IRSA role of the prod root that may only put objects under the prefix the job uploads to"
    )
    func uploadRoleIsLeastPrivilege() throws {
        let roles = try Self.terraformRoles()
        for job in Self.cronJobs {
            let pod = try Self.pod(job)
            let accountName = try #require(pod.serviceAccountName, "\(job.name)")
            let account = try #require(
                ReferenceLookup.find(
                    ServiceAccount.self, accountName, namespace: OVESDatabaseBackup.namespace, in: ReferenceLookup.prod)
            )
            let arn = try #require(account.metadata.annotations?["eks.amazonaws.com/role-arn"], "\(job.name)")
            #expect(arn.hasPrefix("arn:aws:iam::\(OVESNames.accountID):role/"))
            let roleName = String(try #require(arn.split(separator: "/").last))
            let role = try #require(roles[roleName], "\(job.name): role \(roleName) is not in the prod root")
            #expect(role["service_account"]?.stringValue == accountName)
            #expect(role["namespace"]?.stringValue == OVESDatabaseBackup.namespace)
            #expect(role["managed_policy_arns"]?.arrayValue?.isEmpty == true)

            // The prefix the upload container writes to, read from its command.
            let upload = try #require(pod.containers.first { $0.name == "upload" })
            let script = (upload.command ?? []).joined(separator: " ")
            let bucket = "s3://\(OVESSettings.backupsBucket)/"
            let start = try #require(script.range(of: bucket), "\(job.name) uploads to \(bucket)")
            let prefix = String(script[start.upperBound...].prefix { $0 != "/" }) + "/"
            #expect(prefix == "\(job.name.replacingOccurrences(of: "-backup", with: ""))/")

            let statements = try Self.statements(try #require(role["policy"]?.stringValue))
            #expect(statements.count == 1)
            for statement in statements {
                #expect(statement["Effect"] as? String == "Allow")
                let actions = Set(statement["Action"] as? [String] ?? [])
                #expect(actions.contains("s3:PutObject"))
                #expect(actions.isSubset(of: ["s3:PutObject", "s3:AbortMultipartUpload"]), "\(actions)")
                #expect(statement["Resource"] as? [String] == ["arn:aws:s3:::\(OVESSettings.backupsBucket)/\(prefix)*"])
                #expect(statement["Condition"] == nil)
            }
        }
        #expect(Self.cronJobs.count == OVESDatabaseBackup.allCases.count)
    }

    @Test("the dev cluster's root has no backup roles: the databases run in prod")
    func backupRolesOnlyInProd() {
        #expect(OVESWorkloadRoles.backupWriters(cluster: OVESEnvironment.dev.clusterName).isEmpty)
        #expect(
            OVESEnvironment.prod.serviceAccountRoles.filter { $0.serviceAccountName.hasSuffix("-backup") }.count
                == OVESDatabaseBackup.allCases.count)
    }

    @Test("each dump runs the image of the database it dumps, with credentials from the database's Secret")
    func dumpMatchesDatabase() throws {
        for database in OVESDatabaseBackup.allCases {
            let job = try #require(ReferenceLookup.find(CronJob.self, database.jobName, in: ReferenceLookup.prod))
            let statefulSet = try #require(
                ReferenceLookup.find(StatefulSet.self, database.rawValue, in: ReferenceLookup.prod))
            let serverImage = try #require(statefulSet.spec?.template.spec?.containers.first?.image)
            let dump = try #require(try Self.pod(job).initContainers?.first)
            #expect(dump.image == serverImage, "\(database)")
            let secrets = Set((dump.env ?? []).compactMap { $0.valueFrom?.secretKeyRef?.name })
            #expect(secrets == ["\(database.rawValue)-credentials"], "\(database)")
            #expect((dump.env ?? []).allSatisfy { $0.value.map { !$0.contains("password") } ?? true })
        }
    }

    @Test("the upload runs the pinned AWS CLI and only the backup pods may reach HTTPS outside the cluster")
    func uploadEgress() throws {
        let policy = try #require(
            ReferenceLookup.find(
                NetworkPolicy.self, "allow-backup-upload", namespace: OVESDatabaseBackup.namespace,
                in: ReferenceLookup.prod))
        let selector = try #require(policy.spec?.podSelector.matchLabels)
        #expect(!selector.isEmpty)
        #expect(policy.spec?.egress?.flatMap { $0.ports ?? [] }.map(\.port) == [443])
        for job in Self.cronJobs {
            let template = try #require(job.spec.jobTemplate.spec?.template)
            let labels = template.metadata?.labels ?? [:]
            #expect(selector.allSatisfy { labels[$0.key] == $0.value }, "\(job.name)")
            let upload = try #require(template.spec?.containers.first { $0.name == "upload" })
            let image = try #require(upload.image)
            #expect(image.hasPrefix("public.ecr.aws/aws-cli/aws-cli:2."), "\(image)")
        }
        // No other pod of the namespace carries the label.
        for statefulSet in ReferenceLookup.all(StatefulSet.self, in: ReferenceLookup.prod) {
            let labels = statefulSet.spec?.template.metadata?.labels ?? [:]
            #expect(!selector.allSatisfy { labels[$0.key] == $0.value }, "\(statefulSet.name)")
        }
    }
}
