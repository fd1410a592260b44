/// A JSON value as the data column's decoder reads it: objects keep their members in stored order (a model
/// value has a few dozen keys at most: looked up by a scan, no hashing), numbers keep their text (converted
/// to whichever type the model asks for, so no integer passes through a `Double`).
enum StoreJSON {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([StoreJSON])
    case object([(key: String, value: StoreJSON)])

    /// The kind of value, for error messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Why a data column's text is not JSON: where (a UTF-8 offset) and what was expected.
struct StoreJSONError: Error, CustomStringConvertible {
    let offset: Int
    let reason: String

    var description: String { "not valid JSON at offset \(offset): \(reason)" }
}

/// Parses one JSON text (RFC 8259, whitespace allowed) into a ``StoreJSON`` value; anything else is an error,
/// never a trap: nesting deeper than ``maximumDepth`` is refused instead of exhausting the stack.
struct StoreJSONParser {
    /// Nesting deeper than this is refused (model values nest a handful of levels).
    static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The value `text` holds; an error when it holds anything more or less than one JSON value.
    static func parse(_ text: String) throws -> StoreJSON {
        var text = text
        return try text.withUTF8 { buffer in
            var parser = StoreJSONParser(buffer)
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.at == buffer.count else { throw parser.error("text after the value") }
            return value
        }
    }

    private func error(_ reason: String) -> StoreJSONError { StoreJSONError(offset: at, reason: reason) }

    private var current: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func skipSpace() {
        while let c = current, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { at += 1 }
    }

    private mutating func value(depth: Int) throws -> StoreJSON {
        skipSpace()
        guard let c = current else { throw error("a value expected, the text ends") }
        switch c {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("a value expected")
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { throw error("\(word) expected") }
        for i in 0..<count where bytes[at + i] != word.utf8Start[i] { throw error("\(word) expected") }
        at += count
    }

    private mutating func object(depth: Int) throws -> StoreJSON {
        guard depth <= Self.maximumDepth else { throw error("nested too deeply") }
        at += 1
        var members: [(key: String, value: StoreJSON)] = []
        skipSpace()
        if current == UInt8(ascii: "}") { at += 1; return .object(members) }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw error("a member name expected") }
            let key = try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw error("':' expected") }
            at += 1
            members.append((key, try value(depth: depth)))
            skipSpace()
            switch current {
            case UInt8(ascii: ","): at += 1
            case UInt8(ascii: "}"): at += 1; return .object(members)
            default: throw error("',' or '}' expected")
            }
        }
    }

    private mutating func array(depth: Int) throws -> StoreJSON {
        guard depth <= Self.maximumDepth else { throw error("nested too deeply") }
        at += 1
        var elements: [StoreJSON] = []
        skipSpace()
        if current == UInt8(ascii: "]") { at += 1; return .array(elements) }
        while true {
            elements.append(try value(depth: depth))
            skipSpace()
            switch current {
            case UInt8(ascii: ","): at += 1
            case UInt8(ascii: "]"): at += 1; return .array(elements)
            default: throw error("',' or ']' expected")
            }
        }
    }

    /// A number's text, checked against JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws -> String {
        let start = at
        if current == UInt8(ascii: "-") { at += 1 }
        if current == UInt8(ascii: "0") {
            at += 1
        } else {
            guard digits() > 0 else { throw error("a digit expected") }
        }
        if current == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { throw error("a digit expected after '.'") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            at += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { throw error("a digit expected in the exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
    }

    private mutating func digits() -> Int {
        let start = at
        while let c = current, c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { at += 1 }
        return at - start
    }

    /// A string's value; `at` is on its opening quote. Text without escapes is taken as it is.
    private mutating func string() throws -> String {
        at += 1
        let start = at
        while let c = current, c != UInt8(ascii: "\""), c != UInt8(ascii: "\\") {
            guard c >= 0x20 else { throw error("a control character in a string") }
            at += 1
        }
        guard let stop = current else { throw error("a string not closed") }
        if stop == UInt8(ascii: "\"") {
            at += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(at - 1)]), as: UTF8.self)
        }
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<at]))
        while true {
            guard let c = current else { throw error("a string not closed") }
            at += 1
            switch c {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case ..<0x20:
                throw error("a control character in a string")
            default:
                utf8.append(c)
            }
        }
    }

    /// One escape after its backslash, appended as UTF-8.
    private mutating func escape(into utf8: inout [UInt8]) throws {
        guard let c = current else { throw error("an escape not finished") }
        at += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(c)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hex4())
            if (0xD800...0xDBFF).contains(scalar) {
                guard current == UInt8(ascii: "\\"), at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "u") else {
                    throw error("a lone UTF-16 surrogate")
                }
                at += 2
                let low = UInt32(try hex4())
                guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone UTF-16 surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("a lone UTF-16 surrogate") }
            utf8.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw error("an unknown escape")
        }
    }

    private mutating func hex4() throws -> UInt16 {
        guard at + 4 <= bytes.count else { throw error("four hex digits expected") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let c = bytes[at]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw error("four hex digits expected")
            }
            value = value << 4 | UInt16(digit)
            at += 1
        }
        return value
    }
}
