// The region, as the AWS CLI picks it: `--region`, then `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's
// `region` in the shared config. (The CLI does not ask IMDS for the region, and neither do we.)

/// Finds the AWS region to use.
///
/// ```swift
/// let region = RegionResolver.resolve(explicit: options.region, context: context) ?? "us-east-1"
/// ```
public enum RegionResolver {
    /// The region, or `nil` when none is configured.
    public static func resolve(explicit: String? = nil, context: CredentialContext) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        if let region = context.environment["AWS_REGION"].nonEmpty { return region }
        if let region = context.environment["AWS_DEFAULT_REGION"].nonEmpty { return region }
        guard let config = try? context.sharedConfig() else { return nil }
        return config.profile(context.profileName)?["region"].nonEmpty
    }
}
