import Foundation
import Testing
import AWSImport
import NetModel
@testable import SnapshotStore

/// EKS, ElastiCache, OpenSearch, DB clusters and function URLs survive a snapshot (fixture `service-workloads`).
@Suite("Service tables round trip", .serialized)
struct ServiceTablesRoundTripTests {
    @Test("managed services read back exactly as imported, one row per resource")
    func roundTrip() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AWSImportTests/Fixtures/service-workloads").path
        let result = try Importer().importPaths([fixture])
        let meta = SnapshotMetadata(createdAt: Date(timeIntervalSince1970: 1_800_000_000), source: .import,
                                    accounts: ["111111111111"], regions: ["eu-west-1"], toolVersion: "test", origin: ["fixtures"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-services-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.db").path
        try SnapshotWriter.write(Snapshot(metadata: meta, inventory: result.inventory, rawDocuments: result.rawDocuments), to: path)
        let reader = try SnapshotReader(path: path)
        let back = try reader.inventory()
        #expect(back == result.inventory)
        #expect(back.lambdaFunctions.first { $0.id == "hooks" }?.functionUrl?.authType == "NONE")
        #expect(back.dbInstances.allSatisfy { $0.clusterId == "ledger" })
        let counts = try reader.tableCounts()
        #expect(counts["eks_clusters"] == 2 && counts["eks_nodegroups"] == 1 && counts["cache_clusters"] == 2)
        #expect(counts["cache_replication_groups"] == 1 && counts["cache_subnet_groups"] == 2 && counts["opensearch_domains"] == 3)
        #expect(counts["db_clusters"] == 1)
    }
}
