// Unit tests of the signer's building blocks: timestamps, the signing-key cache, EKS tokens, redaction.

import InfraSigV4
import Testing

@Suite("SigV4 building blocks")
struct SigV4UnitTests {
    @Test(
        "timestamps format as ISO 8601 basic in UTC",
        arguments: [
            (Int64(1_440_938_160), "20150830T123600Z"), (Int64(0), "19700101T000000Z"),
            (Int64(951_782_400), "20000229T000000Z"), (Int64(1_767_225_599), "20251231T235959Z"),
        ])
    func timestampFormats(seconds: Int64, text: String) {
        let time = SigV4Timestamp(secondsSince1970: seconds)
        #expect(time.amzDate == text)
        #expect(time.dateStamp == String(text.prefix(8)))
        #expect(SigV4Timestamp(amzDate: text)?.secondsSince1970 == seconds)
    }

    @Test("malformed timestamps are rejected", arguments: ["", "20150830", "20151330T000000Z", "2015083OT123600Z"])
    func malformedTimestamp(text: String) {
        #expect(SigV4Timestamp(amzDate: text) == nil)
    }

    @Test("a cached signing key gives the same signature as a fresh one")
    func cachedKeyMatches() {
        let credentials = SigV4Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret")
        let time = SigV4Timestamp(secondsSince1970: 1_700_000_000)
        let request = SigV4Request(method: "GET", path: "/", headers: [SigV4Header("Host", "example.com")])
        let key = SigV4SigningKey(
            credentials: credentials, dateStamp: time.dateStamp, region: "eu-west-1", service: "s3")
        let fresh = SigV4.sign(request, credentials: credentials, region: "eu-west-1", service: "s3", time: time)
        let cached = SigV4.sign(
            request, credentials: credentials, region: "eu-west-1", service: "s3", time: time, signingKey: key)
        #expect(fresh.signature == cached.signature)
        let wrongScope = SigV4.sign(
            request, credentials: credentials, region: "us-east-1", service: "s3", time: time, signingKey: key)
        let expected = SigV4.sign(request, credentials: credentials, region: "us-east-1", service: "s3", time: time)
        #expect(wrongScope.signature == expected.signature, "a key for another scope is not reused")
    }

    @Test("an EKS token is a base64url presigned STS URL naming the cluster")
    func eksTokenShape() throws {
        let credentials = SigV4Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret")
        let token = EKSToken.make(
            cluster: "prod", credentials: credentials, region: "us-east-1",
            time: SigV4Timestamp(secondsSince1970: 1_700_000_000))
        #expect(token.hasPrefix("k8s-aws-v1."))
        #expect(!token.contains("="))
        let url = String(decoding: try #require(Base64URL.decode(String(token.dropFirst(11)))), as: UTF8.self)
        #expect(url.hasPrefix("https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity"))
        #expect(url.contains("X-Amz-SignedHeaders=host%3Bx-k8s-aws-id"))
        #expect(url.contains("X-Amz-Expires=60"))
    }

    @Test("header signing returns the headers to add, token included")
    func headerModeHeaders() {
        let credentials = SigV4Credentials(accessKeyId: "ASIA1", secretAccessKey: "s", sessionToken: "tok")
        let signed = SigV4.sign(
            SigV4Request(
                method: "PUT", path: "/b/k", headers: [SigV4Header("Host", "b.s3.amazonaws.com")],
                payload: .unsigned),
            credentials: credentials, region: "us-east-1", service: "s3",
            time: SigV4Timestamp(secondsSince1970: 1_700_000_000), options: .s3)
        #expect(
            signed.headers.map(\.name) == [
                "X-Amz-Date", "X-Amz-Security-Token", "x-amz-content-sha256",
                "Authorization",
            ])
        #expect(signed.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
    }

    @Test("credentials never print their secrets")
    func credentialsAreRedacted() {
        let credentials = SigV4Credentials(accessKeyId: "AKID", secretAccessKey: "SECRET-X", sessionToken: "TOKEN-Y")
        let text = "\(credentials)"
        #expect(text.contains("AKID"))
        #expect(!text.contains("SECRET-X"))
        #expect(!text.contains("TOKEN-Y"))
    }
}
