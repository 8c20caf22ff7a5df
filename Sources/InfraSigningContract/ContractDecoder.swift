// Reads signing-contract JSON in one pass over the bytes, with no intermediate tree of dictionaries and no
// `String` per field: each case's strings stay where they are in the input (only strings with escapes, decoded
// bodies and dates go into a small reusable arena) and reach the signer as byte spans (`RawSigningCase`).
// Unknown members ("name", "source", "expected") are skipped without building them. `infra-manifest sign
// --batch` and the benchmark runner parse thousands of cases, so this is on the hot path.

import InfraSigV4

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
        try decodeRaw(input) { body($0.signingCase) }
    }

    /// Decodes `input` one case at a time as byte spans (valid only during `body`); returns whether the input
    /// was an array. Cases before an invalid one have already been handed over when the error is thrown.
    static func decodeRaw(
        _ input: UnsafeBufferPointer<UInt8>, each body: (RawSigningCase) -> Void
    ) throws(SigningContractError) -> Bool {
        var decoder = ContractDecoder(bytes: input)
        return try decoder.document(body)
    }

    /// Decodes `input`, a run of comma-separated case objects (the inside of a batch array, as split by
    /// ``ContractBatchSplit``), one case at a time; positions in error messages count from the run's start.
    static func decodeRawElements(
        _ input: UnsafeBufferPointer<UInt8>, each body: (RawSigningCase) -> Void
    ) throws(SigningContractError) {
        var decoder = ContractDecoder(bytes: input)
        try decoder.elements(body)
    }

    /// Where a decoded string is: a range of the input, or of ``arena``.
    private struct TextRef {
        var start: Int
        var count: Int
        var inArena: Bool
    }

    /// The members of one case object, as references (resolved to spans once the object is complete).
    private struct CaseRefs {
        var accessKeyId: TextRef
        var secret: TextRef
        var token: TextRef?
        var region: TextRef
        var service: TextRef
        var time: SigV4Timestamp
        var amzDate: TextRef
        var method: TextRef
        var path: TextRef?
        var query: TextRef?
        var body: TextRef
        var unsigned: Bool
        var options: SigV4Options
    }

    /// The member names the contract knows (anything else is skipped).
    private enum Key {
        case credentials, accessKeyId, secretAccessKey, sessionToken, region, service, timestamp, request
        case method, path, query, headers, bodyBase64, options
        case mode, normalizePath, doubleURIEncode, signedBodyHeader, omitSessionToken, unsignedPayload, expiresIn
        case other

        init(_ name: UnsafeBufferPointer<UInt8>) {
            func is_(_ text: StaticString) -> Bool { Bytes.equal(name, text) }
            switch name.count {
            case 4: self = is_("path") ? .path : is_("mode") ? .mode : .other
            case 5: self = is_("query") ? .query : .other
            case 6: self = is_("region") ? .region : is_("method") ? .method : .other
            case 7:
                self =
                    is_("service")
                    ? .service
                    : is_("request") ? .request : is_("headers") ? .headers : is_("options") ? .options : .other
            case 9: self = is_("timestamp") ? .timestamp : is_("expiresIn") ? .expiresIn : .other
            case 10: self = is_("bodyBase64") ? .bodyBase64 : .other
            case 11: self = is_("credentials") ? .credentials : is_("accessKeyId") ? .accessKeyId : .other
            case 12: self = is_("sessionToken") ? .sessionToken : .other
            case 13: self = is_("normalizePath") ? .normalizePath : .other
            case 15:
                self =
                    is_("secretAccessKey")
                    ? .secretAccessKey
                    : is_("doubleURIEncode") ? .doubleURIEncode : is_("unsignedPayload") ? .unsignedPayload : .other
            case 16:
                self =
                    is_("signedBodyHeader") ? .signedBodyHeader : is_("omitSessionToken") ? .omitSessionToken : .other
            default: self = .other
            }
        }
    }

    /// The input; valid during ``decode(_:)`` only (the decoder never escapes it).
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Timestamps already parsed: a batch repeats a few of them thousands of times.
    private var times = [(text: [UInt8], time: SigV4Timestamp)]()
    /// The current case's strings that are not plain ranges of the input (reset per case).
    private var arena = [UInt8]()
    /// The current case's headers.
    private var headerRefs = [(name: TextRef, value: TextRef)]()
    /// Reused storage for the resolved headers.
    private var rawHeaders = [RawHeader]()

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func document(_ body: (RawSigningCase) -> Void) throws(SigningContractError) -> Bool {
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
                    emit(try caseObject(position: position), to: body)
                    position += 1
                    skipWhitespace()
                    guard let byte = peek else { throw failure("unterminated array") }
                    index += 1
                    if byte == UInt8(ascii: "]") { break }
                    guard byte == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
                }
            }
        } else {
            emit(try caseObject(position: nil), to: body)
        }
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected text after the JSON value") }
        return isArray
    }

    private mutating func elements(_ body: (RawSigningCase) -> Void) throws(SigningContractError) {
        skipWhitespace()
        var position = 0
        while index < bytes.count {
            emit(try caseObject(position: position), to: body)
            position += 1
            skipWhitespace()
            guard let byte = peek else { break }
            guard byte == UInt8(ascii: ",") else { throw failure("expected ','") }
            index += 1
        }
    }

    /// Resolves the references of a complete case to spans and hands the case to `body`.
    private mutating func emit(_ refs: CaseRefs, to body: (RawSigningCase) -> Void) {
        var headers = rawHeaders
        rawHeaders = []
        headers.removeAll(keepingCapacity: true)
        let input = bytes
        let headerRefs = self.headerRefs
        arena.withUnsafeBufferPointer { arena in
            func span(_ text: TextRef) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: (text.inArena ? arena : input)[text.start..<text.start + text.count])
            }
            for header in headerRefs { headers.append(RawHeader(name: span(header.name), value: span(header.value))) }
            let request = RawSigningRequest(
                method: span(refs.method), path: refs.path.map(span) ?? Bytes.span("/"),
                query: refs.query.map(span) ?? Bytes.empty, headers: headers,
                payload: refs.unsigned ? .unsigned : .bytes(span(refs.body)), accessKeyId: span(refs.accessKeyId),
                sessionToken: refs.token.map(span), region: span(refs.region), service: span(refs.service),
                amzDate: span(refs.amzDate), options: refs.options)
            body(RawSigningCase(request: request, secretAccessKey: span(refs.secret), time: refs.time))
        }
        rawHeaders = headers
    }

    /// The timestamp `text` denotes, parsed once per distinct text.
    private mutating func timestamp(_ text: TextRef) -> SigV4Timestamp? {
        let found: SigV4Timestamp?? = withSpan(text) { span in
            for known in times where Bytes.equal(span, known.text.withUnsafeBufferPointer { $0 }) {
                return .some(known.time)
            }
            return nil
        }
        if let found { return found }
        let bytes = withSpan(text) { Array($0) }
        guard let time = SigV4Timestamp(amzDate: String(decoding: bytes, as: UTF8.self)) else { return nil }
        if times.count < 16 { times.append((bytes, time)) }
        return time
    }

    /// Calls `body` with the bytes `text` refers to.
    private func withSpan<Result>(_ text: TextRef, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if text.inArena {
            return arena.withUnsafeBufferPointer {
                body(UnsafeBufferPointer(rebasing: $0[text.start..<text.start + text.count]))
            }
        }
        return body(UnsafeBufferPointer(rebasing: bytes[text.start..<text.start + text.count]))
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func failure(_ message: String) -> SigningContractError {
        SigningContractError("invalid JSON at byte \(index): \(message)")
    }

    // MARK: - The case object

    private mutating func caseObject(position: Int?) throws(SigningContractError) -> CaseRefs {
        func fail(_ message: String) -> SigningContractError {
            SigningContractError((position.map { "request[\($0)]: " } ?? "") + message)
        }
        skipWhitespace()
        guard peek == UInt8(ascii: "{") else {
            guard position != nil else {
                throw SigningContractError("expected one JSON request object (use --batch for an array)")
            }
            throw fail("expected an object")
        }
        arena.removeAll(keepingCapacity: true)
        headerRefs.removeAll(keepingCapacity: true)
        var accessKeyId: TextRef?
        var secret: TextRef?
        var token: TextRef?
        var region: TextRef?
        var service: TextRef?
        var timestamp: TextRef?
        var method: TextRef?
        var path: TextRef?
        var query: TextRef?
        var body: TextRef?
        var bodyIsValid = true
        var options = SigV4Options()
        var mode: TextRef?
        var expiresIn: Int?
        var unsigned = false
        var headersAreValid = true
        try members { (decoder, key) throws(SigningContractError) in
            switch key {
            case .credentials:
                try decoder.members { (decoder, key) throws(SigningContractError) in
                    switch key {
                    case .accessKeyId: accessKeyId = try decoder.optionalText()
                    case .secretAccessKey: secret = try decoder.optionalText()
                    case .sessionToken: token = try decoder.optionalText()
                    default: try decoder.skipValue(depth: 2)
                    }
                }
            case .region: region = try decoder.optionalText()
            case .service: service = try decoder.optionalText()
            case .timestamp: timestamp = try decoder.optionalText()
            case .request:
                try decoder.members { (decoder, key) throws(SigningContractError) in
                    switch key {
                    case .method: method = try decoder.optionalText()
                    case .path: path = try decoder.optionalText()
                    case .query: query = try decoder.optionalText()
                    case .headers: headersAreValid = try decoder.headers()
                    case .bodyBase64:
                        if let decoded = try decoder.base64() { body = decoded } else { bodyIsValid = false }
                    default: try decoder.skipValue(depth: 2)
                    }
                }
            case .options:
                try decoder.members { (decoder, key) throws(SigningContractError) in
                    switch key {
                    case .mode: mode = try decoder.optionalText()
                    case .normalizePath: options.normalizePath = try decoder.optionalBool() ?? true
                    case .doubleURIEncode: options.doubleURIEncode = try decoder.optionalBool() ?? true
                    case .signedBodyHeader: options.signedBodyHeader = try decoder.optionalBool() ?? false
                    case .omitSessionToken: options.omitSessionToken = try decoder.optionalBool() ?? false
                    case .unsignedPayload: unsigned = try decoder.optionalBool() ?? false
                    case .expiresIn: expiresIn = try decoder.optionalInt()
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
        let modeName = mode.map { withSpan($0) { String(decoding: $0, as: UTF8.self) } } ?? "header"
        switch modeName {
        case "header": options.mode = .header
        case "query": options.mode = .query(expiresIn: expiresIn ?? 3600)
        case "eks-token": options.mode = .eksToken(expiresIn: expiresIn ?? 60)
        default: throw fail("unknown options.mode \"\(modeName)\" (header, query or eks-token)")
        }
        let amzDateStart = arena.count
        arena.append(contentsOf: time.amzDate.utf8)
        return CaseRefs(
            accessKeyId: accessKeyId, secret: secret, token: token, region: region, service: service, time: time,
            amzDate: TextRef(start: amzDateStart, count: arena.count - amzDateStart, inArena: true), method: method,
            path: path, query: query, body: body ?? TextRef(start: 0, count: 0, inArena: false), unsigned: unsigned,
            options: options)
    }

    /// `[[name, value], …]` into ``headerRefs``; returns `false` (after consuming the value) when it has another
    /// shape.
    private mutating func headers() throws(SigningContractError) -> Bool {
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
                let name = try optionalText()
                skipWhitespace()
                guard peek == UInt8(ascii: ",") else { throw failure("expected ',' in a header pair") }
                index += 1
                let value = try optionalText()
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
                if let name, let value { headerRefs.append((name, value)) } else { valid = false }
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
        _ body: (inout ContractDecoder, Key) throws(SigningContractError) -> Void
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
            let arenaCount = arena.count
            let name = try text()
            let key = withSpan(name) { Key($0) }
            if name.inArena { arena.removeSubrange(arenaCount...) }
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
    private mutating func optionalText() throws(SigningContractError) -> TextRef? {
        skipWhitespace()
        if peek == UInt8(ascii: "\"") { return try text() }
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

    /// Decodes a base64 string value into the arena (no intermediate `String`); `nil` if it is not valid base64.
    /// Any other JSON value counts as an empty body.
    private mutating func base64() throws(SigningContractError) -> TextRef? {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else {
            try skipValue(depth: 3)
            return peek == nil ? nil : TextRef(start: 0, count: 0, inArena: false)
        }
        let encoded = try text()
        if encoded.inArena {
            // Escapes inside base64 are unusual: decode from a copy, since the output goes into the arena too.
            let copy = withSpan(encoded) { Array($0) }
            arena.removeSubrange(encoded.start...)
            return copy.withUnsafeBufferPointer { copy in decodeBase64(copy) }
        }
        return decodeBase64(UnsafeBufferPointer(rebasing: bytes[encoded.start..<encoded.start + encoded.count]))
    }

    private mutating func decodeBase64(_ encoded: UnsafeBufferPointer<UInt8>) -> TextRef? {
        let start = arena.count
        guard Base64URL.decode(buffer: encoded, appendingTo: &arena) else { return nil }
        return TextRef(start: start, count: arena.count - start, inArena: true)
    }

    /// The index of the first `"` or `\\` at or after `start` (or the end of the input); `ascii` becomes `false`
    /// when a byte before it is not ASCII. Reads eight bytes at a time (SWAR): string contents are most of the
    /// input, and most of them need no unescaping.
    private func endOfPlainText(from start: Int, ascii: inout Bool) -> Int {
        var position = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var seen: UInt64 = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let quotes = ones &* UInt64(UInt8(ascii: "\""))
            let backslashes = ones &* UInt64(UInt8(ascii: "\\"))
            while position + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                let quote = word ^ quotes
                let backslash = word ^ backslashes
                // A zero byte in `quote` or `backslash` marks a hit (the classic "has zero byte" test; bytes after
                // the first hit may be flagged wrongly, the first one never is).
                let hits = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs
                if hits != 0 {
                    let offset = hits.trailingZeroBitCount / 8
                    // The bytes before the hit: a mask of `offset` low bytes.
                    seen |= word & ((1 &<< UInt64(offset * 8)) &- 1)
                    if seen & highs != 0 { ascii = false }
                    return position + offset
                }
                seen |= word
                position += 8
            }
        }
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            seen |= UInt64(bytes[position])
            position += 1
        }
        if seen & highs != 0 { ascii = false }
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
        case UInt8(ascii: "\""):
            let arenaCount = arena.count
            _ = try text()
            if arena.count > arenaCount { arena.removeSubrange(arenaCount...) }
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

    /// A string literal (the reader is on its opening quote), escapes decoded: a range of the input when it has
    /// no escapes and is valid UTF-8 (nearly always), else its decoded bytes in the arena. Invalid UTF-8 is
    /// repaired with U+FFFD, as `String(decoding:as:)` does.
    private mutating func text() throws(SigningContractError) -> TextRef {
        let start = index + 1
        var ascii = true
        index = endOfPlainText(from: start, ascii: &ascii)
        guard index < bytes.count else { throw failure("unterminated string") }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            let plain = TextRef(start: start, count: index - 1 - start, inArena: false)
            return ascii ? plain : repaired(plain)
        }
        let arenaStart = arena.count
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return repaired(TextRef(start: arenaStart, count: arena.count - arenaStart, inArena: true))
            }
            if byte != UInt8(ascii: "\\") {
                let runStart = index
                index = endOfPlainText(from: index, ascii: &ascii)
                arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "n"): arena.append(10)
            case UInt8(ascii: "t"): arena.append(9)
            case UInt8(ascii: "r"): arena.append(13)
            case UInt8(ascii: "b"): arena.append(8)
            case UInt8(ascii: "f"): arena.append(12)
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
                arena.append(contentsOf: character.utf8)
            default: arena.append(escape)
            }
        }
        throw failure("unterminated string")
    }

    /// `text` itself when its bytes are valid UTF-8, else the repaired bytes appended to the arena.
    private mutating func repaired(_ text: TextRef) -> TextRef {
        let (isValid, repaired) = withSpan(text) { span -> (Bool, String?) in
            var ascii = true
            for byte in span where byte >= 0x80 {
                ascii = false
                break
            }
            if ascii { return (true, nil) }
            let string = String(decoding: span, as: UTF8.self)
            return string.utf8.elementsEqual(span) ? (true, nil) : (false, string)
        }
        guard !isValid, let repaired else { return text }
        let start = arena.count
        arena.append(contentsOf: repaired.utf8)
        return TextRef(start: start, count: arena.count - start, inArena: true)
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
