/// A JSON value: what the parser reads and the writer prints.
///
/// Objects keep their members in the order they were read or built (duplicates included), numbers keep the text
/// they were written with, so a document can be printed back in its own order and an account ID written as a bare
/// number (`"AWS": 123456789012`) survives without floating-point rounding.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// An integer.
    public static func number(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    /// A floating-point number (integral values below 10^15 are written as integers).
    public static func number(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    /// An object from a dictionary; as a dictionary has no order, its members are sorted by key.
    public static func object(_ members: [String: JSONValue]) -> JSONValue { .object(JSONObject(members)) }

    /// An object with these members, in this order.
    public static func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members)) }

    /// A string, or null for nil.
    public static func optional(_ string: String?) -> JSONValue { string.map(JSONValue.string) ?? .null }

    /// The JSON type's name, for error messages ("a string", "an array").
    public var typeName: String { kind.typeName }

    /// The JSON type.
    public var kind: JSONTape.Kind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// The object's members, nil for any other type.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { o } else { nil }
    }

    /// An object's member (its last occurrence); nil for a missing key or any other type. Setting changes an
    /// object's member as `JSONObject` does, and leaves any other value as it is.
    public subscript(key: String) -> JSONValue? {
        get { objectValue?[key] }
        set {
            guard case .object(var object) = self else { return }
            object[key] = newValue
            self = .object(object)
        }
    }

    /// The array's elements, nil for any other type.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    /// The string, nil for any other type.
    public var stringValue: String? {
        if case .string(let s) = self { s } else { nil }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// A string literal is a JSON string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A boolean literal is a JSON boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array literal is a JSON array.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A dictionary literal is a JSON object with the members in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
