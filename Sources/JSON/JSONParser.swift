/// A strict JSON parser (RFC 8259) over UTF-8 bytes, with errors that name their position.
///
/// Written for this project so that a malformed or truncated file is named with the exact place of the problem,
/// and so large AWS CLI dumps parse quickly: a document is first read into a `JSONTape` (byte ranges, no allocation
/// per value), from which a tree is built with its arrays sized; numbers are kept as text (no conversion while
/// reading) and objects as member lists.
public struct JSONParser {
    /// What a parse accepts beyond the grammar: one of the presets, changed as needed (`var o = Options.document; o.maxDepth = 64`).
    public struct Options: Sendable, Hashable {
        /// Documents nested deeper are refused (the parser recurses; no AWS output nests past a few dozen levels).
        public var maxDepth: Int
        /// Whether a UTF-8 byte order mark before the document is skipped (editors on some platforms write one).
        public var skipsByteOrderMark: Bool
        /// Whether a number too large for a `Double` (`1e999`) is refused, as no printer could write it back.
        public var requiresFiniteNumbers: Bool

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
    /// The tape being written (see `JSONTape`).
    private var nodes: [JSONTape.Node] = []
    private var children: [Int] = []
    private var strings: [String] = []
    /// Elements of the containers still open, innermost last: moved to `children` as each closes.
    private var pending: [Int] = []

    /// Parses a complete document; anything but whitespace after the value is an error.
    public static func parse(_ bytes: [UInt8], options: Options = .document) throws(JSONSyntaxError) -> JSONValue {
        try tape(bytes, options: options).value(0)
    }

    /// Parses a complete document held in a string.
    public static func parse(_ text: String, options: Options = .document) throws(JSONSyntaxError) -> JSONValue {
        try tape(Array(text.utf8), options: options).value(0)
    }

    /// Parses a complete document into a tape, building no tree: for readers that look at parts of it.
    public static func tape(_ text: String, options: Options = .document) throws(JSONSyntaxError) -> JSONTape {
        try tape(Array(text.utf8), options: options)
    }

    /// Parses a complete document of UTF-8 bytes into a tape.
    public static func tape(_ bytes: [UInt8], options: Options = .document) throws(JSONSyntaxError) -> JSONTape {
        try bytes.withUnsafeBufferPointer { buffer -> Result<JSONTape, JSONSyntaxError> in
            var parser = JSONParser(bytes: buffer, options: options)
            do throws(JSONSyntaxError) {
                try parser.parseDocument()
                return .success(JSONTape(bytes: bytes, nodes: parser.nodes, children: parser.children, strings: parser.strings))
            } catch {
                return .failure(error)
            }
        }.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, options: Options) {
        self.bytes = bytes
        self.options = options
        // About one value per 8 bytes in compact JSON: a store row's tape then grows no array while it is read.
        let values = min(bytes.count / 8 + 8, 4096)
        nodes.reserveCapacity(values)
        children.reserveCapacity(values)
        pending.reserveCapacity(min(values, 256))
    }

    private func error(_ problem: JSONSyntaxError.Problem) -> JSONSyntaxError {
        JSONSyntaxError(problem, offset: index, in: bytes)
    }

    private mutating func parseDocument() throws(JSONSyntaxError) {
        skipWhitespace()
        if options.skipsByteOrderMark, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        try parseValue()
        skipWhitespace()
        if index < bytes.count { throw error(.trailingContent) }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func append(_ tag: JSONTape.Tag, _ start: Int = 0, _ end: Int = 0) {
        nodes.append(JSONTape.Node(tag: tag, start: start, end: end))
    }

    private mutating func parseValue() throws(JSONSyntaxError) {
        skipWhitespace()
        guard index < bytes.count else { throw error(.unexpectedEnd(.value)) }
        switch bytes[index] {
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "t"): try expectLiteral("true"); append(.true)
        case UInt8(ascii: "f"): try expectLiteral("false"); append(.false)
        case UInt8(ascii: "n"): try expectLiteral("null"); append(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
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

    /// Closes the container at node `container` whose elements were pending from `base` on.
    private mutating func close(_ container: Int, _ tag: JSONTape.Tag, pendingFrom base: Int) {
        index += 1
        depth -= 1
        let start = children.count
        children.append(contentsOf: pending[base...])
        pending.removeLast(pending.count - base)
        nodes[container] = JSONTape.Node(tag: tag, start: start, end: children.count)
    }

    private mutating func parseObject() throws(JSONSyntaxError) {
        try enter()
        index += 1
        let container = nodes.count, base = pending.count
        append(.object)
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { close(container, .sortedObject, pendingFrom: base); return }
        var sorted = true
        var previousKey: JSONTape.Node?
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd(.object)) }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error(.expectedMemberName) }
            let keyNode = nodes.count
            try parseString()
            let key = nodes[keyNode]
            if sorted { sorted = isASCII(key) && previousKey.map { precedes($0, key) } ?? true }
            previousKey = key
            pending.append(keyNode)
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd(.memberName)) }
            guard bytes[index] == UInt8(ascii: ":") else { throw error(.expectedColon) }
            index += 1
            try parseValue()
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd(.object)) }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { close(container, sorted ? .sortedObject : .object, pendingFrom: base); return }
            throw error(.expectedCommaOrEnd(inObject: true))
        }
    }

    /// Whether a key is a plain string of ASCII bytes.
    private func isASCII(_ key: JSONTape.Node) -> Bool {
        key.tag == .string && !bytes[key.start..<key.end].contains { $0 >= 0x80 }
    }

    /// Whether plain key `a`'s bytes sort strictly before `b`'s.
    private func precedes(_ a: JSONTape.Node, _ b: JSONTape.Node) -> Bool {
        JSONTape.compare(UnsafeBufferPointer(rebasing: bytes[a.start..<a.end]), UnsafeBufferPointer(rebasing: bytes[b.start..<b.end])) < 0
    }

    private mutating func parseArray() throws(JSONSyntaxError) {
        try enter()
        index += 1
        let container = nodes.count, base = pending.count
        append(.array)
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { close(container, .array, pendingFrom: base); return }
        while true {
            pending.append(nodes.count)
            try parseValue()
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd(.array)) }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { close(container, .array, pendingFrom: base); return }
            throw error(.expectedCommaOrEnd(inObject: false))
        }
    }

    /// A string from its opening quote: without escapes its byte range, with them its decoded text in `strings`.
    private mutating func parseString() throws(JSONSyntaxError) {
        index += 1
        let start = index
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                append(.string, start, index)
                index += 1
                return
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
                append(.escapedString, strings.count)
                strings.append(String(decoding: buffer, as: UTF8.self))
                return
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

    private mutating func parseNumber() throws(JSONSyntaxError) {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let intStart = index
        let intDigits = digits()
        guard intDigits > 0 else { throw error(.invalidNumber) }
        if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") { throw error(.leadingZero) }
        var integer = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integer = false
            index += 1
            guard digits() > 0 else { throw error(.missingFractionDigits) }
        }
        var exponent = false
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            exponent = true
            integer = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error(.missingExponentDigits) }
        }
        // Only an exponent or some 309 digits reach past Double's range (1.8e308): converting the rest would be wasted.
        if options.requiresFiniteNumbers, exponent || intDigits > 300,
           !(Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))?.isFinite ?? false) {
            index = start
            throw error(.numberOutOfRange)
        }
        append(integer ? .integer : .number, start, index)
    }
}
