import Foundation
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

    @Test("ECS resources read back exactly as imported; the modelled tables hold variable names, never the values")
    func roundTripWithoutValues() throws {
        let result = try Importer().importPaths([Self.fixture])
        let meta = SnapshotMetadata(createdAt: Date(timeIntervalSince1970: 1_800_000_000), source: .import,
                                    accounts: ["111111111111"], regions: ["us-east-1"], toolVersion: "test", origin: ["fixtures"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-ecs-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.db").path
        // Raw documents are redacted by the importer's own pass; this checks what the mapping stores.
        try SnapshotWriter.write(Snapshot(metadata: meta, inventory: result.inventory, rawDocuments: []), to: path)
        let reader = try SnapshotReader(path: path)
        #expect(try reader.inventory() == result.inventory)
        let counts = try reader.tableCounts()
        #expect(counts["ecs_clusters"] == 1 && counts["ecs_services"] == 3 && counts["ecs_tasks"] == 3 && counts["ecs_task_definitions"] == 4)
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        for value in Self.values { #expect(!bytes.contains(value), "\(value) reached the snapshot") }
        #expect(bytes.contains("DATABASE_URL") && bytes.contains("url-with-password") && bytes.contains("REPORT_API_TOKEN"))
    }
}
