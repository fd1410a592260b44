/// A JSON object's members in document order, duplicates kept.
///
/// Looking a key up finds its last occurrence, as most JSON readers do; iterating visits every member, so a reader
/// that must refuse repeated names (IAM policies) can see them. Large objects carry an index, so a lookup does not
/// scan thousands of members.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// One member: a name and its value.
    public typealias Member = (key: String, value: JSONValue)

    /// The members, in order.
    public private(set) var members: [Member]
    /// Key to the position of its last occurrence; only for objects longer than `indexedCount`.
    private var index: [String: Int]?
    /// Objects up to this many members are searched from the end instead of through an index.
    private static let indexedCount = 16

    /// An empty object.
    public init() { members = [] }

    /// An object with these members, in this order.
    public init(_ members: [(String, JSONValue)]) {
        self.members = members.map { (key: $0.0, value: $0.1) }
        reindex()
    }

    /// Members the parser has read (already labelled, so nothing is copied).
    init(members: [Member]) {
        self.members = members
        reindex()
    }

    /// An object from a dictionary, its members sorted by key (a dictionary has no order of its own).
    public init(_ dictionary: [String: JSONValue]) {
        members = dictionary.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        reindex()
    }

    /// A dictionary literal keeps its order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }

    // MARK: Collection of members

    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }
    public subscript(position: Int) -> Member { members[position] }

    /// The keys in order, one per member (a repeated key appears each time).
    public var keys: [String] { members.map(\.key) }

    /// The members as a dictionary, the last occurrence of a repeated key winning.
    public var dictionary: [String: JSONValue] {
        Dictionary(members.lazy.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    // MARK: Lookup by key

    /// The value of the key's last occurrence; setting replaces it in place (or appends), setting nil removes every occurrence.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let newValue {
                if let i = position(of: key) { members[i].value = newValue; return }
                members.append((key: key, value: newValue))
                if index != nil || members.count > Self.indexedCount { reindex() }
            } else if position(of: key) != nil {
                members.removeAll { $0.key == key }
                reindex()
            }
        }
    }

    /// Replaces the value of the member at `position` (its key stays); a position outside the object changes nothing.
    public mutating func setValue(_ value: JSONValue, at position: Int) {
        guard members.indices.contains(position) else { return }
        members[position].value = value
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        var i = members.count
        while i > 0 {
            i -= 1
            if members[i].key == key { return i }
        }
        return nil
    }

    private mutating func reindex() {
        guard members.count > Self.indexedCount else { index = nil; return }
        var index: [String: Int] = [:]
        index.reserveCapacity(members.count)
        for (i, member) in members.enumerated() { index[member.key] = i }
        self.index = index
    }

    // MARK: Equality

    /// Objects are equal when they hold the same keys with equal values, in any order (JSON objects are unordered).
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        if a.members.count == b.members.count,
           zip(a.members, b.members).allSatisfy({ $0.key == $1.key && $0.value == $1.value }) { return true }
        return a.dictionary == b.dictionary
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(dictionary) }
}
