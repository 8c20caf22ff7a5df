// Task 1, steps 4 and 5 of SigV4: canonical headers and the signed-headers list.
// Names are lower-cased, values trimmed with inner whitespace runs collapsed, repeats joined with `,`,
// and hop-by-hop or proxy-rewritten headers (user-agent, connection, …) left out, as botocore does.
// All names and values go into one reusable byte buffer (ranges are sorted, not arrays), so a request costs
// no allocation once the buffers have grown.

/// Builds the CanonicalHeaders and SignedHeaders lines of the canonical request.
struct CanonicalHeaders {
    /// `name:value\n` for every header, sorted by name, repeats joined (task 1 step 4).
    private(set) var canonical = [UInt8]()
    /// `name;name;…` (task 1 step 5).
    private(set) var signed = [UInt8]()

    /// One header as ranges of ``storage``, which holds it as `name:value\n`.
    private struct Entry {
        /// The lower-cased name.
        var name: Range<Int>
        /// The whole `name:value\n` line.
        var line: Range<Int>
    }

    private var storage = [UInt8]()
    private var entries = [Entry]()

    /// `true` for a lower-cased name that is never signed: authorization, connection, expect, keep-alive,
    /// proxy-authenticate, proxy-authorization, te, trailer, transfer-encoding, upgrade, user-agent, x-amzn-trace-id.
    static func isUnsigned(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch name.count {
        case 2: return Bytes.equal(name, "te")
        case 6: return Bytes.equal(name, "expect")
        case 7: return Bytes.equal(name, "trailer") || Bytes.equal(name, "upgrade")
        case 10:
            return Bytes.equal(name, "connection") || Bytes.equal(name, "keep-alive") || Bytes.equal(name, "user-agent")
        case 13: return Bytes.equal(name, "authorization")
        case 15: return Bytes.equal(name, "x-amzn-trace-id")
        case 17: return Bytes.equal(name, "transfer-encoding")
        case 18: return Bytes.equal(name, "proxy-authenticate")
        case 19: return Bytes.equal(name, "proxy-authorization")
        default: return false
        }
    }

    /// Forgets the previous request's headers (keeping the buffers).
    mutating func reset() {
        storage.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        canonical.removeAll(keepingCapacity: true)
        signed.removeAll(keepingCapacity: true)
    }

    /// Adds a request header: the name lower-cased, the value canonicalised; unsigned names are skipped.
    mutating func add(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
        let nameStart = storage.count
        storage.append(contentsOf: name)
        let isUnsigned = storage.withUnsafeMutableBufferPointer { bytes in
            let name = UnsafeMutableBufferPointer(rebasing: bytes[nameStart...])
            for index in name.indices where name[index] &- 65 < 26 { name[index] |= 0x20 }
            return Self.isUnsigned(UnsafeBufferPointer(name))
        }
        if isUnsigned {
            storage.removeLast(storage.count - nameStart)
            return
        }
        let nameEnd = storage.count
        storage.append(UInt8(ascii: ":"))
        Self.appendCanonicalValue(value, to: &storage)
        storage.append(UInt8(ascii: "\n"))
        entries.append(Entry(name: nameStart..<nameEnd, line: nameStart..<storage.count))
    }

    /// Adds one of the signer's own headers (`name` already lower-case, `value` already canonical).
    mutating func addOwn(name: StaticString, value: UnsafeBufferPointer<UInt8>) {
        let nameStart = storage.count
        storage.append(literal: name)
        let nameEnd = storage.count
        storage.append(UInt8(ascii: ":"))
        storage.append(contentsOf: value)
        storage.append(UInt8(ascii: "\n"))
        entries.append(Entry(name: nameStart..<nameEnd, line: nameStart..<storage.count))
    }

    /// Sorts the headers by name (stable, so repeats keep their order) and writes ``canonical`` and ``signed``.
    mutating func finish() {
        canonical.reserveCapacity(storage.count)
        storage.withUnsafeBufferPointer { bytes in
            // Insertion sort by name: a request has a handful of headers.
            if entries.count > 1 {
                for index in 1..<entries.count {
                    let entry = entries[index]
                    let name = UnsafeBufferPointer(rebasing: bytes[entry.name])
                    var slot = index
                    while slot > 0
                        && Bytes.precedes(name, UnsafeBufferPointer(rebasing: bytes[entries[slot - 1].name]))
                    {
                        entries[slot] = entries[slot - 1]
                        slot -= 1
                    }
                    if slot != index { entries[slot] = entry }
                }
            }
            var previousName = Bytes.empty
            for (index, entry) in entries.enumerated() {
                let name = UnsafeBufferPointer(rebasing: bytes[entry.name])
                if index > 0 && Bytes.equal(name, previousName) {
                    // A repeated header: its value joins the previous line's, separated by ",".
                    canonical[canonical.count - 1] = UInt8(ascii: ",")
                    canonical.append(
                        contentsOf: UnsafeBufferPointer(
                            rebasing: bytes[(entry.name.upperBound + 1)..<entry.line.upperBound]))
                } else {
                    if index > 0 { signed.append(UInt8(ascii: ";")) }
                    signed.append(contentsOf: name)
                    canonical.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[entry.line]))
                }
                previousName = name
            }
        }
    }

    /// Appends the trimmed value with each run of space, tab, CR or LF collapsed into one space.
    static func appendCanonicalValue(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        // Most values are already canonical: single spaces between words, nothing to trim.
        if isCanonicalValue(bytes) {
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

    /// `true` when `bytes` is non-empty and has no tab, CR or LF, no leading or trailing space and no two spaces
    /// in a row. Eight bytes at a time (SWAR): only words with a byte below `!` are looked at byte by byte.
    private static func isCanonicalValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 32, last != 32 else { return false }
        var previousWasSpace = false
        func check(_ range: Range<Int>) -> Bool {
            for index in range {
                let byte = bytes[index]
                if byte == 32 {
                    if previousWasSpace { return false }
                    previousWasSpace = true
                } else if byte == 9 || byte == 10 || byte == 13 {
                    return false
                } else {
                    previousWasSpace = false
                }
            }
            return true
        }
        var position = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while position + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                // Any byte below 0x21 (space or a control character) flags the word.
                if (word &- ones &* 0x21) & ~word & highs != 0 {
                    guard check(position..<position + 8) else { return false }
                } else {
                    previousWasSpace = false
                }
                position += 8
            }
        }
        return check(position..<bytes.count)
    }
}
