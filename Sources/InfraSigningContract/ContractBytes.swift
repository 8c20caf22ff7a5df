// The byte helpers the contract's reader and writer use on their hot paths. InfraSigV4 keeps its own
// copy internal and force-inlined: exporting it across the module boundary measurably slowed the
// signer (sigv4-bench, 50,000 requests), so the few lines are repeated here instead.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of a literal.
    @inline(__always)
    mutating func append(literal text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

/// Byte-wise helpers over raw spans.
enum Bytes {
    /// An empty span (a valid base address is not needed for zero bytes).
    static var empty: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }

    /// The span of a literal's UTF-8 bytes (static storage: valid for the life of the process).
    @inline(__always)
    static func span(_ text: StaticString) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// `true` when both spans hold the same bytes.
    @inline(__always)
    static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        if left.count <= 16 {
            var index = 0
            while index < left.count {
                if left[index] != right[index] { return false }
                index += 1
            }
            return true
        }
        guard let a = left.baseAddress, let b = right.baseAddress else { return true }
        return memcmp(a, b, left.count) == 0
    }

    /// `true` when `span` holds exactly the bytes of `text`.
    @inline(__always)
    static func equal(_ span: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        equal(span, Bytes.span(text))
    }
}
