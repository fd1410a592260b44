import Foundation
import GRDB
import JSON
import Testing
import NetModel
@testable import SnapshotStore

/// AWS-managed policy documents are the same in every account of an organization: both stores keep each once per
/// snapshot (ARN + SHA-256) and read the model back exact; a SQLite file from schema 5 holds them inline and reads.
@Suite("AWS-managed policy documents once per snapshot")
struct ManagedPolicyDocumentsTests {
    static let accounts = (1...6).map { String(repeating: String($0), count: 12) }

    /// One snapshot holding the workshop sample as each of `accounts` (the arrays of every kind concatenated).
    static func organization() throws -> Snapshot {
        var merged: [String: Any] = [:]
        for account in accounts {
            let inventory = try PostgresStoreTests.workshop(as: account).inventory
            let object = try #require(try JSONSerialization.jsonObject(with: Data(SortedJSONEncoder().encode(inventory))) as? [String: Any])
            for (key, value) in object {
                guard let items = value as? [Any] else { merged[key] = value; continue }
                merged[key] = (merged[key] as? [Any] ?? []) + items
            }
        }
        let inventory = try StoreDecoder.decode(Inventory.self, from: String(decoding: JSONSerialization.data(withJSONObject: merged), as: UTF8.self))
        var meta = try PostgresStoreTests.workshop(as: accounts[0]).metadata
        meta.accounts = accounts
        return Snapshot(metadata: meta, inventory: inventory)
    }

    @Test("an organization whose accounts hold the same AWS-managed policies stores each document once", arguments: StoreBackend.allCases)
    func onceForTheOrganization(_ backend: StoreBackend) throws {
        let org = try Self.organization()
        let awsManaged = org.inventory.managedPolicies.filter { $0.isAWSManaged && $0.document != nil }
        let distinct = Set(awsManaged.map { $0.id + " " + ($0.document ?? "") }).count
        #expect(distinct > 1 && awsManaged.count == distinct * Self.accounts.count)
        try backend.withStored([("org", org)]) { open, count in
            #expect(try count("org", "SELECT count(*) FROM aws_managed_policy_documents") == distinct)
            #expect(try count("org", "SELECT count(*) FROM iam_policies WHERE aws_managed = 1") == awsManaged.count)
            #expect(try count("org", "SELECT count(*) FROM iam_policies WHERE aws_managed = 1 AND document NOT LIKE 'sha256:%'") == 0)
            // Customer-managed documents stay inline.
            #expect(try count("org", "SELECT count(*) FROM iam_policies WHERE aws_managed = 0 AND document LIKE 'sha256:%'") == 0)
            let read = try open("org").inventory()
            #expect(read.managedPolicies == org.inventory.managedPolicies)
            #expect(read == org.inventory)
            if let file = try open("org") as? SnapshotReader {
                #expect(try file.queryInventory().managedPolicies == org.inventory.managedPolicies)
            }
        }
    }

    @Test("a schema-5 SQLite file, documents inline and no documents table, reads as before")
    func schemaFiveInline() throws {
        let snapshot = try PostgresStoreTests.workshop(as: "111111111111")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-v5-\(UUID()).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SnapshotWriter.write(snapshot, to: path)
        // What schema 5 wrote: the text in `document` and `data`, no ecs_container_instances (added in 6 too).
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                UPDATE iam_policies SET document = (SELECT d.document FROM aws_managed_policy_documents d
                                                    WHERE d.arn = iam_policies.id AND 'sha256:' || d.sha256 = iam_policies.document)
                WHERE document LIKE 'sha256:%'
                """)
            try db.execute(sql: "UPDATE iam_policies SET data = json_set(data, '$.document', document) WHERE aws_managed = 1")
            try db.execute(sql: "DROP TABLE aws_managed_policy_documents")
            try db.execute(sql: "DROP TABLE ecs_container_instances")
            try db.execute(sql: "UPDATE meta SET value = '5' WHERE key = 'schema_version'")
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        let old = try SnapshotReader(path: path)
        #expect(old.schemaVersion == 5)
        #expect(try old.inventory() == snapshot.inventory)
        #expect(try old.queryInventory().managedPolicies == snapshot.inventory.managedPolicies)
    }

    @Test("a schema-6 SQLite file without the documents table is damaged, not read with documents missing")
    func missingTableRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-v6-\(UUID()).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SnapshotWriter.write(try PostgresStoreTests.workshop(as: "111111111111"), to: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "DROP TABLE aws_managed_policy_documents") }
        #expect(throws: StoreError.damaged(path: path, reason: "table aws_managed_policy_documents missing")) {
            try SnapshotReader(path: path)
        }
    }
}
