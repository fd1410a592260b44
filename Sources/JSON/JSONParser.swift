/// A strict JSON parser (RFC 8259) over UTF-8 bytes, with errors that name their position.
///
/// Written for this project so that a malformed or truncated file is named with the exact place of the problem,
/// and so large AWS CLI dumps parse quickly: numbers are kept as text (no conversion while reading) and objects as
/// member lists (no hashing while reading).
public struct JSONParser {
    /// What a parse accepts beyond the grammar: one of the presets, changed as needed (`var o = Options.document; o.maxDepth = 64`).
    public struct Options: Sendable, Hashable {
        /// Documents nested deeper are refused (the parser recurses; no AWS output nests past a few dozen levels).
        public var maxDepth: Int
        /// Whether a UTF-8 byte order mark before the document is skipped (editors on some platforms write one).
        public var skipsByteOrderMark: Bool
        /// Whether a number too large for a `Double` (`1e999`) is refused, as no printer could write it back.
        public var requiresFiniteNumbers: Bool
        /// Whether objects longer than a few members get a key index (fast lookups by name); a reader that only
        /// walks the members (the snapshot store's decoder) saves building it.
        public var indexesObjects = true

        /// For files and API responses: 512 levels, a byte order mark skipped, numbers that fit a `Double`.
        public static let document = Options(maxDepth: 512, skipsByteOrderMark: true, requiresFiniteNumbers: true)
        /// For JSON embedded in other text (a policy document): 128 levels, nothing but the grammar.
        public static let embedded = Options(maxDepth: 128, skipsByteOrderMark: false, requiresFiniteNumbers: false)
    }

    /// The depth limit of `Options.document`.
    public static let maxDepth = Options.document.maxDepth

    private let bytes: UnsafeBufferPointer<UInt8>
    private let options: Options
    private var index = 0
    private var depth = 0

    /// Parses a complete document; anything but whitespace after the value is an error.
    public static func parse(_ bytes: [UInt8], options: Options = .document) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in parse(buffer, options) }.get()
    }

    /// Parses a complete document held in a string (its UTF-8 read in place, not copied).
    public static func parse(_ text: String, options: Options = .document) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        return try text.withUTF8 { buffer in parse(buffer, options) }.get()
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ options: Options) -> Result<JSONValue, JSONSyntaxError> {
        var parser = JSONParser(bytes: buffer, options: options)
        do throws(JSONSyntaxError) { return .success(try parser.parseDocument()) } catch { return .failure(error) }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, options: Options) {
        self.bytes = bytes
        self.options = options
    }

    private func error(_ problem: JSONSyntaxError.Problem) -> JSONSyntaxError {
        JSONSyntaxError(problem, offset: index, in: bytes)
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        if options.skipsByteOrderMark, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw error(.trailingContent) }
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw error(.unexpectedEnd(.value)) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error(.unexpectedByte(bytes[index]))
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        guard bytes.count - index >= count, bytes[index..<index + count].elementsEqual(text) else {
            throw error(.invalidLiteral(expected: literal.description))
        }
        index += count
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > options.maxDepth { throw error(.tooDeep(maxDepth: options.maxDepth)) }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var members: [JSONObject.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; depth -= 1; return .object(JSONObject(members: members, indexed: options.indexesObjects)) }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd(.object)) }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error(.expectedMemberName) }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd(.memberName)) }
            guard bytes[index] == UInt8(ascii: ":") else { throw error(.expectedColon) }
            index += 1
            members.append((key: key, value: try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd(.object)) }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; depth -= 1; return .object(JSONObject(members: members, indexed: options.indexesObjects)) }
            throw error(.expectedCommaOrEnd(inObject: true))
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; depth -= 1; return .array(items) }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd(.array)) }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; depth -= 1; return .array(items) }
            throw error(.expectedCommaOrEnd(inObject: false))
        }
    }

    /// A string from its opening quote; the common case without escapes is one scan and one copy.
    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error(.controlCharacter) }
            index += 1
        }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if b < 0x20 { throw error(.controlCharacter) }
            if b != UInt8(ascii: "\\") { buffer.append(b); index += 1; continue }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"): try appendUnicodeEscape(to: &buffer)
            default:
                index -= 1
                throw error(.invalidEscape)
            }
        }
        throw error(.unexpectedEnd(.string))
    }

    /// The scalar of a `\u` escape (after the `u`), a surrogate pair joined, as UTF-8.
    private mutating func appendUnicodeEscape(to buffer: inout [UInt8]) throws(JSONSyntaxError) {
        var scalar = try parseHex4()
        if (0xD800..<0xDC00).contains(scalar) {
            guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw error(.unpairedSurrogate)
            }
            index += 2
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error(.invalidSurrogatePair) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let u = Unicode.Scalar(scalar) else { throw error(.loneLowSurrogate) }
        if let encoded = UTF8.encode(u) { buffer.append(contentsOf: encoded) }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error(.unexpectedEnd(.unicodeEscape)) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error(.invalidHexDigit)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Digits from the current byte on; how many.
    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        return index - start
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let intStart = index
        let intDigits = digits()
        guard intDigits > 0 else { throw error(.invalidNumber) }
        if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") { throw error(.leadingZero) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error(.missingFractionDigits) }
        }
        var exponent = false
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            exponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error(.missingExponentDigits) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        // Only an exponent or some 309 digits reach past Double's range (1.8e308): converting the rest would be wasted.
        if options.requiresFiniteNumbers, exponent || intDigits > 300, !(Double(text)?.isFinite ?? false) {
            index = start
            throw error(.numberOutOfRange)
        }
        return JSONNumber(checked: text)
    }
}
