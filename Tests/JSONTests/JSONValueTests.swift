import Testing
import JSON

@Suite("JSON value")
struct JSONValueTests {
    @Test("literals build values, dictionary literals in their order")
    func literals() {
        let v: JSONValue = ["b": "x", "a": [true, .null, .number(2)]]
        #expect(v.objectValue?.keys == ["b", "a"])
        #expect(v["a"] == .array([.bool(true), .null, .number(2)]))
        #expect(v["b"]?.stringValue == "x")
    }

    @Test("a member set through the value changes objects only")
    func subscripting() {
        var object: JSONValue = ["a": .number(1)]
        object["b"] = "two"
        object["a"] = nil
        #expect(object == ["b": "two"])
        var array: JSONValue = ["x"]
        array["a"] = .number(1)
        #expect(array == ["x"])
        #expect(array["a"] == nil)
    }

    @Test("type names for messages", arguments: [
        (JSONValue.null, "null"), (.bool(true), "a boolean"), (.number(1), "a number"), (.string(""), "a string"),
        (.array([]), "an array"), (.object(JSONObject()), "an object"),
    ])
    func typeNames(value: JSONValue, name: String) {
        #expect(value.typeName == name)
    }

    @Test("optional strings are null when absent")
    func optional() {
        #expect(JSONValue.optional(nil) == .null)
        #expect(JSONValue.optional("a") == .string("a"))
    }
}
