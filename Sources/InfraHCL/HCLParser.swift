// The entry points: parse a configuration file, a single expression, or a standalone
// template (the text of a Terraform JSON string). Every call returns what could be read
// together with every diagnostic, each with file, line and column.

/// A parsed file: its body and every problem found.
///
/// ```swift
/// let file = HCLParser.parse("resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n", file: "main.tf")
/// file.diagnostics.isEmpty   // true
/// file.body.blocks[0].labels // ["aws_vpc", "main"]
/// ```
public struct HCLFile: Sendable, Hashable {
    /// The file name as given.
    public var file: String
    /// The top-level body (items that had errors are left out).
    public var body: HCLBody
    /// Every problem found, in source order.
    public var diagnostics: [HCLDiagnostic]
}

/// A parsed expression or template with its problems.
public struct HCLExpressionResult: Sendable, Hashable {
    /// The expression, or `nil` when it could not be read.
    public var expression: HCLExpression?
    /// Every problem found.
    public var diagnostics: [HCLDiagnostic]
}

/// Parses HCL native syntax (the `.tf` language) following the HCL native syntax specification.
///
/// ```swift
/// let result = HCLParser.parseExpression("[for s in var.subnets : s.id if s.public]")
/// ```
public enum HCLParser {
    /// Parses a configuration file.
    public static func parse(_ source: String, file: String) -> HCLFile {
        parse(bytes: Array(source.utf8), file: file)
    }

    /// Parses a configuration file from its bytes; invalid UTF-8 and a byte order mark are errors.
    public static func parse(bytes: [UInt8], file: String) -> HCLFile {
        let start = SourcePosition(line: 1, column: 1, offset: 0)
        if let problem = encodingProblem(bytes, file: file) {
            return HCLFile(
                file: file,
                body: HCLBody(attributes: [], blocks: [], range: SourceRange(file: file, start: start, end: start)),
                diagnostics: [problem])
        }
        let (tokens, scanDiagnostics) = Scanner.scan(bytes, file: file)
        var parser = Parser(tokens: tokens, bytes: bytes, file: file)
        let body = parser.parseBody(until: .eof, start: start)
        let diagnostics = (scanDiagnostics + parser.diagnostics).sorted { $0.range.start < $1.range.start }
        return HCLFile(file: file, body: body, diagnostics: diagnostics)
    }

    /// Parses one expression (the right-hand side of an attribute); newlines are not significant.
    public static func parseExpression(_ source: String, file: String = "<expression>") -> HCLExpressionResult {
        let bytes = Array(source.utf8)
        let (tokens, scanDiagnostics) = Scanner.scan(bytes, file: file)
        var parser = Parser(tokens: tokens, bytes: bytes, file: file)
        parser.pushNewlines(false)
        var expression: HCLExpression?
        do {
            expression = try parser.parseExpression()
            let rest = parser.peek()
            if rest.kind != .eof {
                parser.error(
                    "Extra characters after expression",
                    "An expression was successfully parsed, but extra "
                        + "characters were found after it.", at: parser.range(rest))
            }
        } catch {
            expression = nil
        }
        return HCLExpressionResult(expression: expression, diagnostics: scanDiagnostics + parser.diagnostics)
    }

    /// Parses a standalone template, as Terraform reads the strings of its JSON syntax:
    /// `${…}` and `%{…}` are template sequences, everything else is literal text.
    public static func parseTemplate(
        _ text: String, file: String, start: SourcePosition = SourcePosition(line: 1, column: 1, offset: 0)
    ) -> HCLExpressionResult {
        let bytes = Array(text.utf8)
        let (tokens, scanDiagnostics) = Scanner.scanTemplate(bytes, file: file, start: start)
        var parser = Parser(tokens: tokens, bytes: bytes, file: file)
        var expression: HCLExpression?
        do {
            expression = try parser.parseStandaloneTemplate()
        } catch {
            expression = nil
        }
        return HCLExpressionResult(expression: expression, diagnostics: scanDiagnostics + parser.diagnostics)
    }

    private static func encodingProblem(_ bytes: [UInt8], file: String) -> HCLDiagnostic? {
        let start = SourcePosition(line: 1, column: 1, offset: 0)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return HCLDiagnostic(
                summary: "Invalid byte order mark",
                detail: "A UTF-8 byte order mark is not allowed at the start of "
                    + "a configuration file.", range: SourceRange(file: file, start: start, end: start))
        }
        guard String(validating: bytes, as: UTF8.self) == nil else { return nil }
        var line = 1
        var column = 1
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += String(scalar).utf8.count
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                let position = SourcePosition(line: line, column: column, offset: offset)
                return HCLDiagnostic(
                    summary: "Invalid character encoding", detail: "All input files must be UTF-8 encoded.",
                    range: SourceRange(file: file, start: position, end: position))
            }
        }
    }
}
