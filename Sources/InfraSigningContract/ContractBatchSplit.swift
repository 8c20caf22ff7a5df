// Splits a batch (a JSON array of case objects) into runs of whole elements of similar size, so several threads
// can each sign one run. Only the array's structure is read: strings are skipped eight bytes at a time (SWAR) and
// brackets counted outside them, which costs a small fraction of decoding.

/// Finds element boundaries of a contract batch array.
enum ContractBatchSplit {
    /// The byte ranges (inside the array's brackets) of up to `parts` runs of comma-separated elements, in order;
    /// `nil` when `input` is not a JSON array with balanced brackets and terminated strings.
    static func elementRuns(of input: UnsafeBufferPointer<UInt8>, parts: Int) -> [Range<Int>]? {
        var position = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
        func skipWhitespace() {
            while position < input.count, isSpace(input[position]) { position += 1 }
        }
        skipWhitespace()
        guard position < input.count, input[position] == UInt8(ascii: "[") else { return nil }
        position += 1
        let start = position
        var runs = [Range<Int>]()
        var runStart = start
        var depth = 0
        let parts = max(parts, 1)
        var nextTarget = start + (input.count - start) / parts
        while position < input.count {
            switch input[position] {
            case UInt8(ascii: "\""):
                guard let end = endOfString(in: input, from: position + 1) else { return nil }
                position = end
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
            case UInt8(ascii: "]"):
                if depth == 0 {
                    runs.append(runStart..<position)
                    return runs.filter { range in range.contains { !isSpace(input[$0]) } }
                }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 0 && position >= nextTarget && runs.count < parts - 1 {
                    runs.append(runStart..<position)
                    runStart = position + 1
                    nextTarget = position + (input.count - position) / (parts - runs.count)
                }
            default:
                break
            }
            position += 1
        }
        return nil
    }

    /// The index of the closing quote of a string whose contents start at `start`, or `nil` if it is unterminated.
    private static func endOfString(in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var position = start
        guard let base = UnsafeRawPointer(input.baseAddress) else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = ones &* UInt64(UInt8(ascii: "\""))
        let backslashes = ones &* UInt64(UInt8(ascii: "\\"))
        while true {
            while position + 8 <= input.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                let quote = word ^ quotes
                let backslash = word ^ backslashes
                let hits = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs
                if hits != 0 {
                    position += hits.trailingZeroBitCount / 8
                    break
                }
                position += 8
            }
            while position < input.count, input[position] != UInt8(ascii: "\""),
                input[position] != UInt8(ascii: "\\")
            {
                position += 1
            }
            guard position < input.count else { return nil }
            if input[position] == UInt8(ascii: "\"") { return position }
            position += 2  // a backslash and the byte it escapes
        }
    }
}
