// Name resolution for the one place the executor must know where a name points before it sends a secret: the
// container credentials endpoint. `getaddrinfo` blocks, so it runs on a Dispatch thread, never on a cooperative one.

import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves host names to numeric addresses.
///
/// ```swift
/// let addresses = try await HostResolver.system("localhost")  // ["127.0.0.1", "::1"]
/// ```
public enum HostResolver {
    /// Every IPv4 and IPv6 address `host` resolves to, as text (`127.0.0.1`, `::1`); an error when none.
    public static let system: @Sendable (String) async throws -> [String] = { host in
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try resolve(host) })
            }
        }
    }

    private static func resolve(_ host: String) throws -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            throw CredentialError("cannot resolve host \(host.debugSafe): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            if let text = numericHost(current.pointee), !addresses.contains(text) { addresses.append(text) }
            node = current.pointee.ai_next
        }
        guard !addresses.isEmpty else { throw CredentialError("host \(host.debugSafe) has no addresses") }
        return addresses
    }

    private static func numericHost(_ info: addrinfo) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        let status = getnameinfo(
            info.ai_addr, info.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST)
        guard status == 0 else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Drop an IPv6 zone (`fe80::1%eth0`): it is not part of the address the checks compare.
        return text.split(separator: "%", maxSplits: 1).first.map(String.init)
    }
}
