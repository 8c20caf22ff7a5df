// The one list of resource types of the OVES reference that the local AWS endpoint (moto 5.2.1
// with AWS provider 5.100, through ../shared/tools/tf-apply-local) cannot serve, each with the
// reason measured on this machine. The local apply removes these types and everything that
// depends on them; `LocalAWSDocumentationTests` checks Documentation/OVESReference.md lists
// exactly these types, so the document and the tests cannot drift apart.

/// A resource type moto cannot apply, and why.
struct MotoUnsupportedType: Sendable, Hashable {
    /// The Terraform resource type, e.g. `aws_eks_addon`.
    var type: String
    /// What fails, as measured.
    var reason: String
}

extension MotoUnsupportedType {
    /// Every resource type of the reference that cannot be applied against moto.
    static let all: [MotoUnsupportedType] = [
        MotoUnsupportedType(type: "aws_eks_addon", reason: "moto has no CreateAddon (HTTP 404)"),
        MotoUnsupportedType(type: "aws_eks_access_entry", reason: "moto has no CreateAccessEntry (HTTP 404)"),
        MotoUnsupportedType(
            type: "aws_eks_access_policy_association",
            reason: "moto has no AssociateAccessPolicy, and the access entry it needs cannot be created"),
        MotoUnsupportedType(type: "aws_docdb_cluster", reason: "moto rejects engine `docdb` (InvalidParameterValue)"),
        MotoUnsupportedType(
            type: "aws_elasticache_replication_group",
            reason: "moto creates it without member clusters: read (CacheClusterNotFound) and destroy fail"),
        MotoUnsupportedType(
            type: "aws_cloudtrail", reason: "the provider's StartLogging makes moto fail with HTTP 500 (KeyError)"),
        MotoUnsupportedType(
            type: "aws_db_instance",
            reason:
                "moto gives every DB instance the same DbiResourceId; with PostgreSQL and MySQL in one region the provider's read (filter dbi-resource-id) matches both and fails: couldn't find resource"
        ),
        MotoUnsupportedType(
            type: "aws_elasticache_subnet_group",
            reason: "created, but moto has no DeleteCacheSubnetGroup (NotImplementedError, HTTP 500): destroy fails"),
        MotoUnsupportedType(
            type: "aws_efs_backup_policy",
            reason: "moto answers PutBackupPolicy with HTTP 500 (EFS file systems and mount targets apply)"),
        MotoUnsupportedType(
            type: "aws_dlm_lifecycle_policy",
            reason:
                "moto 5.2.1 has no DLM service, so tf-apply-local has no `dlm` endpoint and the provider calls the real dlm.<region>.amazonaws.com (no such host offline)"
        ),
    ]
}

/// Attributes of a resource type that moto does not read back as written, so a second plan
/// would show a change (or a replacement) although nothing changed; the local apply ignores
/// them (`lifecycle.ignore_changes` in its copy) and still applies and destroys the type.
struct MotoRoundTripGap: Sendable, Hashable {
    /// The Terraform resource type.
    var type: String
    /// The attributes moto does not return.
    var attributes: [String]
    /// What the second plan showed, as measured.
    var reason: String
}

extension MotoRoundTripGap {
    /// Every round-trip gap met by the reference's roots.
    static let all: [MotoRoundTripGap] = [
        MotoRoundTripGap(
            type: "aws_eks_cluster", attributes: ["access_config"],
            reason: "moto returns no accessConfig: bootstrap_cluster_creator_admin_permissions forces a replacement"),
        MotoRoundTripGap(
            type: "aws_eks_node_group", attributes: ["remote_access", "update_config"],
            reason:
                "moto invents remote_access (ec2_ssh_key \"eksKeypair\", forces a replacement) and returns no update_config"
        ),
        MotoRoundTripGap(
            type: "aws_launch_template", attributes: ["tag_specifications"],
            reason: "moto returns no TagSpecifications in the launch template data: update in place"),
        MotoRoundTripGap(
            type: "aws_db_parameter_group", attributes: ["parameter"],
            reason: "update in place of the TLS parameter (rds.force_ssl, require_secure_transport)"),
        MotoRoundTripGap(
            type: "aws_s3_bucket_replication_configuration", attributes: ["rule"],
            reason: "update in place of the replication rule"),
    ]
}
