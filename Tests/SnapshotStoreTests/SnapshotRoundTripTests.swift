import Foundation
import GRDB
import Testing
import AWSImport
import NetModel
@testable import SnapshotStore

@Suite("Snapshot store", .serialized)
struct SnapshotRoundTripTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AWSImportTests/Fixtures/mixed-account").path

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-store-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func sampleSnapshot() throws -> Snapshot {
        let result = try Importer().importPaths([Self.fixtures])
        let meta = SnapshotMetadata(createdAt: Date(timeIntervalSince1970: 1_800_000_000), source: .import,
                                    accounts: ["111111111111"], regions: ["eu-west-1"], toolVersion: "test", origin: ["fixtures"])
        return Snapshot(metadata: meta, inventory: result.inventory, rawDocuments: result.rawDocuments)
    }

    @Test("a snapshot reads back exactly as written")
    func roundTrip() throws {
        let snapshot = try sampleSnapshot()
        let path = folder.appendingPathComponent("a.db").path
        try SnapshotWriter.write(snapshot, to: path)
        let reader = try SnapshotReader(path: path)
        #expect(try reader.inventory() == snapshot.inventory)
        #expect(try reader.metadata() == snapshot.metadata)
        #expect(try reader.rawDocumentCount() == snapshot.rawDocuments.count)
    }

    @Test("normalized tables hold one row per resource and queryable parts")
    func normalizedTables() throws {
        let path = folder.appendingPathComponent("t.db").path
        try SnapshotWriter.write(try sampleSnapshot(), to: path)
        let counts = try SnapshotReader(path: path).tableCounts()
        #expect(counts["vpcs"] == 1 && counts["subnets"] == 2 && counts["security_groups"] == 2)
        #expect(counts["network_interfaces"] == 5 && counts["iam_roles"] == 1 && counts["iam_users"] == 1 && counts["buckets"] == 2)
        let db = try DatabaseQueue(path: path)
        try db.read { db in
            let ssh = try Row.fetchOne(db, sql: """
                SELECT protocol, from_port, to_port, peer_kind, peer FROM security_group_rules
                WHERE group_id = 'sg-web' AND direction = 'ingress' AND from_port = 5432
                """)
            #expect(ssh?["peer_kind"] == "security_group" && ssh?["peer"] == "sg-peer")
            let order = try Int.fetchAll(db, sql: "SELECT rule_number FROM network_acl_entries WHERE direction = 'ingress' ORDER BY rowid")
            #expect(order == [100, 110, 120, 32767])
            let blackhole = try String.fetchOne(db, sql: "SELECT target_id FROM routes WHERE state = 'blackhole'")
            #expect(blackhole == "igw-gone")
            let targets = try String.fetchAll(db, sql: "SELECT target_kind FROM routes WHERE route_table_id = 'rtb-app' ORDER BY rowid")
            #expect(targets == ["local", "nat", "pcx", "tgw", "vpce", "eni", "instance", "eigw", "igw"])
            #expect(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") == String(SnapshotSchema.version))
        }
    }

    @Test("snapshot files are created readable by the owner only")
    func permissions() throws {
        let path = folder.appendingPathComponent("p.db").path
        try SnapshotWriter.write(try sampleSnapshot(), to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a failed write leaves the previous snapshot and no temporary file")
    func atomicReplace() throws {
        let path = folder.appendingPathComponent("keep.db").path
        let good = try sampleSnapshot()
        try SnapshotWriter.write(good, to: path)
        var bad = good
        bad.inventory.vpcs.removeAll()
        struct Interrupted: Error {}
        SnapshotWriter.beforeRename = { if $0 == path { throw Interrupted() } }
        defer { SnapshotWriter.beforeRename = nil }
        #expect(throws: StoreError.self) { try SnapshotWriter.write(bad, to: path) }
        SnapshotWriter.beforeRename = nil
        #expect(try SnapshotReader(path: path).inventory().vpcs.count == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test("writing into a missing folder is a clear error")
    func missingFolder() throws {
        let path = folder.appendingPathComponent("nope/x.db").path
        #expect {
            try SnapshotWriter.write(try sampleSnapshot(), to: path)
        } throws: { error in
            "\(error)".hasPrefix("\(path): cannot write snapshot")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a snapshot from a newer schema is refused with a clear message")
    func newerSchema() throws {
        let path = folder.appendingPathComponent("future.db").path
        try SnapshotWriter.write(try sampleSnapshot(), to: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = 99") }
        #expect(throws: StoreError.newerSchema(path: path, found: 99, supported: SnapshotSchema.version)) {
            try SnapshotReader(path: path)
        }
    }

    @Test("files that are not snapshots are refused", arguments: ["text", "empty-sqlite"])
    func notSnapshots(kind: String) throws {
        let path = folder.appendingPathComponent("\(kind).db").path
        if kind == "text" {
            try "hello, not a database".write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE other (x)") }
        }
        #expect {
            try SnapshotReader(path: path)
        } throws: { error in
            guard case StoreError.notASnapshot(let p, _) = error else { return false }
            return p == path
        }
        #expect(throws: StoreError.notFound(path: folder.appendingPathComponent("missing.db").path)) {
            try SnapshotReader(path: folder.appendingPathComponent("missing.db").path)
        }
    }
}
