import Foundation
import GRDB
import Testing
import AWSImport
import NetModel
@testable import SnapshotStore

/// Listener rules live in the load balancer's `data` (listeners[].rules) and, for `sqlite3`, in `listener_rules`.
@Suite("Listener rules in the store", .serialized)
struct ListenerRulesTableTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AWSImportTests/Fixtures/alb-listener-rules").path

    @Test("rules read back with their load balancer, and listener_rules holds one row per rule with conditions and actions as text")
    func rulesStored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-rules-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Importer().importPaths([Self.fixture])
        let meta = SnapshotMetadata(createdAt: Date(timeIntervalSince1970: 1_800_000_000), source: .import,
                                    accounts: ["111111111111"], regions: ["us-east-1"], toolVersion: "test", origin: ["fixtures"])
        let path = folder.appendingPathComponent("r.db").path
        try SnapshotWriter.write(Snapshot(metadata: meta, inventory: result.inventory, rawDocuments: result.rawDocuments), to: path)
        let loaded = try SnapshotReader(path: path).inventory()
        #expect(loaded.loadBalancers == result.inventory.loadBalancers)
        #expect(loaded.loadBalancers.first?.listeners.first?.rules?.count == 5)
        let db = try DatabaseQueue(path: path)
        try db.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM listener_rules") == 7)
            let api = try Row.fetchOne(db, sql: "SELECT listener_arn, is_default, conditions, actions FROM listener_rules WHERE priority = '100'")
            let listener: String? = api?["listener_arn"]
            #expect(listener == "arn:aws:elasticloadbalancing:us-east-1:111111111111:listener/app/todoapp-alb/50dc6c495c0c9188/f2f7dc8efc522ab2")
            let isDefault: Int? = api?["is_default"], conditions: String? = api?["conditions"], actions: String? = api?["actions"]
            #expect(isDefault == 0 && conditions == "/api/*" && actions == "forward to todoapp-backend-tg")
            let admin = try Row.fetchOne(db, sql: "SELECT conditions, actions FROM listener_rules WHERE priority = '10'")
            let adminConditions: String? = admin?["conditions"], adminActions: String? = admin?["actions"]
            #expect(adminConditions == "/admin/*; from 198.51.100.0/24")
            #expect(adminActions == "authenticate-oidc (https://idp.example.com) then forward to todoapp-frontend-tg")
            let text = try String.fetchAll(db, sql: "SELECT data FROM load_balancers").joined()
            #expect(!text.contains("fixture-oidc-secret-value"))
        }
    }
}
