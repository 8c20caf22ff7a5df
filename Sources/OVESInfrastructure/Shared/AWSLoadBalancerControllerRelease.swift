// The AWS Load Balancer Controller release both halves of OVES use: the image the manifests run,
// and the upstream files vendored in Vendor/aws-load-balancer-controller (see its README) — the
// IAM policy the environment roots give the controller's IRSA role, and the CRDs the manifests
// include. One place, so the role, the CRDs and the image never drift apart.

import Foundation
import InfraAWS
import InfraTerraform

/// The pinned AWS Load Balancer Controller release and its vendored upstream files.
///
/// ```swift
/// AWSLoadBalancerControllerRelease.image                 // "public.ecr.aws/eks/aws-load-balancer-controller:v2.17.1"
/// try AWSLoadBalancerControllerRelease.loadIAMPolicy()    // upstream docs/install/iam_policy.json, typed
/// ```
public enum AWSLoadBalancerControllerRelease {
    /// The controller version (the last release of the v2 line; see the vendored README for why not v3).
    public static let version = "v2.17.1"
    /// The pinned image.
    public static let image = "public.ecr.aws/eks/aws-load-balancer-controller:\(version)"
    /// The vendored folder, inside the module's resources.
    static let folder = "Vendor/aws-load-balancer-controller"
    /// Upstream `docs/install/iam_policy.json`, unchanged.
    public static let iamPolicyResource = "\(folder)/iam_policy.json"
    /// Upstream `helm/aws-load-balancer-controller/crds/crds.yaml` at the tag (TargetGroupBinding,
    /// IngressClassParams, ALBTargetControlConfig, GlobalAccelerator), unchanged.
    public static let crdsResource = "\(folder)/crds.yaml"
    /// The IRSA role's short name; Terraform names it `<cluster>-aws-load-balancer-controller`.
    public static let roleName = "aws-load-balancer-controller"
    /// The controller's namespace and ServiceAccount (the chart's defaults, which upstream's IRSA docs trust).
    public static let namespace = "kube-system"
    /// The ServiceAccount's name.
    public static let serviceAccount = "aws-load-balancer-controller"

    /// The vendored file's bytes.
    static func data(_ resource: String) throws -> Data {
        let path = resource as NSString
        guard
            let url = Bundle.module.url(
                forResource: (path.lastPathComponent as NSString).deletingPathExtension,
                withExtension: path.pathExtension, subdirectory: path.deletingLastPathComponent)
        else { throw IAMPolicyDocument.JSONError(description: "the module has no resource \(resource)") }
        return try Data(contentsOf: url)
    }

    /// The controller's least-privilege policy as upstream publishes it, read into a typed document.
    public static func loadIAMPolicy() throws -> IAMPolicyDocument {
        try IAMPolicyDocument(json: data(iamPolicyResource))
    }

    /// The read-only EC2 calls the pinned release makes that the vendored policy file (an older
    /// revision; see the vendor README) does not grant. Read-only calls on `*` like the file's own.
    public static let missingReadActions = ["ec2:DescribeIpamPools", "ec2:DescribeRouteTables"]

    /// The role's policy: the vendored file, plus one statement with ``missingReadActions``.
    public static func loadRolePolicy() throws -> IAMPolicyDocument {
        var policy = try loadIAMPolicy()
        policy.statements.append(
            IAMStatement(
                sid: "ReleaseReadsNotInVendoredPolicy", effect: .allow,
                actions: missingReadActions.map { Expr(stringLiteral: $0) }, resources: ["*"]))
        return policy
    }

    /// The role's policy, or `nil` when the vendored file cannot be read (the role then "grants
    /// nothing", which `WorkloadRoles` reports as an error, so nothing is written). Read once per
    /// process: the bundle's file does not change while it runs, and each environment root asks.
    static let iamPolicy: IAMPolicyDocument? = try? loadRolePolicy()
}
