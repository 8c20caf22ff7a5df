// Derived signing keys looked up by the raw bytes of (access key id, secret, date, region, service): the batch
// signer's counterpart of `SigV4SigningKeyCache`, without building a `String` (or any buffer) per lookup.
// Consecutive requests often share a scope, so the last key is checked first.

/// A cache of derived signing keys keyed by credential and scope bytes.
package struct SigningKeyTable {
    private struct Entry {
        /// Access key id, secret, date stamp, region and service, one after the other.
        var fields: [UInt8]
        /// Where each of the five fields ends in ``fields``.
        var ends: (Int, Int, Int, Int, Int)
        var key: HMACSHA256Key

        /// `true` when the entry was derived for exactly these fields.
        func matches(
            _ fields: (
                UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>,
                UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>
            )
        ) -> Bool {
            self.fields.withUnsafeBufferPointer { stored in
                func field(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: stored[start..<end])
                }
                return Bytes.equal(field(0, ends.0), fields.0) && Bytes.equal(field(ends.0, ends.1), fields.1)
                    && Bytes.equal(field(ends.1, ends.2), fields.2) && Bytes.equal(field(ends.2, ends.3), fields.3)
                    && Bytes.equal(field(ends.3, ends.4), fields.4)
            }
        }
    }

    private var entries = [Entry]()
    /// Hash of an entry's fields → its index.
    private var index = [UInt64: Int]()
    private var last = -1
    /// `false` derives the key for every request (as botocore does; for comparisons).
    private let reuse: Bool

    /// Creates an empty table; `reuse: false` makes it derive a fresh key on every lookup.
    package init(reuse: Bool = true) {
        self.reuse = reuse
    }

    /// The signing key of `request`'s credentials and scope, derived on first use.
    package mutating func key(for request: RawSigningRequest, secret: UnsafeBufferPointer<UInt8>) -> HMACSHA256Key {
        guard reuse else {
            return SigV4SigningKey.derive(
                secret: secret, dateStamp: request.dateStamp, region: request.region, service: request.service)
        }
        let fields = (request.accessKeyId, secret, request.dateStamp, request.region, request.service)
        if last >= 0 && entries[last].matches(fields) { return entries[last].key }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        Self.mix(fields.0, into: &hash)
        Self.mix(fields.1, into: &hash)
        Self.mix(fields.2, into: &hash)
        Self.mix(fields.3, into: &hash)
        Self.mix(fields.4, into: &hash)
        if let found = index[hash], entries[found].matches(fields) {
            last = found
            return entries[found].key
        }
        let key = SigV4SigningKey.derive(
            secret: secret, dateStamp: request.dateStamp, region: request.region, service: request.service)
        if index[hash] == nil {
            var stored = [UInt8]()
            stored.append(contentsOf: fields.0)
            let end0 = stored.count
            stored.append(contentsOf: fields.1)
            let end1 = stored.count
            stored.append(contentsOf: fields.2)
            let end2 = stored.count
            stored.append(contentsOf: fields.3)
            let end3 = stored.count
            stored.append(contentsOf: fields.4)
            index[hash] = entries.count
            last = entries.count
            entries.append(Entry(fields: stored, ends: (end0, end1, end2, end3, stored.count), key: key))
        }
        return key
    }

    /// Mixes `bytes` (and their length) into `hash`, eight bytes at a time.
    private static func mix(_ bytes: UnsafeBufferPointer<UInt8>, into hash: inout UInt64) {
        hash = (hash ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15
        let raw = UnsafeRawBufferPointer(bytes)
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
    }
}
