/// Why a snapshot could not be written or read. Each case names the file.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFound(path: String)
    case notASnapshot(path: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case writeFailed(path: String, reason: String)
    case readFailed(path: String, reason: String)
    /// The file is a snapshot but lacks what its schema version promises (a table dropped, a file cut short).
    case damaged(path: String, reason: String)
    /// A snapshot name for a store (`--out`, or the name in place of `SNAP.db`) that cannot be a schema name.
    case badName(name: String, reason: String)
    /// The store (its URL, password redacted) holds no snapshot of that name.
    case notInStore(store: String, name: String)
    /// Writing would mix two captures of the same account into one stored snapshot.
    case alreadyHolds(store: String, name: String, accounts: [String])

    public var description: String {
        switch self {
        case .notFound(let p):
            "\(p): no such snapshot file"
        case .notASnapshot(let p, let reason):
            "\(p): not a netaudit snapshot (\(reason))"
        case .newerSchema(let p, let found, let supported):
            "\(p): written by a newer netaudit (snapshot schema \(found); this version reads up to \(supported)); upgrade netaudit to read it"
        case .writeFailed(let p, let reason):
            "\(p): cannot write snapshot: \(reason)"
        case .readFailed(let p, let reason):
            "\(p): cannot read snapshot: \(reason)"
        case .damaged(let p, let reason):
            "\(p): damaged snapshot (\(reason)); re-import or re-capture it"
        case .badName(let name, let reason):
            "snapshot name '\(name)': \(reason) (letters, digits, '-' and '_', at most 63)"
        case .notInStore(let store, let name):
            "\(store): no snapshot named '\(name)' in this store"
        case .alreadyHolds(let store, let name, let accounts):
            accounts.isEmpty
                ? "\(store): snapshot '\(name)' exists and this one names no account to add; give another name or --replace"
                : "\(store): snapshot '\(name)' already holds account\(accounts.count == 1 ? "" : "s") \(accounts.joined(separator: ", ")); give another name or --replace"
        }
    }
}
