// The manifest's objects by key, for duplicate and reference checks. A `[ObjectKey: Int]` kept an
// 80-byte bucket per slot (four strings, a hash and the offset) at a load of at most 3/4: 10.5 MB
// at 50,000 objects, a tenth of the process's peak. This table keeps a 4-byte offset per slot and
// compares against the keys the validator already holds.

/// Objects by ``ObjectKey``: the offset of the first object with each key, plus keys other
/// objects define (the Secret a Certificate writes) mapped to the object that defines them.
struct ObjectIndex {
    /// The objects' keys, by offset (shared with the validator, not copied).
    private let keys: [ObjectKey]
    /// Keys that are not an object's own, and the object that defines each.
    private var extraKeys: [ObjectKey] = []
    private var extraOffsets: [Int] = []
    /// Open addressing with linear probing: `empty`, an offset into `keys`, or `-2 - i` for
    /// `extraKeys[i]`.
    private var slots: [Int32]
    private static let empty: Int32 = -1
    /// The table's size is a power of two: a hash masked with this is a slot.
    private var mask: Int { slots.count - 1 }

    /// An empty index with room for `keys.count` objects and a few more keys.
    init(keys: [ObjectKey]) {
        self.keys = keys
        var size = 16
        while size < keys.count * 2 + 16 { size <<= 1 }
        slots = [Int32](repeating: Self.empty, count: size)
    }

    private func key(in slot: Int32) -> ObjectKey {
        slot >= 0 ? keys[Int(slot)] : extraKeys[Int(-2 - slot)]
    }

    private func offset(in slot: Int32) -> Int {
        slot >= 0 ? Int(slot) : extraOffsets[Int(-2 - slot)]
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func position(of key: ObjectKey) -> Int {
        var position = key.hashCode & mask
        while slots[position] != Self.empty, self.key(in: slots[position]) != key {
            position = (position + 1) & mask
        }
        return position
    }

    /// The offset of the first object with `key`, or `nil`.
    subscript(key: ObjectKey) -> Int? {
        let slot = slots[position(of: key)]
        return slot == Self.empty ? nil : offset(in: slot)
    }

    /// Adds the object at `offset` under its own key unless an earlier object has that key;
    /// returns the offset of the first object with the key (`offset` itself when it is new).
    mutating func insertObject(at offset: Int) -> Int {
        let position = position(of: keys[offset])
        if slots[position] != Self.empty { return self.offset(in: slots[position]) }
        // No growth check: ``init(keys:)`` made room for every object.
        slots[position] = Int32(offset)
        return offset
    }

    /// Maps `key` to the object at `offset` unless something has that key already.
    mutating func insertIfAbsent(_ key: ObjectKey, offset: Int) {
        let position = position(of: key)
        guard slots[position] == Self.empty else { return }
        slots[position] = Int32(-2 - extraKeys.count)
        extraKeys.append(key)
        extraOffsets.append(offset)
        growIfNeeded()
    }

    /// Keeps the table at most half full (the extra keys are not counted in ``init(keys:)``).
    private mutating func growIfNeeded() {
        let used = keys.count + extraKeys.count
        guard used * 2 > slots.count else { return }
        let old = slots
        slots = [Int32](repeating: Self.empty, count: old.count * 2)
        for slot in old where slot != Self.empty {
            var position = key(in: slot).hashCode & mask
            while slots[position] != Self.empty { position = (position + 1) & mask }
            slots[position] = slot
        }
    }
}
