import AWSImport
import Foundation
import NetModel
import Testing
@testable import JSON

/// The encoder writes Foundation's bytes (sorted keys, unescaped slashes, ISO 8601 dates), compact and pretty,
/// for model values and the awkward corners of JSON, and throws where Foundation throws.
@Suite("Sorted JSON encoder")
struct SortedJSONEncoderTests {
    /// Expects this encoder's bytes to be Foundation's, compact and pretty (the texts shown when they differ).
    static func expectFoundationBytes<T: Encodable>(_ value: T, _ note: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws {
        for pretty in [false, true] {
            let ours = try SortedJSONEncoder(pretty: pretty).encode(value)
            let reference = Array(try SortedJSONEncoder.foundation(pretty: pretty).encode(value))
            #expect(ours == reference, "\(note) pretty \(pretty):\n\(String(decoding: ours, as: UTF8.self))\nFoundation:\n\(String(decoding: reference, as: UTF8.self))",
                    sourceLocation: sourceLocation)
        }
    }

    @Test("the shipped samples' inventories and snapshot metadata: Foundation's bytes")
    func samples() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("snapshots")
        for name in ["workshop", "todo-ecs", "terraform-three-tier"] {
            let inventory = try Importer().importPaths([root.appendingPathComponent(name).path]).inventory
            #expect(!inventory.securityGroups.isEmpty, "\(name)")
            try Self.expectFoundationBytes(inventory, name)
            let metadata = SnapshotMetadata(createdAt: Date(timeIntervalSince1970: 1_800_000_000.75), source: .import,
                                            accounts: ["123456789012"], regions: ["eu-west-1", "us-east-1"], toolVersion: "test/1", origin: ["snapshots/\(name)"])
            try Self.expectFoundationBytes(metadata, name)
        }
    }

    struct Nothing: Codable {}

    /// Empty arrays and objects at every depth, and values that write no container at all.
    struct Empties: Codable {
        var list: [Int] = []
        var map: [String: [Int]] = ["none": [], "one": [1]]
        var nested: [[[Int]]] = [[], [[]], [[], [2]]]
        var objects: [[String: Int]] = [[:], ["a": 1], [:]]
        var nothing = Nothing()
        var nothings: [Nothing] = [Nothing(), Nothing()]
    }

    @Test("empty containers, nested and at the top")
    func empties() throws {
        try Self.expectFoundationBytes(Empties())
        try Self.expectFoundationBytes([Int]())
        try Self.expectFoundationBytes([String: Int]())
        try Self.expectFoundationBytes([[Int]]([[]]))
        try Self.expectFoundationBytes(["x": [:]] as [String: [String: Int]])
        try Self.expectFoundationBytes(Nothing())
        #expect(try SortedJSONEncoder(pretty: true).text([Int]()) == "[\n\n]")
        #expect(try SortedJSONEncoder(pretty: true).text(["a": [Int]()]) == "{\n  \"a\" : [\n\n  ]\n}")
        #expect(try SortedJSONEncoder().text(Empties()) == #"{"list":[],"map":{"none":[],"one":[1]},"nested":[[],[[]],[[],[2]]],"nothing":{},"nothings":[{},{}],"objects":[{},{"a":1},{}]}"#)
    }

    static let strings = [
        "", "plain", "quote \" backslash \\ slash / http://a/b", "\\\"", "\\", "\"", "ends with backslash \\",
        "\n\r\t\u{8}\u{C}", String((0..<0x20).map { Character(Unicode.Scalar($0)!) }), "\u{7F}", "é ü ß 中文 😀 👩‍👩‍👧", "e\u{301}",
        "\u{2028}\u{2029}", "</script>", "\u{FFFD}", "brackets [ ] { } , : inside", "\"key\":[1,{}]",
    ]

    @Test("strings: quotes, backslashes, control characters, Unicode and slashes, alone and as keys")
    func strings() throws {
        for text in Self.strings {
            try Self.expectFoundationBytes(text, "\(text.unicodeScalars.map(\.value))")
            try Self.expectFoundationBytes([text: [text]], "\(text.unicodeScalars.map(\.value))")
        }
        try Self.expectFoundationBytes(Self.strings)
        #expect(try SortedJSONEncoder().text("a/b\u{8}\u{1}") == #""a/b\b\u0001""#)
    }

    /// Numbers at their limits, optionals, dates, URLs, data and both kinds of dictionary key.
    struct Scalars: Codable {
        var doubles: [Double] = [0, -0.0, 1.5, 0.1, -2.5e-300, 1e20, 1e21, 1e-7, 123456789.125, .pi, 3, 5e-324, .greatestFiniteMagnitude, -1e16]
        var floats: [Float] = [0, 1.1, -3.4e38, 1e-45]
        var ints: [Int] = [0, -1, 1, 10, -10, .max, .min, 65535, -65536]
        var sized: [Int64] = [Int64.min, Int64.max]
        var small: [Int8] = [Int8.min, Int8.max]
        var unsigned: [UInt64] = [0, UInt64.max]
        var bytes: [UInt8] = [0, 255]
        var flags = [true, false]
        var missing: String? = nil
        var present: Int? = 0
        var optionals: [String?] = ["a", nil, ""]
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_800_000_000.5), Date(timeIntervalSince1970: -86_400 * 400)]
        var url = URL(string: "https://example.com/a/b?c=d&e=f#g")!
        var fileURL = URL(fileURLWithPath: "/tmp/a b")
        var data = Data([0, 1, 2, 254, 255])
        var byName: [String: Int] = ["b": 2, "a": 1, "B": 3, "a10": 4, "a9": 5, "_": 6, "é": 7, "ä": 8, "😀": 9, "": 10, "a b": 11, "tag:aws:x": 12]
        var byNumber: [Int: String] = [10: "ten", 2: "two", -1: "minus one", 0: "zero"]
    }

    @Test("numbers, optionals, dates, URLs, data, dictionaries keyed by strings and by integers")
    func scalars() throws {
        try Self.expectFoundationBytes(Scalars())
        for double in Scalars().doubles { try Self.expectFoundationBytes(double, "\(double)") }
        try Self.expectFoundationBytes(Optional<Int>.none)
        try Self.expectFoundationBytes(Date(timeIntervalSince1970: 1_000_000_000))
    }

    indirect enum Kind: Codable {
        case plain
        case named(String, count: Int)
        case nested(Kind?, [Kind])
        case deep(Kind)
    }

    @Test("enums with associated values, nested")
    func enums() throws {
        let kinds: [Kind] = [.plain, .named("x", count: -3), .nested(nil, [.plain, .named("", count: 0)]), .nested(.deep(.deep(.plain)), []), .deep(.named("ü", count: 1))]
        for kind in kinds { try Self.expectFoundationBytes(kind) }
        try Self.expectFoundationBytes(kinds)
    }

    /// Containers used out of turn (a parent written after its child, a super encoder).
    struct OutOfTurn: Encodable {
        enum Keys: String, CodingKey { case z, a, inner }
        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: Keys.self)
            var inner = outer.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            try outer.encode(1, forKey: .z)
            try inner.encode(2, forKey: .a)
            try outer.encode(3, forKey: .a)
            var parent = outer.superEncoder().singleValueContainer()
            try parent.encode("s")
        }
    }

    /// A super encoder only: written in its place, but not by the one buffer.
    struct SuperOnly: Encodable {
        enum Keys: String, CodingKey { case b }
        func encode(to encoder: any Encoder) throws {
            var keyed = encoder.container(keyedBy: Keys.self)
            try keyed.encode(true, forKey: .b)
            var parent = keyed.superEncoder().unkeyedContainer()
            try parent.encode(1)
        }
    }

    /// Whether the one buffer refuses `value` (throwing, or marking the state), so Foundation's encoder writes it.
    static func refused<T: Encodable>(_ value: T) -> Bool {
        let state = JSONEncodingState()
        do {
            try state.encodeValue(value)
            try state.closeAll()
            return state.unsupported
        } catch {
            return error is JSONEncodingUnsupported
        }
    }

    @Test("a value using its containers out of turn or a super encoder is handed to Foundation's encoder, compact and pretty")
    func outOfTurn() throws {
        #expect(Self.refused(OutOfTurn()))
        #expect(Self.refused(SuperOnly()))
        #expect(!Self.refused(Empties()))
        try Self.expectFoundationBytes(OutOfTurn())
        try Self.expectFoundationBytes(SuperOnly())
        try Self.expectFoundationBytes(["list": [OutOfTurn()], "empty": []])
    }

    @Test("a number JSON cannot hold is an encoding error, as in Foundation")
    func nonFinite() {
        for pretty in [false, true] {
            let encoder = SortedJSONEncoder(pretty: pretty)
            #expect(throws: EncodingError.self) { try encoder.encode(Double.nan) }
            #expect(throws: EncodingError.self) { try encoder.encode(["a": [1, Double.infinity]]) }
            #expect(throws: EncodingError.self) { try encoder.encode(Scalars(doubles: [-.infinity])) }
            #expect(throws: EncodingError.self) { try encoder.encode([Float.nan]) }
        }
    }
}
