// One heap box for the fields of a block that is copied far more often than it is changed:
// a `ResourceBlock` is copied from the user's stack into the configuration index, the resolved
// model and the aspects' tables, and boxed a copy is one retain instead of 216 bytes with a
// retain per field. InfraKubernetes has the same box for its generated structs; each module
// keeps its own because a box shared across the module boundary stayed unspecialized in the
// generated Kubernetes code (measured: k8s-scale-5000 62.6 → 69.3 ms; Performance.md).

/// A value kept in a shared heap box until a copy of it is changed.
///
/// The box is a `ManagedBuffer` whose header is the value, reached through its header pointer:
/// a class's stored property would be checked for exclusive access at run time on every read.
struct BlockStorage<Fields: Sendable & Hashable>: @unchecked Sendable, Hashable {
    // Sendable: the box is written only through `fields`' `_modify`, after `isKnownUniquelyReferenced`
    // made sure no other copy shares it, so a box that is shared is never written.
    private var box: ManagedBuffer<Fields, UInt8>

    /// Boxes `fields`.
    init(_ fields: Fields) {
        box = ManagedBuffer<Fields, UInt8>.create(minimumCapacity: 0) { _ in fields }
    }

    /// The boxed value's storage; valid while `box` holds the box.
    private var pointer: UnsafeMutablePointer<Fields> {
        box.withUnsafeMutablePointerToHeader { $0 }
    }

    /// The boxed fields; changing them first gives this copy a box of its own if the box is shared.
    var fields: Fields {
        _read { yield pointer.pointee }
        _modify {
            if !isKnownUniquelyReferenced(&box) { self = BlockStorage(pointer.pointee) }
            yield &pointer.pointee
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.box === rhs.box || lhs.fields == rhs.fields
    }

    func hash(into hasher: inout Hasher) { fields.hash(into: &hasher) }
}
