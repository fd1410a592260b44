import Foundation
import JSON

/// Decodes model values from the `data` column's JSON, as Foundation's `JSONDecoder` (dates ISO 8601) reads what
/// `SortedJSONEncoder` or Foundation's `JSONEncoder` wrote, without its per-object dictionaries: snapshots written
/// before read the same.
enum StoreDecoder {
    /// The value of type `T` that `text` holds; a `DecodingError` when it holds something else.
    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let json: JSONValue
        do { json = try JSONParser.parse(text, options: options) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(error)", underlyingError: error))
        }
        return try StoreValueDecoder(json, path: []).value(T.self)
    }

    /// The shared parser as the store reads: 256 levels (model values nest a handful), numbers kept as text and
    /// converted to the type the model asks for, objects walked by ``StoreKeyedDecoding`` (no key index built).
    static let options: JSONParser.Options = {
        var options = JSONParser.Options.embedded
        options.maxDepth = 256
        options.indexesObjects = false
        return options
    }()
}

/// One JSON value being decoded, at a coding path.
struct StoreValueDecoder: Decoder {
    let json: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ json: JSONValue, path: [any CodingKey]) {
        self.json = json
        self.codingPath = path
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = json else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(StoreKeyedDecoding<Key>(object.members, path: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = json else { throw mismatch([Any].self) }
        return StoreUnkeyedDecoding(elements, path: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { StoreSingleValueDecoding(json, path: codingPath) }

    func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected \(type) but found \(json.typeName) instead."))
    }

    /// A value of type `T`: strings, numbers and booleans straight from the JSON, dates, URLs and data as
    /// Foundation's decoder reads them (ISO 8601, a string, Base64), anything else by its own `init(from:)`.
    func value<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self, let value = try scalar(String.self) as? T { return value }
        if T.self == Int.self, let value = try scalar(Int.self) as? T { return value }
        if T.self == Bool.self, let value = try scalar(Bool.self) as? T { return value }
        if T.self == Date.self {
            let text = try scalar(String.self)
            guard let date = try? Date.ISO8601FormatStyle().parse(text), let value = date as? T else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Expected date string to be ISO8601-formatted."))
            }
            return value
        }
        if T.self == URL.self {
            guard let url = URL(string: try scalar(String.self)), let value = url as? T else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Invalid URL string."))
            }
            return value
        }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try scalar(String.self)), let value = data as? T else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Encountered Data is not valid Base64."))
            }
            return value
        }
        return try T(from: self)
    }

    /// A string, number or boolean of the type asked for; numbers must fit it exactly.
    func scalar<T: StoreScalar>(_ type: T.Type) throws -> T {
        if case .null = json {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: codingPath, debugDescription: "Expected \(T.self) value but found null instead."))
        }
        guard let value = T(json) else {
            if case .number(let number) = json, T.isNumber {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Number \(number.text) does not fit in \(T.self)."))
            }
            throw mismatch(T.self)
        }
        return value
    }

    /// The decoder of a member or element.
    func nested(_ json: JSONValue, _ key: any CodingKey) -> StoreValueDecoder { StoreValueDecoder(json, path: codingPath + [key]) }
}

/// The key `superDecoder()` reads, as Foundation names it.
struct StoreSuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { guard stringValue == "super" else { return nil } }
    init?(intValue: Int) { nil }
}

/// What a JSON scalar converts to: strings, booleans, and numbers that fit exactly.
protocol StoreScalar {
    init?(_ json: JSONValue)
    static var isNumber: Bool { get }
}

extension String: StoreScalar {
    init?(_ json: JSONValue) { guard case .string(let s) = json else { return nil }; self = s }
    static var isNumber: Bool { false }
}

extension Bool: StoreScalar {
    init?(_ json: JSONValue) { guard case .bool(let b) = json else { return nil }; self = b }
    static var isNumber: Bool { false }
}

/// Integers: from a number's text, exactly (`1.0` and `1e2` are what an integer never was written as).
protocol StoreInteger: StoreScalar, FixedWidthInteger {}

extension StoreInteger {
    init?(_ json: JSONValue) {
        guard case .number(let number) = json, let value = Self(number.text, radix: 10) else { return nil }
        self = value
    }
    static var isNumber: Bool { true }
}

extension Int: StoreInteger {}
extension Int8: StoreInteger {}
extension Int16: StoreInteger {}
extension Int32: StoreInteger {}
extension Int64: StoreInteger {}
extension UInt: StoreInteger {}
extension UInt8: StoreInteger {}
extension UInt16: StoreInteger {}
extension UInt32: StoreInteger {}
extension UInt64: StoreInteger {}

extension Double: StoreScalar {
    init?(_ json: JSONValue) {
        guard case .number(let number) = json, let value = Double(number.text), value.isFinite else { return nil }
        self = value
    }
    static var isNumber: Bool { true }
}

extension Float: StoreScalar {
    init?(_ json: JSONValue) {
        guard case .number(let number) = json, let value = Float(number.text), value.isFinite else { return nil }
        self = value
    }
    static var isNumber: Bool { true }
}
