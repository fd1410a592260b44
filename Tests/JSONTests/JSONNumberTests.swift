import Testing
import JSON

@Suite("JSON number")
struct JSONNumberTests {
    @Test("numbers built from Swift values are written as JSON", arguments: [
        (JSONNumber(5), "5"), (JSONNumber(-12), "-12"), (JSONNumber(5.0), "5"), (JSONNumber(2.5), "2.5"),
        (JSONNumber(1e20), "1e+20"), (JSONNumber(123456789012.0), "123456789012"),
    ])
    func built(number: JSONNumber, text: String) {
        #expect(number.text == text)
    }

    @Test("equal numbers denote the same value, whatever their text")
    func equality() throws {
        let oneText = try JSONParser.parse("1.0")
        #expect(oneText == .number(1))
        #expect(Set([oneText, .number(1), .number(1.0)]).count == 1)
        #expect(try JSONParser.parse("-0") == .number(0))
        #expect(JSONNumber(1) != JSONNumber(2))
    }

    @Test("integer reads whole numbers below 10^15 only", arguments: [
        ("5", 5 as Int?), ("5.0", 5), ("5e0", 5), ("-7", -7), ("5.5", nil), ("1e15", nil), ("1e999", nil),
    ])
    func integer(text: String, expected: Int?) throws {
        guard case .number(let n) = try JSONParser.parse(text, options: .embedded) else { Issue.record("not a number"); return }
        #expect(n.integer == expected)
    }
}
