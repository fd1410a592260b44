import Testing
@testable import JSON

@Suite("JSON tape")
struct JSONTapeTests {
    private func tape(_ text: String) throws -> JSONTape { try JSONParser.tape(text) }

    @Test("nodes answer their type and value; other types and missing nodes answer nil, never trap")
    func accessors() throws {
        let t = try tape(#"[null, true, false, 12, -0.5e3, "a\"b", "plain", [1], {"k": 1}]"#)
        #expect(t.kind(t.root) == .array)
        #expect(t.count(t.root) == 9)
        let e = (0..<9).compactMap { t.element($0, of: t.root) }
        #expect(e.map { t.kind($0) } == [.null, .bool, .bool, .number, .number, .string, .string, .array, .object])
        #expect(t.bool(e[1]) == true && t.bool(e[2]) == false)
        #expect(t.numberText(e[3]) == "12" && t.numberText(e[4]) == "-0.5e3")
        #expect(t.string(e[5]) == "a\"b" && t.string(e[6]) == "plain")
        #expect(t.count(e[7]) == 1 && t.count(e[8]) == 1)
        #expect(t.element(9, of: t.root) == nil && t.element(-1, of: t.root) == nil)
        for missing in [-1, 10_000] {
            #expect(t.kind(missing) == .null)
            #expect(t.bool(missing) == nil && t.string(missing) == nil && t.numberText(missing) == nil && t.smallInteger(missing) == nil)
            #expect(t.count(missing) == 0 && t.key(0, of: missing) == nil && t.value(forKey: "k", in: missing) == nil)
            #expect(t.value(missing) == .null)
        }
        #expect(t.string(e[3]) == nil && t.numberText(e[5]) == nil && t.bool(e[0]) == nil)
        #expect(t.element(0, of: e[8]) == nil && t.value(forKey: "k", in: e[7]) == nil && t.key(0, of: e[7]) == nil && t.key(0, of: e[8]) == "k" && t.key(1, of: e[8]) == nil)
    }

    @Test("small integers read without text; fractions, exponents and 19 digits or more do not", arguments: [
        ("0", 0), ("-0", 0), ("7", 7), ("-65536", -65536), ("999999999999999999", 999_999_999_999_999_999),
        ("-999999999999999999", -999_999_999_999_999_999), ("1000000000000000000", nil), ("1.0", nil), ("1e2", nil), ("\"1\"", nil),
    ])
    func smallIntegers(text: String, value: Int?) throws {
        let t = try tape(text)
        #expect(t.smallInteger(t.root) == value)
    }

    @Test("members are found by name in sorted objects, unsorted ones, with duplicates, escapes and non-ASCII keys", arguments: [
        (#"{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}"#, "d", "4"),
        (#"{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}"#, "a", "1"),
        (#"{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}"#, "e", "5"),
        (#"{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}"#, "bb", nil),
        (#"{"a": 1, "ab": 2, "b": 3}"#, "ab", "2"),
        (#"{"e": 1, "a": 2, "c": 3}"#, "a", "2"),
        (#"{"a": 1, "b": 2, "a": 3}"#, "a", "1"),
        (#"{"a\u0062": 1, "x": 2}"#, "ab", "1"),
        (#"{"é": 1, "z": 2}"#, "é", "1"),
        (#"{"e\u0301": 1}"#, "é", "1"),
        (#"{"é": 1}"#, "e\u{301}", "1"),
        (#"{"K": 1, "L": 2}"#, "\u{212A}", "1"),
        (#"{"\u212A": 1}"#, "K", "1"),
        (#"{"K": 1}"#, "k", nil),
        (#"{}"#, "a", nil),
    ])
    func lookup(text: String, key: String, number: String?) throws {
        let t = try tape(text)
        #expect(t.value(forKey: key, in: t.root).flatMap { t.numberText($0) } == number)
    }

    @Test("keys are listed in document order, repeats and escapes included")
    func keys() throws {
        let t = try tape(#"{"b": 1, "a\n": {"x": 2}, "b": 3}"#)
        #expect((0..<3).compactMap { t.key($0, of: t.root) } == ["b", "a\n", "b"])
        #expect(t.key(-1, of: t.root) == nil && t.key(3, of: t.root) == nil)
        // Each member's value is its own, a repeated key's included.
        #expect((0..<3).compactMap { t.member($0, of: t.root).flatMap { t.numberText($0.value) } } == ["1", "3"])
        #expect(t.member(1, of: t.root).map { t.kind($0.value) } == .object && t.member(3, of: t.root) == nil)
    }

    @Test("the tree built from a tape is what the document holds")
    func tree() throws {
        let text = #"{"b": [1, "x\u00e9", {"c": null}], "a": true, "a": -1.5}"#
        let value = try JSONParser.parse(text)
        #expect(try tape(text).value(0) == value)
        #expect(value.objectValue?.keys == ["b", "a", "a"])
        #expect(value["b"]?.arrayValue?[1] == "xé")
    }

    @Test("a tape refuses what the parser refuses, at the same place")
    func malformed() {
        for text in ["", "{\"a\":}", "[1,]", "\"\\ud800\"", "01", String(repeating: "[", count: 600)] {
            let tapeError = #expect(throws: JSONSyntaxError.self) { try tape(text) }
            let parseError = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
            #expect(tapeError?.problem == parseError?.problem && tapeError?.offset == parseError?.offset)
        }
    }
}
