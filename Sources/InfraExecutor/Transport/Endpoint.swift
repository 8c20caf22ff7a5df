// Which URL a service call goes to: an override the user configured (`EndpointResolver`), else the service's
// regional endpoint in the region's partition — `https://<prefix>.<region>.<dnsSuffix>` (`sts.cn-north-1.
// amazonaws.com.cn`, `portal.sso.us-gov-west-1.amazonaws.com`). The region is checked to be a host label first.

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
    /// The IAM Identity Center (SSO) portal: GetRoleCredentials.
    case sso
    /// IAM Identity Center OIDC: CreateToken (token refresh).
    case ssoOIDC = "sso-oidc"

    /// The SigV4 signing name.
    public var signingName: String {
        switch self {
        case .sso: return "awsssoportal"
        case .ssoOIDC: return "sso-oauth"
        default: return rawValue
        }
    }

    /// The first labels of the regional host name (`sts`, `portal.sso`, `oidc`).
    public var hostPrefix: String {
        switch self {
        case .sso: return "portal.sso"
        case .ssoOIDC: return "oidc"
        default: return rawValue
        }
    }

    /// The service id of the SDK models (`S3`, `SSO OIDC`).
    public var serviceID: String {
        switch self {
        case .sts: return "STS"
        case .s3: return "S3"
        case .dynamodb: return "DynamoDB"
        case .eks: return "EKS"
        case .ec2: return "EC2"
        case .sso: return "SSO"
        case .ssoOIDC: return "SSO OIDC"
        }
    }

    /// The suffix of the per-service endpoint variable, `AWS_ENDPOINT_URL_<suffix>` (service id upper-cased,
    /// spaces as `_`: `S3`, `SSO_OIDC`).
    public var environmentSuffix: String { serviceID.uppercased().replacingSpaces(with: "_") }

    /// The key of the service in a config file's `[services …]` section (service id lower-cased, spaces as `_`).
    public var configKey: String { serviceID.lowercased().replacingSpaces(with: "_") }
}

/// A resolved endpoint: scheme, host (with port) and whether S3 uses path-style addressing.
///
/// ```swift
/// let endpoint = try Endpoint.resolve(service: .s3, region: "eu-central-1", environment: [:])
/// endpoint.baseURL  // "https://s3.eu-central-1.amazonaws.com"
/// ```
public struct Endpoint: Sendable, Hashable {
    /// `https` or `http`.
    public var scheme: String
    /// The host, with `:port` when not default (IPv6 in brackets).
    public var host: String
    /// Any path prefix of an override URL (without trailing `/`).
    public var basePath: String
    /// `true` when the endpoint was overridden (local emulators: path-style S3).
    public var isOverride: Bool

    /// Creates an endpoint.
    public init(scheme: String, host: String, basePath: String, isOverride: Bool) {
        self.scheme = scheme
        self.host = host
        self.basePath = basePath
        self.isOverride = isOverride
    }

    /// `scheme://host/basePath`.
    public var baseURL: String { scheme + "://" + host + basePath }

    /// The public regional endpoint of `service` in `region`'s partition; throws when `region` is not a valid
    /// region name.
    public static func regional(service: AWSService, region: String) throws -> Endpoint {
        try RegionName.validate(region, source: "the client's region")
        let partition = AWSPartition.of(region: region)
        return Endpoint(
            scheme: "https", host: "\(service.hostPrefix).\(region).\(partition.dnsSuffix)", basePath: "",
            isOverride: false)
    }

    /// Resolves the endpoint of `service` in `region` with the environment's overrides (`AWS_ENDPOINT_URL_<SERVICE>`,
    /// `AWS_ENDPOINT_URL`); throws when an override does not parse or the region is invalid.
    public static func resolve(service: AWSService, region: String, environment: [String: String]) throws -> Endpoint {
        try EndpointResolver(environment: environment).endpoint(for: service, region: region)
    }

    /// An override endpoint from a parsed URL (path kept, trailing `/` and query dropped).
    init(override url: ParsedURL) {
        var path = url.path
        while path.hasSuffix("/") { path.removeLast() }
        self.init(scheme: url.scheme, host: url.authority, basePath: path, isOverride: true)
    }
}

extension String {
    /// The string with every space replaced by `replacement`.
    func replacingSpaces(with replacement: String) -> String {
        split(separator: " ", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
