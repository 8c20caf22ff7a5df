// swiftc's `-parseable-output` (which SwiftPM passes to each compile and reads back): messages of
// the form `<byte count>\n<JSON>\n`. `infra-dev` shows what the compiler would have printed — the
// `output` of each finished job — and nothing else, as SwiftPM does.

import Foundation

/// Reading swiftc's parseable output.
///
/// ```swift
/// let text = ParseableOutput.diagnostics(in: compilerOutput)   // "MyInfra.swift:3:5: error: …"
/// ```
public enum ParseableOutput {
    /// The concatenated `output` fields of the messages in `data`; text that is not a message
    /// (a crash, a driver error) is kept as it is.
    public static func diagnostics(in data: Data) -> String {
        let bytes = [UInt8](data)
        var index = 0
        var text = ""
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = String(decoding: bytes[index..<end], as: UTF8.self)
            if let length = Int(line.trimmingCharacters(in: .whitespaces)), length > 0, end + 1 + length <= bytes.count
            {
                let body = Data(bytes[(end + 1)..<(end + 1 + length)])
                if let message = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
                    if let output = message["output"] as? String { text += output }
                    index = end + 1 + length
                    while index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                    continue
                }
            }
            text += line + "\n"
            index = end + 1
        }
        return text
    }
}
