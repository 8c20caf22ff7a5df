// Parsing of the timestamps AWS returns (`2026-11-25T13:00:00Z`, with optional fraction or offset) and of
// HTTP dates (`Wed, 25 Nov 2026 13:21:10 GMT`) — integer arithmetic, no DateFormatter.

import Foundation
import InfraSigV4

/// Timestamp parsing for credential expirations and server clocks.
enum ISO8601 {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
            index + 6 <= bytes.count, let hours = number((index + 1)..<(index + 3)),
            let minutes = number((index + 4)..<(index + 6))
        {
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        }
        let amz = String(format: "%04lld%02lld%02lldT%02lld%02lld%02lldZ", year, month, day, hour, minute, second)
        guard let time = SigV4Timestamp(amzDate: amz) else { return nil }
        return Date(timeIntervalSince1970: Double(time.secondsSince1970 - offset) + fraction)
    }

    /// Parses an RFC 7231 HTTP date, `Wed, 25 Nov 2026 13:21:10 GMT`.
    static func parseHTTPDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count >= 5 else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let day = Int(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])),
            let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        let amz = String(
            format: "%04d%02d%02dT%02d%02d%02dZ", year, monthIndex + 1, day, clock[0], clock[1], clock[2])
        return SigV4Timestamp(amzDate: amz).map { Date(timeIntervalSince1970: Double($0.secondsSince1970)) }
    }

    /// Formats a date as `2026-11-25T13:00:00Z`.
    static func format(_ date: Date) -> String {
        let amz = SigV4Timestamp(secondsSince1970: Int64(date.timeIntervalSince1970.rounded(.down))).amzDate
        let characters = Array(amz)
        return String(characters[0..<4]) + "-" + String(characters[4..<6]) + "-" + String(characters[6..<8]) + "T"
            + String(characters[9..<11]) + ":" + String(characters[11..<13]) + ":" + String(characters[13..<15]) + "Z"
    }
}
