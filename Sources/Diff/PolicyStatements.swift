import Foundation

/// Policy documents compared statement by statement, each statement as canonical JSON.
enum PolicyStatements {
    /// The statements of a JSON policy document as items (keyed by policy and `Sid` when present).
    /// A document that does not parse is one item, its text.
    static func items(_ document: String?, policy: String) -> [Item] {
        guard let document, !document.isEmpty else { return [] }
        let decoded = decode(document)
        guard let statements = parse(decoded) else { return [Item("\(policy): \(document)")] }
        return statements.map { s in
            let sid = s["Sid"] as? String
            let text = "\(policy): \(canonical(s))"
            return Item(text, keys: sid.map { ["\(policy)|\($0)"] } ?? [])
        }
    }

    /// The statements of a document: the `Statement` array, or a lone statement object.
    static func parse(_ document: String) -> [[String: Any]]? {
        guard let data = document.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        switch object["Statement"] {
        case let list as [[String: Any]]: return list
        case let single as [String: Any]: return [single]
        default: return nil
        }
    }

    /// Compact JSON with sorted keys.
    static func canonical(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value),
              let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "\(value)"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// IAM returns documents URL-encoded: decode when the text is not already JSON.
    static func decode(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") { return trimmed }
        return trimmed.removingPercentEncoding ?? trimmed
    }
}
