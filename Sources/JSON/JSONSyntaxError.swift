/// Why a text is not JSON, and where: the byte offset of the problem and its 1-based line and column.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the text ended too early.
    public enum Place: Sendable, Hashable {
        /// Where a value was expected (the document, an element, a member's value).
        case value
        /// Inside an object, where a member name or its end was expected.
        case object
        /// After a member name, where ':' was expected.
        case memberName
        /// Inside an array.
        case array
        /// Inside a string.
        case string
        /// Inside a `\u` escape.
        case unicodeEscape
    }

    /// What is wrong, as a closed set each reader may word in its own way.
    public enum Problem: Sendable, Hashable {
        case unexpectedEnd(Place)
        /// A byte that cannot start a value.
        case unexpectedByte(UInt8)
        /// A word that is not `true`, `false` or `null` (the one it started like).
        case invalidLiteral(expected: String)
        case expectedMemberName
        case expectedColon
        /// Neither ',' nor the end of the object (or, when false, the array).
        case expectedCommaOrEnd(inObject: Bool)
        case controlCharacter
        case invalidEscape
        case invalidHexDigit
        /// A high surrogate escape not followed by a `\u` escape.
        case unpairedSurrogate
        /// A high surrogate followed by an escape that is not a low surrogate.
        case invalidSurrogatePair
        /// A low surrogate escape without a high one before it.
        case loneLowSurrogate
        /// A '-' without digits.
        case invalidNumber
        case missingFractionDigits
        case missingExponentDigits
        case leadingZero
        /// A number too large for a `Double` (`1e999`), refused when the options ask for finite numbers.
        case numberOutOfRange
        case tooDeep(maxDepth: Int)
        case trailingContent
    }

    public let problem: Problem
    /// The offset in bytes from the start of the text.
    public let offset: Int
    /// 1-based line.
    public let line: Int
    /// 1-based column, counted in characters (UTF-8 continuation bytes do not count).
    public let column: Int

    init(_ problem: Problem, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        self.problem = problem
        self.offset = offset
        var line = 1, column = 1
        for b in bytes.prefix(max(0, offset)) {
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        self.line = line
        self.column = column
    }

    /// The problem in a few words (a file's reader: "unexpected end of file (the file looks truncated)").
    public var message: String {
        switch problem {
        case .unexpectedEnd(.value), .unexpectedEnd(.memberName): "unexpected end of file (the file looks truncated)"
        case .unexpectedEnd(.object): "unexpected end of file inside an object (the file looks truncated)"
        case .unexpectedEnd(.array): "unexpected end of file inside an array (the file looks truncated)"
        case .unexpectedEnd(.string): "unexpected end of file inside a string (the file looks truncated)"
        case .unexpectedEnd(.unicodeEscape): "unexpected end of file in \\u escape"
        case .unexpectedByte(let byte): "unexpected \(Self.describe(byte))"
        case .invalidLiteral(let expected): "invalid literal (expected \(expected))"
        case .expectedMemberName: "expected a member name in double quotes"
        case .expectedColon: "expected ':' after member name"
        case .expectedCommaOrEnd(let inObject): inObject ? "expected ',' or '}' in object" : "expected ',' or ']' in array"
        case .controlCharacter: "control character in string"
        case .invalidEscape: "invalid escape sequence"
        case .invalidHexDigit: "invalid hex digit in \\u escape"
        case .unpairedSurrogate: "unpaired UTF-16 surrogate in \\u escape"
        case .invalidSurrogatePair: "invalid UTF-16 surrogate pair"
        case .loneLowSurrogate: "invalid \\u escape"
        case .invalidNumber: "invalid number"
        case .missingFractionDigits: "invalid number: digits expected after '.'"
        case .missingExponentDigits: "invalid number: digits expected in exponent"
        case .leadingZero: "leading zero in number"
        case .numberOutOfRange: "number out of range"
        case .tooDeep(let maxDepth): "nesting deeper than \(maxDepth) levels"
        case .trailingContent: "unexpected content after the JSON value"
        }
    }

    /// One short line: `line 3, column 19: unexpected end of file inside a string (the file looks truncated)`.
    public var description: String { "line \(line), column \(column): \(message)" }

    /// A byte for a message: printable ASCII quoted, anything else (control bytes, bytes of bad UTF-8) in hex.
    static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "character '\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
