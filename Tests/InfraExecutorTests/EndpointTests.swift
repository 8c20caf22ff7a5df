// Where calls go: endpoint overrides in the SDKs' order (environment, then the config file's services section and
// profile), overrides that do not parse and region names that are not host labels as errors before any request, and
// partition-aware hosts for every service, the EKS token and ARNs (aws, aws-cn, aws-us-gov, the ISO partitions).

import Foundation
import InfraExecutor
import InfraExecutorTesting
import InfraSigV4
import InfraTestSupport
import Testing

@Suite("Endpoints, regions and partitions")
struct EndpointTests {
    @Test("AWS_ENDPOINT_URL_<SERVICE> beats AWS_ENDPOINT_URL, which beats the public endpoint")
    func environmentOverrides() throws {
        let env = ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000", "AWS_ENDPOINT_URL_S3": "http://localhost:9000/"]
        #expect(
            try Endpoint.resolve(service: .s3, region: "eu-west-1", environment: env).baseURL == "http://localhost:9000"
        )
        #expect(
            try Endpoint.resolve(service: .sts, region: "eu-west-1", environment: env).baseURL
                == "http://127.0.0.1:5000")
        #expect(
            try Endpoint.resolve(service: .eks, region: "eu-west-1", environment: [:]).baseURL
                == "https://eks.eu-west-1.amazonaws.com")
        #expect(
            try Endpoint.resolve(
                service: .ssoOIDC, region: "eu-west-1",
                environment: ["AWS_ENDPOINT_URL_SSO_OIDC": "http://[::1]:8443/oidc"]
            )
            .baseURL == "http://[::1]:8443/oidc")
    }

    @Test("the config file's services section and endpoint_url come after the environment")
    func configOverrides() {
        let text = """
            [profile local]
            endpoint_url = http://localhost:4566
            services = local-services
            [services local-services]
            dynamodb =
              endpoint_url = http://localhost:8000
            s3 =
              addressing_style = path
            """
        let sections = SharedConfig(
            configProfiles: SharedConfig.parse(text, isConfig: true),
            services: ["local-services": ["dynamodb": ["endpoint_url": "http://localhost:8000"]]])
        let resolver = EndpointResolver(environment: [:], config: sections, profile: "local")
        #expect(resolver.overrides[.dynamodb]?.url == "http://localhost:8000")
        #expect(resolver.overrides[.s3]?.url == "http://localhost:4566")
        let fromEnvironment = EndpointResolver(
            environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:1"], config: sections, profile: "local")
        #expect(fromEnvironment.overrides[.dynamodb]?.source == "AWS_ENDPOINT_URL", "any variable beats the file")
        let ignored = EndpointResolver(
            environment: ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL": "http://127.0.0.1:1"],
            config: sections, profile: "local")
        #expect(ignored.overrides.isEmpty)
    }

    @Test("FIPS or dual-stack requests without an override are errors, not calls to a standard endpoint")
    func variantsNeedOverrides() throws {
        #expect(throws: ConfigurationError.self) {
            _ = try Endpoint.resolve(
                service: .sts, region: "us-gov-west-1", environment: ["AWS_USE_FIPS_ENDPOINT": "true"])
        }
        #expect(throws: ConfigurationError.self) {
            _ = try Endpoint.resolve(
                service: .s3, region: "us-east-1", environment: ["AWS_USE_DUALSTACK_ENDPOINT": "TRUE"])
        }
        let overridden = try Endpoint.resolve(
            service: .sts, region: "us-gov-west-1",
            environment: [
                "AWS_USE_FIPS_ENDPOINT": "true", "AWS_ENDPOINT_URL_STS": "https://sts.us-gov-west-1.amazonaws.com",
            ])
        #expect(overridden.host == "sts.us-gov-west-1.amazonaws.com")
        #expect(
            try Endpoint.resolve(service: .sts, region: "us-east-1", environment: ["AWS_USE_FIPS_ENDPOINT": "false"])
                .host
                == "sts.us-east-1.amazonaws.com")
    }

    @Test("a services section is read from a real config file")
    func servicesSectionFromFile() throws {
        let directory = try ExternalTools.temporaryDirectory("infra-exec")
        let config = directory.appendingPathComponent("config")
        try Data(
            "[profile dev]\nservices = dev-endpoints\nregion = eu-west-1\n[services dev-endpoints]\nsts =\n  endpoint_url = http://localhost:4567\n"
                .utf8
        ).write(to: config)
        let loaded = try SharedConfig.load(configFile: config.path, credentialsFile: "/nonexistent")
        let resolver = EndpointResolver(environment: [:], config: loaded, profile: "dev")
        #expect(try resolver.endpoint(for: .sts, region: "eu-west-1").baseURL == "http://localhost:4567")
        #expect(try resolver.endpoint(for: .s3, region: "eu-west-1").baseURL == "https://s3.eu-west-1.amazonaws.com")
    }

    static let badURLs = [
        "localhost:9000", "ftp://example.com", "http://", "http://exa mple.com", "http://user:pw@example.com",
        "http://example.com:99999", "http://example.com:0", "http://example.com/#x", "http://[::1",
        "http://exa_mple.com", "http://-bad.example.com", "https://example.com/?a=b", "http://[zz::1]/",
    ]

    @Test(
        "an endpoint override that does not parse is an error naming the variable, and nothing is sent",
        arguments: badURLs)
    func badOverrides(url: String) async throws {
        do {
            _ = try Endpoint.resolve(service: .s3, region: "us-east-1", environment: ["AWS_ENDPOINT_URL_S3": url])
            Issue.record("\(url) must be refused")
        } catch let error as ConfigurationError {
            #expect(error.message.contains("AWS_ENDPOINT_URL_S3"))
        }
        let transport = InMemoryTransport { _ in Canned.callerIdentity() }
        #expect(throws: ConfigurationError.self) {
            _ = try ExecutorSession(
                environment: [
                    "AWS_ENDPOINT_URL": url, "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s",
                    "AWS_REGION": "us-east-1", "AWS_CONFIG_FILE": "/nonexistent",
                ], transport: transport)
        }
        let client = AWSClient(
            transport: transport, credentials: TransportTests.credentials, region: "us-east-1",
            environment: ["AWS_ENDPOINT_URL": url])
        await #expect(throws: ConfigurationError.self) { _ = try await STSClient(client: client).getCallerIdentity() }
        #expect(transport.requests.isEmpty, "never a silent fall-back to the public endpoint")
    }

    static let invalidRegions = [
        "", "us-east-1.evil.example", "-us-east-1", "us-east-1-", "us east 1", "123", "a/b",
        "us-east-1#", "x" + String(repeating: "y", count: 63), "us-east-1\n",
    ]

    @Test("a region that is not a host label is refused before it reaches a host name", arguments: invalidRegions)
    func badRegions(region: String) async throws {
        #expect(!RegionName.isValid(region))
        #expect(throws: ConfigurationError.self) { _ = try Endpoint.regional(service: .sts, region: region) }
        let transport = InMemoryTransport { _ in Canned.callerIdentity() }
        if !region.isEmpty {
            do {
                _ = try ExecutorSession(
                    environment: [
                        "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s", "AWS_REGION": region,
                        "AWS_CONFIG_FILE": "/nonexistent",
                    ], transport: transport)
                Issue.record("\(region) must be refused")
            } catch let error as ConfigurationError {
                #expect(error.message.contains("AWS_REGION"))
            }
        }
        let client = AWSClient(
            transport: transport, credentials: TransportTests.credentials, region: "us-east-1", environment: [:])
        await #expect(throws: ConfigurationError.self) {
            _ = try await S3Client(client: client.inRegion(region)).headBucket("bucket")
        }
        #expect(transport.requests.isEmpty)
        #expect(throws: ConfigurationError.self) {
            _ = try EKSAuth.token(
                cluster: "c", credentials: TransportTests.credentials.value, region: region, now: Date())
        }
    }

    @Test(
        "valid region names pass",
        arguments: ["us-east-1", "cn-northwest-1", "us-gov-west-1", "eu-isoe-west-1", "local"])
    func goodRegions(region: String) {
        #expect(RegionName.isValid(region))
    }

    static let partitions: [(String, String, String)] = [
        ("us-east-1", "aws", "amazonaws.com"), ("eu-central-1", "aws", "amazonaws.com"),
        ("ap-southeast-5", "aws", "amazonaws.com"), ("mx-central-1", "aws", "amazonaws.com"),
        ("cn-north-1", "aws-cn", "amazonaws.com.cn"), ("cn-northwest-1", "aws-cn", "amazonaws.com.cn"),
        ("us-gov-west-1", "aws-us-gov", "amazonaws.com"), ("us-gov-east-1", "aws-us-gov", "amazonaws.com"),
        ("us-iso-east-1", "aws-iso", "c2s.ic.gov"), ("us-isob-east-1", "aws-iso-b", "sc2s.sgov.gov"),
        ("eu-isoe-west-1", "aws-iso-e", "cloud.adc-e.uk"), ("us-isof-south-1", "aws-iso-f", "csp.hci.ic.gov"),
        ("eusc-de-east-1", "aws-eusc", "amazonaws.eu"), ("local", "aws", "amazonaws.com"),
        ("aws-cn-global", "aws-cn", "amazonaws.com.cn"),
    ]

    @Test("every service host uses the region's partition", arguments: partitions)
    func partitionHosts(region: String, partition: String, suffix: String) throws {
        #expect(AWSPartition.of(region: region).id == partition)
        #expect(try Endpoint.regional(service: .sts, region: region).host == "sts.\(region).\(suffix)")
        #expect(try Endpoint.regional(service: .sso, region: region).host == "portal.sso.\(region).\(suffix)")
        #expect(try Endpoint.regional(service: .ssoOIDC, region: region).host == "oidc.\(region).\(suffix)")
        #expect(try EKSAuth.stsHost(region: region) == "sts.\(region).\(suffix)")
        #expect(
            AWSPartition.of(region: region).arn(service: "s3", resource: "state-bucket")
                == "arn:\(partition):s3:::state-bucket")
    }

    @Test("S3 and STS calls in China and GovCloud go to their partition's hosts")
    func partitionCalls() async throws {
        let transport = InMemoryTransport { request in
            request.url.contains("sts.") ? Canned.callerIdentity() : HTTPResponse(status: 200)
        }
        let client = AWSClient(
            transport: transport, credentials: TransportTests.credentials, region: "cn-north-1", environment: [:],
            sleep: { _ in })
        _ = try await S3Client(client: client).headBucket("state")
        _ = try await STSClient(client: client.inRegion("us-gov-west-1")).getCallerIdentity()
        let urls = transport.requests.map(\.url)
        #expect(urls == ["https://state.s3.cn-north-1.amazonaws.com.cn/", "https://sts.us-gov-west-1.amazonaws.com/"])
        #expect(transport.requests.last?.header("Authorization")?.contains("/us-gov-west-1/sts/aws4_request") == true)
    }

    @Test(
        "the EKS token is presigned for the partition's STS host and names the cluster",
        arguments: [
            ("cn-north-1", "sts.cn-north-1.amazonaws.com.cn"), ("us-gov-west-1", "sts.us-gov-west-1.amazonaws.com"),
            ("us-east-1", "sts.us-east-1.amazonaws.com"),
        ])
    func eksTokenPartition(region: String, host: String) throws {
        let token = try EKSAuth.token(
            cluster: "oves-prod", credentials: TransportTests.credentials.value, region: region,
            now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(token.hasPrefix("k8s-aws-v1."))
        var encoded = String(token.dropFirst("k8s-aws-v1.".count)).replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        while encoded.count % 4 != 0 { encoded += "=" }
        let url = String(decoding: try #require(Data(base64Encoded: encoded)), as: UTF8.self)
        #expect(url.hasPrefix("https://\(host)/?Action=GetCallerIdentity"))
        #expect(url.contains("%2F\(region)%2Fsts%2Faws4_request"))
        #expect(url.contains("X-Amz-SignedHeaders=host%3Bx-k8s-aws-id"))
    }
}
