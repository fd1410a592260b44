import Foundation
import GRDB
import Testing
import AWSImport
import NetModel
import PostgresClient
import PostgresTestSupport
@testable import SnapshotStore

/// The two snapshot stores the same tests run on: a SQLite file, and a schema in a real PostgreSQL server the
/// test starts (`PostgresServer`).
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The shipped sample accounts (snapshots/), imported as `netaudit import` does.
    static func samples() throws -> [(name: String, snapshot: Snapshot)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("snapshots")
        return try ["workshop", "todo-ecs", "terraform-three-tier"].map { name in
            let result = try Importer().importPaths([root.appendingPathComponent(name).path])
            let meta = SnapshotMetadata(createdAt: Date(timeIntervalSince1970: 1_800_000_000), source: .import,
                                        accounts: result.inventory.accountIds, regions: result.inventory.regionNames,
                                        toolVersion: "test", origin: ["snapshots/\(name)"])
            return (name, Snapshot(metadata: meta, inventory: result.inventory, rawDocuments: result.rawDocuments))
        }
    }

    /// Writes each snapshot (by name) into this store and hands `body` a function opening them again and one
    /// counting what an SQL query selects in a stored snapshot (`count("two", "SELECT count(*) FROM iam_policies")`:
    /// table names unqualified, the snapshot's schema on PostgreSQL).
    func withStored<T>(_ snapshots: [(name: String, snapshot: Snapshot)],
                       _ body: (_ open: (String) throws -> any SnapshotSource, _ count: (String, String) throws -> Int) throws -> T) throws -> T {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-backend-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            func path(_ name: String) -> String { folder.appendingPathComponent(name + ".db").path }
            for (name, snapshot) in snapshots { try SnapshotWriter.write(snapshot, to: path(name)) }
            return try body({ try SnapshotReader(path: path($0)) }, { name, sql in
                try DatabaseQueue(path: path(name)).read { try Int.fetchOne($0, sql: sql) ?? -1 }
            })
        case .postgres:
            return try PostgresServer.with { server in
                let url = try StoreURL(server.url)
                for (name, snapshot) in snapshots { try PostgresSnapshotWriter.write(snapshot, to: try SnapshotName(name), store: url) }
                return try body({ try PostgresSnapshotReader(store: url, name: try SnapshotName($0)) }, { name, sql in
                    let connection = try PostgresConnection(url: url)
                    try connection.execute("SET search_path TO " + (try SnapshotName(name)).quoted)
                    return Int((try connection.execute(sql).rows.first?.first ?? nil) ?? "") ?? -1
                })
            }
        }
    }
}

extension Inventory {
    /// The accounts and regions the resources are in, sorted (the samples' metadata).
    var accountIds: [String] { Array(Set(vpcs.map(\.scope.account) + managedPolicies.map(\.scope.account))).sorted() }
    var regionNames: [String] { Array(Set(vpcs.map(\.scope.region))).sorted() }
}
