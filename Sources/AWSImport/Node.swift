import NetModel
import Foundation
import JSON

/// A JSON value together with where it sits in its file, so that a mapping
/// error can name the file and the exact member (`SecurityGroups[3].GroupId`).
public struct Node: Sendable {
    public let value: JSONValue
    let location: Location
    let file: String

    /// Where a node sits in its document.
    indirect enum Location: Sendable, CustomStringConvertible {
        case root
        case member(Location, String)
        case element(Location, Int)

        var description: String {
            switch self {
            case .root: "(top level)"
            case .member(.root, let key): key
            case .member(let parent, let key): "\(parent).\(key)"
            case .element(let parent, let i): "\(parent)[\(i)]"
            }
        }
    }

    init(root value: JSONValue, file: String) {
        self.value = value
        self.location = .root
        self.file = file
    }

    private init(value: JSONValue, location: Location, file: String) {
        self.value = value
        self.location = location
        self.file = file
    }

    /// The member path of this node, for messages.
    public var path: String { location.description }

    func shapeError(_ expected: String) -> ImportError {
        .unexpectedShape(file: file, path: path, expected: expected, found: value.typeName)
    }

    /// The member `key`, nil when absent or null; throws when this node is not an object.
    public subscript(key: String) -> Node? {
        guard case .object(let members) = value, let child = members[key] else { return nil }
        if case .null = child { return nil }
        return Node(value: child, location: .member(location, key), file: file)
    }

    /// The elements of an array member; empty when the member is absent.
    public func array(_ key: String) throws(ImportError) -> [Node] {
        guard let child = self[key] else { return [] }
        guard case .array(let items) = child.value else { throw child.shapeError("an array") }
        return items.enumerated().map { Node(value: $1, location: .element(child.location, $0), file: file) }
    }

    /// A string member; nil when absent, an error when of another type.
    public func string(_ key: String) throws(ImportError) -> String? {
        guard let child = self[key] else { return nil }
        guard case .string(let s) = child.value else { throw child.shapeError("a string") }
        return s
    }

    /// The first of several string members that is present.
    public func firstString(_ keys: String...) throws(ImportError) -> String? {
        for key in keys { if let s = try string(key) { return s } }
        return nil
    }

    /// A string member that must be present.
    /// An IPv4 or IPv6 address member: absent is nil, anything that is not an address (`10.0.0.999`) is an error naming it.
    public func address(_ key: String) throws(ImportError) -> String? {
        guard let s = try string(key) else { return nil }
        guard IPAddress(s) != nil else {
            throw .invalidValue(file: file, path: path.isEmpty ? key : "\(path).\(key)", message: "'\(Quoted.value(s))' is not an IP address")
        }
        return s
    }

    public func requiredString(_ key: String) throws(ImportError) -> String {
        guard let s = try string(key) else { throw .missingField(file: file, path: path, field: key) }
        return s
    }

    /// A boolean member; nil when absent.
    public func bool(_ key: String) throws(ImportError) -> Bool? {
        guard let child = self[key] else { return nil }
        guard case .bool(let b) = child.value else { throw child.shapeError("a boolean") }
        return b
    }

    /// An integer member; nil when absent. Numeric strings are accepted, as some APIs quote numbers.
    public func int(_ key: String) throws(ImportError) -> Int? {
        guard let child = self[key] else { return nil }
        switch child.value {
        case .number(let n) where n.integer != nil: return n.integer
        case .string(let s) where Int(s) != nil: return Int(s)
        default: throw child.shapeError("an integer")
        }
    }

    /// An array of strings; empty when absent.
    public func strings(_ key: String) throws(ImportError) -> [String] {
        try array(key).map { (node: Node) throws(ImportError) -> String in
            guard case .string(let s) = node.value else { throw node.shapeError("a string") }
            return s
        }
    }

    /// AWS tags in either spelling: `Tags`/`TagSet`/`TagList` as `[{Key, Value}]`.
    public func tags() throws(ImportError) -> [String: String] {
        var out: [String: String] = [:]
        for key in ["Tags", "TagSet", "TagList"] {
            for tag in try array(key) {
                if let k = try tag.string("Key") { out[k] = try tag.string("Value") ?? "" }
            }
        }
        return out
    }

    /// A policy document member as JSON text, whether the input holds it decoded
    /// (AWS CLI) or as a URL-encoded string (raw API responses).
    public func policyDocument(_ key: String) throws(ImportError) -> String? {
        guard let child = self[key] else { return nil }
        switch child.value {
        case .object, .array: return child.value.canonicalText
        case .string(let text):
            let decoded = text.hasPrefix("%") ? (text.removingPercentEncoding ?? text) : text
            guard let parsed = try? JSONParser.parse(Array(decoded.utf8)) else {
                throw .invalidPolicyDocument(file: file, path: child.path)
            }
            return parsed.canonicalText
        default:
            throw child.shapeError("a policy document")
        }
    }
}
