import Foundation
import JSON
import Testing
import NetModel
@testable import SnapshotStore

/// The data column's decoder: values read back from what the store writes (`SortedJSONEncoder`, whose bytes are
/// Foundation's: Tests/JSONTests) and from what Foundation writes, for every model type and the awkward corners of JSON.
@Suite("Data column codec")
struct StoreCodingTests {
    static func foundation<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try SortedJSONEncoder.foundation().encode(value), as: UTF8.self)
    }

    /// Foundation's decoder as the store configured it before its own (ISO 8601 dates): the reference reader.
    static let foundationDecoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }()

    @Test("every model type of the shipped samples decodes back equal from what the store writes")
    func samples() throws {
        for (name, snapshot) in try StoreBackend.samples() {
            let inventory = snapshot.inventory
            #expect(try StoreDecoder.decode(Inventory.self, from: try SortedJSONEncoder().text(inventory)) == inventory, "\(name)")
        }
    }

    /// Dates, optionals, enums with associated values, dictionaries, numbers at their limits, escapes.
    struct Corners: Codable, Equatable, Sendable {
        indirect enum Kind: Codable, Equatable, Sendable {
            case plain
            case named(String, count: Int)
            case nested(Kind?, [Kind])
            case deep(Kind)
        }
        var date: Date
        var dates: [Date]
        var missing: String?
        var present: Int?
        var optionals: [String?]
        var kinds: [Kind]
        var byName: [String: Int]
        var byNumber: [Int: String]
        var text: [String]
        var numbers: [Int64]
        var unsigned: UInt64
        var small: [Int8]
        var doubles: [Double]
        var flag: Bool
        var empty: [String: [Int]]
        var url: URL
        var bytes: Data
    }

    static let corners = Corners(
        date: Date(timeIntervalSince1970: 1_800_000_000), dates: [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 4_102_444_800)],
        missing: nil, present: 0, optionals: ["a", nil, ""],
        kinds: [.plain, .named("x", count: -3), .nested(nil, [.plain, .named("", count: 0)]), .nested(.deep(.deep(.plain)), []), .deep(.named("ü", count: 1))],
        byName: ["b": 2, "a": 1, "B": 3, "a10": 4, "a9": 5, "_": 6, "é": 7, "ä": 8, "😀": 9, "\u{FFFD}": 10, "": 11, "a b": 12, "tag:aws:x": 13],
        byNumber: [10: "ten", 2: "two", -1: "minus one"],
        text: ["", "plain", "quote \" backslash \\ slash / http://a/b", "\n\r\t\u{8}\u{C}", "\u{0}\u{1}\u{1F}\u{7F}", "é ü ß 中文 😀 👩‍👩‍👧",
               "\u{2028}\u{2029}", "netaudit:unknown-before-apply:cidr", "</script>", "\u{FFFD}", "e\u{301}"],
        numbers: [0, -1, 1, Int64.max, Int64.min, 65535, -65536], unsigned: UInt64.max, small: [Int8.min, Int8.max],
        doubles: [0, -0.0, 1.5, 0.1, 1e20, 1e-7, 123456789.125, .pi, 3, -2.5e-300],
        flag: false, empty: ["none": []], url: URL(fileURLWithPath: "/tmp/a b"), bytes: Data([0, 1, 2, 254, 255]))

    @Test("dates, optionals, enums with associated values, dictionaries, numbers and escapes: read back equal, as Foundation reads them")
    func corners() throws {
        let text = try Self.foundation(Self.corners)
        #expect(try StoreDecoder.decode(Corners.self, from: text) == Self.corners)
        #expect(try StoreDecoder.decode(Corners.self, from: try SortedJSONEncoder().text(Self.corners)) == Self.corners)
        #expect(try Self.foundationDecoder.decode(Corners.self, from: Data(text.utf8)) == Self.corners)
        for kind in Self.corners.kinds {
            #expect(try StoreDecoder.decode(Corners.Kind.self, from: try Self.foundation(kind)) == kind)
        }
        for text in Self.corners.text {
            #expect(try StoreDecoder.decode(String.self, from: try Self.foundation(text)) == text)
        }
    }

    @Test("JSON other writers produce reads the same: whitespace, escaped slashes and letters, surrogate pairs, exponents")
    func otherWriters() throws {
        let text = " { \"b\" : [ 1 , 2 ] ,\n\t\"a\" : \"x\\/y\\u00e9\\ud83d\\ude00\\n\" , \"c\" : 1.5E+2 , \"d\" : null } "
        struct Value: Decodable, Equatable { var a: String; var b: [Int]; var c: Double; var d: String? }
        #expect(try StoreDecoder.decode(Value.self, from: text) == Value(a: "x/yé😀\n", b: [1, 2], c: 150, d: nil))
    }

    @Test("malformed or mistyped data is a decoding error, never a trap", arguments: [
        "", " ", "{", "}", "[1,]", "{\"id\":}", "{\"id\" \"x\"}", "{\"id\":\"x\",}", "\"abc", "\"a\\x\"", "\"\\u12\"", "\"\\ud800\"",
        "\"\\udc00x\"", "\"\u{1}\"", "01", "-", "1.", "1e", ".5", "+1", "tru", "nul", "{} {}", "[1] x", "NaN",
        "{\"id\":5}", "{\"id\":null}", "[\"sg-1\"]", "{\"id\":\"sg-1\",\"ingress\":{}}",
    ])
    func malformed(_ text: String) {
        #expect(throws: DecodingError.self) { try StoreDecoder.decode(SecurityGroup.self, from: text) }
    }

    @Test("nesting deeper than the parser allows is an error, not a stack overflow")
    func deepNesting() {
        for text in [String(repeating: "[", count: 100_000), String(repeating: "{\"a\":", count: 10_000), String(repeating: "[", count: 300) + String(repeating: "]", count: 300)] {
            #expect(throws: DecodingError.self) { try StoreDecoder.decode([String].self, from: text) }
        }
        let allowed = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try JSONParser.parse(allowed, options: StoreDecoder.options) }
    }

    @Test("numbers must fit the type asked for exactly")
    func numberFit() throws {
        #expect(throws: DecodingError.self) { try StoreDecoder.decode(Int8.self, from: "128") }
        #expect(throws: DecodingError.self) { try StoreDecoder.decode(UInt.self, from: "-1") }
        #expect(throws: DecodingError.self) { try StoreDecoder.decode(Int.self, from: "99999999999999999999") }
        #expect(throws: DecodingError.self) { try StoreDecoder.decode(Int.self, from: "\"1\"") }
        #expect(throws: DecodingError.self) { try StoreDecoder.decode(Bool.self, from: "1") }
        #expect(try StoreDecoder.decode(UInt64.self, from: "18446744073709551615") == UInt64.max)
        #expect(try StoreDecoder.decode(Double.self, from: "-0") == 0)
    }
}
