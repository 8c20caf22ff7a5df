// Task 1, step 2 of SigV4: the canonical URI.
// Non-S3 services normalise the path (RFC 3986 remove_dot_segments, empty segments dropped) and encode it again;
// S3 signs the wire path unchanged — its object keys are already encoded once and `//` or `..` are key text.
// Segments are kept as ranges of the path (a reusable stack), so a path costs no allocation.

/// Builds the CanonicalURI line of the canonical request.
struct CanonicalURI {
    /// The kept segments of the path being normalised (reused between requests).
    private var segments = [Range<Int>]()

    /// Appends the canonical URI of `path` to `output`.
    mutating func append(
        path: UnsafeBufferPointer<UInt8>, normalize: Bool, doubleEncode: Bool, to output: inout [UInt8]
    ) {
        guard normalize else {
            if path.isEmpty {
                output.append(UInt8(ascii: "/"))
            } else if doubleEncode {
                PercentEncoding.encode(path, keepSlash: true, to: &output)
            } else {
                output.append(contentsOf: path)
            }
            return
        }
        // Removes `.`/`..` and empty segments; keeps a trailing `/` (also after a final `.` or `..`).
        segments.removeAll(keepingCapacity: true)
        var trailingSlash = false
        var start = 0
        while start <= path.count {
            var end = start
            while end < path.count && path[end] != UInt8(ascii: "/") { end += 1 }
            let count = end - start
            if count == 0 || (count == 1 && path[start] == UInt8(ascii: ".")) {
                trailingSlash = true
            } else if count == 2 && path[start] == UInt8(ascii: ".") && path[start + 1] == UInt8(ascii: ".") {
                if !segments.isEmpty { segments.removeLast() }
                trailingSlash = true
            } else {
                segments.append(start..<end)
                trailingSlash = false
            }
            start = end + 1
        }
        output.append(UInt8(ascii: "/"))
        for (index, segment) in segments.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "/")) }
            let bytes = UnsafeBufferPointer(rebasing: path[segment])
            if doubleEncode {
                PercentEncoding.encode(bytes, keepSlash: true, to: &output)
            } else {
                output.append(contentsOf: bytes)
            }
        }
        if trailingSlash && !segments.isEmpty { output.append(UInt8(ascii: "/")) }
    }
}
