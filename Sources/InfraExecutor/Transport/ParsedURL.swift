// A strict reader of the absolute URLs users configure (`AWS_ENDPOINT_URL*`, `endpoint_url`,
// `AWS_CONTAINER_CREDENTIALS_FULL_URI`): `http` or `https`, a host that is a DNS name (labels of letters, digits and
// `-`, as botocore's `is_valid_endpoint_url`) or an IPv4 / bracketed IPv6 literal, an optional port 1–65535, then an
// optional path and query. User info, fragments, spaces and control characters are refused rather than guessed.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An absolute `http`/`https` URL split into its parts.
///
/// ```swift
/// let url = try ParsedURL.parse("http://localhost:4566/base")
/// url.host  // "localhost"
/// ```
public struct ParsedURL: Sendable, Hashable {
    /// `http` or `https` (lower-cased).
    public var scheme: String
    /// The host as written, without brackets for IPv6 (lower-cased).
    public var host: String
    /// The explicit port, if any.
    public var port: Int?
    /// The path (empty or starting with `/`).
    public var path: String
    /// The query without `?`, if any.
    public var query: String?

    /// `true` when the host is an IPv6 literal.
    public var isIPv6: Bool { host.contains(":") }

    /// The host as it goes in a URL or `Host` header: brackets around IPv6, `:port` when explicit.
    public var authority: String {
        (isIPv6 ? "[\(host)]" : host) + (port.map { ":\($0)" } ?? "")
    }

    /// Why a URL was refused.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The reason, without the URL (callers add it with the setting's name).
        public var reason: String
        /// The reason.
        public var description: String { reason }
    }

    /// Parses `text`; throws `Failure` with the reason when it is not a usable absolute http(s) URL.
    public static func parse(_ text: String) throws(Failure) -> ParsedURL {
        if text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0.value > 0x7E }) {
            throw Failure(reason: "it contains spaces, control or non-ASCII characters")
        }
        guard let schemeEnd = text.range(of: "://") else {
            throw Failure(reason: "it has no scheme (expected http:// or https://)")
        }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw Failure(reason: "scheme \"\(scheme)\" is not http or https")
        }
        var rest = text[schemeEnd.upperBound...]
        if rest.contains("#") { throw Failure(reason: "it has a fragment (#…)") }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        rest = rest[authorityEnd...]
        if authority.contains("@") { throw Failure(reason: "it has user information (user@host)") }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw Failure(reason: "an IPv6 host has no `]`") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw Failure(reason: "unexpected text after the IPv6 host") }
                portText = after.dropFirst()
            }
            guard IPAddress.parseIPv6(String(host)) != nil else {
                throw Failure(reason: "\"\(host)\" is not an IPv6 address")
            }
        } else {
            if let colon = authority.firstIndex(of: ":") {
                host = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            } else {
                host = authority
            }
            guard isHostName(host) else {
                throw Failure(reason: "\"\(host)\" is not a host name (letters, digits, `-` and `.`)")
            }
        }
        var port: Int?
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value), portText.allSatisfy(\.isASCII) else {
                throw Failure(reason: "port \"\(portText)\" is not a number from 1 to 65535")
            }
            port = value
        }
        var path = rest
        var query: String?
        if let question = rest.firstIndex(of: "?") {
            path = rest[..<question]
            query = String(rest[rest.index(after: question)...])
        }
        return ParsedURL(
            scheme: scheme, host: host.lowercased(), port: port, path: String(path), query: query)
    }

    /// DNS labels of letters, digits and inner `-`, at most 63 each and 255 in all; a trailing dot is allowed.
    static func isHostName(_ host: Substring) -> Bool {
        var host = host
        if host.hasSuffix(".") { host = host.dropLast() }
        guard !host.isEmpty, host.utf8.count <= 255 else { return false }
        return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-" else { return false }
            return label.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D
            }
        }
    }
}

/// IPv4 and IPv6 literals as bytes (`inet_pton`), for the checks that decide where a token may be sent.
///
/// ```swift
/// IPAddress.parseIPv4("127.0.0.1")  // [127, 0, 0, 1]
/// ```
public enum IPAddress {
    /// The four bytes of a dotted-quad IPv4 literal, or `nil`.
    public static func parseIPv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// The sixteen bytes of an IPv6 literal (no brackets, no zone), or `nil`.
    public static func parseIPv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }
}
