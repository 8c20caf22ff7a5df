// The signing time in the two forms SigV4 uses (ISO 8601 basic `YYYYMMDD'T'HHMMSS'Z'` and the date stamp).
// Computed with integer arithmetic (no DateFormatter) because it sits on the signing hot path.

/// The moment a request is signed, in UTC.
///
/// ```swift
/// let time = SigV4Timestamp(secondsSince1970: 1_440_938_160)  // 20150830T123600Z
/// ```
public struct SigV4Timestamp: Sendable, Hashable {
    /// `YYYYMMDD'T'HHMMSS'Z'`, the value of `X-Amz-Date` (task 2, "RequestDateTime").
    public let amzDate: String
    /// `YYYYMMDD`, the first element of the credential scope.
    public let dateStamp: String
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSince1970: Int64

    /// Creates a timestamp from seconds since the Unix epoch (fractions are dropped).
    public init(secondsSince1970 seconds: Int64) {
        secondsSince1970 = seconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondsOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        var bytes = [UInt8]()
        bytes.reserveCapacity(16)
        Self.append(Int64(year), width: 4, to: &bytes)
        Self.append(Int64(month), width: 2, to: &bytes)
        Self.append(Int64(day), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        Self.append(secondsOfDay / 3600, width: 2, to: &bytes)
        Self.append(secondsOfDay / 60 % 60, width: 2, to: &bytes)
        Self.append(secondsOfDay % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        amzDate = String(decoding: bytes, as: UTF8.self)
        dateStamp = String(decoding: bytes[0..<8], as: UTF8.self)
    }

    /// Parses `YYYYMMDD'T'HHMMSS'Z'`; returns `nil` for anything else.
    public init?(amzDate text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let days = Self.days(fromCivil: year, month, day)
        self.init(secondsSince1970: days * 86_400 + hour * 3600 + minute * 60 + second)
    }

    /// Days since 1970-01-01 → (year, month, day); Howard Hinnant's `civil_from_days`.
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// (year, month, day) → days since 1970-01-01; Howard Hinnant's `days_from_civil`.
    static func days(fromCivil year0: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let year = month <= 2 ? year0 - 1 : year0
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func append(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        var digits = [UInt8](repeating: 48, count: width)
        var rest = value
        var index = width - 1
        while index >= 0 {
            digits[index] = UInt8(48 + rest % 10)
            rest /= 10
            index -= 1
        }
        bytes.append(contentsOf: digits)
    }
}
