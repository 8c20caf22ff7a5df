// Endpoint overrides, in the SDKs' order ("Service-specific endpoints", AWS SDKs and Tools reference guide;
// botocore `ConfiguredEndpointProvider`): `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's
// `[services …]` section (`<service> = \n  endpoint_url = …`), the profile's `endpoint_url`; none of them with
// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` (or `ignore_configured_endpoint_urls = true`). An override that does not
// parse is an error naming the setting — never a silent fall-back to the public endpoint. FIPS and dual-stack endpoints
// (`AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT`, `use_fips_endpoint`, `use_dualstack_endpoint`) are not
// derived; asking for one without an override for the service is an error rather than a call to a standard endpoint.

/// Where each service's calls go, from the environment and the shared config.
///
/// ```swift
/// let resolver = EndpointResolver(environment: ["AWS_ENDPOINT_URL_S3": "http://localhost:9000"])
/// try resolver.endpoint(for: .s3, region: "us-east-1").baseURL  // "http://localhost:9000"
/// ```
public struct EndpointResolver: Sendable, Hashable {
    /// One configured override: its text and the setting it came from.
    public struct Override: Sendable, Hashable {
        /// The URL as configured.
        public var url: String
        /// The setting, e.g. `AWS_ENDPOINT_URL_S3` or `endpoint_url of profile dev`.
        public var source: String
    }

    /// The override of each service that has one, after precedence.
    public var overrides: [AWSService: Override]
    /// The setting that asks for FIPS or dual-stack endpoints, if any (`AWS_USE_FIPS_ENDPOINT`, …).
    public var variantRequest: String?

    /// Reads the overrides from the environment and, when given, the profile's settings in `config`.
    public init(environment: [String: String], config: SharedConfig? = nil, profile: String? = nil) {
        overrides = [:]
        let settings = profile.flatMap { config?.profile($0) } ?? [:]
        variantRequest =
            [
                ("AWS_USE_FIPS_ENDPOINT", environment["AWS_USE_FIPS_ENDPOINT"]),
                ("use_fips_endpoint", settings["use_fips_endpoint"]),
                ("AWS_USE_DUALSTACK_ENDPOINT", environment["AWS_USE_DUALSTACK_ENDPOINT"]),
                ("use_dualstack_endpoint", settings["use_dualstack_endpoint"]),
            ].first { $0.1.map(Self.isTrue) == true }?.0
        let ignore =
            environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"].map(Self.isTrue)
            ?? settings["ignore_configured_endpoint_urls"].map(Self.isTrue) ?? false
        if ignore { return }
        let sectionName = settings["services"]
        let section = sectionName.flatMap { config?.services[$0] }
        let globalEnvironment = environment["AWS_ENDPOINT_URL"].nonEmpty.map {
            Override(url: $0, source: "AWS_ENDPOINT_URL")
        }
        let globalConfig = settings["endpoint_url"].nonEmpty.map {
            Override(url: $0, source: "endpoint_url of profile \(profile ?? "default")")
        }
        for service in AWSService.allCases {
            let variable = "AWS_ENDPOINT_URL_" + service.environmentSuffix
            let serviceEnvironment = environment[variable].nonEmpty.map { Override(url: $0, source: variable) }
            let serviceConfig = section?[service.configKey]?["endpoint_url"].nonEmpty.map {
                Override(url: $0, source: "endpoint_url of \(service.configKey) in [services \(sectionName ?? "")]")
            }
            overrides[service] = serviceEnvironment ?? globalEnvironment ?? serviceConfig ?? globalConfig
        }
    }

    /// The endpoint for `service` in `region`: the override, else the regional endpoint of the region's partition.
    public func endpoint(for service: AWSService, region: String) throws -> Endpoint {
        if let override = overrides[service] {
            return Endpoint(override: try Self.parse(override))
        }
        if let variantRequest {
            throw ConfigurationError(
                "\(variantRequest)=true asks for a FIPS or dual-stack endpoint, which the executor does not derive; set "
                    + "AWS_ENDPOINT_URL_\(service.environmentSuffix) (or AWS_ENDPOINT_URL) to the endpoint you need")
        }
        return try Endpoint.regional(service: service, region: region)
    }

    /// Checks every configured override parses (run before the first request).
    public func validate() throws {
        for override in Set(overrides.values).sorted(by: { $0.source < $1.source }) { _ = try Self.parse(override) }
    }

    static func parse(_ override: Override) throws -> ParsedURL {
        do {
            let url = try ParsedURL.parse(override.url)
            if let query = url.query, !query.isEmpty {
                throw ParsedURL.Failure(reason: "it has a query string")
            }
            return url
        } catch let error as ParsedURL.Failure {
            throw ConfigurationError(
                "\(override.source) is not a usable endpoint URL: \"\(override.url.debugSafe)\" — \(error.reason); "
                    + "expected http(s)://host[:port][/path]")
        }
    }

    static func isTrue(_ value: String) -> Bool { value.lowercased() == "true" }
}
