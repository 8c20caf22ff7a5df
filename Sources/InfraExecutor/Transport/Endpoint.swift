// Which URL a service call goes to: the public AWS endpoint for the region, or an override from
// `AWS_ENDPOINT_URL_<SERVICE>` (service id upper-cased, spaces → `_`) or `AWS_ENDPOINT_URL`, as the AWS CLI does.

/// The AWS services the executor calls.
///
/// ```swift
/// AWSService.s3.signingName  // "s3"
/// ```
public enum AWSService: String, Sendable, Hashable, CaseIterable {
    /// AWS Security Token Service.
    case sts
    /// Amazon S3.
    case s3
    /// Amazon DynamoDB.
    case dynamodb
    /// Amazon EKS.
    case eks
    /// Amazon EC2.
    case ec2

    /// The SigV4 signing name.
    public var signingName: String { rawValue }

    /// The suffix of the per-service endpoint variable (`AWS_ENDPOINT_URL_<suffix>`).
    public var environmentSuffix: String { rawValue.uppercased() }
}

/// A resolved endpoint: scheme, host (with port) and whether S3 uses path-style addressing.
///
/// ```swift
/// let endpoint = Endpoint.resolve(service: .s3, region: "eu-central-1", environment: [:])
/// endpoint.baseURL  // "https://s3.eu-central-1.amazonaws.com"
/// ```
public struct Endpoint: Sendable, Hashable {
    /// `https` or `http`.
    public var scheme: String
    /// The host, with `:port` when not default.
    public var host: String
    /// Any path prefix of an override URL (without trailing `/`).
    public var basePath: String
    /// `true` when the endpoint was overridden (local emulators: path-style S3).
    public var isOverride: Bool

    /// `scheme://host`.
    public var baseURL: String { scheme + "://" + host + basePath }

    /// Resolves the endpoint of `service` in `region` with the environment's overrides.
    public static func resolve(service: AWSService, region: String, environment: [String: String]) -> Endpoint {
        let override =
            environment["AWS_ENDPOINT_URL_" + service.environmentSuffix].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["AWS_ENDPOINT_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let override, let parsed = parse(override) { return parsed }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        switch service {
        case .sts, .dynamodb, .eks, .ec2, .s3:
            return Endpoint(
                scheme: "https", host: "\(service.rawValue).\(region).\(suffix)", basePath: "", isOverride: false)
        }
    }

    /// Parses `scheme://host[:port][/path]`.
    static func parse(_ url: String) -> Endpoint? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = String(url[..<schemeEnd.lowerBound]).lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = String(rest[..<slash])
        guard !host.isEmpty else { return nil }
        var path = String(rest[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        return Endpoint(scheme: scheme, host: host, basePath: path, isOverride: true)
    }
}
