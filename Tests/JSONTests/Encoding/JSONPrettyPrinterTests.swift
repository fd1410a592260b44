import Foundation
import Testing
@testable import JSON

/// Compact JSON laid out as Foundation's `.prettyPrinted` lays it out, checked against Foundation itself on
/// generated shapes and on the layouts that are easy to get wrong.
@Suite("JSON pretty printer")
struct JSONPrettyPrinterTests {
    private func indent(_ compact: String) -> String { String(decoding: JSONPrettyPrinter.indent(Array(compact.utf8)), as: UTF8.self) }

    @Test("layout: two spaces a level, a space each side of the colon, empty containers on two lines")
    func layout() {
        #expect(indent("[]") == "[\n\n]")
        #expect(indent("{}") == "{\n\n}")
        #expect(indent("1") == "1")
        #expect(indent(#""a""#) == #""a""#)
        #expect(indent(#"{"a":[],"b":{"c":[1,{}]},"d":null}"#) == """
        {
          "a" : [

          ],
          "b" : {
            "c" : [
              1,
              {

              }
            ]
          },
          "d" : null
        }
        """)
    }

    @Test("strings are copied as they are: brackets, commas, colons and escaped quotes inside them")
    func strings() {
        #expect(indent(#"["a,b","[:]","\"{","\\","x\\\"y"]"#) == "[\n  \"a,b\",\n  \"[:]\",\n  \"\\\"{\",\n  \"\\\\\",\n  \"x\\\\\\\"y\"\n]")
        #expect(indent(#"{"{\"k\":[]}":"},"}"#) == "{\n  \"{\\\"k\\\":[]}\" : \"},\"\n}")
    }

    /// A JSON value of any shape, encoded through the containers as synthesized code does.
    indirect enum Tree: Encodable {
        case null, bool(Bool), int(Int), double(Double), string(String), array([Tree]), object([String: Tree])

        func encode(to encoder: any Encoder) throws {
            var single = encoder.singleValueContainer()
            switch self {
            case .null: try single.encodeNil()
            case .bool(let b): try single.encode(b)
            case .int(let n): try single.encode(n)
            case .double(let d): try single.encode(d)
            case .string(let s): try single.encode(s)
            case .array(let items): try single.encode(items)
            case .object(let members): try single.encode(members)
            }
        }

        /// A random tree at most `depth` deep, from `random` (so a failure can be replayed from its seed).
        static func random(_ random: inout some RandomNumberGenerator, depth: Int) -> Tree {
            let texts = ["", "a", "key", "a/b", "q\"uote", "back\\slash", "[", "}", ",", ":", "\n", "é", "😀", " "]
            switch Int.random(in: 0..<(depth > 0 ? 9 : 6), using: &random) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &random))
            case 2: return .int(Int.random(in: -100_000...100_000, using: &random))
            case 3: return .double(Double.random(in: -1e6...1e6, using: &random))
            case 4, 5: return .string(texts.randomElement(using: &random)!)
            case 6, 7:
                return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in Tree.random(&random, depth: depth - 1) })
            default:
                var members: [String: Tree] = [:]
                for _ in 0..<Int.random(in: 0...4, using: &random) {
                    members[texts.randomElement(using: &random)! + String(Int.random(in: 0...9, using: &random))] = Tree.random(&random, depth: depth - 1)
                }
                return .object(members)
            }
        }
    }

    @Test("nesting deeper than the prepared indentation (64 levels) is still Foundation's layout")
    func deep() throws {
        var tree = Tree.object(["leaf": .array([.int(1), .array([])])])
        for depth in 0..<80 { tree = depth % 2 == 0 ? .array([tree, .null]) : .object(["k": tree]) }
        #expect(try SortedJSONEncoder(pretty: true).encode(tree) == Array(try SortedJSONEncoder.foundation(pretty: true).encode(tree)))
    }

    /// A seeded generator (Knuth's MMIX congruential step, high bits folded down), so tree `n` is the same on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    @Test("generated shapes: Foundation's compact bytes laid out are Foundation's pretty bytes, and the encoder writes both")
    func generated() throws {
        var random = Seeded(state: 2026)
        for n in 0..<400 {
            let tree = Tree.random(&random, depth: n % 6)
            let compact = Array(try SortedJSONEncoder.foundation().encode(tree))
            let pretty = Array(try SortedJSONEncoder.foundation(pretty: true).encode(tree))
            #expect(JSONPrettyPrinter.indent(compact) == pretty, "tree \(n): \(String(decoding: compact, as: UTF8.self))")
            #expect(try SortedJSONEncoder().encode(tree) == compact, "tree \(n)")
            #expect(try SortedJSONEncoder(pretty: true).encode(tree) == pretty, "tree \(n)")
        }
    }
}
