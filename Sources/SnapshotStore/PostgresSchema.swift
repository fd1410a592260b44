import PostgresClient

/// The PostgreSQL form of the snapshot schema: one PostgreSQL schema per snapshot, named after it, holding the
/// same tables as a SQLite snapshot file (generated from `StoreTables.all`), each with a `seq` column keeping row
/// order, plus `aws_managed_policy_documents`.
enum PostgresSchema {
    /// The tables every snapshot has besides the resource tables.
    static let fixedTables = ["meta", "warnings", "raw_documents", ManagedPolicyDocuments.table]

    /// Every statement creating a snapshot's tables in `name`'s schema.
    static func create(_ name: SnapshotName) -> [String] {
        let s = name.quoted
        let seq = "\(TableShape.postgresOrderColumn) BIGINT GENERATED ALWAYS AS IDENTITY"
        return [
            "CREATE SCHEMA \(s)",
            "CREATE TABLE \(s).meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE \(s).warnings (\(seq), source TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL)",
            """
            CREATE TABLE \(s).raw_documents (\(seq), source TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL,
                                             kind TEXT NOT NULL, content TEXT NOT NULL)
            """,
            ManagedPolicyDocuments.create(qualifier: s + "."),
        ] + StoreTables.all.flatMap { $0.shapes.flatMap { $0.postgresCreate(schema: s) } }
    }

    /// How messages name a stored snapshot: the store's URL (password redacted) and the snapshot's name.
    static func display(_ url: StoreURL, _ name: SnapshotName) -> String { "\(url) snapshot '\(name)'" }

    /// Whether the store has a schema of that name.
    static func exists(_ name: SnapshotName, _ connection: PostgresConnection) throws -> Bool {
        !(try connection.execute("SELECT 1 FROM pg_namespace WHERE nspname = $1", [name.text]).rows.isEmpty)
    }

    /// The snapshot's `meta` table.
    static func meta(_ name: SnapshotName, _ connection: PostgresConnection) throws -> [String: String] {
        var meta: [String: String] = [:]
        for row in try connection.execute("SELECT key, value FROM \(name.quoted).meta").rows {
            if let key = row.first ?? nil { meta[key] = row.count > 1 ? row[1] : nil }
        }
        return meta
    }
}
