import NetModel

/// Whether two snapshots describe the same scope, so that their differences are changes, not a mix-up.
public enum Compatibility {
    /// Throws when the snapshots cover different accounts or regions, or come from netaudit versions
    /// with different major/minor numbers (their model may differ).
    public static func check(old: SnapshotMetadata, oldPath: String, new: SnapshotMetadata, newPath: String) throws(DiffError) {
        if Set(old.accounts) != Set(new.accounts) {
            throw .differentAccounts(old: oldPath, oldAccounts: old.accounts.sorted(), new: newPath, newAccounts: new.accounts.sorted())
        }
        if Set(old.regions) != Set(new.regions) {
            throw .differentRegions(old: oldPath, oldRegions: old.regions.sorted(), new: newPath, newRegions: new.regions.sorted())
        }
        if majorMinor(old.toolVersion) != majorMinor(new.toolVersion), old.toolVersion != "unknown", new.toolVersion != "unknown" {
            throw .differentVersions(old: oldPath, oldVersion: old.toolVersion, new: newPath, newVersion: new.toolVersion)
        }
    }

    /// `0.1` of `0.1.3`.
    static func majorMinor(_ version: String) -> String {
        version.split(separator: ".").prefix(2).joined(separator: ".")
    }
}
