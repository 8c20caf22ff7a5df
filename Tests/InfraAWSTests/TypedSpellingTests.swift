// Every kind of raw HCL the constructs write today (`grep -n 'raw(' Sources/InfraAWS/Constructs`)
// has a typed spelling on the generated types; this suite writes each one and checks it
// renders the same HCL, so replacing the raw strings changes no output except where noted
// (typed object constructors quote their keys: `{ "Name" = … }` for the raw `{ Name = … }`).
// Unlike the raw strings, every typed form has traversals for validation and the graph.

import InfraAWS
import InfraCore
import InfraTerraform
import Testing

@Suite("Typed spellings of the constructs' raw expressions")
struct TypedSpellingTests {
    // Module variables, as `ConstructInputs.variables` reads them.
    let tags = Variable<[String: String]>("tags").value
    let label = Variable<String>("name").value
    let publicSubnets = Variable<[String: String]>("public_subnets").value
    let privateSubnets = Variable<[String: String]>("private_subnets").value
    let databaseSubnets = Variable<[String: String]>("database_subnets").value
    let enableNAT = Variable<Bool>("enable_nat_gateway").value
    let singleNAT = Variable<Bool>("single_nat_gateway").value
    let clusterNames = Variable<[String]>("eks_cluster_names").value
    let peers = Variable<[String]>("peer_cidr_blocks").value
    let roles = Variable<[String: Value]>("roles").value
    let allowed = Variable<[String]>("allowed_cidr_blocks").value
    let ports = Variable<[Double]>("app_ports").value
    let cluster = Variable<String>("cluster_name").value
    let replicaBucket = Variable<String>("replica_bucket").value
    let isLogBucket = Variable<Bool>("is_log_bucket").value
    let expirationDays = Variable<Double>("expiration_days").value
    let publicAccess = Variable<Bool>("endpoint_public_access").value
    let publicCIDRs = Variable<[String]>("public_access_cidrs").value
    let vpc = AWSVPC("this", cidrBlock: "10.0.0.0/16")

    func hcl<T>(_ expression: Expr<T>) -> String { expression.expression.hcl }

    @Test("count instances, for_each instances and keys that are expressions (Network, SecureBucket, EKS)")
    func instances() {
        let publicTable = AWSRouteTable("this_public", vpcId: vpc.id).count(
            .if(Fn.length(publicSubnets) > 0, then: 1, else: 0))
        let gateway = AWSInternetGateway("this", vpcId: vpc.id).count(
            .if(Fn.length(publicSubnets) > 0, then: 1, else: 0))
        let each = Each.of(publicSubnets)
        let publicSubnet = AWSSubnet("this_public", vpcId: vpc.id, availabilityZone: each.key, cidrBlock: each.value)
            .forEach(publicSubnets)
        let nat = AWSNATGateway("this", subnetId: publicSubnet[each.key].id).forEach(publicSubnets)
        let template = AWSLaunchTemplate("this_node").forEach(Variable<[String: Value]>("node_groups").value)
        #expect(hcl(publicTable[0].id) == "aws_route_table.this_public[0].id")
        #expect(hcl(gateway[0].id) == "aws_internet_gateway.this[0].id")
        #expect(hcl(publicSubnet[each.key].id) == "aws_subnet.this_public[each.key].id")
        #expect(hcl(template[each.key].latestVersion) == "aws_launch_template.this_node[each.key].latest_version")
        let natKey: Expr<String> = .if(singleNAT, then: Fn.sort(Fn.keys(publicSubnets))[0], else: each.key)
        #expect(
            hcl(nat[natKey].id)
                == "aws_nat_gateway.this[var.single_nat_gateway ? sort(keys(var.public_subnets))[0] : each.key].id")
        let replica = AWSS3Bucket("this_replica", bucket: replicaBucket).count(
            .if(replicaBucket .!= "", then: 1, else: 0))
        #expect(hcl(replica[0].arn) == "aws_s3_bucket.this_replica[0].arn")
        #expect(hcl(Fn.one(replica.all.arn)) == "one(aws_s3_bucket.this_replica[*].arn)")
        let iamRoles = AWSIAMRole("this", assumeRolePolicy: "{}").forEach(roles)
        let role = Each.of(roles).value.role
        #expect(hcl(iamRoles[role].nameRef) == "aws_iam_role.this[each.value.role].name")
    }

    @Test("conditional counts and for_each (Network, SecureBucket)")
    func conditionals() {
        #expect(
            hcl(Expr<Double>.if(Fn.length(publicSubnets) > 0, then: 1, else: 0))
                == "length(var.public_subnets) > 0 ? 1 : 0")
        #expect(hcl(Expr<Double>.if(replicaBucket .!= "", then: 1, else: 0)) == #"var.replica_bucket != "" ? 1 : 0"#)
        #expect(hcl(Expr<Double>.if(expirationDays > 0, then: 0, else: 1)) == "var.expiration_days > 0 ? 0 : 1")
        #expect(
            hcl(Expr<String>.if(isLogBucket, then: "BucketOwnerPreferred", else: "BucketOwnerEnforced"))
                == #"var.is_log_bucket ? "BucketOwnerPreferred" : "BucketOwnerEnforced""#)
        #expect(
            hcl(Expr<[String: String]>.if(enableNAT, then: privateSubnets, else: [:]))
                == "var.enable_nat_gateway ? var.private_subnets : {}")
        let firstZone = Fn.slice(Fn.sort(Fn.keys(publicSubnets)), startIndex: 0, endIndex: 1)
            .toMap(as: "k") { k in (k, publicSubnets[k]) }
        let natZones: Expr<[String: String]> = .if(
            enableNAT, then: .if(singleNAT, then: firstZone, else: publicSubnets), else: [:])
        #expect(
            hcl(natZones)
                == "var.enable_nat_gateway ? (var.single_nat_gateway ? { for k in slice(sort(keys(var.public_subnets)), 0, 1) : k => var.public_subnets[k] } : var.public_subnets) : {}"
        )
        let cidrs: Expr<Set<String>> = .if(publicAccess, then: Fn.toset(publicCIDRs), else: nil)
        #expect(hcl(cidrs) == "var.endpoint_public_access ? toset(var.public_access_cidrs) : null")
    }

    @Test("splats over for_each subnets and for over route tables (Network outputs, NACLs)")
    func splatsAndFor() {
        let each = Each.of(privateSubnets)
        let privateSubnet = AWSSubnet("this_private", vpcId: vpc.id, cidrBlock: each.value).forEach(privateSubnets)
        let databaseSubnet = AWSSubnet("this_database", vpcId: vpc.id, cidrBlock: each.value).forEach(databaseSubnets)
        #expect(hcl(privateSubnet.all.id) == "values(aws_subnet.this_private)[*].id")
        #expect(
            hcl(Fn.toset(Fn.concat(privateSubnet.all.id, databaseSubnet.all.id)))
                == "toset(concat(values(aws_subnet.this_private)[*].id, values(aws_subnet.this_database)[*].id))")
        let privateTables = AWSRouteTable("this_private", vpcId: vpc.id).forEach(privateSubnets)
        let databaseTables = AWSRouteTable("this_database", vpcId: vpc.id).count(1)
        let routeTables = Fn.merge(
            privateTables.eachInstance.mapValues(as: "k", "rt") { rt in rt.id },
            databaseTables.eachInstance.toMap(as: "i", "rt") { i, rt in ("database-\(i)", rt.id) })
        #expect(
            hcl(routeTables)
                == #"merge({ for k, rt in aws_route_table.this_private : k => rt.id }, { for i, rt in aws_route_table.this_database : "database-${i}" => rt.id })"#
        )
        let iamRoles = AWSIAMRole("this", assumeRolePolicy: "{}").forEach(roles)
        #expect(
            hcl(iamRoles.eachInstance.mapValues(as: "k", "r") { r in r.arn })
                == "{ for k, r in aws_iam_role.this : k => r.arn }")
    }

    @Test("for expressions over module variables: maps from lists, filters, nesting with expansion, setproduct")
    func forOverVariables() {
        #expect(
            hcl(clusterNames.toMap(as: "c") { c in ("kubernetes.io/cluster/\(c)", "shared") })
                == #"{ for c in var.eks_cluster_names : "kubernetes.io/cluster/${c}" => "shared" }"#)
        #expect(hcl(allowed.toMap(as: "c") { c in (c, c) }) == "{ for c in var.allowed_cidr_blocks : c => c }")
        #expect(
            hcl(roles.filter(as: "k", "r") { r in r.policy .!= "" })
                == #"{ for k, r in var.roles : k => r if r.policy != "" }"#)
        let attachments: Expr<[String: Value]> = Fn.merge(
            expanding: roles.map(as: "k", "r") { k, r in
                r.managed_policy_arns.toMap(as: "arn") { arn in
                    ("\(k):\(arn)", Expr<Value>.object(["role": k, "arn": arn]))
                }
            })
        #expect(
            hcl(attachments)
                == #"merge([for k, r in var.roles : { for arn in r.managed_policy_arns : "${k}:${arn}" => { "role" = k, "arn" = arn } }]...)"#
        )
        let pairs = Fn.setproduct(allowed, ports).toMap(as: "pair") { pair in
            ("\(pair[0]):\(pair[1])", Expr<Value>.object(["cidr": pair[0], "port": pair[1]]))
        }
        #expect(
            hcl(pairs)
                == #"{ for pair in setproduct(var.allowed_cidr_blocks, var.app_ports) : "${pair[0]}:${pair[1]}" => { "cidr" = pair[0], "port" = pair[1] } }"#
        )
        let peerRules = peers.toMap(as: "i", "c") { i, c in
            (
                "ingress-\(200 + i)",
                Expr<Value>.object(["egress": false as Expr<Bool>, "rule_number": 200 + i, "cidr_block": c])
            )
        }
        #expect(
            hcl(peerRules)
                == #"{ for i, c in var.peer_cidr_blocks : "ingress-${200 + i}" => { "egress" = false, "rule_number" = 200 + i, "cidr_block" = c } }"#
        )
        let subnetIDs = Variable<[String]>("subnet_ids").value
        #expect(
            hcl(subnetIDs.toMap(as: "i", "id") { i, id in (Fn.tostring(i), id) })
                == "{ for i, id in var.subnet_ids : tostring(i) => id }")
    }

    @Test("merges with templated keys, each.value fields and computed nested attributes (EKS, RDS, Network)")
    func mergesAndFields() {
        let each = Each<Value>()
        #expect(
            hcl(
                Fn.merge(
                    tags,
                    ["k8s.io/cluster-autoscaler/enabled": "true", "k8s.io/cluster-autoscaler/\(cluster)": "owned"]))
                == #"merge(var.tags, { "k8s.io/cluster-autoscaler/enabled" = "true", "k8s.io/cluster-autoscaler/${var.cluster_name}" = "owned" })"#
        )
        #expect(
            hcl(
                Fn.merge(
                    tags, clusterNames.toMap(as: "c") { c in ("kubernetes.io/cluster/\(c)", "shared") },
                    ["Name": "\(label)-public-\(each.key)", "kubernetes.io/role/elb": "1"]))
                == #"merge(var.tags, { for c in var.eks_cluster_names : "kubernetes.io/cluster/${c}" => "shared" }, { "Name" = "${var.name}-public-${each.key}", "kubernetes.io/role/elb" = "1" })"#
        )
        #expect(hcl(each.value.disk_size) == "each.value.disk_size")
        #expect(hcl(each.value.protocol) == "each.value.protocol")
        let eks = AWSEKSCluster("this", name: cluster, roleArn: "arn", vpcConfig: .init(subnetIds: ["subnet-1"]))
        #expect(hcl(eks.identity[0].oidc[0].issuer) == "aws_eks_cluster.this.identity[0].oidc[0].issuer")
        // Nested blocks have no generated reference property yet; `reference(_:)` reads them as Value.
        let vpcConfig: Expr<[Value]> = eks.reference("vpc_config")
        #expect(
            hcl(vpcConfig[0].cluster_security_group_id)
                == "aws_eks_cluster.this.vpc_config[0].cluster_security_group_id")
        let postgres = AWSDBInstance("this_postgres", instanceClass: "db.t4g.micro")
        #expect(
            hcl(postgres.masterUserSecret[0].secret_arn)
                == "aws_db_instance.this_postgres.master_user_secret[0].secret_arn")
    }

    @Test("a dynamic taint block on the generated node group renders what the override wrote")
    func dynamicTaints() throws {
        let groups = Variable<[String: Value]>("node_groups").value
        let each = Each.of(groups)
        let nodeGroup = AWSEKSNodeGroup(
            "this", clusterName: cluster, nodeRoleArn: "arn",
            scalingConfig: .init(desiredSize: 1, maxSize: 1, minSize: 1),
            subnetIds: ["subnet-1"]
        )
        .forEach(groups)
        .dynamic(\.taint, forEach: each.value.taints) { taint in
            .init(
                effect: taint.value.effect.unsafeCast(), key: taint.value.key.unsafeCast(),
                value: taint.value.value.unsafeCast())
        }
        guard case .resource(let block) = nodeGroup.stackElements(in: .root).first else {
            Issue.record("no resource block")
            return
        }
        let dynamic = try #require(block.jsonValue.objectValue?["dynamic"])
        let expected: Value = [
            "taint": [
                "for_each": "${each.value.taints}",
                "content": [
                    "key": "${taint.value.key}", "value": "${taint.value.value}", "effect": "${taint.value.effect}",
                ],
            ]
        ]
        #expect(JSONWriter().string(dynamic) == JSONWriter().string(expected))
    }
}
