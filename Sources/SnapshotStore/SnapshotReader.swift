import Foundation
import GRDB
import NetModel

/// Reads snapshots written by `SnapshotWriter`, refusing files from a newer schema.
public struct SnapshotReader: Sendable {
    public let path: String
    /// The file's schema version (`PRAGMA user_version`).
    public let schemaVersion: Int
    private let queue: DatabaseQueue

    /// Opens a snapshot read-only and checks it is one this version can read.
    public init(path: String) throws(StoreError) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        do {
            var config = Configuration()
            config.readonly = true
            queue = try DatabaseQueue(path: path, configuration: config)
            let (version, hasMeta) = try queue.read { db in
                (try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0, try db.tableExists("meta"))
            }
            guard hasMeta else { throw StoreError.notASnapshot(path: path, reason: "no meta table") }
            if version > SnapshotSchema.version {
                throw StoreError.newerSchema(path: path, found: version, supported: SnapshotSchema.version)
            }
            // A missing table would read as "nothing there" and give wrong answers: refuse the file instead.
            let expected = ["warnings", "raw_documents"] + (version >= ManagedPolicyDocuments.introducedIn ? [ManagedPolicyDocuments.table] : [])
                + StoreTables.present(inSchema: version).map(\.name)
            let missing = try queue.read { db in try expected.filter { try !db.tableExists($0) } }
            if !missing.isEmpty {
                throw StoreError.damaged(path: path, reason: "table\(missing.count == 1 ? "" : "s") \(missing.prefix(3).joined(separator: ", ")) missing")
            }
            schemaVersion = version
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notASnapshot(path: path, reason: "not an SQLite database")
        } catch {
            throw .readFailed(path: path, reason: "\(error)")
        }
    }

    /// The snapshot's metadata.
    public func metadata() throws(StoreError) -> SnapshotMetadata {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM meta")
            var meta: [String: String] = [:]
            for row in rows { meta[row["key"]] = row["value"] }
            return SnapshotMetadata(meta: meta)
        }
    }

    /// The whole model, warnings included.
    public func inventory() throws(StoreError) -> Inventory {
        try read { db in
            var inventory = Inventory()
            for table in tables { try table.load(db, &inventory) }
            try joinManagedDocuments(&inventory, db)
            inventory.warnings = try Row.fetchAll(db, sql: "SELECT source, code, message FROM warnings ORDER BY rowid").map {
                CaptureWarning(source: $0["source"], code: $0["code"], message: $0["message"])
            }
            return inventory
        }
    }

    /// Row counts of every normalized table, by table name.
    public func tableCounts() throws(StoreError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in StoreTables.all { counts[table.name] = 0 }
            for table in tables {
                counts[table.name] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.name)") ?? 0
            }
            return counts
        }
    }

    /// How many raw documents the snapshot keeps.
    public func rawDocumentCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM raw_documents") ?? 0 }
    }

    /// The stored documents of one kind (`Exports`), with the region each was captured in.
    public func rawDocuments(kind: String) throws(StoreError) -> [(region: String, content: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT region, content FROM raw_documents WHERE kind = ?", arguments: [kind]).map { row in
                (region: row["region"] as String? ?? "", content: row["content"] as String? ?? "")
            }
        }
    }

    /// The resource tables this file holds (tables added in later schema versions are absent from older files).
    var tables: [AnyResourceTable] { StoreTables.present(inSchema: schemaVersion) }

    /// AWS-managed policy documents put back in place of their references (schema 6 on; older files hold them inline).
    func joinManagedDocuments(_ inventory: inout Inventory, _ db: Database) throws {
        if schemaVersion >= ManagedPolicyDocuments.introducedIn { try ManagedPolicyDocuments.join(&inventory.managedPolicies, db) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch let error as StoreError {
            throw error
        } catch let error as DataColumnError {
            throw .damaged(path: path, reason: error.description)
        } catch {
            throw .readFailed(path: path, reason: "\(error)")
        }
    }
}
