import Foundation
import GRDB
import Testing
import AWSImport
import NetModel
@testable import SnapshotStore

@Suite("Snapshot store: VPN and Direct Connect tables", .serialized)
struct VPNTablesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AWSImportTests/Fixtures/batfish-snapshot").path
    static let added = ["vpn_gateways", "customer_gateways", "vpn_connections", "vpn_connection_routes", "direct_connect_gateways"]

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-vpn-store-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func write(_ name: String) throws -> (String, Snapshot) {
        let result = try Importer().importPaths([Self.fixtures])
        let meta = SnapshotMetadata(createdAt: Date(timeIntervalSince1970: 1_800_000_000), source: .import,
                                    accounts: ["554773406868"], regions: ["us-east-2"], toolVersion: "test", origin: ["fixtures"])
        let snapshot = Snapshot(metadata: meta, inventory: result.inventory, rawDocuments: result.rawDocuments)
        let path = folder.appendingPathComponent(name).path
        try SnapshotWriter.write(snapshot, to: path)
        return (path, snapshot)
    }

    @Test("VPN gateways, customer gateways, VPN connections and Direct Connect gateways read back as written, with queryable columns")
    func roundTrip() throws {
        let (path, snapshot) = try write("vpn.db")
        let reader = try SnapshotReader(path: path)
        #expect(try reader.inventory() == snapshot.inventory)
        let counts = try reader.tableCounts()
        #expect(counts["vpn_gateways"] == 2 && counts["customer_gateways"] == 1)
        #expect(counts["vpn_connections"] == 2 && counts["direct_connect_gateways"] == 1)
        try DatabaseQueue(path: path).read { db in
            let tgw = try Row.fetchOne(db, sql: """
                SELECT transit_gateway_id, transit_gateway_attachment_id, tunnels_up, tunnel_count, static_routes_only
                FROM vpn_connections WHERE id = 'vpn-tgw'
                """)
            let row = try #require(tgw)
            let transitGateway: String? = row["transit_gateway_id"]
            let attachment: String? = row["transit_gateway_attachment_id"]
            let up: Int? = row["tunnels_up"], count: Int? = row["tunnel_count"], staticOnly: Bool? = row["static_routes_only"]
            #expect(transitGateway == "tgw-hub")
            #expect(attachment == "tgw-attach-vpn")
            #expect(up == 1)
            #expect(count == 1)
            #expect(staticOnly == false)
            #expect(try String.fetchAll(db, sql: "SELECT destination FROM vpn_connection_routes WHERE vpn_connection_id = 'vpn-vgw'")
                    == ["192.168.10.0/24"])
            #expect(try String.fetchOne(db, sql: "SELECT attached_vpc_ids FROM vpn_gateways WHERE id = 'vgw-app'") == "vpc-app")
            #expect(try String.fetchOne(db, sql: "SELECT allowed_prefixes FROM direct_connect_gateways") == "10.10.0.0/16")
            let data = try String.fetchAll(db, sql: "SELECT data FROM vpn_connections").joined()
            #expect(!data.contains("FAKEpsk"), "pre-shared keys never reach the store")
        }
    }

    @Test("a schema-1 snapshot (no VPN tables) still reads: those kinds are empty, the rest intact")
    func olderSchemaReads() throws {
        let (path, snapshot) = try write("v1.db")
        try DatabaseQueue(path: path).write { db in
            for table in Self.added { try db.execute(sql: "DROP TABLE \(table)") }
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        let reader = try SnapshotReader(path: path)
        #expect(reader.schemaVersion == 1)
        let inv = try reader.inventory()
        #expect(inv.vpnGateways.isEmpty && inv.vpnConnections.isEmpty && inv.directConnectGateways.isEmpty)
        #expect(inv.vpcs == snapshot.inventory.vpcs && inv.transitGatewayRouteTables == snapshot.inventory.transitGatewayRouteTables)
        #expect(try reader.queryInventory().loadBalancers == snapshot.inventory.loadBalancers)
        let counts = try reader.tableCounts()
        #expect(counts["vpn_connections"] == 0 && counts["vpcs"] == 2)
    }

    @Test("a snapshot missing a table its schema promises is refused as damaged on open, naming the table",
          arguments: ["vpn_gateways", "security_groups", "warnings"])
    func missingTableIsDamaged(table: String) throws {
        let (path, _) = try write("broken-\(table).db")
        try DatabaseQueue(path: path).write { try $0.execute(sql: "DROP TABLE \(table)") }
        #expect(throws: StoreError.damaged(path: path, reason: "table \(table) missing")) { try SnapshotReader(path: path) }
    }
}
