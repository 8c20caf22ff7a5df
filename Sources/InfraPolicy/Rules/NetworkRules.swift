// Network rules: security groups open to the internet (checkov CKV_AWS_24/25/260/277),
// VPC flow logs (CKV2_AWS_11) and IMDSv2 on instances and launch templates (CKV_AWS_79).

import InfraCore

extension PolicyRule {
    /// The network and compute rules.
    static let network: [PolicyRule] = [
        PolicyRule(
            id: "INFRA-EC2-001", title: "Security groups allow no ingress from 0.0.0.0/0 or ::/0", severity: .critical,
            hint:
                "restrict the source CIDR; only load balancer groups may open the ports of PolicyConfiguration.publicLoadBalancerPorts (80/443) to the world",
            checkovIDs: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277"], format: .terraform,
            check: SecurityGroupIngress.violations
        ),
        PolicyRule(
            id: "INFRA-VPC-001", title: "VPCs have flow logs", severity: .medium,
            hint: "add aws_flow_log with vpc_id = \"${aws_vpc.<name>.id}\" and traffic_type = \"ALL\"",
            checkovIDs: ["CKV2_AWS_11"], format: .terraform
        ) { context in
            context.terraform.resources("aws_vpc").compactMap { vpc in
                context.terraform.linked("aws_flow_log", to: vpc, via: "vpc_id").isEmpty
                    ? vpc.violation("no aws_flow_log captures this VPC's traffic") : nil
            }
        },
        PolicyRule(
            id: "INFRA-EC2-002", title: "Instances and launch templates require IMDSv2", severity: .high,
            hint:
                "set metadata_options { http_tokens = \"required\", http_put_response_hop_limit = 1 (2 for containers) }",
            checkovIDs: ["CKV_AWS_79"], format: .terraform
        ) { context in
            (context.terraform.resources("aws_instance") + context.terraform.resources("aws_launch_template"))
                .compactMap {
                    resource in
                    let options = TerraformValue.block(resource["metadata_options"])
                    if options?["http_tokens"]?.stringValue == "required"
                        || options?["http_endpoint"]?.stringValue == "disabled"
                    {
                        return nil
                    }
                    return resource.violation("instance metadata allows IMDSv1 (http_tokens is not \"required\")")
                }
        },
    ]
}

/// Finds world-open ingress in inline rules, `aws_security_group_rule` and
/// `aws_vpc_security_group_ingress_rule`.
enum SecurityGroupIngress {
    static let worldCIDRs: Set<String> = ["0.0.0.0/0", "::/0"]

    struct Ingress {
        var resource: PolicyResource
        var group: PolicyResource?
        var fromPort: Int?
        var toPort: Int?
        var protocolName: String
        var cidrs: [String]
    }

    static func violations(_ context: PolicyContext) -> [PolicyViolation] {
        let model = context.terraform
        let groups = model.resources("aws_security_group")
        var rules: [Ingress] = []
        for group in groups {
            for block in TerraformValue.blocks(group["ingress"]) {
                rules.append(
                    Ingress(
                        resource: group, group: group, fromPort: TerraformValue.int(block["from_port"]),
                        toPort: TerraformValue.int(block["to_port"]),
                        protocolName: block["protocol"]?.stringValue ?? "tcp",
                        cidrs: TerraformValue.strings(in: block["cidr_blocks"])
                            + TerraformValue.strings(in: block["ipv6_cidr_blocks"])))
            }
        }
        for rule in model.resources("aws_security_group_rule") where rule["type"]?.stringValue == "ingress" {
            rules.append(
                Ingress(
                    resource: rule, group: owner(rule, model), fromPort: TerraformValue.int(rule["from_port"]),
                    toPort: TerraformValue.int(rule["to_port"]), protocolName: rule["protocol"]?.stringValue ?? "tcp",
                    cidrs: TerraformValue.strings(in: rule["cidr_blocks"])
                        + TerraformValue.strings(in: rule["ipv6_cidr_blocks"])))
        }
        for rule in model.resources("aws_vpc_security_group_ingress_rule") {
            rules.append(
                Ingress(
                    resource: rule, group: owner(rule, model), fromPort: TerraformValue.int(rule["from_port"]),
                    toPort: TerraformValue.int(rule["to_port"]),
                    protocolName: rule["ip_protocol"]?.stringValue ?? "tcp",
                    cidrs: TerraformValue.strings(in: rule["cidr_ipv4"]) + TerraformValue.strings(in: rule["cidr_ipv6"])
                ))
        }
        let balancers = ["aws_lb", "aws_alb", "aws_elb"].flatMap { model.resources($0) }
        return rules.compactMap { ingress in
            let open = ingress.cidrs.filter { worldCIDRs.contains($0) }
            guard !open.isEmpty else { return nil }
            let allPorts = ["-1", "all"].contains(ingress.protocolName.lowercased())
            let from = allPorts ? 0 : (ingress.fromPort ?? 0)
            let to = allPorts ? 65535 : (ingress.toPort ?? from)
            if let group = ingress.group, isLoadBalancerGroup(group, balancers, context.configuration), !allPorts,
                to - from < 1024,
                (from...max(from, to)).allSatisfy({ context.configuration.publicLoadBalancerPorts.contains($0) })
            {
                return nil
            }
            let ports = allPorts ? "all ports" : (from == to ? "port \(from)" : "ports \(from)-\(to)")
            let via =
                ingress.resource.address == ingress.group?.address
                ? "" : " (security group \(ingress.group?.address ?? "outside this configuration"))"
            return ingress.resource.violation("ingress from \(open.joined(separator: ", ")) to \(ports)\(via)")
        }
    }

    /// The security group a separate rule belongs to (by `security_group_id` reference).
    private static func owner(_ rule: PolicyResource, _ model: PolicyTerraformModel) -> PolicyResource? {
        (rule.references["security_group_id"] ?? []).sorted().lazy
            .compactMap { model.resource($0, in: rule.module) }.first { $0.type == "aws_security_group" && !$0.isData }
    }

    private static func isLoadBalancerGroup(
        _ group: PolicyResource, _ balancers: [PolicyResource], _ configuration: PolicyConfiguration
    ) -> Bool {
        if configuration.loadBalancerSecurityGroups.contains(group.address) { return true }
        return balancers.contains { balancer in
            balancer.module == group.module && balancer.references["security_groups"]?.contains(group.address) == true
        }
    }
}
