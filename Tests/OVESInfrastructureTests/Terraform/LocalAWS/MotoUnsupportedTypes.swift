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
