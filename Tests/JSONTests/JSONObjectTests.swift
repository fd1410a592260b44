import Testing
import JSON

@Suite("JSON object")
struct JSONObjectTests {
    @Test("setting replaces in place, appends new keys, nil removes every occurrence")
    func mutation() throws {
        var o: JSONObject = ["a": .number(1), "b": .number(2)]
        o["a"] = .string("x")
        o["c"] = .null
        #expect(o.keys == ["a", "b", "c"])
        #expect(o["a"] == .string("x"))
        o["b"] = nil
        #expect(o.keys == ["a", "c"])
        #expect(o["b"] == nil)
    }

    @Test("large objects look keys up through an index, before and after changes", arguments: [5, 17, 40, 1000])
    func largeObjects(count: Int) throws {
        var o = JSONObject((0..<count).map { ("k\($0)", JSONValue.number($0)) })
        #expect(o["k\(count - 1)"] == .number(count - 1))
        #expect(o["k0"] == .number(0))
        #expect(o["missing"] == nil)
        o["extra"] = .bool(true)
        o["k0"] = nil
        #expect(o["extra"] == .bool(true))
        #expect(o["k0"] == nil)
        #expect(o["k1"] == .number(1))
        #expect(o.count == count)
    }

    @Test("a dictionary builds an object sorted by key; a literal keeps its order")
    func construction() {
        #expect(JSONObject(["b": .null, "a": .null]).keys == ["a", "b"])
        let literal: JSONObject = ["b": .null, "a": .null]
        #expect(literal.keys == ["b", "a"])
    }

    @Test("equality ignores member order and counts a repeated key once, by its last value")
    func equality() {
        let a: JSONObject = ["a": .number(1), "b": .number(2)]
        let b: JSONObject = ["b": .number(2), "a": .number(1)]
        let c: JSONObject = ["a": .number(9), "b": .number(2), "a": .number(1)]
        #expect(a == b)
        #expect(a == c)
        #expect(Set([a, b, c]).count == 1)
        #expect(a != ["a": .number(1)])
    }
}
