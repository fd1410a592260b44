import JSON
import Testing
@testable import AccessAnalysis

@Suite("Policy JSON")
struct PolicyJSONTests {
    @Test("objects keep member order and repeated names, numbers keep their text however large")
    func readsValues() throws {
        let value = try PolicyJSON.parse(#" {"b": [1, 123456789012, -0.5e3, 1e999], "a": "x\u00e9\n\ud83d\ude00", "b": null} "#)
        let members = try #require(value.objectValue)
        #expect(members.keys == ["b", "a", "b"])
        #expect(members[0].value.arrayValue?.compactMap(\.scalarText) == ["1", "123456789012", "-0.5e3", "1e999"])
        #expect(members[1].value == .string("xé\n😀"))
    }

    @Test("malformed text is worded as policy messages word it, with the byte offset", arguments: [
        ("", "unexpected end of text", 0), ("{", "unterminated object", 1), (#"{"a" 1}"#, "expected ':' after a member name", 5),
        (#"{"a""#, "expected ':' after a member name", 4), ("[1,]", "unexpected character", 3), ("[1", "unterminated list", 2),
        (#""abc"#, "unterminated string", 4), ("{} x", "unexpected text after the JSON value", 3), ("01", "malformed number", 2),
        (#""\x""#, "invalid escape sequence", 2), ("tru", "unexpected character", 0), (#"{"a":1,}"#, "expected a quoted member name", 7),
        (#"{"a":1 2}"#, "expected ',' or '}' in an object", 7), ("[1 2]", "expected ',' or ']' in a list", 3),
        (#""\ude00""#, "unpaired surrogate in \\u escape", 7), (#""\u00""#, "invalid \\u escape", 3),
        ("\u{FEFF}{}", "unexpected character", 0),
    ])
    func rejectsMalformed(text: String, reason: String, offset: Int) {
        let error = #expect(throws: JSONSyntaxError.self) { try PolicyJSON.parse(text) }
        #expect(error?.reason == reason)
        #expect(error?.offset == offset)
    }

    @Test("a policy that is not JSON names the reason and byte in its error")
    func policyError() {
        let error = #expect(throws: PolicyParseError.self) { try PolicyDocument(parsing: "{", source: "p") }
        #expect(error?.description.contains("not valid JSON (unterminated object at byte 1)") == true)
    }

    @Test("nesting past 128 levels fails cleanly")
    func deepNesting() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = #expect(throws: JSONSyntaxError.self) { try PolicyJSON.parse(text) }
        #expect(error?.reason == "nesting deeper than 128 levels")
    }

    @Test("lists are named as policies name them; scalars read as text")
    func naming() {
        #expect(JSONValue.array([]).policyTypeName == "a list")
        #expect(JSONValue.object(JSONObject()).policyTypeName == "an object")
        #expect(JSONValue.bool(false).scalarText == "false")
        #expect(JSONValue.null.scalarText == nil)
    }
}
