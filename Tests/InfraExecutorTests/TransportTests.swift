// The request pipeline with the in-memory transport: error decoding (XML and JSON), clock-skew correction and
// signing. Retries are covered by RetryPolicyTests and RetryLoopbackTests, endpoints by EndpointTests.

import Foundation
import InfraExecutor
import InfraExecutorTesting
import Testing

@Suite("Transport and errors")
struct TransportTests {
    static let credentials = StaticCredentialSource(
        AWSCredentials(accessKeyId: "AKIDTEST", secretAccessKey: "SECRET-KEY-123", source: "test"))

    func client(_ transport: any HTTPTransport, environment: [String: String] = [:], attempts: Int = 3) -> AWSClient {
        AWSClient(
            transport: transport, credentials: Self.credentials, region: "us-east-1", environment: environment,
            retryPolicy: RetryPolicy(maxAttempts: attempts), sleep: { _ in })
    }

    @Test("query-protocol XML errors decode code, message and request id")
    func xmlError() {
        let error = AWSServiceError.decode(
            Canned.xml(
                "<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>bad sig</Message></Error><RequestId>r-9</RequestId></ErrorResponse>",
                status: 403), service: "sts")
        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.message == "bad sig")
        #expect(error.requestId == "r-9")
        #expect(error.description.contains("hint: the secret access key does not match"))
    }

    @Test("EC2 and S3 XML errors decode")
    func ec2AndS3Errors() {
        let ec2 = AWSServiceError.decode(
            Canned.xml(
                "<Response><Errors><Error><Code>AuthFailure</Code><Message>no</Message></Error></Errors><RequestID>e-1</RequestID></Response>",
                status: 401), service: "ec2")
        #expect(ec2.code == "AuthFailure")
        #expect(ec2.requestId == "e-1")
        let s3 = AWSServiceError.decode(
            Canned.xml(
                "<?xml version=\"1.0\"?><Error><Code>NoSuchBucket</Code><Message>gone</Message><RequestId>s-1</RequestId></Error>",
                status: 404), service: "s3")
        #expect(s3.code == "NoSuchBucket")
        #expect(s3.requestId == "s-1")
    }

    @Test("JSON errors decode __type and message")
    func jsonError() {
        let error = AWSServiceError.decode(
            HTTPResponse(
                status: 400, headers: [("x-amzn-RequestId", "j-1")],
                body: Array(
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\",\"message\":\"no table\"}"
                        .utf8)), service: "dynamodb")
        #expect(error.code == "ResourceNotFoundException")
        #expect(error.message == "no table")
        #expect(error.requestId == "j-1")
    }

    @Test("an empty error body falls back to the status")
    func emptyBody() {
        #expect(AWSServiceError.decode(HTTPResponse(status: 404), service: "s3").code == "NotFound")
    }

    @Test("RequestTimeTooSkewed re-signs once with the server's clock")
    func clockSkewCorrection() async throws {
        let serverNow = Date().addingTimeInterval(3600)
        let serverDate = Self.httpDate(serverNow)
        let transport = InMemoryTransport { request in
            let amzDate = request.header("X-Amz-Date") ?? ""
            let hour = Int(amzDate.dropFirst(9).prefix(2)) ?? -1
            let serverHour =
                Calendar(identifier: .gregorian).dateComponents(
                    in: TimeZone(identifier: "UTC") ?? .current, from: serverNow
                ).hour ?? -2
            if hour == serverHour { return Canned.callerIdentity() }
            return Canned.xml(
                "<ErrorResponse><Error><Code>RequestTimeTooSkewed</Code><Message>skewed</Message></Error></ErrorResponse>",
                status: 403, headers: [("Date", serverDate)])
        }
        let skewed = client(transport)
        let identity = try await STSClient(client: skewed).getCallerIdentity()
        #expect(identity.account == "123456789012")
        #expect(transport.requests.count == 2)
        #expect(abs(skewed.clockSkew.offset - 3600) < 120)
    }

    @Test("requests are signed for the resolved region and service")
    func requestsAreSigned() async throws {
        let transport = InMemoryTransport { _ in Canned.callerIdentity() }
        _ = try await STSClient(client: client(transport)).getCallerIdentity()
        let authorization = try #require(transport.requests.first?.header("Authorization"))
        #expect(authorization.contains("/us-east-1/sts/aws4_request"))
        #expect(authorization.contains("SignedHeaders=content-type;host;x-amz-date"))
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
