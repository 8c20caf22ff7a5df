// The API server's syntax rules for names, label keys and values, annotation keys and
// port names (k8s.io/apimachinery/pkg/util/validation), as pure functions returning the
// problem in words, or nil when the text is valid.

/// Kubernetes name and label syntax checks; each returns why the text is invalid, or `nil`.
///
/// ```swift
/// NameRules.dns1123Label("Prod")   // "must consist of lower case alphanumeric characters or '-', …"
/// ```
public enum NameRules {
    /// Which rule an object's `metadata.name` follows.
    public enum NameKind: Sendable, Hashable {
        /// RFC 1123 subdomain: at most 253 characters of `a-z`, `0-9`, `-`, `.` (most kinds).
        case dns1123Subdomain
        /// RFC 1123 label: at most 63 characters of `a-z`, `0-9`, `-` (Namespace).
        case dns1123Label
        /// RFC 1035 label: an RFC 1123 label that starts with a letter (Service).
        case dns1035Label
        /// A path segment: anything but `.`, `..`, `/` and `%` (RBAC roles and bindings).
        case pathSegment
    }

    /// The name rule of a kind, as the API server applies it.
    public static func nameKind(for kind: String) -> NameKind {
        switch kind {
        case "Namespace": .dns1123Label
        case "Service": .dns1035Label
        case "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding": .pathSegment
        default: .dns1123Subdomain
        }
    }

    /// Checks `name` against `rule`.
    public static func check(_ name: String, _ rule: NameKind) -> String? {
        switch rule {
        case .dns1123Subdomain: dns1123Subdomain(name)
        case .dns1123Label: dns1123Label(name)
        case .dns1035Label: dns1035Label(name)
        case .pathSegment: pathSegment(name)
        }
    }

    // Fast paths: most names are short ASCII and valid, so each rule first checks the UTF-8
    // bytes without allocating and answers `nil` at once; anything else takes the slow path,
    // which words the problem.

    @inline(__always)
    private static func isLowerAlphanumericByte(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || (0x30...0x39).contains(b)
    }

    @inline(__always)
    private static func isAlphanumericByte(_ b: UInt8) -> Bool {
        isLowerAlphanumericByte(b) || (0x41...0x5A).contains(b)
    }

    /// Whether `text` is a valid RFC 1123 label, checked on its bytes.
    private static func isSimpleDNS1123Label(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, utf8.count <= 63,
            isLowerAlphanumericByte(first), isLowerAlphanumericByte(last)
        else { return false }
        return allBytes(of: text) { isLowerAlphanumericByte($0) || $0 == 0x2D }
    }

    /// Whether every UTF-8 byte of `text` passes `accept`, read as one buffer when the string
    /// has one (stepping through `String.UTF8View` costs an index check per byte).
    @inline(__always)
    private static func allBytes(of text: String, _ accept: (UInt8) -> Bool) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(accept) } ?? text.utf8.allSatisfy(accept)
    }

    /// Whether `text` is a valid RFC 1123 subdomain, checked on its bytes.
    private static func isSimpleDNS1123Subdomain(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count <= 253 else { return false }
        var labelLength = 0
        var previous: UInt8 = 0x2E
        for byte in utf8 {
            if byte == 0x2E {
                guard isLowerAlphanumericByte(previous) else { return false }
                labelLength = 0
            } else {
                guard isLowerAlphanumericByte(byte) || (byte == 0x2D && previous != 0x2E) else { return false }
                labelLength += 1
                if labelLength > 63 { return false }
            }
            previous = byte
        }
        return isLowerAlphanumericByte(previous)
    }

    /// Whether `text` is 1–63 bytes of alphanumerics, `-`, `_` or `.`, alphanumeric at both ends.
    private static func isSimpleNamePart(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, utf8.count <= 63,
            isAlphanumericByte(first), isAlphanumericByte(last)
        else { return false }
        return allBytes(of: text) { isAlphanumericByte($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }

    private static func isLowerAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("0"..."9").contains(c)
    }

    private static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }

    /// An RFC 1123 label (`my-name`, `123-abc`).
    public static func dns1123Label(_ text: String) -> String? {
        if isSimpleDNS1123Label(text) { return nil }
        if text.isEmpty { return "must not be empty" }
        if text.unicodeScalars.count > 63 { return "must be no more than 63 characters" }
        let scalars = Array(text.unicodeScalars)
        let valid =
            scalars.allSatisfy { isLowerAlphanumeric($0) || $0 == "-" }
            && isLowerAlphanumeric(scalars[0]) && isLowerAlphanumeric(scalars[scalars.count - 1])
        return valid
            ? nil
            : "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name')"
    }

    /// An RFC 1035 label (`my-name`, `abc-123`): like an RFC 1123 label but starting with a letter.
    public static func dns1035Label(_ text: String) -> String? {
        if let problem = dns1123Label(text) { return problem }
        if let first = text.unicodeScalars.first, !("a"..."z").contains(first) {
            return "must start with a lower case letter (RFC 1035 label, e.g. 'my-name')"
        }
        return nil
    }

    /// An RFC 1123 subdomain (`example.com`, `my-name`).
    public static func dns1123Subdomain(_ text: String) -> String? {
        if isSimpleDNS1123Subdomain(text) { return nil }
        if text.isEmpty { return "must not be empty" }
        if text.unicodeScalars.count > 253 { return "must be no more than 253 characters" }
        for label in text.split(separator: ".", omittingEmptySubsequences: false)
        where dns1123Label(String(label)) != nil || label.isEmpty {
            return
                "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')"
        }
        return nil
    }

    /// A path segment name (RBAC objects): not `.` or `..`, without `/` or `%`.
    public static func pathSegment(_ text: String) -> String? {
        if text.isEmpty { return "must not be empty" }
        if text == "." || text == ".." { return "may not be '.' or '..'" }
        if text.contains("/") || text.contains("%") { return "may not contain '/' or '%'" }
        return nil
    }

    /// The name part of a qualified name: at most 63 characters, alphanumerics with `-`, `_`, `.` inside.
    private static func qualifiedNamePart(_ text: String) -> String? {
        if isSimpleNamePart(text) { return nil }
        if text.isEmpty { return "name part must not be empty" }
        if text.unicodeScalars.count > 63 { return "name part must be no more than 63 characters" }
        let scalars = Array(text.unicodeScalars)
        let valid =
            scalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }
            && isAlphanumeric(scalars[0]) && isAlphanumeric(scalars[scalars.count - 1])
        return valid
            ? nil
            : "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    }

    /// A label or annotation key: `[prefix/]name`, where the prefix is a DNS subdomain.
    public static func qualifiedName(_ text: String) -> String? {
        if isSimpleNamePart(text) { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return qualifiedNamePart(text)
        case 2:
            if parts[0].isEmpty { return "prefix part must not be empty" }
            if let problem = dns1123Subdomain(String(parts[0])) { return "prefix part \(problem)" }
            return qualifiedNamePart(String(parts[1]))
        default:
            return "a qualified name must consist of an optional DNS subdomain prefix and '/' and a name"
        }
    }

    /// A label value: empty, or at most 63 alphanumerics with `-`, `_`, `.` inside.
    public static func labelValue(_ text: String) -> String? {
        if text.isEmpty || isSimpleNamePart(text) { return nil }
        if text.unicodeScalars.count > 63 { return "must be no more than 63 characters" }
        let scalars = Array(text.unicodeScalars)
        let valid =
            scalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }
            && isAlphanumeric(scalars[0]) && isAlphanumeric(scalars[scalars.count - 1])
        return valid
            ? nil
            : "must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    }

    /// A port name (IANA_SVC_NAME): at most 15 lower-case alphanumerics or `-`, with a letter,
    /// no `--`, not starting or ending with `-`.
    public static func portName(_ text: String) -> String? {
        if text.isEmpty { return "must not be empty" }
        if text.unicodeScalars.count > 15 { return "must be no more than 15 characters" }
        let scalars = Array(text.unicodeScalars)
        if !scalars.allSatisfy({ isLowerAlphanumeric($0) || $0 == "-" }) {
            return "must contain only lower case alphanumeric characters or '-'"
        }
        if !scalars.contains(where: { ("a"..."z").contains($0) }) { return "must contain at least one letter" }
        if text.contains("--") { return "must not contain consecutive hyphens" }
        if text.hasPrefix("-") || text.hasSuffix("-") { return "must not begin or end with a hyphen" }
        return nil
    }
}
