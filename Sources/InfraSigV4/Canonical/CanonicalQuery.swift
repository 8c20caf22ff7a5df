// Task 1, step 3 of SigV4: the canonical query string.
// Each `key=value` pair is decoded and re-encoded with SigV4's encoding, then sorted by key and value (byte order).
// Pairs that are already canonical (the usual case) are copied as they are. All names and values live in one
// reusable buffer and only their ranges are sorted, so a request costs no allocation here.

/// Builds the CanonicalQueryString line of the canonical request.
struct CanonicalQuery {
    /// One parameter: its encoded name and value as ranges of ``storage``.
    private struct Entry {
        var name: Range<Int>
        var value: Range<Int>
    }

    /// Encoded names and values of the current request.
    private var storage = [UInt8]()
    private var entries = [Entry]()
    /// Decoded bytes of a piece that needs re-encoding (reused).
    private var decoded = [UInt8]()

    /// Forgets the previous request's parameters (keeping the buffers).
    mutating func reset() {
        storage.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    /// Splits `query` on `&`, decodes and re-encodes each name and value. Empty pieces are ignored.
    mutating func add(query: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while start < query.count {
            var end = start
            var equals = -1
            while end < query.count {
                let byte = query[end]
                if byte == UInt8(ascii: "&") { break }
                if byte == UInt8(ascii: "=") && equals < 0 { equals = end }
                end += 1
            }
            if end > start {
                let nameEnd = equals < 0 ? end : equals
                let nameStart = storage.count
                appendReencoded(UnsafeBufferPointer(rebasing: query[start..<nameEnd]))
                let valueStart = storage.count
                if equals >= 0 { appendReencoded(UnsafeBufferPointer(rebasing: query[(equals + 1)..<end])) }
                entries.append(Entry(name: nameStart..<valueStart, value: valueStart..<storage.count))
            }
            start = end + 1
        }
    }

    /// Adds a parameter whose name and value are already encoded; `value` appends the value to the buffer.
    mutating func addEncoded(name: StaticString, value: (inout [UInt8]) -> Void) {
        let nameStart = storage.count
        storage.append(literal: name)
        let valueStart = storage.count
        value(&storage)
        entries.append(Entry(name: nameStart..<valueStart, value: valueStart..<storage.count))
    }

    /// Sorts by encoded name, then encoded value, and appends `name=value&…` to `output`.
    mutating func appendCanonical(to output: inout [UInt8]) {
        storage.withUnsafeBufferPointer { bytes in
            // Insertion sort: a request has a handful of parameters.
            if entries.count > 1 {
                for index in 1..<entries.count {
                    let entry = entries[index]
                    var slot = index
                    while slot > 0 && Self.precedes(entry, entries[slot - 1], in: bytes) {
                        entries[slot] = entries[slot - 1]
                        slot -= 1
                    }
                    if slot != index { entries[slot] = entry }
                }
            }
            for (index, entry) in entries.enumerated() {
                if index > 0 { output.append(UInt8(ascii: "&")) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[entry.name]))
                output.append(UInt8(ascii: "="))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[entry.value]))
            }
        }
    }

    private static func precedes(_ left: Entry, _ right: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let leftName = UnsafeBufferPointer(rebasing: bytes[left.name])
        let rightName = UnsafeBufferPointer(rebasing: bytes[right.name])
        if !Bytes.equal(leftName, rightName) { return Bytes.precedes(leftName, rightName) }
        return Bytes.precedes(
            UnsafeBufferPointer(rebasing: bytes[left.value]), UnsafeBufferPointer(rebasing: bytes[right.value]))
    }

    private mutating func appendReencoded(_ raw: UnsafeBufferPointer<UInt8>) {
        if PercentEncoding.isCanonical(raw) {
            storage.append(contentsOf: raw)
            return
        }
        decoded.removeAll(keepingCapacity: true)
        PercentEncoding.decode(raw, to: &decoded)
        decoded.withUnsafeBufferPointer { PercentEncoding.encode($0, keepSlash: false, to: &storage) }
    }
}
