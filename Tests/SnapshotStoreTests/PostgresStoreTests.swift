import Foundation
import GRDB
import JSON
import Testing
import NetModel
import PostgresClient
import PostgresTestSupport
@testable import SnapshotStore

/// What only the PostgreSQL store does: many writers into one snapshot, AWS-managed policy documents once, the
/// same tables as SQLite, and one-line errors without the password. Against a real server.
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    /// The workshop sample as if captured in `account` (every mention of its account ID replaced).
    static func workshop(as account: String) throws -> Snapshot {
        let sample = try #require(try StoreBackend.samples().first { $0.name == "workshop" }).snapshot
        let text = try SortedJSONEncoder().text(sample.inventory)
            .replacingOccurrences(of: "123456789012", with: account)
        let inventory = try StoreDecoder.decode(Inventory.self, from: text)
        var meta = sample.metadata
        meta.accounts = [account]
        return Snapshot(metadata: meta, inventory: inventory, rawDocuments: [])
    }

    @Test("captures of different accounts written at once land in one snapshot; a second copy of an account is refused")
    func concurrentWriters() throws {
        let accounts = ["111111111111", "222222222222", "333333333333", "444444444444"]
        let snapshots = try accounts.map(Self.workshop(as:))
        try PostgresServer.with { server in
            let url = try StoreURL(server.url), name = try SnapshotName("org")
            let errors = ErrorSlots()
            DispatchQueue.concurrentPerform(iterations: snapshots.count) { i in
                do { try PostgresSnapshotWriter.write(snapshots[i], to: name, store: url) } catch { errors.add("\(error)") }
            }
            #expect(errors.all.isEmpty)
            let reader = try PostgresSnapshotReader(store: url, name: name)
            #expect(Set(try reader.metadata().accounts) == Set(accounts))
            let inventory = try reader.inventory()
            #expect(inventory.vpcs.count == snapshots.map(\.inventory.vpcs.count).reduce(0, +))
            #expect(Set(inventory.vpcs.map(\.scope.account)) == Set(accounts))
            // Each account's model reads back whole: its resources, rules included.
            for snapshot in snapshots {
                let account = snapshot.metadata.accounts[0]
                #expect(inventory.securityGroups.filter { $0.scope.account == account } == snapshot.inventory.securityGroups)
                #expect(inventory.managedPolicies.filter { $0.scope.account == account } == snapshot.inventory.managedPolicies)
            }
            #expect(throws: StoreError.alreadyHolds(store: url.description, name: "org", accounts: ["222222222222"])) {
                try PostgresSnapshotWriter.write(snapshots[1], to: name, store: url)
            }
            try PostgresSnapshotWriter.write(snapshots[1], to: name, store: url, replace: true)
            #expect(try PostgresSnapshotReader(store: url, name: name).metadata().accounts == ["222222222222"])
        }
    }

    @Test("an AWS-managed policy document is stored once per snapshot, not once per account")
    func managedPolicyDocumentsOnce() throws {
        let a = try Self.workshop(as: "111111111111"), b = try Self.workshop(as: "222222222222")
        let awsManaged = a.inventory.managedPolicies.filter { $0.isAWSManaged && $0.document != nil }
        #expect(!awsManaged.isEmpty)
        try PostgresServer.with { server in
            let url = try StoreURL(server.url), name = try SnapshotName("two")
            try PostgresSnapshotWriter.write(a, to: name, store: url)
            try PostgresSnapshotWriter.write(b, to: name, store: url)
            let connection = try PostgresConnection(url: url)
            let stored = try connection.execute("SELECT count(*) FROM two.aws_managed_policy_documents").rows.first?.first ?? nil
            #expect(stored == String(Set(awsManaged.map(\.id)).count))
            let inline = try connection.execute("SELECT count(*) FROM two.iam_policies WHERE aws_managed = 1 AND document NOT LIKE 'sha256:%'").rows.first?.first ?? nil
            #expect(inline == "0")
            let read = try PostgresSnapshotReader(store: url, name: name).inventory().managedPolicies
            #expect(read == a.inventory.managedPolicies + b.inventory.managedPolicies)
        }
    }

    @Test("PostgreSQL holds the tables and columns a SQLite snapshot holds (one table list generates both)")
    func sameTables() throws {
        let snapshot = try Self.workshop(as: "111111111111")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-tables-\(UUID()).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SnapshotWriter.write(snapshot, to: path)
        var sqlite: [String: [String]] = [:]
        try DatabaseQueue(path: path).read { db in
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                sqlite[table] = try db.columns(in: table).map(\.name)
            }
        }
        try PostgresServer.with { server in
            let url = try StoreURL(server.url)
            try PostgresSnapshotWriter.write(snapshot, to: try SnapshotName("t"), store: url)
            var postgres: [String: [String]] = [:]
            for row in try PostgresConnection(url: url).execute(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 't' AND column_name <> 'seq' ORDER BY table_name, ordinal_position").rows {
                postgres[row[0] ?? "", default: []].append(row[1] ?? "")
            }
            #expect(postgres == sqlite)
            #expect(sqlite.count > 40)
        }
    }

    @Test("a NUL character (which PostgreSQL text cannot hold) is stored, and the model reads back exact")
    func nulCharacter() throws {
        var snapshot = try Self.workshop(as: "111111111111")
        let vpc = try #require(snapshot.inventory.vpcs.first)
        snapshot.inventory.vpcs[0].tags["Name"] = "bad\u{0}name"
        snapshot.inventory.warnings.append(CaptureWarning(source: "x\u{0}y", code: "test", message: "nul"))
        try PostgresServer.with { server in
            let url = try StoreURL(server.url)
            try PostgresSnapshotWriter.write(snapshot, to: try SnapshotName("nul"), store: url)
            let read = try PostgresSnapshotReader(store: url, name: try SnapshotName("nul")).inventory()
            #expect(read.vpcs == snapshot.inventory.vpcs)
            let name = try PostgresConnection(url: url).execute("SELECT name FROM nul.vpcs WHERE id = $1", [vpc.id]).rows.first?.first ?? nil
            #expect(name == "bad\u{FFFD}name")
            #expect(read.warnings.last?.source == "x\u{FFFD}y")
        }
    }

    @Test("store errors are one line naming the server, never the password")
    func errors() throws {
        let port = try PostgresServer.freePort()
        let refused = "postgres://auditor:Hunter2-Secret@127.0.0.1:\(port)/fleet"
        do {
            _ = try PostgresSnapshotReader(store: refused, name: "org")
            Issue.record("connected to a port nothing listens on")
        } catch let error as PostgresError {
            guard case .connectFailed = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.description.contains("auditor:***@127.0.0.1:\(port)/fleet"))
            #expect(!error.description.contains("Hunter2"))
            #expect(!error.description.contains("\n"))
        }
        #expect(try StoreURL("postgres://u:Hunter%402@db.example:5432/fleet?sslmode=require&password=Other9").description
                == "postgres://u:***@db.example:5432/fleet?sslmode=require&password=***")
        #expect(try StoreURL("postgresql://u@host/db").description == "postgresql://u@host/db")
        #expect(throws: PostgresError.self) { try StoreURL("mysql://a:Hunter2@host/db") }
        #expect((try? StoreURL("mysql://a:Hunter2@host/db")).map { _ in "" } == nil)
        #expect(throws: StoreError.self) { try SnapshotName("../etc") }
        #expect(throws: StoreError.self) { try SnapshotName("pg_catalog") }
        try PostgresServer.with { server in
            #expect(throws: StoreError.notInStore(store: server.url, name: "nosuch")) {
                try PostgresSnapshotReader(store: server.url, name: "nosuch")
            }
        }
    }
}

/// Errors collected from concurrent writers.
private final class ErrorSlots: @unchecked Sendable {
    private var errors: [String] = []
    private let lock = NSLock()
    func add(_ error: String) { lock.lock(); errors.append(error); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return errors }
}
