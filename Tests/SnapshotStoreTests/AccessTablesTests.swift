import Foundation
import GRDB
import Testing
import AWSImport
import NetModel
@testable import SnapshotStore

@Suite("Snapshot store: resource policy and shared snapshot tables", .serialized)
struct AccessTablesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AWSImportTests/Fixtures/resource-policies").path

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-access-store-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func write(_ name: String) throws -> (String, Snapshot) {
        let result = try Importer().importPaths([Self.fixtures])
        let meta = SnapshotMetadata(createdAt: Date(timeIntervalSince1970: 1_800_000_000), source: .import,
                                    accounts: ["111111111111"], regions: ["eu-west-1"], toolVersion: "test", origin: ["fixtures"])
        let snapshot = Snapshot(metadata: meta, inventory: result.inventory, rawDocuments: result.rawDocuments)
        let path = folder.appendingPathComponent(name).path
        try SnapshotWriter.write(snapshot, to: path)
        return (path, snapshot)
    }

    @Test("policies, grants and sharing round-trip and are queryable by kind and public flag")
    func roundTrip() throws {
        let (path, snapshot) = try write("access.db")
        let reader = try SnapshotReader(path: path)
        #expect(reader.schemaVersion == SnapshotSchema.version)
        let inv = try reader.inventory()
        #expect(inv.policyResources == snapshot.inventory.policyResources && inv.sharedArtifacts == snapshot.inventory.sharedArtifacts)
        #expect(try reader.queryInventory().policyResources == snapshot.inventory.policyResources)
        let (publicIds, grantees) = try DatabaseQueue(path: path).read { db in
            (try String.fetchAll(db, sql: "SELECT id FROM shared_artifacts WHERE public = 1 ORDER BY id"),
             try String.fetchOne(db, sql: "SELECT grantees FROM policy_resources WHERE kind = 'kmsKey' AND grantees IS NOT NULL"))
        }
        #expect(publicIds == ["ami-0pub", "nightly"] && grantees == "arn:aws:iam::777788889999:role/reader")
        #expect(try reader.tableCounts()["policy_resources"] == 11)
    }

    @Test("a schema-3 snapshot (no access tables) still reads: those kinds are empty, the rest intact")
    func olderSchemaReads() throws {
        let (path, _) = try write("v3.db")
        try DatabaseQueue(path: path).write { db in
            for table in ["policy_resources", "shared_artifacts"] { try db.execute(sql: "DROP TABLE \(table)") }
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        let reader = try SnapshotReader(path: path)
        #expect(reader.schemaVersion == 3)
        let inv = try reader.inventory()
        #expect(inv.policyResources.isEmpty && inv.sharedArtifacts.isEmpty)
        #expect(try reader.tableCounts()["shared_artifacts"] == 0)
    }

    @Test("a schema-4 snapshot missing its access table is refused as damaged")
    func missingTable() throws {
        let (path, _) = try write("broken.db")
        try DatabaseQueue(path: path).write { try $0.execute(sql: "DROP TABLE policy_resources") }
        #expect(throws: StoreError.damaged(path: path, reason: "table policy_resources missing")) { try SnapshotReader(path: path) }
    }
}
