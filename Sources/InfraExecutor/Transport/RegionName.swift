// A region name goes into host names (`sts.<region>.amazonaws.com`), so it must be a DNS host label before it is
// used: 1–63 letters, digits and `-`, not starting or ending with `-`, not all digits — botocore's
// `validate_region_name` ("Provided region_name must be a valid host label"), the Smithy rules' `isValidHostLabel`.

/// The region-name rule.
///
/// ```swift
/// try RegionName.validate("eu-central-1", source: "--region")
/// ```
public enum RegionName {
    /// `true` when `region` is a valid host label (and so may be used in an endpoint).
    public static func isValid(_ region: String) -> Bool {
        let bytes = Array(region.utf8)
        guard (1...63).contains(bytes.count), bytes.first != 0x2D, bytes.last != 0x2D else { return false }
        guard bytes.allSatisfy({ isDigit($0) || isLetter($0) || $0 == 0x2D }) else { return false }
        return !bytes.allSatisfy(isDigit)
    }

    /// Returns `region`, or throws a `ConfigurationError` naming `source` when it is not a valid region name.
    @discardableResult
    public static func validate(_ region: String, source: String) throws -> String {
        guard isValid(region) else {
            throw ConfigurationError(
                "region \"\(region.debugSafe)\" (from \(source)) is not a valid region name: use letters, digits and "
                    + "`-`, like us-east-1")
        }
        return region
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}

extension String {
    /// The string with control characters escaped and cut at 100 characters, for quoting user input in errors.
    var debugSafe: String {
        var output = ""
        for scalar in unicodeScalars.prefix(100) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                output += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return unicodeScalars.count > 100 ? output + "…" : output
    }
}
