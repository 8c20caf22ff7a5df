// AWS error responses decoded into one typed error: code, message, request id and HTTP status.
// Handles the query/REST-XML shapes (`<ErrorResponse><Error>`, S3's `<Error>`, EC2's `<Response><Errors>`)
// and the JSON shapes (`__type` / `code`, `message` / `Message`, `x-amzn-ErrorType`).

import Foundation
import InfraCore

/// An error returned by an AWS service.
///
/// ```swift
/// catch let error as AWSServiceError where error.code == "NoSuchBucket" { … }
/// ```
public struct AWSServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error code, e.g. `SignatureDoesNotMatch`, `ThrottlingException`, `NoSuchBucket`.
    public var code: String
    /// The service's message.
    public var message: String
    /// The request id (`x-amzn-RequestId`, `x-amz-request-id` or the body's `RequestId`).
    public var requestId: String?
    /// The HTTP status.
    public var status: Int
    /// The service that answered (e.g. `s3`).
    public var service: String
    /// The region S3 says a bucket is in (`x-amz-bucket-region`), for redirects and refusals.
    public var bucketRegion: String?

    /// Creates an error.
    public init(
        code: String, message: String, requestId: String?, status: Int, service: String, bucketRegion: String? = nil
    ) {
        self.code = code
        self.message = message
        self.requestId = requestId
        self.status = status
        self.service = service
        self.bucketRegion = bucketRegion
    }

    /// `service: Code (HTTP n): message [request id …]` plus a hint for credential errors.
    public var description: String {
        var text = "\(service): \(code) (HTTP \(status))"
        if !message.isEmpty { text += ": \(message)" }
        if let requestId { text += " [request id \(requestId)]" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    /// A next step for the common credential failures.
    public var hint: String? {
        switch code {
        case "SignatureDoesNotMatch":
            return "the secret access key does not match the access key id; check AWS_SECRET_ACCESS_KEY or the profile"
        case "InvalidClientTokenId", "InvalidAccessKeyId", "UnrecognizedClientException":
            return "the access key id is unknown to AWS; check AWS_ACCESS_KEY_ID or the profile"
        case "ExpiredToken", "ExpiredTokenException", "RequestExpired":
            return "the session credentials expired; refresh them (e.g. aws sso login) and retry"
        case "AuthFailure": return "AWS could not validate the credentials (wrong key or secret)"
        case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation":
            return "the caller is not allowed to do this; check its IAM policies"
        default: return nil
        }
    }

    /// Codes that mean "slow down" (botocore `retries/standard.py`, `ThrottledRetryableChecker`).
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Codes of transient failures (botocore `TransientRetryableChecker`).
    static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"]

    /// HTTP statuses of transient failures (botocore `TransientRetryableChecker`; 501 and 505 are not transient).
    static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    /// Codes that mean the client clock is off.
    static let clockSkewCodes: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException", "SignatureDoesNotMatch",
        "AuthFailure", "RequestInTheFuture",
    ]

    /// `true` for throttling: a throttling code, or HTTP 429 without one (as the Java SDK v2's `RetryUtils`).
    public var isThrottling: Bool { Self.throttlingCodes.contains(code) || status == 429 }

    /// `true` for transient failures: a transient code, HTTP 500/502/503/504, or STS `IDPCommunicationError`
    /// (botocore `special.RetryIDPCommunicationError`).
    public var isTransient: Bool {
        Self.transientCodes.contains(code) || Self.transientStatuses.contains(status)
            || (service == "sts" && code == "IDPCommunicationError")
    }

    /// `true` when the standard retry mode retries this error (throttling or transient); never for other 4xx.
    public var isRetryable: Bool { isThrottling || isTransient }

    /// `true` for the errors AWS returns when the request time is off (`RequestTimeTooSkewed`, …).
    public var isClockSkew: Bool { Self.clockSkewCodes.contains(code) }

    /// Decodes an error response; falls back to the HTTP status when the body has no recognisable shape.
    public static func decode(_ response: HTTPResponse, service: String) -> AWSServiceError {
        var error = decodeBody(response, service: service)
        error.bucketRegion = response.header("x-amz-bucket-region")
        return error
    }

    private static func decodeBody(_ response: HTTPResponse, service: String) -> AWSServiceError {
        let headerRequestId =
            response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
            ?? response.header("x-amzn-requestid")
        let trimmed = response.text.trimmingWhitespace()
        if trimmed.hasPrefix("{"), let object = try? JSONReader.read(response.body), object.objectValue != nil {
            var code =
                object["__type"]?.stringValue ?? object["code"]?.stringValue ?? object["Code"]?.stringValue
                ?? response.header("x-amzn-ErrorType") ?? "HTTP\(response.status)"
            if let hash = code.lastIndex(of: "#") { code = String(code[code.index(after: hash)...]) }
            if let colon = code.firstIndex(of: ":") { code = String(code[..<colon]) }
            let message = object["message"]?.stringValue ?? object["Message"]?.stringValue ?? ""
            return AWSServiceError(
                code: code, message: message, requestId: headerRequestId, status: response.status, service: service)
        }
        if trimmed.hasPrefix("<"), let root = XMLNode.parse(response.body), let error = root.find("Error") {
            let code = error.child("Code")?.text ?? "HTTP\(response.status)"
            let message = error.child("Message")?.text ?? ""
            let requestId = root.find("RequestId")?.text ?? root.find("RequestID")?.text ?? headerRequestId
            return AWSServiceError(
                code: code, message: message, requestId: requestId, status: response.status, service: service)
        }
        var code = response.header("x-amzn-ErrorType") ?? defaultCode(status: response.status)
        if let colon = code.firstIndex(of: ":") { code = String(code[..<colon]) }
        return AWSServiceError(
            code: code, message: trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed,
            requestId: headerRequestId, status: response.status, service: service)
    }

    private static func defaultCode(status: Int) -> String {
        switch status {
        case 301: return "PermanentRedirect"
        case 400: return "BadRequest"
        case 403: return "Forbidden"
        case 404: return "NotFound"
        case 409: return "Conflict"
        case 429: return "TooManyRequestsException"
        case 500...599: return "InternalError"
        default: return "HTTP\(status)"
        }
    }
}
