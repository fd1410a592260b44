import JSON
import NetModel

extension StoreValueDecoder {
    /// An array of strings at `node`, as `[String].init(from:)` reads it; nil when it is no array or holds
    /// anything but strings.
    func strings(_ node: Int) -> [String]? {
        guard tape.kind(node) == .array else { return nil }
        let count = tape.count(node)
        var strings: [String] = []
        strings.reserveCapacity(count)
        for position in 0..<count {
            guard let element = tape.element(position, of: node), let string = tape.string(element) else { return nil }
            strings.append(string)
        }
        return strings
    }

    /// Tags (an object of strings) at `node`, as `Dictionary.init(from:)` reads them: each key in order set to the
    /// value its first occurrence holds (so a repeated key keeps the first); nil when it is no object or a value
    /// is no string.
    func tags(_ node: Int) -> Tags? {
        guard tape.kind(node) == .object else { return nil }
        let count = tape.count(node)
        var tags: Tags = [:]
        tags.reserveCapacity(count)
        for position in 0..<count {
            guard let (key, valueNode) = tape.member(position, of: node), let value = tape.string(valueNode) else { return nil }
            if tags[key] == nil { tags[key] = value }
        }
        return tags
    }
}
