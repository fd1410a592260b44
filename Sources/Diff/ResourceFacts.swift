/// A resource flattened into comparable facts: scalar properties and keyed collections of items.
///
/// Two versions of a resource are compared fact by fact; this is what makes the diff readable
/// and lets a rule edited in place show as one modification.
struct ResourceFacts {
    var kind: String
    var id: String
    var name: String
    /// Ordered `(label, value)` pairs: `PubliclyAccessible`, `true`.
    var properties: [(String, String)] = []
    var collections: [ItemCollection] = []

    init(kind: String, id: String, name: String?) {
        self.kind = kind
        self.id = id
        self.name = name ?? id
    }

    mutating func property(_ label: String, _ value: String?) { properties.append((label, value ?? "unset")) }
    mutating func property(_ label: String, _ value: Bool) { properties.append((label, value ? "true" : "false")) }
    mutating func property(_ label: String, list: [String]) { properties.append((label, list.isEmpty ? "none" : list.sorted().joined(separator: ", "))) }
    mutating func collection(_ label: String, _ items: [Item]) { collections.append(ItemCollection(label: label, items: items)) }
    /// Tags as a keyed collection: a changed value is one modification.
    mutating func tags(_ tags: [String: String]) {
        collection("tag", tags.keys.sorted().map { Item("\($0)=\(tags[$0] ?? "")", keys: [$0]) })
    }

    /// Every fact as a line, for created or deleted resources.
    var summaryLines: [String] {
        properties.filter { $0.1 != "unset" && $0.1 != "none" }.map { "\($0.0): \($0.1)" }
            + collections.flatMap { c in c.items.map { "\(c.label): \($0.text)" } }
    }

    /// The lines saying how `new` differs from `self`.
    func changes(to new: ResourceFacts) -> [String] {
        var out: [String] = []
        let oldProps = Dictionary(properties, uniquingKeysWith: { a, _ in a })
        for (label, value) in new.properties {
            let before = oldProps[label] ?? "unset"
            if before != value { out.append("\(label): \(before) → \(value)") }
        }
        let newLabels = Set(new.collections.map(\.label))
        for old in collections where !newLabels.contains(old.label) {
            out += ItemCollection(label: old.label, items: []).changes(from: old)
        }
        for c in new.collections {
            let old = collections.first { $0.label == c.label } ?? ItemCollection(label: c.label, items: [])
            out += c.changes(from: old)
        }
        return out
    }
}

/// One comparable item of a collection (a rule, a route, a statement) and its pairing keys.
struct Item: Hashable {
    /// The full description; equal texts are the same item.
    var text: String
    /// Coarser identities, most specific first: two items differing in text but sharing a key are
    /// one item edited in place (the same rule number, route destination or statement Sid).
    var keys: [String]

    init(_ text: String, keys: [String] = []) {
        self.text = text
        self.keys = keys
    }
}

/// A labelled list of items (`ingress rule`, `route`, `statement`).
struct ItemCollection {
    var label: String
    var items: [Item]

    /// Added, removed and modified lines from `old` to this collection.
    func changes(from old: ItemCollection) -> [String] {
        var removed = old.items
        var added: [Item] = []
        for item in items {
            if let i = removed.firstIndex(where: { $0.text == item.text }) { removed.remove(at: i) } else { added.append(item) }
        }
        var modified: [(Item, Item)] = []
        let levels = (removed + added).map(\.keys.count).max() ?? 0
        for level in 0..<levels {
            var stillAdded: [Item] = []
            for item in added {
                guard level < item.keys.count,
                      let i = removed.firstIndex(where: { level < $0.keys.count && $0.keys[level] == item.keys[level] }) else {
                    stillAdded.append(item)
                    continue
                }
                modified.append((removed.remove(at: i), item))
            }
            added = stillAdded
        }
        return removed.map { "\(label) removed: \($0.text)" }
            + added.map { "\(label) added: \($0.text)" }
            + modified.map { "\(label) modified: \($0.0.text) → \($0.1.text)" }
    }
}
