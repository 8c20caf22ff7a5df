// Task 1, steps 4 and 5 of SigV4: canonical headers and the signed-headers list.
// Names are lower-cased, values trimmed with inner whitespace runs collapsed, repeats joined with `,`,
// and hop-by-hop or proxy-rewritten headers (user-agent, connection, …) left out, as botocore does.
// All names and values go into one byte buffer (ranges are sorted, not arrays), so a request costs a few
// allocations rather than two per header.

/// Builds the CanonicalHeaders and SignedHeaders lines of the canonical request.
struct CanonicalHeaders {
    /// `name:value\n` for every header, sorted by name, repeats joined (task 1 step 4).
    private(set) var canonical: [UInt8]
    /// `name;name;…` (task 1 step 5).
    private(set) var signed: [UInt8]

    /// Header names never signed: they are changed by proxies or by the HTTP client after signing.
    static let unsigned: [[UInt8]] = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization",
        "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ].map { Array($0.utf8) }

    /// Lengths of the names in ``unsigned`` as a bit mask, so most names are decided by their length.
    private static let unsignedLengths: UInt64 = unsigned.reduce(0) { $0 | 1 << UInt64($1.count & 63) }

    /// `true` for a lower-cased name that is never signed.
    static func isUnsigned(_ name: ArraySlice<UInt8>) -> Bool {
        guard name.count < 64, unsignedLengths & 1 << UInt64(name.count) != 0 else { return false }
        return unsigned.contains { $0.count == name.count && $0.elementsEqual(name) }
    }

    /// One header: its lower-cased name and canonical value as ranges of the shared buffer.
    private struct Entry {
        var name: Range<Int>
        var value: Range<Int>
    }

    /// Canonicalises `headers` plus the signer's own `extra` headers (already lower-case).
    init(headers: [SigV4Header], extra: [(name: String, value: String)]) {
        var buffer = [UInt8]()
        buffer.reserveCapacity(512)
        var entries = [Entry]()
        entries.reserveCapacity(headers.count + extra.count)
        for header in headers {
            let nameStart = buffer.count
            buffer.append(contentsOf: header.name.utf8)
            for index in nameStart..<buffer.count where buffer[index] &- 65 < 26 { buffer[index] += 32 }
            if Self.isUnsigned(buffer[nameStart...]) {
                buffer.removeSubrange(nameStart...)
                continue
            }
            let valueStart = buffer.count
            Self.appendCanonicalValue(header.value, to: &buffer)
            entries.append(Entry(name: nameStart..<valueStart, value: valueStart..<buffer.count))
        }
        for header in extra {
            let nameStart = buffer.count
            buffer.append(contentsOf: header.name.utf8)
            let valueStart = buffer.count
            buffer.append(contentsOf: header.value.utf8)
            entries.append(Entry(name: nameStart..<valueStart, value: valueStart..<buffer.count))
        }
        var canonical = [UInt8]()
        canonical.reserveCapacity(buffer.count + entries.count * 2)
        var signed = [UInt8]()
        signed.reserveCapacity(buffer.count / 2)
        buffer.withUnsafeBufferPointer { bytes in
            // Stable insertion sort by name (a request has a handful of headers) keeps the original order of
            // repeated headers, which are then joined with ",".
            if entries.count > 1 {
                for index in 1..<entries.count {
                    let entry = entries[index]
                    var slot = index
                    while slot > 0 && bytes[entry.name].lexicographicallyPrecedes(bytes[entries[slot - 1].name]) {
                        entries[slot] = entries[slot - 1]
                        slot -= 1
                    }
                    if slot != index { entries[slot] = entry }
                }
            }
            for (index, entry) in entries.enumerated() {
                if index > 0 && bytes[entry.name].elementsEqual(bytes[entries[index - 1].name]) {
                    canonical.removeLast()  // the previous "\n"
                    canonical.append(UInt8(ascii: ","))
                } else {
                    if index > 0 { signed.append(UInt8(ascii: ";")) }
                    signed.append(contentsOf: bytes[entry.name])
                    canonical.append(contentsOf: bytes[entry.name])
                    canonical.append(UInt8(ascii: ":"))
                }
                canonical.append(contentsOf: bytes[entry.value])
                canonical.append(UInt8(ascii: "\n"))
            }
        }
        self.canonical = canonical
        self.signed = signed
    }

    /// Appends `name:value\n` for every header (task 1 step 4).
    func appendCanonical(to output: inout [UInt8]) {
        output.append(contentsOf: canonical)
    }

    /// Appends `name;name;…` (task 1 step 5).
    func appendSignedHeaders(to output: inout [UInt8]) {
        output.append(contentsOf: signed)
    }

    /// The trimmed value with each run of space, tab, CR or LF collapsed into one space.
    static func canonicalValue(_ value: String) -> [UInt8] {
        var output = [UInt8]()
        appendCanonicalValue(value, to: &output)
        return output
    }

    /// Appends the trimmed value with each run of space, tab, CR or LF collapsed into one space.
    static func appendCanonicalValue(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
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
            if clean && !previousWasSpace {
                output.append(contentsOf: bytes)
                return
            }
            let start = output.count
            var pendingSpace = false
            for byte in bytes {
                if byte == 32 || byte == 9 || byte == 10 || byte == 13 {
                    pendingSpace = output.count > start
                } else {
                    if pendingSpace { output.append(32) }
                    pendingSpace = false
                    output.append(byte)
                }
            }
        }
    }
}
