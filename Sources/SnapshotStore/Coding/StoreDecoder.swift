import Foundation
import JSON
import NetModel

/// Decodes model values from the `data` column's JSON, as Foundation's `JSONDecoder` (dates ISO 8601) reads what
/// `SortedJSONEncoder` or Foundation's `JSONEncoder` wrote, without its per-object dictionaries: snapshots written
/// before read the same.
///
/// The text is parsed into a `JSONTape` (no tree, no string made until a value asks for it) and walked by
/// ``StoreValueDecoder``: members are found by binary search in the key-sorted objects the writers produce.
enum StoreDecoder {
    /// The value of type `T` that `text` holds; a `DecodingError` when it holds something else.
    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let tape: JSONTape
        do { tape = try JSONParser.tape(text, options: options) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(error)", underlyingError: error))
        }
        return try StoreValueDecoder(tape, tape.root, parent: nil, key: nil).value(T.self, tape.root, nil)
    }

    /// The shared parser as the store reads: 256 levels (model values nest a handful), numbers kept as text and
    /// converted to the type the model asks for.
    static let options: JSONParser.Options = {
        var options = JSONParser.Options.embedded
        options.maxDepth = 256
        return options
    }()
}

/// The decoder of one value on the tape, and the link its members' coding paths go through (the decoder of the
/// container holding it and its key there): the path is made into an array only when asked for (errors, mostly).
///
/// Members and elements that are scalars are read straight from their tape node, without a decoder of their own.
final class StoreValueDecoder: Decoder {
    let tape: JSONTape
    let node: Int
    let parent: StoreValueDecoder?
    let key: (any CodingKey)?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ tape: JSONTape, _ node: Int, parent: StoreValueDecoder?, key: (any CodingKey)?) {
        self.tape = tape
        self.node = node
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var next: StoreValueDecoder? = self
        while let decoder = next {
            if let key = decoder.key { keys.append(key) }
            next = decoder.parent
        }
        return keys.reversed()
    }

    /// The coding path of a member or element of this value (`key` nil: of this value itself).
    func path(_ key: (any CodingKey)?) -> [any CodingKey] { codingPath + (key.map { [$0] } ?? []) }

    /// The decoder of a member or element at `node` (`key` nil: this decoder, `node` being its own).
    func child(_ node: Int, _ key: (any CodingKey)?) -> StoreValueDecoder {
        key.map { StoreValueDecoder(tape, node, parent: self, key: $0) } ?? self
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.kind(node) == .object else { throw mismatch([String: Any].self, node, codingPath) }
        return KeyedDecodingContainer(StoreKeyedDecoding<Key>(self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tape.kind(node) == .array else { throw mismatch([Any].self, node, codingPath) }
        return StoreUnkeyedDecoding(self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { StoreSingleValueDecoding(self) }

    func mismatch(_ type: Any.Type, _ node: Int, _ path: [any CodingKey]) -> DecodingError {
        .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected \(type) but found \(tape.kind(node).typeName) instead."))
    }

    /// A value of type `T` at `node` (a member or element under `key`, or with `key` nil this decoder's own):
    /// strings, numbers and booleans straight from the JSON, dates, URLs and data as Foundation's decoder reads them
    /// (ISO 8601, a string, Base64), anything else by its own `init(from:)`.
    func value<T: Decodable>(_ type: T.Type, _ node: Int, _ key: (any CodingKey)?) throws -> T {
        if T.self == String.self || T.self == Int.self || T.self == Bool.self || T.self == [String].self || T.self == Tags.self
            || T.self == Date.self || T.self == URL.self || T.self == Data.self {
            return try special(type, node, key)
        }
        return try T(from: child(node, key))
    }

    /// The types `value` reads itself (apart so that other types' decoding pays nothing for their casts). String
    /// lists and tags too, as `Array` and `Dictionary` would (a value of another shape is left to them, so that
    /// their errors are the ones given).
    @inline(never)
    private func special<T: Decodable>(_ type: T.Type, _ node: Int, _ key: (any CodingKey)?) throws -> T {
        if T.self == String.self, let value = try scalar(String.self, node, key) as? T { return value }
        if T.self == Int.self, let value = try scalar(Int.self, node, key) as? T { return value }
        if T.self == Bool.self, let value = try scalar(Bool.self, node, key) as? T { return value }
        if T.self == [String].self, let value = strings(node) as? T { return value }
        if T.self == Tags.self, let value = tags(node) as? T { return value }
        if T.self == Date.self {
            let text = try scalar(String.self, node, key)
            guard let date = try? Date.ISO8601FormatStyle().parse(text), let value = date as? T else {
                throw DecodingError.dataCorrupted(.init(codingPath: path(key), debugDescription: "Expected date string to be ISO8601-formatted."))
            }
            return value
        }
        if T.self == URL.self {
            guard let url = URL(string: try scalar(String.self, node, key)), let value = url as? T else {
                throw DecodingError.dataCorrupted(.init(codingPath: path(key), debugDescription: "Invalid URL string."))
            }
            return value
        }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try scalar(String.self, node, key)), let value = data as? T else {
                throw DecodingError.dataCorrupted(.init(codingPath: path(key), debugDescription: "Encountered Data is not valid Base64."))
            }
            return value
        }
        return try T(from: child(node, key))
    }

    /// A string, number or boolean of the type asked for at `node` (as for `value`); numbers must fit it exactly.
    func scalar<T: StoreScalar>(_ type: T.Type, _ node: Int, _ key: (any CodingKey)?) throws -> T {
        try scalar(type, node) { path(key) }
    }

    /// A scalar as above, the coding path for an error made only when there is one.
    func scalar<T: StoreScalar>(_ type: T.Type, _ node: Int, path: () -> [any CodingKey]) throws -> T {
        if let value = T(tape, node) { return value }
        if tape.kind(node) == .null {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: path(), debugDescription: "Expected \(T.self) value but found null instead."))
        }
        if T.isNumber, let text = tape.numberText(node) {
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "Number \(text) does not fit in \(T.self)."))
        }
        throw mismatch(T.self, node, path())
    }
}

/// The key `superDecoder()` reads, as Foundation names it.
struct StoreSuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { guard stringValue == "super" else { return nil } }
    init?(intValue: Int) { nil }
}
