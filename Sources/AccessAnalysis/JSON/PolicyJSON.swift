import JSON

/// How policy documents are read as JSON, and how their JSON is named in messages (a policy's words, not a file's:
/// "unterminated object at byte 1", "found a list").
enum PolicyJSON {
    /// Parses policy text: JSON embedded in other documents, so no byte order mark, 128 levels at most, and
    /// numbers kept as text however large (an account ID may be written as a bare number).
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parse(text, options: .embedded)
    }
}

extension JSONSyntaxError {
    /// The problem as a policy message words it.
    var reason: String {
        switch problem {
        case .unexpectedEnd(.value): "unexpected end of text"
        case .unexpectedEnd(.object): "unterminated object"
        case .unexpectedEnd(.memberName), .expectedColon: "expected ':' after a member name"
        case .unexpectedEnd(.array): "unterminated list"
        case .unexpectedEnd(.string): "unterminated string"
        case .unexpectedEnd(.unicodeEscape), .invalidHexDigit: "invalid \\u escape"
        case .unexpectedByte, .invalidLiteral: "unexpected character"
        case .expectedMemberName: "expected a quoted member name"
        case .expectedCommaOrEnd(let inObject): inObject ? "expected ',' or '}' in an object" : "expected ',' or ']' in a list"
        case .controlCharacter: "control character in a string"
        case .invalidEscape: "invalid escape sequence"
        case .unpairedSurrogate, .invalidSurrogatePair, .loneLowSurrogate: "unpaired surrogate in \\u escape"
        case .invalidNumber, .missingFractionDigits, .missingExponentDigits, .leadingZero, .numberOutOfRange: "malformed number"
        case .tooDeep(let maxDepth): "nesting deeper than \(maxDepth) levels"
        case .trailingContent: "unexpected text after the JSON value"
        }
    }
}

extension JSONValue {
    /// A short name of the value's JSON type as policy messages say it ("a list", not "an array").
    var policyTypeName: String {
        if case .array = self { "a list" } else { typeName }
    }

    /// The value as text when it is a scalar (string, number or boolean), as IAM reads condition values.
    var scalarText: String? {
        switch self {
        case .string(let s): s
        case .number(let n): n.text
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }
}
