// The tokens of HCL native syntax, as the scanner produces them: punctuation and operators,
// identifiers and numbers, newlines (which end attributes), and the pieces of templates —
// literal text, `${`/`%{` openers with their strip markers, quotes and heredoc markers.

/// What kind of token a ``Token`` is.
enum TokenKind: Sendable, Hashable {
    case oBrace, cBrace, oBrack, cBrack, oParen, cParen
    case oQuote, cQuote
    /// `<<EOT` or `<<-EOT` up to and including its newline.
    case oHeredoc
    /// The closing marker line of a heredoc (without its newline).
    case cHeredoc
    /// `${` or `${~`.
    case templateInterp
    /// `%{` or `%{~`.
    case templateControl
    /// The `}` or `~}` that closes a template interpolation or directive.
    case templateSeqEnd
    /// Literal text inside a quoted template or heredoc (escapes not yet decoded).
    case stringLit
    case numberLit
    case ident
    case plus, minus, star, slash, percent
    case equal, equalOp, notEqual, lessThan, lessThanEq, greaterThan, greaterThanEq
    case and, or, bang
    case dot, comma, ellipsis, fatArrow, question, colon, doubleColon
    case newline
    case eof
    /// A character that starts no token.
    case invalid

    /// How the token reads in a diagnostic ("a newline", "the end of the file", `"{"`).
    var phrase: String {
        switch self {
        case .oBrace: "an opening brace"
        case .cBrace: "a closing brace"
        case .oBrack: "an opening bracket"
        case .cBrack: "a closing bracket"
        case .oParen: "an opening parenthesis"
        case .cParen: "a closing parenthesis"
        case .oQuote: "an opening quote"
        case .cQuote: "a closing quote"
        case .oHeredoc: "a heredoc introducer"
        case .cHeredoc: "a heredoc end marker"
        case .templateInterp: "a template interpolation"
        case .templateControl: "a template directive"
        case .templateSeqEnd: "the end of a template sequence"
        case .stringLit: "a string"
        case .numberLit: "a number"
        case .ident: "an identifier"
        case .plus: "a plus sign"
        case .minus: "a minus sign"
        case .star: "an asterisk"
        case .slash: "a slash"
        case .percent: "a percent sign"
        case .equal: "an equals sign"
        case .equalOp: "an equality operator"
        case .notEqual: "an inequality operator"
        case .lessThan, .lessThanEq, .greaterThan, .greaterThanEq: "a comparison operator"
        case .and, .or: "a logical operator"
        case .bang: "a bang"
        case .dot: "a dot"
        case .comma: "a comma"
        case .ellipsis: "an ellipsis"
        case .fatArrow: "a fat arrow"
        case .question: "a question mark"
        case .colon: "a colon"
        case .doubleColon: "a double colon"
        case .newline: "a newline"
        case .eof: "the end of the file"
        case .invalid: "an invalid character"
        }
    }
}

/// One token with its place in the source.
struct Token: Sendable, Hashable {
    var kind: TokenKind
    /// Byte offsets of the token's text in the source.
    var start: SourcePosition
    var end: SourcePosition
    /// Strip marker (`~`) on the side of a template sequence that touches literal text:
    /// after `${`/`%{`, or before the closing `}`.
    var strip = false
    /// For `oHeredoc`: the end marker and whether it is `<<-` (indented).
    var heredocMarker = ""
    var heredocFlush = false
}
