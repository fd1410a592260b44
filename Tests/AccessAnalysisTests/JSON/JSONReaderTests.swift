import Testing
@testable import AccessAnalysis

@Suite("JSON reader")
struct JSONReaderTests {
    @Test("objects keep member order, numbers keep their text, escapes decode")
    func readsValues() throws {
        let value = try JSONReader.parse(#" {"b": [1, 123456789012, -0.5e3], "a": "x\u00e9\n\ud83d\ude00", "c": {"t": true, "n": null}} "#)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a", "c"])
        #expect(members[0].value == .array([.number("1"), .number("123456789012"), .number("-0.5e3")]))
        #expect(members[1].value == .string("xé\n😀"))
        #expect(members[2].value == .object([(key: "t", value: .bool(true)), (key: "n", value: .null)]))
    }

    @Test("malformed text is rejected with the offset where reading stopped",
          arguments: [("", 0), ("{", 1), (#"{"a" 1}"#, 5), ("[1,]", 3), (#""abc"#, 4), ("{} x", 3),
                      ("01", 1), (#""\x""#, 3), ("tru", 0), (#"{"a":1,}"#, 7)])
    func rejectsMalformed(text: String, offset: Int) {
        let failure = #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(text) }
        #expect(failure?.offset == offset)
    }

    @Test("deep nesting fails cleanly instead of overflowing the stack")
    func deepNesting() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(text) }
    }
}
