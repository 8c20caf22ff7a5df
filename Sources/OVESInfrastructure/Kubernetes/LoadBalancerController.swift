// The AWS Load Balancer Controller of each OVES cluster: it owns the NLBs of the NGINX front door
// and the HAProxy TCP router (`loadBalancerClass: service.k8s.aws/nlb`). Its CRDs are upstream's
// (vendored, read with `Include`); the controller objects are the library's typed transcription of
// the chart, bound to the IRSA role the environment root creates and to the VPC by its Name tag.

import InfraKubernetes

/// The AWS Load Balancer Controller of one OVES cluster.
struct LoadBalancerController {
    /// The environment (cluster name, region, VPC, IRSA role).
    var environment: OVESEnvironment
    /// The AWS account of the IRSA role.
    var accountID: String

    /// Upstream v2.17.1 `crds.yaml`: TargetGroupBinding, IngressClassParams, ALBTargetControlConfig and
    /// GlobalAccelerator (no Gateway API CRDs: OVES routes are Ingresses, and the controller's Gateway
    /// half stays off without them).
    var crds: Include { Include(resource: AWSLoadBalancerControllerRelease.crdsResource, in: .module) }

    /// The controller: the cluster's name, region and VPC Name tag from the environment, the
    /// role Terraform creates (`<cluster>-aws-load-balancer-controller`), the pinned image.
    var controller: AWSLoadBalancerController {
        let role = environment.loadBalancerControllerRole
        return AWSLoadBalancerController(
            clusterName: environment.clusterName, region: environment.region,
            vpc: .tags(["Name": environment.vpcNameTag]), roleARN: role.arn(accountID: accountID),
            namespace: role.namespace, name: role.serviceAccountName, image: AWSLoadBalancerControllerRelease.image)
    }

    /// The controller's pods, which ask Prometheus to scrape them (the chart's annotations).
    var scrapedPods: [PrometheusServer.AnnotatedPods] {
        [controller.deployment].compactMap(PrometheusServer.AnnotatedPods.init)
    }

    /// CRDs first, then the controller.
    var content: ObjectGroup {
        ObjectGroup {
            crds
            controller
        }
    }
}
