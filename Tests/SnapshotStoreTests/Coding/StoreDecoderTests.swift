import Foundation
import Testing
@testable import SnapshotStore

/// The store's decoder on JSON its writers never produce (keys unsorted, repeated, escaped) and on values that do
/// not decode: read as Foundation's decoder reads them, failing with Foundation's coding paths.
@Suite("Data column decoder")
struct StoreDecoderTests {
    struct Item: Codable, Equatable {
        var name: String
        var port: Int?
        var flags: [Bool]
    }

    struct Value: Codable, Equatable {
        var id: String
        var items: [Item]
        var peer: Peer?
        var count: UInt8
    }

    enum Peer: Codable, Equatable {
        case cidr(String)
        case group(id: String, owner: Int)
    }

    private static func foundation<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try StoreCodingTests.foundationDecoder.decode(type, from: Data(text.utf8))
    }

    @Test("keys in any order, escaped or spaced out, read as Foundation reads them", arguments: [
        #"{"id":"a","items":[],"count":0}"#,
        #"{"count":255,"peer":{"group":{"owner":12,"id":"sg-1"}},"items":[{"port":null,"flags":[true],"name":"x"}],"id":"b"}"#,
        #"{"\u0069d":"c","items":[{"n\u0061me":"é","flags":[]}],"peer":{"cidr":{"_0":"10.0.0.0/8"}},"co\u0075nt":1}"#,
        #" { "items" : [ { "name" : "y" , "port" : 65535 , "flags" : [ false , true ] } ] , "id" : "d" , "count" : 2 } "#,
    ])
    func otherOrders(text: String) throws {
        #expect(try StoreDecoder.decode(Value.self, from: text) == (try Self.foundation(Value.self, text)))
    }

    @Test("a repeated key reads its first occurrence, sorted or not")
    func repeatedKeys() throws {
        let text = #"{"count":1,"count":2,"id":"x","items":[]}"#
        #expect(try StoreDecoder.decode(Value.self, from: text).count == 1)
    }

    @Test("tags (an object of strings) read as Foundation reads them, unsorted and repeated keys included", arguments: [
        #"{}"#, #"{"Name":"web","env":"prod"}"#, #"{"env":"prod","Name":"web"}"#, #"{"Name":"a","Name":"b"}"#, #"{"k\u00e9":"v","Name":"x"}"#,
        // A repeated key's later value is never read, whatever it holds.
        #"{"Name":"a","Name":1}"#,
    ])
    func tags(text: String) throws {
        #expect(try StoreDecoder.decode([String: String].self, from: text) == (try Self.foundation([String: String].self, text)))
    }

    @Test("tags holding a value that is no string fail as Foundation's decoder fails")
    func tagsOfAnotherShape() throws {
        for text in [#"{"Name":null}"#, #"{"env":"prod","Name":["web"]}"#, #"["Name"]"#] {
            #expect(throws: DecodingError.self) { try StoreDecoder.decode([String: String].self, from: text) }
            #expect(throws: DecodingError.self) { try Self.foundation([String: String].self, text) }
        }
    }

    @Test("a value that does not decode fails as Foundation's decoder fails, at the same coding path", arguments: [
        #"{"id":"a","items":[{"name":"x","flags":[true,1]}],"count":0}"#,
        #"{"id":"a","items":[{"name":"x","flags":[]},{"flags":[]}],"count":0}"#,
        #"{"id":"a","items":[{"name":null,"flags":[]}],"count":0}"#,
        #"{"id":"a","items":[],"peer":{"group":{"id":"sg-1"}},"count":0}"#,
        #"{"id":"a","items":[],"peer":{"cidr":{"_0":5}},"count":0}"#,
        #"{"id":"a","items":{},"count":0}"#,
        #"{"id":"a","items":[{"name":"x","port":"80","flags":[]}],"count":0}"#,
        #"{"id":["a"],"items":[],"count":0}"#,
        #"[]"#,
    ])
    func failures(text: String) throws {
        let ours = #expect(throws: DecodingError.self) { try StoreDecoder.decode(Value.self, from: text) }
        let theirs = #expect(throws: DecodingError.self) { try Self.foundation(Value.self, text) }
        #expect(ours.map(Self.path) == theirs.map(Self.path), "\(text)")
    }

    /// Foundation names no path for a number that does not fit (its error is raised below the member's decoder);
    /// the store names the member, as it always has.
    @Test("a number that does not fit its type is corrupt data at its member", arguments: ["256", "-1", "1.5", "1e2"])
    func numberFit(number: String) throws {
        let text = #"{"id":"a","items":[],"count":"# + number + "}"
        let error = #expect(throws: DecodingError.self) { try StoreDecoder.decode(Value.self, from: text) }
        #expect(error.map(Self.path) == "data at count")
    }

    @Test("unkeyed containers read past their end fail at the next index")
    func pastTheEnd() throws {
        struct Pair: Decodable {
            init(from decoder: any Decoder) throws {
                var c = try decoder.unkeyedContainer()
                _ = try c.decode(Int.self)
                _ = try c.decodeNil()
            }
        }
        let ours = #expect(throws: DecodingError.self) { try StoreDecoder.decode([Pair].self, from: "[[1]]") }
        let theirs = #expect(throws: DecodingError.self) { try Self.foundation([Pair].self, "[[1]]") }
        #expect(ours.map(Self.path) == theirs.map(Self.path))
    }

    /// A class hierarchy written with `superEncoder`: the parent's members under `super`.
    struct Inherited: Decodable, Equatable {
        enum Keys: String, CodingKey { case own, parent }
        var own: Int
        var parent: String?
        var missing: String?
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            own = try c.decode(Int.self, forKey: .own)
            parent = try c.superDecoder().singleValueContainer().decode(String?.self)
            missing = try c.superDecoder(forKey: .parent).singleValueContainer().decode(String?.self)
        }
    }

    @Test("super decoders read the super member, or null when there is none")
    func superDecoders() throws {
        for text in [#"{"own":1,"super":"p"}"#, #"{"own":2}"#] {
            #expect(try StoreDecoder.decode(Inherited.self, from: text) == (try Self.foundation(Inherited.self, text)))
        }
    }

    /// The error's kind and coding path, as text.
    private static func path(_ error: DecodingError) -> String {
        let (kind, context): (String, DecodingError.Context) = switch error {
        case .typeMismatch(_, let c): ("type", c)
        case .valueNotFound(_, let c): ("null", c)
        case .keyNotFound(let key, let c): ("key \(key.stringValue)", c)
        case .dataCorrupted(let c): ("data", c)
        @unknown default: ("?", .init(codingPath: [], debugDescription: ""))
        }
        return "\(kind) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
    }
}
