import Foundation
import NetModel

/// A complete snapshot: metadata, the model, and every raw document it was built from.
public struct Snapshot: Sendable {
    public var metadata: SnapshotMetadata
    public var inventory: Inventory
    public var rawDocuments: [RawDocument]

    public init(metadata: SnapshotMetadata, inventory: Inventory, rawDocuments: [RawDocument] = []) {
        self.metadata = metadata
        self.inventory = inventory
        self.rawDocuments = rawDocuments
    }
}

/// The snapshot file format's version.
public enum SnapshotSchema {
    /// Written into `PRAGMA user_version` and the `meta` table. Bump on incompatible changes;
    /// readers refuse snapshots with a higher number. Version 2 added the VPN and Direct Connect tables;
    /// version 1 files read with those kinds empty. Version 3 added the managed-service tables, version 4 the
    /// resource policy and shared snapshot tables (older files read with those kinds empty). Version 5 added the
    /// lookup tables and indexes `query` loads a pair's neighbourhood by (`LookupKeys`); older files answer queries
    /// from the whole account, as before. Version 6 added the ECS container instances table (older files read with
    /// none).
    public static let version = 6
    /// The first version with the lookup tables.
    static let lookupTablesIntroducedIn = 5
}

extension SnapshotMetadata {
    /// The metadata a snapshot's `meta` table holds (key → value), in either store.
    init(meta: [String: String]) {
        func list(_ key: String) -> [String] { (meta[key] ?? "").split(separator: ",").map(String.init) }
        self.init(
            createdAt: meta["created_at"].flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date(timeIntervalSince1970: 0),
            source: SnapshotMetadata.Source(rawValue: meta["source"] ?? "") ?? .import,
            accounts: list("accounts"), regions: list("regions"), toolVersion: meta["tool_version"] ?? "unknown",
            origin: (meta["origin"] ?? "").split(separator: "\n").map(String.init))
    }
}
