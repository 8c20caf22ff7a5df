// Every `type: LoadBalancer` Service of the synthesized OVES model (both clusters) is one the AWS
// Load Balancer Controller reconciles, and says only what that controller reads: the in-tree
// cloud provider reads other annotations (`aws-load-balancer-internal`, type `nlb`) and would
// make an "internal" NLB internet-facing. Read from the resolved model, not the Swift source.

import InfraCore
import InfraKubernetes
import OVESInfrastructure
import Testing

@Suite("OVES Kubernetes reference: load balancers belong to the AWS Load Balancer Controller")
struct LoadBalancerControllerTests {
    /// The Service annotations the LBC reads (kubernetes-sigs/aws-load-balancer-controller
    /// `docs/guide/service/annotations.md` @00681b8b7b90e8f396407652f2abd94a81ff2cf2), without the
    /// deprecated ones the in-tree controller shares (`aws-load-balancer-internal`, access-log and
    /// cross-zone flags).
    static let controllerAnnotations: Set<String> = [
        "load-balancer-source-ranges", "aws-load-balancer-type", "aws-load-balancer-nlb-target-type",
        "aws-load-balancer-name", "aws-load-balancer-scheme", "aws-load-balancer-proxy-protocol",
        "aws-load-balancer-ip-address-type", "aws-load-balancer-ssl-cert", "aws-load-balancer-ssl-ports",
        "aws-load-balancer-ssl-negotiation-policy", "aws-load-balancer-backend-protocol",
        "aws-load-balancer-additional-resource-tags", "aws-load-balancer-healthcheck-protocol",
        "aws-load-balancer-healthcheck-port", "aws-load-balancer-healthcheck-path",
        "aws-load-balancer-healthcheck-healthy-threshold", "aws-load-balancer-healthcheck-unhealthy-threshold",
        "aws-load-balancer-healthcheck-timeout", "aws-load-balancer-healthcheck-interval",
        "aws-load-balancer-healthcheck-success-codes", "aws-load-balancer-eip-allocations",
        "aws-load-balancer-private-ipv4-addresses", "aws-load-balancer-ipv6-addresses",
        "aws-load-balancer-target-group-attributes", "aws-load-balancer-subnets", "aws-load-balancer-alpn-policy",
        "aws-load-balancer-target-node-labels", "aws-load-balancer-attributes", "aws-load-balancer-security-groups",
        "aws-load-balancer-manage-backend-security-group-rules",
    ].reduce(into: []) { $0.insert("service.beta.kubernetes.io/" + $1) }

    /// Every LoadBalancer Service document of the model, by node address.
    static let loadBalancers: [(address: String, document: Value)] = {
        let model = Infrastructure(units: OVESKubernetes.manifests).synthesize().model
        return model.nodes(.kubernetes).map { ($0.nodeID, $0.document()) }.filter {
            $0.1["kind"]?.stringValue == "Service" && $0.1["spec"]?["type"]?.stringValue == "LoadBalancer"
        }
    }()

    /// The Service's `service.beta.kubernetes.io/*` annotations.
    static func awsAnnotations(_ service: Value) -> [String: String] {
        var found: [String: String] = [:]
        for member in service["metadata"]?["annotations"]?.objectValue ?? ValueObject()
        where member.key.hasPrefix("service.beta.kubernetes.io/") {
            found[member.key] = member.value.stringValue ?? ""
        }
        return found
    }

    @Test("the model has the load balancers: MQTT broker, HAProxy router, NGINX controller in both clusters")
    func loadBalancersExist() {
        let names = Self.loadBalancers.compactMap { $0.document["metadata"]?["name"]?.stringValue }
        #expect(names.sorted() == ["mqtt-broker", "nginx-ingress", "nginx-ingress", "tcp-router"])
    }

    @Test("every LoadBalancer Service is handed to the LBC, with a scheme and a target type it reads")
    func everyServiceIsTheControllers() {
        for (address, service) in Self.loadBalancers {
            let annotations = Self.awsAnnotations(service)
            let byClass = service["spec"]?["loadBalancerClass"]?.stringValue == "service.k8s.aws/nlb"
            let byAnnotation = annotations["service.beta.kubernetes.io/aws-load-balancer-type"] == "external"
            #expect(byClass || byAnnotation, "\(address): the in-tree controller would reconcile it")
            #expect(
                ["internal", "internet-facing"].contains(
                    annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"]),
                "\(address): no explicit scheme (an existing NLB would keep whatever it had)")
            #expect(
                ["ip", "instance"].contains(
                    annotations["service.beta.kubernetes.io/aws-load-balancer-nlb-target-type"]),
                "\(address): no target type")
            for key in annotations.keys.sorted() {
                #expect(Self.controllerAnnotations.contains(key), "\(address): the LBC does not read \(key)")
            }
            let type = annotations["service.beta.kubernetes.io/aws-load-balancer-type"]
            #expect(type == nil || type == "external", "\(address): type '\(type ?? "")' is the in-tree controller's")
        }
    }

    @Test(
        "the HAProxy TCP router's NLB is internal; only the MQTT broker's and the NGINX controller's face the internet")
    func schemes() {
        var schemes: [String: String] = [:]
        for (_, service) in Self.loadBalancers {
            let name = service["metadata"]?["name"]?.stringValue ?? ""
            schemes[name] = Self.awsAnnotations(service)["service.beta.kubernetes.io/aws-load-balancer-scheme"]
        }
        #expect(schemes["tcp-router"] == "internal")
        let public_ = schemes.filter { $0.value == "internet-facing" }.keys.sorted()
        #expect(public_ == ["mqtt-broker", "nginx-ingress"])
    }
}

/// The controller those Services need: present in the same cluster, for that cluster, with its CRDs
/// and webhooks, bound to the IRSA role the environment root creates with upstream's policy.
@Suite("OVES reference: the AWS Load Balancer Controller runs where its Services are")
struct LoadBalancerControllerPresenceTests {
    /// `--flag=value` arguments of the controller's container.
    static func arguments(_ deployment: Value) -> [String] {
        PlatformModel.strings(deployment["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["args"])
    }

    @Test("every cluster with an LBC-owned Service runs the controller for that cluster, its CRDs and webhooks")
    func controllerInEachCluster() throws {
        var clustersWithNLBs = 0
        for (cluster, documents) in PlatformModel.clusters.sorted(by: { $0.key < $1.key }) {
            let owned = PlatformModel.all("Service", in: documents).filter {
                $0["spec"]?["loadBalancerClass"]?.stringValue == AWSNetworkLoadBalancer.loadBalancerClass
                    || $0["metadata"]?["annotations"]?["service.beta.kubernetes.io/aws-load-balancer-type"]?
                        .stringValue == "external"
            }
            guard !owned.isEmpty else { continue }
            clustersWithNLBs += 1
            let environment = try #require(OVESEnvironment(rawValue: cluster))
            let controllers = PlatformModel.all("Deployment", in: documents).filter {
                $0["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["image"]?.stringValue
                    == AWSLoadBalancerControllerRelease.image
            }
            #expect(controllers.count == 1, "\(cluster): \(owned.count) NLB Services and no controller")
            guard let controller = controllers.first else { continue }
            let args = Self.arguments(controller)
            #expect(args.contains("--cluster-name=\(environment.clusterName)"), "\(cluster): \(args)")
            #expect(args.contains("--aws-region=\(environment.region)"), "\(cluster): \(args)")
            #expect(args.contains("--aws-vpc-tags=Name=\(environment.vpcNameTag)"), "\(cluster): \(args)")
            let crds = Set(PlatformModel.all("CustomResourceDefinition", in: documents).map(PlatformModel.name))
            #expect(crds.isSuperset(of: LoadBalancerControllerCRDTests.releaseCRDs), "\(cluster): \(crds.sorted())")
            #expect(PlatformModel.all("MutatingWebhookConfiguration", in: documents).count == 1, "\(cluster)")
            #expect(PlatformModel.all("ValidatingWebhookConfiguration", in: documents).count == 1, "\(cluster)")
            let account = try #require(
                PlatformModel.all("ServiceAccount", in: documents).first {
                    PlatformModel.name($0) == AWSLoadBalancerControllerRelease.serviceAccount
                        && PlatformModel.namespace($0) == AWSLoadBalancerControllerRelease.namespace
                })
            let roleARN = account["metadata"]?["annotations"]?["eks.amazonaws.com/role-arn"]?.stringValue ?? ""
            #expect(roleARN.hasSuffix(":role/\(environment.loadBalancerControllerRole.roleName)"), "\(roleARN)")
            #expect(
                environment.serviceAccountRoles.contains(environment.loadBalancerControllerRole),
                "\(cluster): Terraform creates no role for the controller")
        }
        #expect(clustersWithNLBs == 2)
    }

    @Test("the controller's VPC Name tag is the one the environment's Network gives its VPC")
    func vpcTag() {
        #expect(OVESEnvironment.prod.vpcNameTag == ProdEnvironment.network.vpcNameTag)
        #expect(OVESEnvironment.prod.vpcNameTag == "oves-prod-vpc")
        #expect(OVESEnvironment.dev.vpcNameTag == "oves-dev-vpc")
    }
}
