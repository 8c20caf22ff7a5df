// The region, as the AWS CLI picks it: `--region`, then `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's
// `region` in the shared config. (The CLI does not ask IMDS for the region, and neither do we.) The value is only
// found here; `ExecutorSession` checks it is a valid region name, naming where it came from.

/// Finds the AWS region to use.
///
/// ```swift
/// let region = RegionResolver.resolve(explicit: options.region, context: context) ?? "us-east-1"
/// ```
public enum RegionResolver {
    /// The region, or `nil` when none is configured.
    public static func resolve(explicit: String? = nil, context: CredentialContext) -> String? {
        resolveWithSource(explicit: explicit, context: context)?.region
    }

    /// The region and the setting it came from (`--region`, `AWS_REGION`, `region of profile dev`).
    public static func resolveWithSource(
        explicit: String? = nil, context: CredentialContext
    ) -> (region: String, source: String)? {
        if let explicit, !explicit.isEmpty { return (explicit, "--region") }
        if let region = context.environment["AWS_REGION"].nonEmpty { return (region, "AWS_REGION") }
        if let region = context.environment["AWS_DEFAULT_REGION"].nonEmpty { return (region, "AWS_DEFAULT_REGION") }
        guard let config = try? context.sharedConfig(),
            let region = config.profile(context.profileName)?["region"].nonEmpty
        else { return nil }
        return (region, "region of profile \(context.profileName)")
    }
}
