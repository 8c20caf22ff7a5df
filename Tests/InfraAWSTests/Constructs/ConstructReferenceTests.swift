// Every reference a construct emits is typed. The rendered JSON is read back on its own terms:
// each reference inside a `${…}` template (and each `depends_on` entry) must name a declared
// resource, data source, variable, local or module output, and must be an edge of the unit's
// dependency graph. A raw string renders the same text but carries no traversal, so it gets no
// edge — the last test shows the audit catches exactly that.

import Foundation
import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("every reference a construct emits resolves and is a graph edge")
struct ConstructReferenceTests {
    static let zones = ["us-east-1a", "us-east-1b"]

    static var network: Network {
        Network(
            "prod", cidrBlock: "10.10.0.0/16", availabilityZones: zones, databaseSubnets: true,
            eksClusterNames: ["oves-prod"], peerCIDRBlocks: ["10.20.0.0/16"], tags: ["env": "prod"])
    }

    static let nodeGroups = [
        EKSNodeGroup("general", instanceTypes: ["t3.large"], minSize: 1, maxSize: 3, labels: ["workload": "general"]),
        EKSNodeGroup(
            "spot", instanceTypes: ["c5.xlarge"], capacity: .spot, minSize: 0, maxSize: 4,
            taints: [EKSNodeGroup.Taint(key: "spot", value: "true")]),
    ]

    static let roles = [
        IRSARole(
            "external-dns", namespace: "kube-system", serviceAccount: "external-dns",
            managedPolicyARNs: ["arn:aws:iam::aws:policy/AmazonRoute53FullAccess"])
    ]

    /// Every modular construct, wired to the network's typed outputs the way OVES wires them.
    static func modularConstructs(
        vpcID: Expr<String>, subnetIDs: Expr<[String]>, routeTables: Expr<[String: String]>
    )
        -> [any ModularConstruct]
    {
        let cluster = EKSCluster(
            "prod", kubernetesVersion: EKSCluster.recommendedKubernetesVersion, vpcID: vpcID, subnetIDs: subnetIDs,
            nodeGroups: nodeGroups)
        return [
            cluster,
            WorkloadRoles(
                "workloads", clusterName: "oves-prod", oidcProviderARN: cluster.outputs.oidcProviderARN,
                oidcIssuer: cluster.outputs.oidcIssuer, roles: roles),
            VPCPeering(
                "to_db", requesterVPCID: vpcID, requesterCIDR: "10.10.0.0/16", accepterVPCID: "vpc-db",
                accepterCIDR: "10.20.0.0/16", accepterRegion: "eu-central-1", requesterRouteTables: routeTables,
                accepterRouteTables: ["a": "rtb-1"]),
            DatabaseTier(
                "prod", identifier: "oves-prod", vpcID: vpcID, subnetIDs: subnetIDs, allowedCIDRs: ["10.10.0.0/16"]),
            LegacyCompute(
                "prod", groupName: "oves-legacy", vpcID: vpcID, subnetIDs: subnetIDs, instanceType: "t3.large",
                minSize: 1, maxSize: 2, appPorts: [8080], allowedCIDRs: ["10.10.0.0/16"]),
            SecureBucket("logs", bucketName: "oves-logs", logBucket: nil, isLogBucket: true),
            SecureBucket(
                "backups", bucketName: "oves-backups", logBucket: "oves-logs", replicaBucketName: "oves-backups-eu"),
        ]
    }

    static func root(@StackBuilder _ content: () -> [any StackContent]) -> Stack {
        let body = content()
        return Stack("t", directory: "t") {
            Provider.aws(region: "us-east-1")
            Provider.aws(region: "eu-central-1", alias: "peer")
            Provider.aws(region: "eu-central-1", alias: "replica")
            body
        }
    }

    @Test("inlined: every construct in one root, wired by typed outputs")
    func inlined() throws {
        let network = Self.network
        let constructs = Self.modularConstructs(
            vpcID: network.outputs.vpcID, subnetIDs: network.outputs.privateSubnetIDs,
            routeTables: network.outputs.privateRouteTableIDs)
        let stack = Self.root {
            network
            constructs
            SharedFileSystem(
                "files", fileSystemName: "oves-files", vpcID: network.outputs.vpcID,
                subnetIDs: network.outputs.privateSubnetIDs, allowedCIDRs: ["10.10.0.0/16"])
            AuditTrail("audit", trailName: "oves-audit", bucketName: "oves-audit", logBucket: "oves-logs")
            Alarms(
                "ops", topicName: "oves-ops", emailSubscribers: ["ops@example.com"], logGroups: ["/oves/app": 30],
                alarms: [MetricAlarm("cpu", namespace: "AWS/EC2", metric: "CPUUtilization", threshold: 80)])
            HostedZone(
                "zone", domain: "oves.example.com",
                records: [DNSRecord("api", type: .cname, values: [network.outputs.vpcID])])
            StateBackend(
                "state", bucketName: "oves-state", lockTable: "oves-locks", region: "us-east-1", logBucket: "oves-logs")
            Output("vpc_id", network.outputs.vpcID)
            Output("subnet_ids", network.outputs.privateSubnetIDs)
        }
        let result = stack.synthesize()
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let audit = try ReferenceAudit(result, directory: "t")
        #expect(audit.problems == [])
        // Each construct's resources refer to each other; the wiring crosses constructs.
        #expect(audit.references.count > 150, "only \(audit.references.count) references found")
        #expect(audit.references.contains { $0.from.hasPrefix("aws_eks_cluster.") && $0.to.hasPrefix("aws_subnet.") })
        #expect(audit.references.contains { $0.from.hasPrefix("aws_iam_role.") && $0.to.hasPrefix("aws_iam_openid_") })
        #expect(audit.references.contains { $0.from == "output.vpc_id" && $0.to.hasPrefix("aws_vpc.") })
    }

    @Test("as modules: every module's references, and the root's references to module outputs")
    func asModules() throws {
        let vpcModule = TerraformModule.construct(Network.self, "vpc", directory: "m/vpc")
        let eksModule = TerraformModule.construct(EKSCluster.self, "eks", directory: "m/eks")
        let iamModule = TerraformModule.construct(WorkloadRoles.self, "iam", directory: "m/iam")
        let peeringModule = TerraformModule.construct(
            VPCPeering.self, "peering", directory: "m/peering", configurationAliases: ["peer"])
        let rdsModule = TerraformModule.construct(DatabaseTier.self, "rds", directory: "m/rds")
        let ec2Module = TerraformModule.construct(LegacyCompute.self, "ec2", directory: "m/ec2")
        let s3Module = TerraformModule.construct(
            SecureBucket.self, "s3", directory: "m/s3", configurationAliases: ["replica"])
        var moduleOutputs: [String: Set<String>] = [:]
        for module in [vpcModule, eksModule, iamModule, peeringModule, rdsModule, ec2Module, s3Module] {
            let result = module.synthesize()
            #expect(result.diagnostics.errors.isEmpty, "\(module.name): \(result.errorLines)")
            let audit = try ReferenceAudit(result, directory: module.outputDirectory)
            #expect(audit.problems == [], "module \(module.name)")
            #expect(audit.references.contains { $0.to.hasPrefix("var.") }, "module \(module.name) reads no variable")
            #expect(
                audit.references.contains { $0.from.hasPrefix("output.") },
                "module \(module.name) has no output value")
            moduleOutputs[module.outputDirectory] = Set(module.outputs.map(\.name))
        }

        let network = Self.network.call("vpc", module: vpcModule)
        let cluster = EKSCluster(
            "prod", kubernetesVersion: EKSCluster.recommendedKubernetesVersion, vpcID: network.outputs.vpcID,
            subnetIDs: network.outputs.privateSubnetIDs, nodeGroups: Self.nodeGroups
        ).call("eks", module: eksModule)
        let roles = WorkloadRoles(
            "prod", clusterName: "oves-prod", oidcProviderARN: cluster.outputs.oidcProviderARN,
            oidcIssuer: cluster.outputs.oidcIssuer, roles: Self.roles
        ).call("iam", module: iamModule)
        let peering = VPCPeering(
            "to_db", requesterVPCID: network.outputs.vpcID, requesterCIDR: "10.10.0.0/16", accepterVPCID: "vpc-db",
            accepterCIDR: "10.20.0.0/16", accepterRegion: "eu-central-1",
            requesterRouteTables: network.outputs.privateRouteTableIDs, accepterRouteTables: ["a": "rtb-1"]
        ).call("peering", module: peeringModule, providers: ["aws": .aws(), "aws.peer": .aws(alias: "peer")])
        let database = DatabaseTier(
            "prod", identifier: "oves-prod", vpcID: network.outputs.vpcID,
            subnetIDs: network.outputs.databaseSubnetIDs, allowedCIDRs: ["10.10.0.0/16"]
        ).call("rds", module: rdsModule)
        let legacy = LegacyCompute(
            "prod", groupName: "oves-legacy", vpcID: network.outputs.vpcID, subnetIDs: network.outputs.privateSubnetIDs,
            instanceType: "t3.large", minSize: 1, maxSize: 2, appPorts: [8080], allowedCIDRs: ["10.10.0.0/16"]
        ).call("ec2", module: ec2Module)
        let bucket = SecureBucket(
            "backups", bucketName: "oves-backups", logBucket: "oves-logs", replicaBucketName: "oves-backups-eu"
        ).call("s3_backups", module: s3Module, providers: ["aws": .aws(), "aws.replica": .aws(alias: "replica")])
        let stack = Self.root {
            network
            cluster
            roles
            peering
            database
            legacy
            bucket
            Output("vpc_id", network.outputs.vpcID)
            Output("oidc_provider_arn", cluster.outputs.oidcProviderARN)
            Output("role_arns", roles.outputs.roleARNs)
            Output("peering_id", peering.outputs.peeringConnectionID)
            Output("postgres", database.outputs.postgresEndpoint)
            Output("legacy_group", legacy.outputs.autoScalingGroupName)
            Output("replica_arn", bucket.outputs.replicaBucketARN)
        }
        let result = stack.synthesize()
        #expect(result.diagnostics.errors.isEmpty, "\(result.errorLines)")
        let audit = try ReferenceAudit(result, directory: "t", moduleOutputs: moduleOutputs)
        #expect(audit.problems == [])
        let moduleReferences = Set(audit.references.filter { $0.from.hasPrefix("module.") }.map(\.description))
        #expect(
            moduleReferences.isSuperset(of: [
                "module.eks → module.vpc (vpc_id)", "module.eks → module.vpc (private_subnet_ids)",
                "module.iam → module.eks (oidc_provider_arn)", "module.peering → module.vpc (private_route_table_ids)",
                "module.rds → module.vpc (database_subnet_ids)", "module.ec2 → module.vpc (private_subnet_ids)",
            ]), "\(moduleReferences.sorted())")
        #expect(audit.references.filter { $0.from.hasPrefix("output.") }.count == 7)
    }

    @Test("the audit catches a reference written as a raw string: it resolves but is no edge")
    func rawReferenceIsCaught() throws {
        let stack = Self.root {
            AWSVPC("main", cidrBlock: "10.0.0.0/16")
            AWSSubnet("typed", vpcId: AWSVPC("main", cidrBlock: "10.0.0.0/16").id, cidrBlock: "10.0.1.0/24")
            AWSSubnet("raw", vpcId: .raw("aws_vpc.main.id"), cidrBlock: "10.0.2.0/24")
            AWSSubnet("missing", vpcId: .raw("aws_vpc.other.id"), cidrBlock: "10.0.3.0/24")
        }
        let audit = try ReferenceAudit(stack.synthesize(), directory: "t")
        #expect(
            audit.problems == [
                "aws_subnet.missing → aws_vpc.other is not a graph edge",
                "aws_subnet.missing: aws_vpc.other is not declared",
                "aws_subnet.raw → aws_vpc.main is not a graph edge",
            ])
        #expect(
            audit.references.map(\.description) == [
                "aws_subnet.missing → aws_vpc.other", "aws_subnet.raw → aws_vpc.main",
                "aws_subnet.typed → aws_vpc.main",
            ])
    }
}

/// Reads a unit's rendered `.tf.json` files back and checks each reference found in them
/// against the declarations of the same files and the unit's dependency edges.
struct ReferenceAudit {
    /// One reference: the block it sits in, the block it names, and a module output if any.
    struct Reference: Hashable, CustomStringConvertible {
        var from: String
        var to: String
        var attribute: String?
        var description: String { "\(from) → \(to)" + (attribute.map { " (\($0))" } ?? "") }
    }

    private(set) var references: [Reference] = []
    private(set) var problems: [String] = []

    /// Audits the files under `directory/`; `moduleOutputs` maps a module source folder to its outputs.
    init(_ result: SynthesisResult, directory: String, moduleOutputs: [String: Set<String>] = [:]) throws {
        let pattern = try Self.referencePattern()
        // The written bytes, parsed back: what Terraform would read.
        let documents = try result.artifacts
            .filter { $0.path.hasPrefix(directory + "/") && $0.path.hasSuffix(".tf.json") }
            .map { try JSONReader.read($0.bytes) }
        var declared: Set<String> = []
        var moduleSources: [String: String] = [:]
        var blocks: [(address: String, body: Value)] = []
        for document in documents {
            for (type, named) in Self.members(document["resource"]) {
                for (name, body) in Self.members(named) {
                    declared.insert("\(type).\(name)")
                    blocks.append(("\(type).\(name)", body))
                }
            }
            for (type, named) in Self.members(document["data"]) {
                for (name, body) in Self.members(named) {
                    declared.insert("data.\(type).\(name)")
                    blocks.append(("data.\(type).\(name)", body))
                }
            }
            for (name, _) in Self.members(document["variable"]) { declared.insert("var.\(name)") }
            for (name, value) in Self.members(document["locals"]) {
                declared.insert("local.\(name)")
                blocks.append(("local.\(name)", value))
            }
            for (name, body) in Self.members(document["module"]) {
                declared.insert("module.\(name)")
                moduleSources[name] = body["source"]?.stringValue
                blocks.append(("module.\(name)", body))
            }
            for (name, body) in Self.members(document["output"]) { blocks.append(("output.\(name)", body)) }
        }
        let edges = Set(result.edges.map { "\($0.from) → \($0.to)" })
        var found: Set<Reference> = []
        for (address, body) in blocks {
            for (target, attribute) in Self.references(in: body, pattern) where target != address {
                found.insert(Reference(from: address, to: target, attribute: attribute))
            }
        }
        references = found.sorted { $0.description < $1.description }
        for reference in references {
            if !declared.contains(reference.to) {
                problems.append("\(reference.from): \(reference.to) is not declared")
            } else if reference.to.hasPrefix("module."), let output = reference.attribute {
                let name = String(reference.to.dropFirst("module.".count))
                let folder = moduleSources[name].map { Self.resolve($0, from: directory) }
                if let folder, let outputs = moduleOutputs[folder], !outputs.contains(output) {
                    problems.append("\(reference.from): module \(name) has no output \(output)")
                } else if folder.flatMap({ moduleOutputs[$0] }) == nil, !moduleOutputs.isEmpty {
                    problems.append("\(reference.from): module \(name) was not audited")
                }
            }
            if !edges.contains("\(directory)/\(reference.from) → \(directory)/\(reference.to)") {
                problems.append("\(reference.from) → \(reference.to) is not a graph edge")
            }
        }
        problems = Array(Set(problems)).sorted()
    }

    private static func members(_ value: Value?) -> [(String, Value)] {
        value?.objectValue.map { $0.map { ($0.key, $0.value) } } ?? []
    }

    /// The folder a relative module source names, from the calling unit's folder.
    private static func resolve(_ source: String, from directory: String) -> String {
        var parts = directory.split(separator: "/").map(String.init)
        for part in source.split(separator: "/") {
            if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    /// The blocks and module outputs named in `value`: inside `${…}` templates of every string
    /// (object keys too), and the bare references of `depends_on`.
    private static func references(
        in value: Value, _ pattern: NSRegularExpression, key: String? = nil
    ) -> [(String, String?)] {
        let named = { (expression: String) in referencesIn(expression, pattern) }
        switch value {
        case .string(let text):
            return interpolations(in: text).flatMap(named)
        case .array(let elements):
            if key == "depends_on" { return elements.compactMap(\.stringValue).flatMap(named) }
            if key == "ignore_changes" { return [] }
            return elements.flatMap { references(in: $0, pattern) }
        case .object(let object):
            return object.flatMap { member in
                interpolations(in: member.key).flatMap(named) + references(in: member.value, pattern, key: member.key)
            }
        case .null, .bool, .int, .double:
            return []
        }
    }

    /// The text of each `${…}` and `%{…}` in a template, nested braces and quoted strings included.
    private static func interpolations(in text: String) -> [String] {
        var results: [String] = []
        let characters = Array(text)
        var index = 0
        while index + 1 < characters.count {
            guard characters[index] == "$" || characters[index] == "%", characters[index + 1] == "{" else {
                index += 1
                continue
            }
            var depth = 0
            var end = index + 1
            var inString = false
            while end < characters.count {
                let character = characters[end]
                if inString {
                    if character == "\\" { end += 1 } else if character == "\"" { inString = false }
                } else if character == "\"" {
                    inString = true
                } else if character == "{" {
                    depth += 1
                } else if character == "}" {
                    depth -= 1
                    if depth == 0 { break }
                }
                end += 1
            }
            results.append(String(characters[(index + 2)..<min(end, characters.count)]))
            index = end + 1
        }
        return results
    }

    private static func referencePattern() throws -> NSRegularExpression {
        let name = "[A-Za-z_][A-Za-z0-9_-]*"
        let resource = "(?:data\\.)?(?:aws|tls|random|time|null|cloudflare)_[a-z0-9_]+\\.\(name)"
        let other = "(?:var|local)\\.\(name)|module\\.\(name)(?:\\.\(name))?"
        // Not preceded by a name character or a dot: `each.value.aws_x` is an attribute, not a block.
        return try NSRegularExpression(pattern: "(?<![A-Za-z0-9_.])(\(resource)|\(other))")
    }

    /// The referenced block addresses in one expression, with the module output for `module.x.y`.
    private static func referencesIn(_ expression: String, _ pattern: NSRegularExpression) -> [(String, String?)] {
        let range = NSRange(expression.startIndex..., in: expression)
        return pattern.matches(in: expression, range: range).compactMap { match in
            guard let swiftRange = Range(match.range(at: 1), in: expression) else { return nil }
            let parts = expression[swiftRange].split(separator: ".").map(String.init)
            if parts[0] == "module" { return ("module." + parts[1], parts.count > 2 ? parts[2] : nil) }
            return (parts.joined(separator: "."), nil)
        }
    }
}
