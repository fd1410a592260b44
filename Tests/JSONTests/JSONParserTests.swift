import Testing
@testable import JSON

@Suite("JSON parser")
struct JSONParserTests {
    private func parse(_ text: String, _ options: JSONParser.Options = .document) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8), options: options)
    }

    @Test("parses every JSON type; objects keep member order, numbers their text")
    func types() throws {
        let v = try parse(#" {"b": [1, 123456789012, -0.5e3, true, false, null], "a": "x", "c": {}} "#)
        guard case .object(let o) = v else { Issue.record("not an object"); return }
        #expect(o.keys == ["b", "a", "c"])
        #expect(o["b"]?.arrayValue?.map { if case .number(let n) = $0 { n.text } else { $0.typeName } }
                == ["1", "123456789012", "-0.5e3", "a boolean", "a boolean", "null"])
        #expect(o["a"] == .string("x"))
        #expect(o["c"] == .object(JSONObject()))
    }

    @Test("escapes decode, surrogate pairs join, control characters are refused raw")
    func escapes() throws {
        #expect(try parse(#""\"\\\/\b\f\n\r\t\u00e9\u0000\ud83d\ude00""#) == .string("\"\\/\u{8}\u{c}\n\r\t\u{e9}\u{0}😀"))
        #expect(try parse(#""caf\u00C9 x""#) == .string("cafÉ x"))
        #expect(throws: JSONSyntaxError.self) { try parse("\"a\u{1}b\"") }
    }

    @Test("a UTF-8 byte order mark is skipped for documents and refused where embedded")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(1)]))
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8), options: .embedded) }
    }

    @Test("malformed input names the problem and its byte offset", arguments: [
        ("", JSONSyntaxError.Problem.unexpectedEnd(.value), 0),
        ("{", .unexpectedEnd(.object), 1),
        (#"{"a""#, .unexpectedEnd(.memberName), 4),
        (#"{"a" 1}"#, .expectedColon, 5),
        (#"{"a":1,}"#, .expectedMemberName, 7),
        ("{'a': 1}", .expectedMemberName, 1),
        (#"{"a":1 "b":2}"#, .expectedCommaOrEnd(inObject: true), 7),
        ("[1,]", .unexpectedByte(UInt8(ascii: "]")), 3),
        ("[1 2]", .expectedCommaOrEnd(inObject: false), 3),
        ("[1", .unexpectedEnd(.array), 2),
        (#""abc"#, .unexpectedEnd(.string), 4),
        (#""ab\"#, .unexpectedEnd(.string), 4),
        ("{} x", .trailingContent, 3),
        ("tru", .invalidLiteral(expected: "true"), 0),
        ("nul", .invalidLiteral(expected: "null"), 0),
        ("01", .leadingZero, 2),
        ("-", .invalidNumber, 1),
        ("1.", .missingFractionDigits, 2),
        ("1e+", .missingExponentDigits, 3),
        ("1e999", .numberOutOfRange, 0),
        (#""\x""#, .invalidEscape, 2),
        (#""\u12g4""#, .invalidHexDigit, 5),
        (#""\u12"#, .unexpectedEnd(.unicodeEscape), 3),
        (#""\ud83d""#, .unpairedSurrogate, 7),
        (#""\ud83d\u0041""#, .invalidSurrogatePair, 13),
        (#""\ude00""#, .loneLowSurrogate, 7),
        ("\u{7}", .unexpectedByte(7), 0),
    ])
    func malformed(text: String, problem: JSONSyntaxError.Problem, offset: Int) {
        let error = #expect(throws: JSONSyntaxError.self) { try parse(text) }
        #expect(error?.problem == problem)
        #expect(error?.offset == offset)
    }

    @Test("an error's position is a 1-based line and column, counted in characters", arguments: [
        (#"{"Vpcs": [ {"VpcId": "vpc-1", "#, 1, 31),
        ("{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc", 3, 19),
        ("[\"é\", x]", 1, 7),
    ])
    func position(text: String, line: Int, column: Int) {
        let error = #expect(throws: JSONSyntaxError.self) { try parse(text) }
        #expect(error?.line == line)
        #expect(error?.column == column)
    }

    @Test("errors render as one short line")
    func rendering() {
        let error = #expect(throws: JSONSyntaxError.self) { try parse("{\n  \"a\": tru\n}") }
        #expect(error?.description == "line 2, column 8: invalid literal (expected true)")
        let byte = #expect(throws: JSONSyntaxError.self) { try parse("[\u{1}]") }
        #expect(byte?.message == "unexpected byte 0x1")
    }

    @Test("deep nesting fails cleanly at the limit instead of overflowing the stack")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = #expect(throws: JSONSyntaxError.self) { try parse(deep) }
        #expect(error?.problem == .tooDeep(maxDepth: 512))
        #expect(error?.offset == 512)
        let embedded = #expect(throws: JSONSyntaxError.self) { try parse(deep, .embedded) }
        #expect(embedded?.problem == .tooDeep(maxDepth: 128))
        _ = try parse(String(repeating: "[", count: 512) + String(repeating: "]", count: 512))
    }

    @Test("large numbers keep their digits; out-of-range ones are kept where embedded")
    func largeNumbers() throws {
        let digits = "123456789012345678901234567890"
        #expect(try parse(digits) == .number(JSONNumber(checked: digits)))
        if case .number(let n) = try parse(digits) { #expect(n.text == digits) }
        if case .number(let n) = try parse("1e999", .embedded) { #expect(n.text == "1e999") }
        #expect(throws: JSONSyntaxError.self) { try parse("-" + String(repeating: "9", count: 400)) }
    }

    @Test("duplicate keys are all kept; lookup finds the last")
    func duplicates() throws {
        let o = try parse(#"{"a": 1, "b": 2, "a": 3}"#).objectValue
        #expect(o?.keys == ["a", "b", "a"])
        #expect(o?["a"] == .number(3))
    }
}
