// Reads signing-contract JSON straight into `SigningCase` values: one pass over the bytes, no intermediate
// tree of dictionaries, unknown members ("name", "source", "expected") skipped without building them.
// `infra-manifest sign --batch` and the benchmark runner parse thousands of cases, so this is on the hot path.

/// A single-pass reader of contract case objects (a JSON object, or an array of them).
struct ContractDecoder {
    /// Decodes `input`: an array of case objects, or one case object (`isArray` tells which it was).
    static func decode(_ input: [UInt8]) throws(SigningContractError) -> (cases: [SigningCase], isArray: Bool) {
        let result: Result<(cases: [SigningCase], isArray: Bool), SigningContractError> =
            input.withUnsafeBufferPointer { buffer in
                do throws(SigningContractError) {
                    return .success(try decode(buffer))
                } catch {
                    return .failure(error)
                }
            }
        return try result.get()
    }

    /// Decodes `input`, which must stay valid for the duration of the call.
    static func decode(
        _ input: UnsafeBufferPointer<UInt8>
    ) throws(SigningContractError) -> (cases: [SigningCase], isArray: Bool) {
        var cases = [SigningCase]()
        // A case object takes at least a few hundred bytes; reserving (untouched) room avoids regrowing.
        cases.reserveCapacity(input.count / 256)
        let isArray = try decode(input) { cases.append($0) }
        return (cases, isArray)
    }

    /// Decodes `input` one case at a time, handing each to `body` as soon as it is read; returns whether the
    /// input was an array. Cases before an invalid one have already been handed over when the error is thrown.
    static func decode(
        _ input: UnsafeBufferPointer<UInt8>, each body: (SigningCase) -> Void
    ) throws(SigningContractError) -> Bool {
        var decoder = ContractDecoder(bytes: input)
        return try decoder.document(body)
    }

    /// The input; valid during ``decode(_:)`` only (the decoder never escapes it).
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Timestamps already parsed: a batch repeats a few of them thousands of times.
    private var times = [(text: String, time: SigV4Timestamp)]()

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func document(_ body: (SigningCase) -> Void) throws(SigningContractError) -> Bool {
        skipWhitespace()
        let isArray = peek == UInt8(ascii: "[")
        if isArray {
            index += 1
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                index += 1
            } else {
                var position = 0
                while true {
                    body(try caseObject(position: position))
                    position += 1
                    skipWhitespace()
                    guard let byte = peek else { throw failure("unterminated array") }
                    index += 1
                    if byte == UInt8(ascii: "]") { break }
                    guard byte == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
                }
            }
        } else {
            body(try caseObject(position: nil))
        }
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected text after the JSON value") }
        return isArray
    }

    /// The timestamp `text` denotes, parsed once per distinct text.
    private mutating func timestamp(_ text: String) -> SigV4Timestamp? {
        for known in times where known.text == text { return known.time }
        guard let time = SigV4Timestamp(amzDate: text) else { return nil }
        if times.count < 16 { times.append((text, time)) }
        return time
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func failure(_ message: String) -> SigningContractError {
        SigningContractError("invalid JSON at byte \(index): \(message)")
    }

    // MARK: - The case object

    private mutating func caseObject(position: Int?) throws(SigningContractError) -> SigningCase {
        let prefix = position.map { "request[\($0)]: " } ?? ""
        func fail(_ message: String) -> SigningContractError { SigningContractError(prefix + message) }
        skipWhitespace()
        guard peek == UInt8(ascii: "{") else {
            guard position != nil else {
                throw SigningContractError("expected one JSON request object (use --batch for an array)")
            }
            throw fail("expected an object")
        }
        var accessKeyId: String?
        var secret: String?
        var token: String?
        var region: String?
        var service: String?
        var timestamp: String?
        var method: String?
        var path = "/"
        var query = ""
        var headers = [SigV4Header]()
        var body = [UInt8]()
        var bodyIsValid = true
        var options = SigV4Options()
        var mode = "header"
        var expiresIn: Int?
        var unsigned = false
        var headersAreValid = true
        try members { (decoder, key) throws(SigningContractError) in
            switch key {
            case "credentials":
                try decoder.members { (decoder, key) throws(SigningContractError) in
                    switch key {
                    case "accessKeyId": accessKeyId = try decoder.optionalString()
                    case "secretAccessKey": secret = try decoder.optionalString()
                    case "sessionToken": token = try decoder.optionalString()
                    default: try decoder.skipValue(depth: 2)
                    }
                }
            case "region": region = try decoder.optionalString()
            case "service": service = try decoder.optionalString()
            case "timestamp": timestamp = try decoder.optionalString()
            case "request":
                try decoder.members { (decoder, key) throws(SigningContractError) in
                    switch key {
                    case "method": method = try decoder.optionalString()
                    case "path": path = try decoder.optionalString() ?? "/"
                    case "query": query = try decoder.optionalString() ?? ""
                    case "headers": headersAreValid = try decoder.headers(into: &headers)
                    case "bodyBase64":
                        if let decoded = try decoder.base64() { body = decoded } else { bodyIsValid = false }
                    default: try decoder.skipValue(depth: 2)
                    }
                }
            case "options":
                try decoder.members { (decoder, key) throws(SigningContractError) in
                    switch key {
                    case "mode": mode = try decoder.optionalString() ?? "header"
                    case "normalizePath": options.normalizePath = try decoder.optionalBool() ?? true
                    case "doubleURIEncode": options.doubleURIEncode = try decoder.optionalBool() ?? true
                    case "signedBodyHeader": options.signedBodyHeader = try decoder.optionalBool() ?? false
                    case "omitSessionToken": options.omitSessionToken = try decoder.optionalBool() ?? false
                    case "unsignedPayload": unsigned = try decoder.optionalBool() ?? false
                    case "expiresIn": expiresIn = try decoder.optionalInt()
                    default: try decoder.skipValue(depth: 2)
                    }
                }
            default: try decoder.skipValue(depth: 1)
            }
        }
        guard let accessKeyId, let secret else {
            throw fail("credentials.accessKeyId and credentials.secretAccessKey are required")
        }
        guard let region, let service else { throw fail("region and service are required") }
        guard let timestamp, let time = self.timestamp(timestamp) else {
            throw fail("timestamp must look like 20150830T123600Z")
        }
        guard let method else { throw fail("request.method is required") }
        guard headersAreValid else { throw fail("request.headers must be [name, value] pairs") }
        guard bodyIsValid else { throw fail("request.bodyBase64 is not base64") }
        switch mode {
        case "header": options.mode = .header
        case "query": options.mode = .query(expiresIn: expiresIn ?? 3600)
        case "eks-token": options.mode = .eksToken(expiresIn: expiresIn ?? 60)
        default: throw fail("unknown options.mode \"\(mode)\" (header, query or eks-token)")
        }
        return SigningCase(
            request: SigV4Request(
                method: method, path: path, query: query, headers: headers, payload: unsigned ? .unsigned : .bytes(body)
            ),
            credentials: SigV4Credentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token),
            region: region, service: service, time: time, options: options)
    }

    /// `[[name, value], …]`; returns `false` (after consuming the value) when it has another shape.
    private mutating func headers(into headers: inout [SigV4Header]) throws(SigningContractError) -> Bool {
        skipWhitespace()
        guard peek == UInt8(ascii: "[") else {
            try skipValue(depth: 2)
            return peek != nil
        }
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return true
        }
        var valid = true
        while true {
            skipWhitespace()
            if peek == UInt8(ascii: "[") {
                index += 1
                skipWhitespace()
                let name = try optionalString()
                skipWhitespace()
                guard peek == UInt8(ascii: ",") else { throw failure("expected ',' in a header pair") }
                index += 1
                let value = try optionalString()
                skipWhitespace()
                if peek == UInt8(ascii: "]") {
                    index += 1
                } else {
                    valid = false
                    while peek == UInt8(ascii: ",") {
                        index += 1
                        try skipValue(depth: 4)
                        skipWhitespace()
                    }
                    guard peek == UInt8(ascii: "]") else { throw failure("expected ']'") }
                    index += 1
                }
                if let name, let value { headers.append(SigV4Header(name, value)) } else { valid = false }
            } else {
                try skipValue(depth: 3)
                valid = false
            }
            skipWhitespace()
            guard let byte = peek else { throw failure("unterminated array") }
            index += 1
            if byte == UInt8(ascii: "]") { return valid }
            guard byte == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
        }
    }

    // MARK: - JSON building blocks

    private mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 32 || byte == 10 || byte == 13 || byte == 9 else { return }
            index += 1
        }
    }

    /// Calls `body` with each member name of an object (`null` counts as an empty object); `body` must consume
    /// the member's value.
    private mutating func members(
        _ body: (inout ContractDecoder, String) throws(SigningContractError) -> Void
    ) throws(SigningContractError) {
        skipWhitespace()
        if peek == UInt8(ascii: "n") {
            try literal("null")
            return
        }
        guard peek == UInt8(ascii: "{") else { throw failure("expected an object") }
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try string()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            try body(&self, key)
            skipWhitespace()
            guard let byte = peek else { throw failure("unterminated object") }
            index += 1
            if byte == UInt8(ascii: "}") { return }
            guard byte == UInt8(ascii: ",") else { throw failure("expected ',' or '}'") }
        }
    }

    private mutating func literal(_ text: StaticString) throws(SigningContractError) {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("expected \(text)") }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] {
            throw failure("expected \(text)")
        }
        index += count
    }

    /// A string, or `nil` for any other value (which is consumed).
    private mutating func optionalString() throws(SigningContractError) -> String? {
        skipWhitespace()
        if peek == UInt8(ascii: "\"") { return try string() }
        try skipValue(depth: 3)
        return nil
    }

    /// A boolean, or `nil` for any other value (which is consumed).
    private mutating func optionalBool() throws(SigningContractError) -> Bool? {
        skipWhitespace()
        switch peek {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        default:
            try skipValue(depth: 3)
            return nil
        }
    }

    /// An integral number, or `nil` for any other value (which is consumed).
    private mutating func optionalInt() throws(SigningContractError) -> Int? {
        skipWhitespace()
        let start = index
        try skipValue(depth: 3)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        return Int(text) ?? Double(text).flatMap { Int(exactly: $0) }
    }

    /// Decodes a base64 string value in place (no intermediate `String`); `nil` if it is not valid base64.
    private mutating func base64() throws(SigningContractError) -> [UInt8]? {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else {
            try skipValue(depth: 3)
            return peek == nil ? nil : []
        }
        let start = index + 1
        let end = endOfPlainText(from: start)
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
            // Escapes inside base64 are unusual; take the general path.
            return Base64URL.decode(try string())
        }
        index = end + 1
        return Base64URL.decode(buffer: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// The index of the first `"` or `\\` at or after `start` (or the end of the input). Reads eight bytes at a time
    /// (SWAR): string contents are most of the input, and most of them need no unescaping.
    private func endOfPlainText(from start: Int) -> Int {
        var position = start
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let quotes = ones &* UInt64(UInt8(ascii: "\""))
            let backslashes = ones &* UInt64(UInt8(ascii: "\\"))
            while position + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                let quote = word ^ quotes
                let backslash = word ^ backslashes
                // A zero byte in `quote` or `backslash` marks a hit (the classic "has zero byte" test).
                let hits = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs
                if hits != 0 { return position + hits.trailingZeroBitCount / 8 }
                position += 8
            }
        }
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            position += 1
        }
        return position
    }

    /// Consumes one value of any type.
    private mutating func skipValue(depth: Int) throws(SigningContractError) {
        guard depth < 64 else { throw failure("nesting too deep") }
        skipWhitespace()
        guard let byte = peek else { throw failure("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"):
            try members { (decoder, _) throws(SigningContractError) in try decoder.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                skipWhitespace()
                guard let next = peek else { throw failure("unterminated array") }
                index += 1
                if next == UInt8(ascii: "]") { return }
                guard next == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
            }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default:
            let start = index
            while index < bytes.count {
                let digit = bytes[index]
                guard
                    (digit >= 48 && digit <= 57) || digit == 45 || digit == 43 || digit == 46 || digit == 101
                        || digit == 69
                else { break }
                index += 1
            }
            guard index > start else { throw failure("unexpected character") }
        }
    }

    /// A string literal (the reader is on its opening quote), escapes decoded.
    private mutating func string() throws(SigningContractError) -> String {
        let start = index + 1
        index = endOfPlainText(from: start)
        guard index < bytes.count else { throw failure("unterminated string") }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
        }
        var output = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: output, as: UTF8.self)
            }
            if byte != UInt8(ascii: "\\") {
                output.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "n"): output.append(10)
            case UInt8(ascii: "t"): output.append(9)
            case UInt8(ascii: "r"): output.append(13)
            case UInt8(ascii: "b"): output.append(8)
            case UInt8(ascii: "f"): output.append(12)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count, bytes[index] == 92,
                    bytes[index + 1] == UInt8(ascii: "u")
                {
                    index += 2
                    let low = try hex4()
                    scalar =
                        (0xDC00..<0xE000).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                }
                let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                output.append(contentsOf: String(Character(character)).utf8)
            default: output.append(escape)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func hex4() throws(SigningContractError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 97...102: digit = UInt32(byte - 87)
            case 65...70: digit = UInt32(byte - 55)
            default: throw failure("bad \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
