// A failure to get any HTTP response, classified the way the AWS SDKs' standard retry mode needs it:
// connection failures and timeouts are transient (retried), TLS failures and unusable requests are not.
// Cancellation is never a `TransportError`: a cancelled call throws `CancellationError`.

/// No HTTP response arrived (connection refused or reset, timeout, TLS failure, unusable request).
///
/// ```swift
/// throw TransportError(message: "connection refused", kind: .connection)
/// ```
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why no response arrived.
    public enum Kind: String, Sendable, Hashable {
        /// The connection could not be made or broke (refused, reset, closed early). Retried.
        case connection
        /// No response within the attempt's time limit (connect, read or overall). Retried, at a higher quota cost.
        case timeout
        /// The TLS handshake or certificate check failed. Never retried: the next attempt would fail the same way.
        case tls
        /// The request cannot be sent (bad URL, unsupported scheme). Never retried.
        case invalidRequest
    }

    /// What went wrong (never a query string, header or body).
    public var message: String
    /// The classification the retry policy uses.
    public var kind: Kind

    /// Creates a transport error of `kind`.
    public init(message: String, kind: Kind) {
        self.message = message
        self.kind = kind
    }

    /// Creates a connection error, or a timeout when `isTimeout`.
    public init(message: String, isTimeout: Bool = false) {
        self.init(message: message, kind: isTimeout ? .timeout : .connection)
    }

    /// `true` when the request timed out.
    public var isTimeout: Bool { kind == .timeout }

    /// `true` for the transient kinds the standard retry mode retries (connection failures and timeouts).
    public var isTransient: Bool { kind == .connection || kind == .timeout }

    /// The message with its kind.
    public var description: String {
        switch kind {
        case .connection: return "connection failed: \(message)"
        case .timeout: return "request timed out: \(message)"
        case .tls: return "TLS failure: \(message)"
        case .invalidRequest: return "request not sent: \(message)"
        }
    }
}
