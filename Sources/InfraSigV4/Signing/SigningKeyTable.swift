// Derived signing keys looked up by the raw bytes of (access key id, secret, date, region, service): the batch
// signer's counterpart of `SigV4SigningKeyCache`, without building a `String` per field for the lookup.
// Consecutive requests usually share a scope, so the last key is checked first.

/// A cache of derived signing keys keyed by credential and scope bytes.
struct SigningKeyTable {
    private struct Entry {
        /// Length-prefixed access key id, secret, date stamp, region and service.
        var scope: [UInt8]
        var key: HMACSHA256Key
    }

    private var entries = [Entry]()
    /// FNV-1a of an entry's scope bytes → its index.
    private var index = [UInt64: Int]()
    private var last = -1
    private var scratch = [UInt8]()
    /// `false` derives the key for every request (as botocore does; for comparisons).
    private let reuse: Bool

    /// Creates an empty table; `reuse: false` makes it derive a fresh key on every lookup.
    init(reuse: Bool = true) {
        self.reuse = reuse
    }

    /// The signing key of `request`'s credentials and scope, derived on first use.
    mutating func key(for request: RawSigningRequest, secret: UnsafeBufferPointer<UInt8>) -> HMACSHA256Key {
        guard reuse else {
            return SigV4SigningKey.derive(
                secret: secret, dateStamp: request.dateStamp, region: request.region, service: request.service)
        }
        scratch.removeAll(keepingCapacity: true)
        func add(_ field: UnsafeBufferPointer<UInt8>) {
            for shift in stride(from: 0, to: 32, by: 8) {
                scratch.append(UInt8(truncatingIfNeeded: field.count >> shift))
            }
            scratch.append(contentsOf: field)
        }
        add(request.accessKeyId)
        add(secret)
        add(request.dateStamp)
        add(request.region)
        add(request.service)
        if last >= 0 && Self.equal(entries[last].scope, scratch) { return entries[last].key }
        let hash = Self.fingerprint(scratch)
        if let found = index[hash], Self.equal(entries[found].scope, scratch) {
            last = found
            return entries[found].key
        }
        let key = SigV4SigningKey.derive(
            secret: secret, dateStamp: request.dateStamp, region: request.region, service: request.service)
        if index[hash] == nil {
            index[hash] = entries.count
            last = entries.count
            entries.append(Entry(scope: scratch, key: key))
        }
        return key
    }

    private static func equal(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        left.withUnsafeBufferPointer { left in right.withUnsafeBufferPointer { Bytes.equal(left, $0) } }
    }

    /// A multiply-xorshift hash of `bytes`, eight bytes at a time.
    private static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* 0x100_0000_01b3
                offset += 1
            }
            return hash
        }
    }
}
