// Kubernetes resource quantities (`100Gi`, `500m`, `1.5`, `2e3`), kept as the text the user
// wrote (so output is exactly that text) and parsed with the API server's grammar so a
// typo becomes a diagnostic before anything is written.

import InfraCore

/// A resource quantity such as `500m` CPU or `100Gi` of storage.
///
/// Quantities are written as given; ``Manifest`` validation reports any that do not parse.
/// ```swift
/// let memory: Quantity = "512Mi"
/// let cpu = Quantity.millicores(250)   // "250m"
/// memory.value                         // 536870912.0
/// ```
public struct Quantity: Sendable, Hashable, ValueRenderable, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, CustomStringConvertible
{
    /// The text as written, e.g. `100Gi`.
    public var text: String

    /// Creates a quantity from its text; use ``problem`` (or manifest validation) to check it.
    public init(_ text: String) { self.text = text }

    /// Creates a quantity from a string literal such as `"500m"`.
    public init(stringLiteral value: String) { self.init(value) }

    /// Creates a plain-number quantity from an integer literal.
    public init(integerLiteral value: Int) { self.init(String(value)) }

    /// Creates a plain-number quantity from a floating-point literal such as `1.5`.
    public init(floatLiteral value: Double) { self.init(Quantity.decimalText(value)) }

    /// `n` thousandths, e.g. CPU millicores: `.millicores(500)` is `500m`.
    public static func millicores(_ n: Int) -> Quantity { Quantity("\(n)m") }
    /// `n` mebibytes: `.mebibytes(512)` is `512Mi`.
    public static func mebibytes(_ n: Int) -> Quantity { Quantity("\(n)Mi") }
    /// `n` gibibytes: `.gibibytes(100)` is `100Gi`.
    public static func gibibytes(_ n: Int) -> Quantity { Quantity("\(n)Gi") }

    /// The text.
    public var description: String { text }

    /// A string value: quantities are written as strings so YAML keeps them exact.
    public func renderValue() -> Value { .string(text) }

    /// The quantity's numeric value (`1Ki` = 1024, `500m` = 0.5), or `nil` when it does not parse.
    public var value: Double? {
        if case .success(let parsed) = Quantity.parse(text) { return parsed.value }
        return nil
    }

    /// Why the text is not a valid quantity, or `nil` when it is.
    public var problem: String? {
        if Quantity.hasCommonForm(text) { return nil }
        if case .failure(let error) = Quantity.parse(text) { return error.message }
        return nil
    }

    /// Whether `text` is plainly valid: an optional sign, at most 20 digits with at most one
    /// inner `.`, and a binary or decimal SI suffix (or none). Checked on the bytes, without
    /// allocating; ``parse(_:)`` handles everything else.
    static func hasCommonForm(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let sign = bytes.first, sign == 0x2B || sign == 0x2D { bytes = bytes.dropFirst() }
        var digits = 0
        var dot = false
        var previous: UInt8 = 0x2E
        while let byte = bytes.first, (0x30...0x39).contains(byte) || byte == 0x2E {
            if byte == 0x2E {
                guard !dot, previous != 0x2E else { return false }
                dot = true
            } else {
                digits += 1
            }
            previous = byte
            bytes = bytes.dropFirst()
        }
        guard digits > 0, digits <= 20, previous != 0x2E else { return false }
        switch bytes.count {
        case 0:
            return true
        case 1:
            // n u m k M G T P E
            switch bytes.first {
            case 0x6E, 0x75, 0x6D, 0x6B, 0x4D, 0x47, 0x54, 0x50, 0x45: return true
            default: return false
            }
        case 2:
            // Ki Mi Gi Ti Pi Ei
            guard bytes.last == 0x69 else { return false }
            switch bytes.first {
            case 0x4B, 0x4D, 0x47, 0x54, 0x50, 0x45: return true
            default: return false
            }
        default:
            return false
        }
    }

    /// A parsed quantity: the signed number and its suffix.
    public struct Parsed: Sendable, Hashable {
        /// The number before the suffix, e.g. `1.5` in `1.5Gi`.
        public var number: Double
        /// The suffix: a binary (`Ki`…`Ei`) or decimal (`n`, `u`, `m`, `k`, `M`…`E`) SI suffix,
        /// an exponent (`e3`), or empty.
        public var suffix: String
        /// The value with the suffix applied.
        public var value: Double
    }

    /// Why a text is not a quantity.
    public struct ParseError: Error, Sendable, Hashable {
        /// A sentence naming the problem.
        public var message: String
    }

    private static let binarySuffixes: [String: Double] = [
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776,
        "Pi": 1_125_899_906_842_624, "Ei": 1_152_921_504_606_846_976,
    ]
    private static let decimalSuffixes: [String: Double] = [
        "n": 1e-9, "u": 1e-6, "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
    ]

    /// Parses `text` with the Kubernetes grammar: `[+-]digits[.digits]` followed by a binary SI
    /// suffix, a decimal SI suffix or an exponent (`e3`, `E-2`).
    public static func parse(_ text: String) -> Result<Parsed, ParseError> {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return .failure(ParseError(message: "a quantity cannot be empty")) }
        var index = 0
        var sign = 1.0
        if scalars[0] == "+" || scalars[0] == "-" {
            sign = scalars[0] == "-" ? -1 : 1
            index = 1
        }
        let numberStart = index
        var digits = 0
        var dots = 0
        while index < scalars.count, scalars[index] == "." || ("0"..."9").contains(scalars[index]) {
            if scalars[index] == "." { dots += 1 } else { digits += 1 }
            index += 1
        }
        guard digits > 0, dots <= 1 else {
            return .failure(ParseError(message: "'\(text)' does not start with a number (expected e.g. 500m or 100Gi)"))
        }
        let numberText = String(String.UnicodeScalarView(scalars[numberStart..<index]))
        guard let number = Double(numberText.hasPrefix(".") ? "0" + numberText : numberText) else {
            return .failure(ParseError(message: "'\(text)' has an unreadable number"))
        }
        let suffix = String(String.UnicodeScalarView(scalars[index...]))
        let multiplier: Double
        if let binary = binarySuffixes[suffix] {
            multiplier = binary
        } else if let decimal = decimalSuffixes[suffix] {
            multiplier = decimal
        } else if let exponent = exponentValue(suffix) {
            multiplier = exponent
        } else {
            return .failure(
                ParseError(
                    message:
                        "'\(text)' has an unknown suffix '\(suffix)' (use Ki, Mi, Gi, Ti, Pi, Ei, m, k, M, G, T, P, E or e<n>)"
                ))
        }
        return .success(Parsed(number: sign * number, suffix: suffix, value: sign * number * multiplier))
    }

    /// `10^n` for a suffix `e<n>` / `E<n>` with an optionally signed integer `n`.
    private static func exponentValue(_ suffix: String) -> Double? {
        guard let first = suffix.first, first == "e" || first == "E" else { return nil }
        var rest = Substring(suffix.dropFirst())
        var negative = false
        if rest.first == "+" || rest.first == "-" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty, rest.allSatisfy({ ("0"..."9").contains($0) }), let n = Int(rest), n <= 300 else {
            return nil
        }
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return negative ? 1 / result : result
    }

    /// A floating-point number as a quantity text (`1.5`, `0.25`, `2`).
    private static func decimalText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return value.description
    }
}
