import Testing
import JSON

@Suite("JSON writer")
struct JSONWriterTests {
    private let sample: JSONValue = [
        "name": "web \"1\"\n",
        "ports": [.number(80), .number(443)],
        "empty": [],
        "none": .object(JSONObject()),
        "nested": ["ok": true, "n": .null],
    ]

    @Test("compact output keeps member order and numbers as written")
    func compact() throws {
        #expect(sample.text() == #"{"name":"web \"1\"\n","ports":[80,443],"empty":[],"none":{},"nested":{"ok":true,"n":null}}"#)
        #expect(try JSONParser.parse(#"{"b": 1.50, "a": -0.5e3}"#).text() == #"{"b":1.50,"a":-0.5e3}"#)
    }

    @Test("pretty output indents by two spaces, with no trailing newline")
    func pretty() {
        #expect(sample.text(.pretty) == """
        {
          "name": "web \\"1\\"\\n",
          "ports": [
            80,
            443
          ],
          "empty": [],
          "none": {},
          "nested": {
            "ok": true,
            "n": null
          }
        }
        """)
    }

    @Test("canonical output sorts keys, keeps a repeated key's last value and normalises numbers")
    func canonical() throws {
        let v = try JSONParser.parse(#"{"b": 1.0, "a": ["x", 2.5, null, 1e20], "b": 2.0}"#)
        #expect(v.canonicalText == #"{"a":["x",2.5,null,1e+20],"b":2}"#)
        #expect(try JSONParser.parse(v.canonicalText) == v)
    }

    @Test("strings escape quotes, backslashes and every control character; other text is kept as UTF-8")
    func escaping() throws {
        let s = "q\"b\\n\nr\rt\t\u{0}\u{1f}\u{7f}é😀/"
        #expect(JSONValue.string(s).text() == #""q\"b\\n\nr\rt\t\u0000\u001f"# + "\u{7f}é😀/\"")
        #expect(try JSONParser.parse(JSONValue.string(s).text()) == .string(s))
    }

    @Test("an ordered document round-trips byte for byte through compact and pretty output")
    func roundTrip() throws {
        for style in [JSONStyle.compact, .pretty] {
            let text = sample.text(style)
            #expect(try JSONParser.parse(text).text(style) == text)
        }
    }
}
