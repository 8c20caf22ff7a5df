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

    /// Canonicalises `headers` plus the signer's own `extra` headers (already lower-case).
    init(headers: [SigV4Header], extra: [(name: String, value: String)]) {
        var collected = [(name: [UInt8], value: [UInt8])]()
        collected.reserveCapacity(headers.count + extra.count)
        for header in headers {
            var name = Array(header.name.utf8)
            for index in name.indices where name[index] >= 65 && name[index] <= 90 { name[index] += 32 }
            if Self.unsigned.contains(name) { continue }
            collected.append((name, Self.canonicalValue(header.value)))
        }
        for header in extra {
            collected.append((Array(header.name.utf8), Array(header.value.utf8)))
        }
        // Stable sort by name keeps the original order of repeated headers, which are then joined with ",".
        let order = collected.indices.sorted { left, right in
            let l = collected[left].name
            let r = collected[right].name
            if l != r { return l.lexicographicallyPrecedes(r) }
            return left < right
        }
        var merged = [(name: [UInt8], value: [UInt8])]()
        merged.reserveCapacity(order.count)
        for index in order {
            let entry = collected[index]
            if let last = merged.last, last.name == entry.name {
                merged[merged.count - 1].value.append(UInt8(ascii: ","))
                merged[merged.count - 1].value.append(contentsOf: entry.value)
            } else {
                merged.append(entry)
            }
        }
        entries = merged
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
        var output = [UInt8]()
        output.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
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
