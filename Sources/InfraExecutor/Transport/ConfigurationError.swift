// A setting the executor cannot use as given: an endpoint URL that does not parse, a region that is not a host
// label, an unknown retry mode. Raised before any request is sent, naming the setting and where it came from.

/// A configuration value that cannot be used.
///
/// ```swift
/// throw ConfigurationError("AWS_ENDPOINT_URL_S3 is not a URL: \"localhost:9000\" (expected http:// or https://)")
/// ```
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The explanation, naming the setting and its source.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The explanation.
    public var description: String { message }
}
