// AWSLoadBalancerController: the chart's objects with `enableCertManager`, the flags that replace
// instance metadata (region, VPC), the IRSA annotation, the webhook certificate wiring, and the
// diagnostics for settings that would leave the controller unable to start.

import InfraCore
import InfraKubernetes
import Testing

@Suite("AWSLoadBalancerController")
struct AWSLoadBalancerControllerTests {
    static let controller = AWSLoadBalancerController(
        clusterName: "demo", region: "eu-west-1", vpc: .tags(["Name": "demo-vpc"]),
        roleARN: "arn:aws:iam::111122223333:role/demo-aws-load-balancer-controller")

    static func kinds(_ objects: [any KubernetesObject]) -> [String] {
        objects.map { "\($0.kind)/\($0.metadata.name ?? "")" }
    }

    @Test("it renders the chart's objects, webhook configurations last")
    func objects() {
        #expect(
            Self.kinds(Self.controller.manifestObjects) == [
                "ServiceAccount/aws-load-balancer-controller",
                "Role/aws-load-balancer-controller-leader-election-role",
                "ClusterRole/aws-load-balancer-controller-role",
                "RoleBinding/aws-load-balancer-controller-leader-election-rolebinding",
                "ClusterRoleBinding/aws-load-balancer-controller-rolebinding",
                "Issuer/aws-load-balancer-selfsigned-issuer", "Certificate/aws-load-balancer-root-cert",
                "Issuer/aws-load-balancer-root-issuer", "Certificate/aws-load-balancer-serving-cert",
                "Service/aws-load-balancer-webhook-service", "Deployment/aws-load-balancer-controller",
                "PodDisruptionBudget/aws-load-balancer-controller",
                "MutatingWebhookConfiguration/aws-load-balancer-webhook",
                "ValidatingWebhookConfiguration/aws-load-balancer-webhook",
            ])
    }

    @Test("the flags name the cluster, the ALB class, the region and the VPC (no instance metadata needed)")
    func flags() throws {
        let args = try #require(Self.controller.deployment.spec?.template.spec?.containers.first?.args)
        #expect(
            args == [
                "--cluster-name=demo", "--ingress-class=alb", "--aws-region=eu-west-1", "--aws-vpc-tags=Name=demo-vpc",
                "--enable-service-mutator-webhook=false",
            ])
        var byID = Self.controller
        byID.vpc = .id("vpc-0123456789abcdef0")
        #expect(byID.arguments.contains("--aws-vpc-id=vpc-0123456789abcdef0"))
        byID.vpc = .tags(["Name": "b", "Environment": "a"])
        #expect(byID.arguments.contains("--aws-vpc-tags=Environment=a,Name=b"))
    }

    @Test(
        "the ClusterRole is the v2.17.1 chart's default: no cluster-wide Secrets, its ConfigMaps, CRDs and Gateway rules"
    )
    func clusterRole() {
        let rules = Self.controller.clusterRole.rules ?? []
        #expect(rules.count == 24)
        #expect(!rules.contains { $0.resources?.contains("secrets") == true }, "only allowAllSecrets grants Secrets")
        #expect(
            rules.contains {
                $0.apiGroups == [""] && $0.resources == ["configmaps"]
                    && $0.verbs == ["get", "delete", "create", "update"]
            })
        #expect(rules.contains { $0.resources == ["albtargetcontrolconfigs"] && $0.verbs == ["get"] })
        let groups = Set(rules.flatMap { $0.apiGroups ?? [] })
        #expect(groups.isSuperset(of: ["gateway.k8s.aws", "gateway.networking.k8s.io", "aga.k8s.aws"]))
        // The leader-election Role is the chart's: create, then get/update/patch of the named lock only.
        let election = Self.controller.leaderElectionRole.rules ?? []
        #expect(election.filter { $0.resourceNames != nil }.allSatisfy { $0.verbs.contains("create") == false })
        #expect(election.count == 4)
    }

    @Test("the ServiceAccount carries the IRSA role and the pods run as it, non-root, with the pinned image")
    func identity() throws {
        #expect(
            Self.controller.serviceAccount.metadata.annotations == [
                "eks.amazonaws.com/role-arn": "arn:aws:iam::111122223333:role/demo-aws-load-balancer-controller"
            ])
        let pod = try #require(Self.controller.deployment.spec?.template.spec)
        #expect(pod.serviceAccountName == "aws-load-balancer-controller")
        #expect(pod.automountServiceAccountToken == true)
        #expect(pod.securityContext?.runAsNonRoot == true)
        #expect(pod.priorityClassName == "system-cluster-critical")
        #expect(pod.containers.first?.image == "public.ecr.aws/eks/aws-load-balancer-controller:v2.17.1")
        #expect(Self.controller.deployment.spec?.replicas == 2)
        #expect(
            Self.controller.clusterRoleBinding.subjects == [
                Subject(kind: "ServiceAccount", name: "aws-load-balancer-controller", namespace: "kube-system")
            ])
    }

    @Test(
        "cert-manager issues the webhook certificate for the webhook Service and injects its CA into both configurations"
    )
    func webhookCertificate() throws {
        let controller = Self.controller
        let serving = try #require(
            controller.certificateObjects.compactMap { $0 as? Certificate }.first {
                $0.metadata.name == controller.servingCertificateName
            })
        #expect(
            serving.spec?.dnsNames == [
                "aws-load-balancer-webhook-service.kube-system.svc",
                "aws-load-balancer-webhook-service.kube-system.svc.cluster.local",
            ])
        #expect(serving.spec?.secretName == "aws-load-balancer-tls")
        #expect(serving.spec?.issuerRef.name == "aws-load-balancer-root-issuer")
        let pod = try #require(controller.deployment.spec?.template.spec)
        #expect(pod.volumes?.first?.secret?.secretName == "aws-load-balancer-tls")
        #expect(
            pod.containers.first?.volumeMounts?.first?.mountPath == "/tmp/k8s-webhook-server/serving-certs")
        #expect(controller.webhookService.metadata.name == "aws-load-balancer-webhook-service")
        for configuration in [controller.mutatingWebhookConfiguration, controller.validatingWebhookConfiguration] {
            #expect(
                configuration.metadata.annotations?["cert-manager.io/inject-ca-from"]
                    == "kube-system/aws-load-balancer-serving-cert")
            let webhooks = configuration.fields["webhooks"]?.arrayValue ?? []
            #expect(!webhooks.isEmpty)
            for webhook in webhooks {
                #expect(
                    webhook["clientConfig"]?["service"]?["name"]?.stringValue == "aws-load-balancer-webhook-service")
                #expect(webhook["failurePolicy"]?.stringValue == "Fail")
            }
        }
        let mutating = controller.mutatingWebhookConfiguration.fields["webhooks"]?.arrayValue ?? []
        #expect(!mutating.contains { $0["name"]?.stringValue == "mservice.elbv2.k8s.aws" })
    }

    @Test("a manifest with the controller synthesizes without errors or warnings of its own")
    func synthesizes() {
        let result = Manifest("lbc", namespace: "kube-system") { Self.controller }.synthesize()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        #expect(
            !result.diagnostics.all.contains { $0.message.contains("aws-load-balancer-tls") },
            "the Certificate defines the webhook Secret")
    }

    @Test("an empty cluster name or region, a bad VPC, a bad role ARN and no replicas are errors at their paths")
    func diagnostics() {
        let bad = AWSLoadBalancerController(
            clusterName: "", region: "", vpc: .id("subnet-1"), roleARN: "demo-role", replicas: 0)
        let paths = bad.manifestDiagnostics(at: "prod").map(\.path.description)
        let here = "prod/AWSLoadBalancerController/aws-load-balancer-controller"
        for field in ["clusterName", "region", "vpc", "roleARN", "replicas"] {
            #expect(paths.contains("\(here)/\(field)"), "no diagnostic for \(field): \(paths)")
        }
        var noTags = Self.controller
        noTags.vpc = .tags([:])
        #expect(noTags.manifestDiagnostics(at: "prod").map(\.path.description) == ["\(here)/vpc"])
        #expect(Self.controller.manifestDiagnostics(at: "prod").isEmpty)
    }
}
