import Testing
@testable import AWSImport

@Suite("JSON parser")
struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test("parses every JSON type")
    func types() throws {
        let v = try parse(#"{"a": [1, -2.5e3, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}}"#)
        guard case .object(let o) = v, case .array(let items) = o["a"] else { Issue.record("not an object"); return }
        #expect(items == [.number(1), .number(-2500), .bool(true), .bool(false), .null, .string("x\né😀")])
        #expect(o["b"] == .object([:]))
    }

    @Test("a truncated file is reported with its position", arguments: [
        (#"{"Vpcs": [ {"VpcId": "vpc-1", "#, 1, 31),
        ("{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc", 3, 19),
    ])
    func truncated(text: String, line: Int, column: Int) {
        #expect {
            try JSONParser.parse(Array(text.utf8))
        } throws: { error in
            guard let e = error as? JSONParser.SyntaxError else { return false }
            return e.line == line && e.column == column && e.message.contains("truncated")
        }
    }

    @Test("syntax errors name the problem", arguments: [
        (#"{"a" 1}"#, "expected ':'"),
        (#"{"a": 1,}"#, "member name"),
        (#"[1 2]"#, "expected ',' or ']'"),
        (#"{"a": tru}"#, "invalid literal"),
        (#"{"a": 01}"#, "leading zero"),
        (#"{"a": 1} x"#, "after the JSON value"),
        ("{'a': 1}", "member name"),
    ])
    func syntaxErrors(text: String, fragment: String) {
        #expect {
            try JSONParser.parse(Array(text.utf8))
        } throws: { error in
            (error as? JSONParser.SyntaxError)?.message.contains(fragment) == true
        }
    }

    @Test("canonical text sorts keys and round-trips")
    func canonical() throws {
        let v = try parse(#"{"b": 1, "a": ["x", 2.5, null]}"#)
        #expect(v.canonicalText == #"{"a":["x",2.5,null],"b":1}"#)
        #expect(try parse(v.canonicalText) == v)
    }
}
