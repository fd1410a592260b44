import Foundation
import GRDB
import Testing
import AWSImport
import NetModel
@testable import SnapshotStore

/// ECS clusters, services, tasks and task definitions survive a snapshot, and plain-text secret values never reach its
/// modelled tables (fixture `ecs-workloads`).
@Suite("ECS tables", .serialized)
struct ECSTablesTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AWSImportTests/Fixtures/ecs-workloads").path
    /// The fixture's secret values (all fake), in its task definitions, a task override and a Lambda environment.
    static let values = ["fixture-db-password", "fixture-jwt-secret", "fixture-override-token-value", "sk_fixture_lambda_value",
                         "MIIfixtureonlynotakey", "fixtureSecretAccessKeyValue", "AKIAFIXTUREEXAMPLE00"]

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-ecs-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `inv` written as `folder/s.db`, without raw documents.
    static func write(_ inv: Inventory, in folder: URL) throws -> String {
        let meta = SnapshotMetadata(createdAt: Date(timeIntervalSince1970: 1_800_000_000), source: .import,
                                    accounts: ["111111111111"], regions: ["us-east-1"], toolVersion: "test", origin: ["fixtures"])
        let path = folder.appendingPathComponent("s.db").path
        try SnapshotWriter.write(Snapshot(metadata: meta, inventory: inv, rawDocuments: []), to: path)
        return path
    }

    @Test("ECS resources read back exactly as imported; the modelled tables hold variable names, never the values")
    func roundTripWithoutValues() throws {
        let result = try Importer().importPaths([Self.fixture])
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Raw documents are redacted by the importer's own pass; this checks what the mapping stores.
        let path = try Self.write(result.inventory, in: folder)
        let reader = try SnapshotReader(path: path)
        #expect(try reader.inventory() == result.inventory)
        let counts = try reader.tableCounts()
        #expect(counts["ecs_clusters"] == 1 && counts["ecs_services"] == 3 && counts["ecs_tasks"] == 3 && counts["ecs_task_definitions"] == 4)
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        for value in Self.values { #expect(!bytes.contains(value), "\(value) reached the snapshot") }
        #expect(bytes.contains("DATABASE_URL") && bytes.contains("url-with-password") && bytes.contains("REPORT_API_TOKEN"))
    }

    @Test("container instances (schema 6) read back; a schema-5 snapshot without their table reads with none")
    func containerInstances() throws {
        var inv = try Importer().importPaths([Self.fixture]).inventory
        let scope = inv.ecsClusters[0].scope
        inv.ecsContainerInstances = [ECSContainerInstance(id: "arn:aws:ecs:us-east-1:111111111111:container-instance/shop/1", scope: scope,
                                                          clusterArn: inv.ecsClusters[0].id, ec2InstanceId: "i-0host", status: "DRAINING",
                                                          agentConnected: true, runningTasksCount: 3)]
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write(inv, in: folder)
        #expect(try SnapshotReader(path: path).inventory().ecsContainerInstances == inv.ecsContainerInstances)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TABLE ecs_container_instances")
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        let old = try SnapshotReader(path: path)
        #expect(old.schemaVersion == 5)
        let read = try old.inventory()
        #expect(read.ecsContainerInstances.isEmpty && read.ecsServices == inv.ecsServices)
    }
}
