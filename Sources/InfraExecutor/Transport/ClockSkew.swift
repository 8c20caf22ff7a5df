// The offset between the server's clock and ours, learned from a `RequestTimeTooSkewed`-style error and the
// response's `Date` header (or S3's `ServerTime`), then applied to every later signature of the client.

import Foundation

/// A shared, thread-safe clock offset in seconds (server minus local).
///
/// ```swift
/// let skew = ClockSkew(); skew.offset = 900
/// ```
public final class ClockSkew: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: TimeInterval = 0

    /// Creates a zero offset.
    public init() {}

    /// The current offset.
    public var offset: TimeInterval {
        get {
            lock.lock()
            defer { lock.unlock() }
            return seconds
        }
        set {
            lock.lock()
            seconds = newValue
            lock.unlock()
        }
    }

    /// The server's time according to an error response: S3's `<ServerTime>`, else the `Date` header.
    static func serverTime(of response: HTTPResponse) -> Date? {
        if let root = XMLNode.parse(response.body), let serverTime = root.find("ServerTime")?.text,
            let date = ISO8601.parse(serverTime)
        {
            return date
        }
        return response.header("Date").flatMap(ISO8601.parseHTTPDate)
    }
}
