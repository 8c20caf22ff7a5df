// swift-format-ignore-file
// Generated for the convert round trip (Tests/InfraConvertTests/ConvertedTargets.swift) by
// TerraformConverter. DO NOT EDIT: regenerate with `Scripts/regenerate-converted.sh`.
// Converted by `infra-manifest convert` from modules/iam (3 files).
// Review it: addresses and planned values match the input; comments marked `convert:` point at what
// stayed untyped (HCL text in `.raw`, `.override`) or was left out. See Documentation/Migrating.md.
// Report: escape hatch 1.

import InfraAWS
import InfraCore
import InfraTerraform

/// The Terraform module `modules/iam`, converted from `main.tf.json`, `outputs.tf.json`, `variables.tf.json`.
public enum IamModule {
    /// The module, synthesized into `modules/iam` with the stacks that call it.
    public static let module = TerraformModule(
        "iam", directory: "modules/iam",
        settings: TerraformSettings(requiredVersion: nil, requiredProviders: [RequiredProvider("aws", source: "hashicorp/aws", version: "~> 5.100")])
    ) {
        let clusterName = Variable<String>("cluster_name", description: "The cluster the roles belong to")
        clusterName
        let oidcIssuer = Variable<String>("oidc_issuer", description: "The cluster's OIDC issuer URL")
        oidcIssuer
        let oidcProviderArn = Variable<String>("oidc_provider_arn", description: "The cluster's OIDC provider ARN")
        oidcProviderArn
        let roles = Variable<[String: Value]>(
            "roles",
            type: "map(object({ namespace = string, service_account = string, managed_policy_arns = list(string), policy = string }))",
            description: "IRSA roles by key; policy is JSON or \"\""
        )
        roles
        let tags = Variable<[String: String]>("tags", description: "Tags for every resource")
        tags
        let iamRole = AWSIAMRole(
            "this",
            assumeRolePolicy: Fn.jsonencode(Expr<Value>(["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["sts:AssumeRoleWithWebIdentity"], "Principal": ["Federated": [oidcProviderArn.value.expression]], "Condition": ["StringEquals": Expression.call("zipmap", ["\(Fn.replace(oidcIssuer.value, substr: "https://", replace: "")):sub", "\(Fn.replace(oidcIssuer.value, substr: "https://", replace: "")):aud"], [["system:serviceaccount:\(Expression.eachValue.attribute("namespace")):\(Expression.eachValue.attribute("service_account"))"], ["sts.amazonaws.com"]])]]]] as Expression)),
            name: "\(clusterName.value)-\(Expression.eachKey)",
            tags: tags.value
        )
            .forEach(roles.value.expression)
        iamRole
        let iamRolePolicy = AWSIAMRolePolicy(
            "this",
            policy: Expr<String>(Expression.eachValue.attribute("policy")),
            role: iamRole[Expr<String>(Expression.eachKey)].id
        )
            .forEach(
                roles.value.filter(as: "k", "r") { k, r in Expr<Bool>(Expression.binary("!=", r.expression.attribute("policy"), "")) }.toMap { k, r in (k, r) }.expression
            )
        iamRolePolicy
        // convert: argument expansion (`...`) kept as HCL: .build/convert-roundtrip/oves-json/terraform/modules/iam/main.tf.json:20:24
        let iamRolePolicyAttachment = AWSIAMRolePolicyAttachment(
            "this",
            policyArn: Expr<String>(Expression.eachValue.attribute("arn")),
            role: iamRole[Expr<String>(Expression.eachValue.attribute("role"))].nameRef
        )
            .forEach(
                Expression.raw("merge([for k, r in var.roles : {for arn in r.managed_policy_arns : \"${k}:${arn}\" => { \"role\" = k, \"arn\" = arn }}]...)")
            )
        iamRolePolicyAttachment
        Output(
            "role_arns",
            expression: iamRole.eachInstance.mapValues(as: "k", "r") { r in r.arn }.expression,
            description: "Role ARNs by key"
        )
    }
}
