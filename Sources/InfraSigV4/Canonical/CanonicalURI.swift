// Task 1, step 2 of SigV4: the canonical URI.
// Non-S3 services normalise the path (RFC 3986 remove_dot_segments, empty segments dropped) and encode it again;
// S3 signs the wire path unchanged — its object keys are already encoded once and `//` or `..` are key text.

/// Builds the CanonicalURI line of the canonical request.
enum CanonicalURI {
    /// Appends the canonical URI of `path` to `output`.
    static func append(path: String, normalize: Bool, doubleEncode: Bool, to output: inout [UInt8]) {
        let raw = Array(path.utf8)
        let normalized = normalize ? normalized(raw) : raw
        if normalized.isEmpty {
            output.append(UInt8(ascii: "/"))
        } else if doubleEncode {
            PercentEncoding.encode(normalized, keepSlash: true, to: &output)
        } else {
            output.append(contentsOf: normalized)
        }
    }

    /// Removes `.`/`..` and empty segments; keeps a trailing `/` (also after a final `.` or `..`).
    static func normalized(_ path: [UInt8]) -> [UInt8] {
        var segments = [ArraySlice<UInt8>]()
        var trailingSlash = false
        for segment in path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if segment.isEmpty || (segment.count == 1 && segment.first == UInt8(ascii: ".")) {
                trailingSlash = true
                continue
            }
            if segment.count == 2 && segment.first == UInt8(ascii: ".") && segment.last == UInt8(ascii: ".") {
                if !segments.isEmpty { segments.removeLast() }
                trailingSlash = true
                continue
            }
            segments.append(segment)
            trailingSlash = false
        }
        var output: [UInt8] = [UInt8(ascii: "/")]
        output.reserveCapacity(path.count + 1)
        for (index, segment) in segments.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "/")) }
            output.append(contentsOf: segment)
        }
        if trailingSlash && !segments.isEmpty { output.append(UInt8(ascii: "/")) }
        return output
    }
}
