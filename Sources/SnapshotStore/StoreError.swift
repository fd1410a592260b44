/// Why a snapshot could not be written or read. Each case names the file.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFound(path: String)
    case notASnapshot(path: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case writeFailed(path: String, reason: String)
    case readFailed(path: String, reason: String)
    /// The file is a snapshot but lacks what its schema version promises (a table dropped, a file cut short).
    case damaged(path: String, reason: String)

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
        }
    }
}
