import NetModel

/// A stored snapshot to read, from either store: a SQLite file (`SnapshotReader`) or a schema in PostgreSQL
/// (`PostgresSnapshotReader`). Everything downstream of the loaded model is the same for both.
public protocol SnapshotSource: Sendable {
    /// The snapshot's metadata.
    func metadata() throws -> SnapshotMetadata
    /// The whole model, warnings included.
    func inventory() throws -> Inventory
    /// Row counts of every normalized resource table, by table name.
    func tableCounts() throws -> [String: Int]
    /// How many raw documents the snapshot keeps.
    func rawDocumentCount() throws -> Int
    /// The stored documents of one kind, with the region each was captured in.
    func rawDocuments(kind: String) throws -> [(region: String, content: String)]
}

extension SnapshotReader: SnapshotSource {}
