import Foundation
import NetModel
import Testing
@testable import Diff

/// Refusing mismatched snapshots, and the three output formats.
@Suite("Compatibility and output")
struct CompatibilityAndOutputTests {
    private func meta(_ accounts: [String], _ regions: [String] = ["us-east-1"], version: String = "0.1.0") -> SnapshotMetadata {
        SnapshotMetadata(createdAt: Date(timeIntervalSince1970: 0), source: .import, accounts: accounts, regions: regions, toolVersion: version)
    }

    @Test("different accounts are refused with both files named")
    func differentAccounts() {
        #expect(throws: DiffError.self) {
            try Compatibility.check(old: meta(["111111111111"]), oldPath: "a.db", new: meta(["222222222222"]), newPath: "b.db")
        }
        do {
            try Compatibility.check(old: meta(["111111111111"]), oldPath: "a.db", new: meta(["222222222222"]), newPath: "b.db")
        } catch {
            #expect(error.description.contains("a.db") && error.description.contains("b.db"))
            #expect(error.description.contains("different accounts"))
        }
    }

    @Test("different regions and incompatible versions are refused; same scope passes")
    func regionsAndVersions() throws {
        #expect(throws: DiffError.self) {
            try Compatibility.check(old: meta(["1"], ["us-east-1"]), oldPath: "a", new: meta(["1"], ["eu-west-1"]), newPath: "b")
        }
        #expect(throws: DiffError.self) {
            try Compatibility.check(old: meta(["1"], version: "0.1.0"), oldPath: "a", new: meta(["1"], version: "0.2.0"), newPath: "b")
        }
        try Compatibility.check(old: meta(["1"], ["us-east-1", "eu-west-1"]), oldPath: "a",
                                new: meta(["1"], ["eu-west-1", "us-east-1"], version: "0.1.4"), newPath: "b")
    }

    @Test("JSON has the documented shape")
    func json() throws {
        let base = try Workshop.inventory()
        var new = base
        Workshop.exposeDatabase(&new)
        let text = DiffRenderer.render(try Workshop.diff(base, new), format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["old"] as? String == "old.db" && object["new"] as? String == "new.db")
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.contains { $0["resource"] as? String == Workshop.dbGroup && $0["change"] as? String == "modified" })
        #expect(Set(changes.first?.keys.map { $0 } ?? []) == ["resource", "kind", "name", "change", "details"])
        let findings = try #require(object["findings"] as? [String: Any])
        #expect((findings["new"] as? [Any])?.isEmpty == false)
        #expect(findings["unchanged"] is Int)
        let reach = try #require(object["reachability"] as? [String: Any])
        let opened = try #require(reach["opened"] as? [[String: Any]])
        #expect(opened.contains { $0["from"] as? String == "internet" && $0["to"] as? String == "my-demo-db" && ($0["causes"] as? [String])?.isEmpty == false })
        let gating = try #require(object["gating"] as? [String: Any])
        #expect(gating["failed"] as? Bool == true)
    }

    @Test("table and markdown carry the sections and the cause")
    func tableAndMarkdown() throws {
        let base = try Workshop.inventory()
        var new = base
        Workshop.exposeDatabase(&new)
        let result = try Workshop.diff(base, new)
        let table = DiffRenderer.render(result, format: .table)
        for section in ["Configuration changes", "Findings:", "Reachability:", "Gate: FAILED"] { #expect(table.contains(section)) }
        #expect(table.contains("internet → my-demo-db tcp/"))
        #expect(table.contains("cause: \(Workshop.dbGroup) (demo-app-db-sg) ingress rule added: tcp/3306 from 0.0.0.0/0"))
        let markdown = DiffRenderer.render(result, format: .markdown)
        #expect(markdown.hasPrefix("## netaudit diff"))
        #expect(markdown.contains("### Reachability") && markdown.contains("| 🔓 opened | internet → my-demo-db"))
        #expect(markdown.contains("❌ **Failed**"))
        #expect(!markdown.contains("\n\n\n"))
    }

    @Test("markdown caps long tables for a pull-request comment")
    func markdownCapped() {
        let paths = (1...60).map { PathChange(from: "internet", to: "t\($0)", ports: [[443, 443]], via: [], causes: [], severity: .high) }
        let result = DiffResult(old: "a", new: "b", changes: [], findings: FindingsDelta(new: [], resolved: [], unchanged: 0),
                                reachability: ReachabilityChanges(opened: paths),
                                gating: DiffGating(threshold: .critical, findings: [], opened: paths))
        let markdown = DiffRenderer.render(result, format: .markdown)
        #expect(markdown.contains("… 10 more paths (see `--format json`)"))
        #expect(markdown.contains("✅ **Passed**"))
        #expect(!markdown.contains("internet → t51 "))
    }
}
