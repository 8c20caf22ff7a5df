// Value semantics with one heap box: the generated API structs with many fields keep them in a
// `CopyOnWrite` box, so copying an object (into an array, an existential, out of a cast) is one
// retain instead of a copy of every field, and a change copies the box only when it is shared.

/// A value kept in a shared heap box until a copy of it is changed.
///
/// The box is a `ManagedBuffer` whose header is the value, reached through its header pointer:
/// a class's stored property would be checked for exclusive access at run time on every read.
struct CopyOnWrite<Value: Sendable>: @unchecked Sendable {
    // Sendable: the box is written only through `value`'s `_modify`, after `isKnownUniquelyReferenced`
    // made sure no other copy shares it, so a box that is shared is never written.
    private var box: ManagedBuffer<Value, UInt8>

    /// Boxes `value`.
    init(_ value: Value) {
        box = ManagedBuffer<Value, UInt8>.create(minimumCapacity: 0) { _ in value }
    }

    /// The boxed value's storage; valid while `box` holds the box.
    private var pointer: UnsafeMutablePointer<Value> {
        box.withUnsafeMutablePointerToHeader { $0 }
    }

    /// The boxed value; changing it first gives this copy a box of its own if the box is shared.
    var value: Value {
        _read { yield pointer.pointee }
        _modify {
            if !isKnownUniquelyReferenced(&box) { self = CopyOnWrite(pointer.pointee) }
            yield &pointer.pointee
        }
    }
}
