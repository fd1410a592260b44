import Foundation
import Testing
import NetModel
import Policy
import Reachability
@testable import SnapshotStore

/// The same store tests on both stores: what is written reads back the same, and scans and queries give the
/// same answers as on the model that was written.
@Suite("Both snapshot stores")
struct StoreBackendTests {
    @Test("the shipped samples read back exactly as written", arguments: StoreBackend.allCases)
    func roundTrip(_ backend: StoreBackend) throws {
        let samples = try StoreBackend.samples()
        #expect(samples.count == 3)
        try backend.withStored(samples) { open, _ in
            for (name, snapshot) in samples {
                let source = try open(name)
                let inventory = try source.inventory()
                #expect(inventory == snapshot.inventory, "\(name): inventory differs after the round trip")
                #expect(try source.metadata() == snapshot.metadata, "\(name)")
                #expect(try source.rawDocumentCount() == snapshot.rawDocuments.count, "\(name)")
                let counts = try source.tableCounts()
                #expect(counts["vpcs"] == snapshot.inventory.vpcs.count, "\(name)")
                #expect(counts["iam_policies"] == snapshot.inventory.managedPolicies.count, "\(name)")
                #expect(counts.count == StoreTables.all.count)
            }
        }
    }

    /// Questions every sample can be asked (a kind a sample lacks answers with the same error on every store).
    static let questions: [(String, String)] = [("internet", "ec2"), ("internet", "alb"), ("alb", "rds"), ("ec2", "rds"), ("internet", "lambda"), ("alb", "ec2")]

    /// The scan's findings and the questions' answers (or errors), as JSON text.
    static func answers(_ inventory: Inventory) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let scan = try RuleEngine.scan(inventory, policy: PolicyFile(), source: "sample", today: "2026-01-01")
        var out = [String(decoding: try encoder.encode(scan.findings), as: UTF8.self)]
        for (from, to) in questions {
            do {
                let spec = QuerySpec(from: from, to: to)
                let (solver, pairs) = try Solver.focused(spec, inventory: inventory, loadGroups: { ids in inventory.securityGroups.filter { ids.contains($0.id) } })
                out.append(String(decoding: try encoder.encode(QueryAnswer(spec: spec, pairs: pairs, notes: solver.catalog.notes)), as: UTF8.self))
            } catch {
                out.append("error: \(error)")
            }
        }
        return out
    }

    @Test("scan findings and query answers are those of the model written", arguments: StoreBackend.allCases)
    func sameAnswers(_ backend: StoreBackend) throws {
        let samples = try StoreBackend.samples()
        try backend.withStored(samples) { open, _ in
            for (name, snapshot) in samples {
                let expected = try Self.answers(snapshot.inventory)
                #expect(expected.contains { !$0.hasPrefix("error:") && $0.contains("\"reachable\"") }, "\(name): no question answered")
                #expect(try Self.answers(try open(name).inventory()) == expected, "\(name)")
            }
        }
    }
}
