// Task 1, steps 4 and 5 of SigV4: canonical headers and the signed-headers list.
// Names are lower-cased, values trimmed with inner whitespace runs collapsed, repeats joined with `,`,
// and hop-by-hop or proxy-rewritten headers (user-agent, connection, …) left out, as botocore does.

/// Builds the CanonicalHeaders and SignedHeaders lines of the canonical request.
struct CanonicalHeaders {
    /// `(lower-cased name, canonical value)` sorted by name, repeats already joined.
    var entries: [(name: [UInt8], value: [UInt8])]

    /// Header names never signed: they are changed by proxies or by the HTTP client after signing.
    static let unsigned: Set<[UInt8]> = Set(
        [
            "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
        ].map { Array($0.utf8) })

    /// Lengths of the names in ``unsigned`` as a bit mask, so most names skip the set lookup.
    private static let unsignedLengths: UInt64 = unsigned.reduce(0) { $0 | 1 << UInt64($1.count & 63) }

    /// `true` for a lower-cased name that is never signed.
    static func isUnsigned(_ name: [UInt8]) -> Bool {
        name.count < 64 && unsignedLengths & 1 << UInt64(name.count) != 0 && unsigned.contains(name)
    }

    /// Canonicalises `headers` plus the signer's own `extra` headers (already lower-case).
    init(headers: [SigV4Header], extra: [(name: String, value: String)]) {
        var collected = [(name: [UInt8], value: [UInt8])]()
        collected.reserveCapacity(headers.count + extra.count)
        for header in headers {
            var name = Array(header.name.utf8)
            name.withUnsafeMutableBufferPointer { bytes in
                for index in bytes.indices where bytes[index] &- 65 < 26 { bytes[index] += 32 }
            }
            if Self.isUnsigned(name) { continue }
            collected.append((name, Self.canonicalValue(header.value)))
        }
        for header in extra {
            collected.append((Array(header.name.utf8), Array(header.value.utf8)))
        }
        // Stable insertion sort by name (a request has a handful of headers) keeps the original order of
        // repeated headers, which are then joined with ",".
        if collected.count > 1 {
            for index in 1..<collected.count {
                let entry = collected[index]
                var slot = index
                while slot > 0 && entry.name.lexicographicallyPrecedes(collected[slot - 1].name) {
                    collected[slot] = collected[slot - 1]
                    slot -= 1
                }
                if slot != index { collected[slot] = entry }
            }
        }
        var merged = 0
        for index in collected.indices {
            if merged > 0 && collected[merged - 1].name == collected[index].name {
                collected[merged - 1].value.append(UInt8(ascii: ","))
                collected[merged - 1].value.append(contentsOf: collected[index].value)
            } else {
                if merged != index { collected[merged] = collected[index] }
                merged += 1
            }
        }
        collected.removeLast(collected.count - merged)
        entries = collected
    }

    /// Appends `name:value\n` for every header (task 1 step 4).
    func appendCanonical(to output: inout [UInt8]) {
        for entry in entries {
            output.append(contentsOf: entry.name)
            output.append(UInt8(ascii: ":"))
            output.append(contentsOf: entry.value)
            output.append(UInt8(ascii: "\n"))
        }
    }

    /// Appends `name;name;…` (task 1 step 5).
    func appendSignedHeaders(to output: inout [UInt8]) {
        for (index, entry) in entries.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ";")) }
            output.append(contentsOf: entry.name)
        }
    }

    /// Trims the value and collapses each run of space, tab, CR or LF into one space.
    static func canonicalValue(_ value: String) -> [UInt8] {
        var value = value
        return value.withUTF8 { bytes in
            // Most values are already canonical: single spaces between words, nothing to trim.
            var previousWasSpace = true
            var clean = true
            for byte in bytes {
                if byte == 32 {
                    if previousWasSpace {
                        clean = false
                        break
                    }
                    previousWasSpace = true
                } else if byte == 9 || byte == 10 || byte == 13 {
                    clean = false
                    break
                } else {
                    previousWasSpace = false
                }
            }
            if clean && !previousWasSpace { return Array(bytes) }
            var output = [UInt8]()
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte == 32 || byte == 9 || byte == 10 || byte == 13 {
                    pendingSpace = !output.isEmpty
                } else {
                    if pendingSpace { output.append(32) }
                    pendingSpace = false
                    output.append(byte)
                }
            }
            return output
        }
    }
}
