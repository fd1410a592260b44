/// A parsed JSON document as a flat list of nodes over its bytes: what `JSONParser` reads before any tree is built.
///
/// Nothing is allocated per value: strings and numbers stay byte ranges of the document (materialized when asked),
/// containers list their elements' nodes in one shared array. A reader that visits a few members of each object
/// (a `Decoder`) saves building the `JSONValue` tree. Node 0 is the document's value; every accessor takes a node
/// index and answers nil (or `.null`) for one that is not there or of another type, so no index can trap.
public final class JSONTape: Sendable {
    /// The JSON type of a node.
    public enum Kind: Sendable, Hashable {
        case null, bool, number, string, array, object

        /// The type's name, for error messages ("a string", "an array").
        public var typeName: String {
            switch self {
            case .null: "null"
            case .bool: "a boolean"
            case .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }

    /// How a node is stored; finer than `Kind` so readers can take shortcuts.
    enum Tag: UInt8 {
        case null, `false`, `true`
        /// A number of digits only (an optional minus, no fraction or exponent).
        case integer
        case number
        /// A string without escapes: its bytes are its UTF-8.
        case string
        /// A string with escapes, decoded while parsing into `strings`.
        case escapedString
        case array
        /// An object whose keys may repeat, need escapes or be non-ASCII: looked up by a scan.
        case object
        /// An object whose keys are plain ASCII in strictly increasing byte order: looked up by binary search.
        case sortedObject
    }

    /// One value: scalars their text's byte range (strings inside the quotes), escaped strings their position in
    /// `strings`, containers the range of `children` listing their elements (an object's keys, each value right
    /// after its key).
    struct Node {
        var tag: Tag
        var start: Int
        var end: Int
    }

    /// The document's UTF-8.
    public let bytes: [UInt8]
    let nodes: [Node]
    /// Node indices of container elements (object keys), each container's run contiguous.
    let children: [Int]
    /// The decoded text of strings with escapes.
    let strings: [String]

    /// The document's value.
    public let root = 0

    init(bytes: [UInt8], nodes: [Node], children: [Int], strings: [String]) {
        self.bytes = bytes
        self.nodes = nodes
        self.children = children
        self.strings = strings
    }

    private func node(_ index: Int) -> Node? { nodes.indices.contains(index) ? nodes[index] : nil }

    /// The node's type; `.null` for an index that is no node.
    public func kind(_ index: Int) -> Kind {
        switch node(index)?.tag ?? .null {
        case .null: .null
        case .false, .true: .bool
        case .integer, .number: .number
        case .string, .escapedString: .string
        case .array: .array
        case .object, .sortedObject: .object
        }
    }

    /// A boolean's value.
    public func bool(_ index: Int) -> Bool? {
        switch node(index)?.tag {
        case .true: true
        case .false: false
        default: nil
        }
    }

    /// A string's text.
    public func string(_ index: Int) -> String? {
        guard let node = node(index) else { return nil }
        switch node.tag {
        case .string: return text(node)
        case .escapedString: return strings.indices.contains(node.start) ? strings[node.start] : nil
        default: return nil
        }
    }

    /// A number's text, as written.
    public func numberText(_ index: Int) -> String? {
        guard let node = node(index), node.tag == .integer || node.tag == .number else { return nil }
        return text(node)
    }

    /// A number written as an integer of at most 18 digits (so exact in an `Int`): its value without making text;
    /// nil for any other number (read those from `numberText`).
    public func smallInteger(_ index: Int) -> Int? {
        guard let node = node(index), node.tag == .integer, node.end - node.start <= 19 else { return nil }
        var i = node.start
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard node.end - i <= 18 else { return nil }
        var value = 0
        while i < node.end {
            value = value * 10 + Int(bytes[i] &- UInt8(ascii: "0"))
            i += 1
        }
        return negative ? -value : value
    }

    /// How many elements an array has, members an object; 0 for any other node.
    public func count(_ index: Int) -> Int {
        guard let node = node(index), node.tag == .array || node.tag == .object || node.tag == .sortedObject else { return 0 }
        return node.end - node.start
    }

    /// An array's element at `position` (from 0), nil past its end.
    public func element(_ position: Int, of index: Int) -> Int? {
        guard let node = node(index), node.tag == .array, position >= 0, position < node.end - node.start else { return nil }
        return children[node.start + position]
    }

    /// An object's key at `position` (from 0, in document order, a repeated key each time), nil past its end.
    public func key(_ position: Int, of index: Int) -> String? { member(position, of: index)?.key }

    /// An object's member at `position` (from 0, in document order): its key and its value's node; nil past its end.
    public func member(_ position: Int, of index: Int) -> (key: String, value: Int)? {
        guard let node = node(index), node.tag == .object || node.tag == .sortedObject, position >= 0, position < node.end - node.start,
              let key = string(children[node.start + position]) else { return nil }
        return (key, children[node.start + position] + 1)
    }

    /// The value of the first member named `key` (names equal as Swift strings are); nil when there is none or the
    /// node is no object.
    public func value(forKey key: String, in index: Int) -> Int? {
        guard let node = node(index), node.tag == .object || node.tag == .sortedObject else { return nil }
        let keys = children[node.start..<node.end]
        var key = key
        return key.withUTF8 { name in
            bytes.withUnsafeBufferPointer { document -> Int? in
                let ascii = !name.contains { $0 >= 0x80 }
                if node.tag == .sortedObject, ascii { return binarySearch(name, keys, document) }
                for keyNode in keys where matches(nodes[keyNode], name, ascii: ascii, document) { return keyNode + 1 }
                return nil
            }
        }
    }

    /// The value of `name` among plain keys in strictly increasing byte order.
    private func binarySearch(_ name: UnsafeBufferPointer<UInt8>, _ keys: ArraySlice<Int>, _ document: UnsafeBufferPointer<UInt8>) -> Int? {
        var low = keys.startIndex, high = keys.endIndex
        while low < high {
            let mid = low + (high - low) / 2
            let key = nodes[keys[mid]]
            let order = Self.compare(UnsafeBufferPointer(rebasing: document[key.start..<key.end]), name)
            if order == 0 { return keys[mid] + 1 }
            if order < 0 { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// Whether a key names `name`: equal bytes, or (either side not ASCII) equal as Swift strings.
    private func matches(_ key: Node, _ name: UnsafeBufferPointer<UInt8>, ascii: Bool, _ document: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.tag == .string else {
            return key.tag == .escapedString && strings.indices.contains(key.start) && strings[key.start] == String(decoding: name, as: UTF8.self)
        }
        let bytes = UnsafeBufferPointer(rebasing: document[key.start..<key.end])
        if Self.compare(bytes, name) == 0 { return true }
        if ascii, !bytes.contains(where: { $0 >= 0x80 }) { return false }
        return String(decoding: bytes, as: UTF8.self) == String(decoding: name, as: UTF8.self)
    }

    /// Byte order of `a` against `b`: negative when `a` sorts first, 0 when equal.
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        for i in 0..<min(a.count, b.count) where a[i] != b[i] { return Int(a[i]) - Int(b[i]) }
        return a.count - b.count
    }

    private func text(_ node: Node) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[node.start..<node.end]), as: UTF8.self) }
    }
}
