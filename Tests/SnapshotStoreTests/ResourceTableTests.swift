import Foundation
import GRDB
import Testing
import NetModel
@testable import SnapshotStore

/// The `data` column: what the model is read back from, on both stores.
@Suite("Resource tables' data column")
struct ResourceTableTests {
    /// A row whose data is cut short, or holds JSON of another shape: the snapshot is damaged, and the error names
    /// the table and the row (the second, in stored order) instead of a decoder's trap or a bare decoding error.
    @Test("a data column that does not decode is a damaged snapshot naming its table and row", arguments: StoreBackend.allCases)
    func malformedDataColumn(_ backend: StoreBackend) throws {
        let samples = try StoreBackend.samples().filter { $0.name == "workshop" }
        #expect(try #require(samples.first).snapshot.inventory.securityGroups.count > 2)
        for corrupt in [#"{"id": "sg-broken", "ingress": [tru"#, #"{"id": 5}"#, "", #"["sg-1"]"#] {
            try backend.withStored(samples) { open, count in
                switch backend {
                case .sqlite:
                    let path = try #require(try open("workshop") as? SnapshotReader).path
                    try DatabaseQueue(path: path).write { db in
                        try db.execute(sql: "UPDATE security_groups SET data = ? WHERE rowid = 2", arguments: [corrupt])
                    }
                case .postgres:
                    let sql = "UPDATE security_groups SET data = '\(corrupt)' WHERE seq = (SELECT seq FROM security_groups ORDER BY seq OFFSET 1 LIMIT 1) RETURNING 1"
                    #expect(try count("workshop", sql) == 1)
                }
                do {
                    _ = try open("workshop").inventory()
                    Issue.record("a snapshot with a damaged row (\(corrupt)) was read")
                } catch let error as StoreError {
                    guard case .damaged(_, let reason) = error else { Issue.record("\(error)"); return }
                    #expect(reason.hasPrefix("table security_groups row 2: the data column does not decode ("), "\(reason)")
                }
            }
        }
    }
}
