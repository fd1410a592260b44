import Foundation
import NetModel
import PostgresClient

/// Writes snapshots into a PostgreSQL store: one schema per snapshot, in one transaction.
///
/// Several writers may add to one snapshot (captures of different accounts run side by side): each takes the
/// snapshot's advisory lock, creates the schema if it is new, merges the metadata (accounts, regions, origin) and
/// inserts its rows with `ON CONFLICT DO NOTHING` on (account, region, id), so a resource another writer already
/// stored (a shared one) is kept once, with its child rows. A writer naming an account the snapshot already holds
/// is refused (that would mix two captures of one account) unless `replace` drops the snapshot first.
public enum PostgresSnapshotWriter {
    /// Writes `snapshot` as `name` into the store at `url`.
    public static func write(_ snapshot: Snapshot, to name: SnapshotName, store url: StoreURL, replace: Bool = false) throws {
        let connection = try PostgresConnection(url: url)
        let display = PostgresSchema.display(url, name)
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock(hashtext($1))", ["netaudit snapshot " + name.text])
            var existing: [String: String] = [:]
            if try PostgresSchema.exists(name, connection) {
                if replace {
                    try connection.execute("DROP SCHEMA \(name.quoted) CASCADE")
                } else {
                    existing = try PostgresSchema.meta(name, connection)
                    try checkMergeable(existing, snapshot.metadata, display: display, url: url, name: name)
                }
            }
            if existing.isEmpty { for sql in PostgresSchema.create(name) { try connection.execute(sql) } }
            try writeMeta(merged(existing, snapshot.metadata), name, connection)
            try populate(snapshot, name, connection)
        }
    }

    /// Writes `snapshot` as `name` into the store at the URL `store`.
    public static func write(_ snapshot: Snapshot, to name: String, store: String, replace: Bool = false) throws {
        try write(snapshot, to: try SnapshotName(name), store: try StoreURL(store), replace: replace)
    }

    /// A snapshot may take more accounts, not a second copy of one, and only in the same schema version.
    private static func checkMergeable(_ meta: [String: String], _ new: SnapshotMetadata, display: String, url: StoreURL, name: SnapshotName) throws {
        let version = Int(meta["schema_version"] ?? "") ?? 0
        guard version == SnapshotSchema.version else {
            throw StoreError.writeFailed(path: display, reason: "it has snapshot schema \(version) and this netaudit writes \(SnapshotSchema.version); give another name or --replace")
        }
        let held = Set(list(meta["accounts"]))
        let overlap = new.accounts.filter(held.contains)
        if new.accounts.isEmpty || !overlap.isEmpty {
            throw StoreError.alreadyHolds(store: url.description, name: name.text, accounts: overlap.sorted())
        }
    }

    /// The metadata after adding `new` to what the snapshot holds (`existing`, empty for a new snapshot).
    static func merged(_ existing: [String: String], _ new: SnapshotMetadata) -> [(String, String)] {
        func union(_ old: [String], _ added: [String]) -> [String] { old + added.filter { !old.contains($0) } }
        let sources = union(list(existing["source"]), [new.source.rawValue])
        return [
            ("schema_version", String(SnapshotSchema.version)),
            ("created_at", existing["created_at"] ?? ISO8601DateFormatter().string(from: new.createdAt)),
            ("source", sources.count == 1 ? sources[0] : existing["source"] ?? new.source.rawValue),
            ("accounts", union(list(existing["accounts"]), new.accounts).joined(separator: ",")),
            ("regions", union(list(existing["regions"]), new.regions).joined(separator: ",")),
            ("tool_version", new.toolVersion),
            ("origin", union((existing["origin"] ?? "").split(separator: "\n").map(String.init), new.origin).joined(separator: "\n")),
        ]
    }

    private static func list(_ text: String?) -> [String] { (text ?? "").split(separator: ",").map(String.init) }

    private static func writeMeta(_ meta: [(String, String)], _ name: SnapshotName, _ connection: PostgresConnection) throws {
        try connection.insert(into: "\(name.quoted).meta", columns: ["key", "value"], rows: meta.map { [$0.0, $0.1] },
                              suffix: "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
    }

    private static func populate(_ snapshot: Snapshot, _ name: SnapshotName, _ connection: PostgresConnection) throws {
        let s = name.quoted
        try connection.insert(into: "\(s).warnings", columns: ["source", "code", "message"],
                              rows: snapshot.inventory.warnings.map { [$0.source, $0.code, $0.message].map(withoutNUL) })
        try connection.insert(into: "\(s).raw_documents", columns: ["source", "account", "region", "kind", "content"],
                              rows: snapshot.rawDocuments.map { [$0.source, $0.scope.account, $0.scope.region, $0.kind, $0.content].map(withoutNUL) })
        let (inventory, documents) = ManagedPolicyDocuments.split(snapshot.inventory)
        try connection.insert(into: "\(s).\(ManagedPolicyDocuments.table)", columns: ["arn", "sha256", "document"],
                              rows: documents, suffix: "ON CONFLICT DO NOTHING")
        for table in StoreTables.all {
            try insert(table, inventory, schema: s, connection)
        }
    }

    /// A resource table's rows, then the child rows of the resources this writer stored (not those skipped as
    /// already there).
    private static func insert(_ table: AnyResourceTable, _ inventory: Inventory, schema: String, _ connection: PostgresConnection) throws {
        guard let main = table.shapes.first else { return }
        let rows = try table.rows(inventory)
        guard !rows.isEmpty else { return }
        let texts = rows.map { postgresText($0.values) }
        let stored = try connection.insert(into: "\(schema).\(main.name)", columns: main.columns.map(\.name), rows: texts,
                                           suffix: "ON CONFLICT DO NOTHING RETURNING account, region, id")
        let fresh = Set(stored.map { key(Array($0.prefix(3))) })
        for (childIndex, child) in table.shapes.dropFirst().enumerated() {
            var childRows: [[String?]] = []
            var taken = fresh
            for (row, text) in zip(rows, texts) where childIndex < row.children.count {
                // Scoped columns come first: id, account, region.
                guard taken.remove(key(Array(text.dropFirst().prefix(2)) + Array(text.prefix(1)))) != nil else { continue }
                childRows += row.children[childIndex].map(postgresText)
            }
            try connection.insert(into: "\(schema).\(child.name)", columns: child.columns.map(\.name), rows: childRows)
        }
    }

    /// Account, region and ID as one key.
    private static func key(_ parts: [String?]) -> String { parts.map { $0 ?? "" }.joined(separator: "\u{1F}") }
}
