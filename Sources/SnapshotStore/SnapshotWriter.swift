import Foundation
import GRDB
import NetModel

/// Writes snapshots: one SQLite file each, atomically, readable only by the owner.
///
/// The file is built under a temporary name in the destination folder and renamed
/// into place only when complete, so a crash never leaves a half-written snapshot
/// at the destination.
public enum SnapshotWriter {
    /// Test seam: runs after the temporary file is complete, before it is renamed into place, with the destination
    /// (so a test failing its own write leaves other tests' writes alone).
    nonisolated(unsafe) static var beforeRename: ((String) throws -> Void)?

    /// Writes `snapshot` to `path`, replacing any file there.
    public static func write(_ snapshot: Snapshot, to path: String) throws(StoreError) {
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil,
                                             attributes: [.posixPermissions: 0o600]) else {
            throw .writeFailed(path: path, reason: "cannot create a file in \(destination.deletingLastPathComponent().path)")
        }
        TemporaryFiles.register(temporary.path)
        defer { TemporaryFiles.unregister(temporary.path) }
        do {
            var config = Configuration()
            config.journalMode = .default
            let queue = try DatabaseQueue(path: temporary.path, configuration: config)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
                try db.inTransaction {
                    try populate(db, snapshot)
                    return .commit
                }
            }
            try queue.close()
            let handle = try FileHandle(forUpdating: temporary)
            try handle.synchronize()
            try handle.close()
            try beforeRename?(path)
            guard rename(temporary.path, destination.path) == 0 else {
                throw StoreError.writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
        } catch let error as StoreError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: path, reason: "\(error)")
        }
    }

    private static func populate(_ db: Database, _ snapshot: Snapshot) throws {
        try db.execute(sql: "PRAGMA user_version = \(SnapshotSchema.version)")
        try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        let m = snapshot.metadata
        let meta: [(String, String)] = [
            ("schema_version", String(SnapshotSchema.version)),
            ("created_at", ISO8601DateFormatter().string(from: m.createdAt)),
            ("source", m.source.rawValue),
            ("accounts", m.accounts.joined(separator: ",")),
            ("regions", m.regions.joined(separator: ",")),
            ("tool_version", m.toolVersion),
            ("origin", m.origin.joined(separator: "\n")),
        ]
        for (key, value) in meta {
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
        try db.execute(sql: "CREATE TABLE warnings (source TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL)")
        for w in snapshot.inventory.warnings {
            try db.execute(sql: "INSERT INTO warnings (source, code, message) VALUES (?, ?, ?)",
                           arguments: [w.source, w.code, w.message])
        }
        try db.execute(sql: """
            CREATE TABLE raw_documents (source TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL,
                                        kind TEXT NOT NULL, content TEXT NOT NULL)
            """)
        let raw = try db.makeStatement(sql: "INSERT INTO raw_documents (source, account, region, kind, content) VALUES (?, ?, ?, ?, ?)")
        for doc in snapshot.rawDocuments {
            try raw.execute(arguments: [doc.source, doc.scope.account, doc.scope.region, doc.kind, doc.content])
        }
        let (inventory, documents) = ManagedPolicyDocuments.split(snapshot.inventory)
        try ManagedPolicyDocuments.insert(documents, db)
        for table in StoreTables.all {
            for sql in table.createStatements { try db.execute(sql: sql) }
            try table.insert(inventory, db)
        }
        for table in StoreTables.all {
            for sql in table.indexStatements { try db.execute(sql: sql) }
        }
    }
}

/// Every table that holds resources, in load order.
enum StoreTables {
    static let all: [AnyResourceTable] = NetworkTables.all + VPNTables.all + WorkloadTables.all + ServiceTables.all + IdentityTables.all + AccessTables.all + HostTables.all

    /// The tables a snapshot of the given schema version holds: tables added later are skipped (read as empty).
    static func present(inSchema version: Int) -> [AnyResourceTable] {
        var later = Set<String>()
        if version < VPNTables.introducedIn { later.formUnion(VPNTables.all.map(\.name)) }
        if version < ServiceTables.introducedIn { later.formUnion(ServiceTables.all.map(\.name)) }
        if version < AccessTables.introducedIn { later.formUnion(AccessTables.all.map(\.name)) }
        if version < HostTables.introducedIn { later.formUnion(HostTables.all.map(\.name)) }
        return all.filter { !later.contains($0.name) }
    }
}
