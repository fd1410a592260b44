import Foundation
import NetModel
import PostgresClient

/// Reads a snapshot from a PostgreSQL store through the same table list the SQLite reader uses, refusing
/// snapshots of a newer schema and those missing a table their version promises.
public final class PostgresSnapshotReader: SnapshotSource, @unchecked Sendable {
    public let name: SnapshotName
    /// The snapshot's schema version (its `meta` row).
    public let schemaVersion: Int
    private let connection: PostgresConnection
    private let lock = NSLock()
    private let display: String

    /// Connects and checks the snapshot is there and one this version can read.
    public init(store url: StoreURL, name: SnapshotName) throws {
        self.name = name
        connection = try PostgresConnection(url: url)
        display = PostgresSchema.display(url, name)
        guard try PostgresSchema.exists(name, connection) else { throw StoreError.notInStore(store: url.description, name: name.text) }
        let present = Set(try connection.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = $1",
                                                 [name.text]).rows.compactMap { $0.first ?? nil })
        guard present.contains("meta") else { throw StoreError.notASnapshot(path: display, reason: "no meta table") }
        let version = Int(try PostgresSchema.meta(name, connection)["schema_version"] ?? "") ?? 0
        if version > SnapshotSchema.version {
            throw StoreError.newerSchema(path: display, found: version, supported: SnapshotSchema.version)
        }
        let expected = PostgresSchema.fixedTables + StoreTables.present(inSchema: version).map(\.name)
        let missing = expected.filter { !present.contains($0) }
        if !missing.isEmpty {
            throw StoreError.damaged(path: display, reason: "table\(missing.count == 1 ? "" : "s") \(missing.prefix(3).joined(separator: ", ")) missing")
        }
        schemaVersion = version
    }

    /// Connects to the store at `url` and opens snapshot `name`.
    public convenience init(store url: String, name: String) throws {
        try self.init(store: try StoreURL(url), name: try SnapshotName(name))
    }

    public func metadata() throws -> SnapshotMetadata {
        SnapshotMetadata(meta: try locked { try PostgresSchema.meta(name, connection) })
    }

    public func inventory() throws -> Inventory {
        try locked {
            let s = name.quoted
            var inventory = Inventory()
            for table in StoreTables.present(inSchema: schemaVersion) {
                let texts = try connection.execute("SELECT data FROM \(s).\(table.name) ORDER BY seq").rows.compactMap { $0.first ?? nil }
                do { try table.decode(texts, &inventory) } catch let error as DataColumnError {
                    throw StoreError.damaged(path: display, reason: error.description)
                }
            }
            var documents: [String: String] = [:]
            for row in try connection.execute("SELECT arn, sha256, document FROM \(s).\(ManagedPolicyDocuments.table)").rows where row.count == 3 {
                documents[(row[0] ?? "") + " " + (row[1] ?? "")] = row[2]
            }
            ManagedPolicyDocuments.join(&inventory.managedPolicies, documents)
            inventory.warnings = try connection.execute("SELECT source, code, message FROM \(s).warnings ORDER BY seq").rows.compactMap { r in
                r.count == 3 ? CaptureWarning(source: r[0] ?? "", code: r[1] ?? "", message: r[2] ?? "") : nil
            }
            return inventory
        }
    }

    public func tableCounts() throws -> [String: Int] {
        try locked {
            var counts: [String: Int] = [:]
            for table in StoreTables.all { counts[table.name] = 0 }
            for table in StoreTables.present(inSchema: schemaVersion) {
                counts[table.name] = try count("SELECT COUNT(*) FROM \(name.quoted).\(table.name)")
            }
            return counts
        }
    }

    public func rawDocumentCount() throws -> Int {
        try locked { try count("SELECT COUNT(*) FROM \(name.quoted).raw_documents") }
    }

    public func rawDocuments(kind: String) throws -> [(region: String, content: String)] {
        try locked {
            try connection.execute("SELECT region, content FROM \(name.quoted).raw_documents WHERE kind = $1 ORDER BY seq", [kind]).rows.map { r in
                (region: (r.first ?? nil) ?? "", content: (r.count > 1 ? r[1] : nil) ?? "")
            }
        }
    }

    private func count(_ sql: String) throws -> Int {
        Int((try connection.execute(sql).rows.first?.first ?? nil) ?? "") ?? 0
    }

    private func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
