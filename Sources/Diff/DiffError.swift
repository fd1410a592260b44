/// Why two snapshots cannot be compared. Each case names the files.
public enum DiffError: Error, Sendable, Hashable, CustomStringConvertible {
    case differentAccounts(old: String, oldAccounts: [String], new: String, newAccounts: [String])
    case differentRegions(old: String, oldRegions: [String], new: String, newRegions: [String])
    case differentVersions(old: String, oldVersion: String, new: String, newVersion: String)
    case scanFailed(String)

    public var description: String {
        switch self {
        case .differentAccounts(let o, let oa, let n, let na):
            "\(o) and \(n) are snapshots of different accounts (\(list(oa)) vs \(list(na))); a diff compares two snapshots of the same accounts"
        case .differentRegions(let o, let orr, let n, let nr):
            "\(o) and \(n) cover different regions (\(list(orr)) vs \(list(nr))); a diff compares two snapshots of the same regions"
        case .differentVersions(let o, let ov, let n, let nv):
            "\(o) (netaudit \(ov)) and \(n) (netaudit \(nv)) were written by incompatible netaudit versions; re-create the older snapshot"
        case .scanFailed(let reason):
            "cannot evaluate the snapshots: \(reason)"
        }
    }

    private func list(_ values: [String]) -> String { values.isEmpty ? "none" : values.joined(separator: ", ") }
}
