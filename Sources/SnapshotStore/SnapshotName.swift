/// The name of a snapshot inside a store (`--out org --store URL`): the PostgreSQL schema holding its tables.
public struct SnapshotName: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    /// Letters, digits, `-` and `_`, 1 to 63 characters (PostgreSQL's identifier length), not starting with `pg_`
    /// (reserved for system schemas).
    public init(_ text: String) throws(StoreError) {
        guard !text.isEmpty else { throw .badName(name: text, reason: "empty") }
        guard text.utf8.count <= 63 else { throw .badName(name: text, reason: "longer than 63 characters") }
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }) else {
            throw .badName(name: text, reason: "a character other than a letter, digit, '-' or '_'")
        }
        guard !text.lowercased().hasPrefix("pg_"), text.lowercased() != "information_schema" else {
            throw .badName(name: text, reason: "reserved for PostgreSQL's own schemas")
        }
        self.text = text
    }

    /// Whether `text` is a valid name (a path with `/` or `.` is not: it is a file).
    public static func isValid(_ text: String) -> Bool { (try? SnapshotName(text)) != nil }

    /// The schema name as a quoted identifier (`"org-2024"`).
    var quoted: String { "\"" + text + "\"" }

    public var description: String { text }
}
