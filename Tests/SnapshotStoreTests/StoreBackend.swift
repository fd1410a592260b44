import Foundation
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

    /// Writes each snapshot (by name) into this store and hands `body` a function opening them again.
    func withStored<T>(_ snapshots: [(name: String, snapshot: Snapshot)], _ body: (_ open: (String) throws -> any SnapshotSource) throws -> T) throws -> T {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-backend-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for (name, snapshot) in snapshots { try SnapshotWriter.write(snapshot, to: folder.appendingPathComponent(name + ".db").path) }
            return try body { try SnapshotReader(path: folder.appendingPathComponent($0 + ".db").path) }
        case .postgres:
            return try PostgresServer.with { server in
                let url = try StoreURL(server.url)
                for (name, snapshot) in snapshots { try PostgresSnapshotWriter.write(snapshot, to: try SnapshotName(name), store: url) }
                return try body { try PostgresSnapshotReader(store: url, name: try SnapshotName($0)) }
            }
        }
    }
}

extension Inventory {
    /// The accounts and regions the resources are in, sorted (the samples' metadata).
    var accountIds: [String] { Array(Set(vpcs.map(\.scope.account) + managedPolicies.map(\.scope.account))).sorted() }
    var regionNames: [String] { Array(Set(vpcs.map(\.scope.region))).sorted() }
}
