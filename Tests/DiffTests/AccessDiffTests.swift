import AWSImport
import Findings
import Foundation
import NetModel
import Policy
import Testing
@testable import Diff

/// Resource policies and sharing in diffs (fixture `resource-policies`): a change is a configuration change, and a
/// policy that became public is a new finding.
@Suite("Resource policy and sharing changes")
struct AccessDiffTests {
    let base: Inventory

    init() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AWSImportTests/Fixtures/resource-policies").path
        base = try Importer().importPaths([fixture]).inventory
    }

    @Test("a queue policy opened to anyone is a changed statement and a new critical resource-public finding; reachability is not recomputed")
    func queueBecomesPublic() throws {
        var new = base
        let plain = try #require(new.policyResources.firstIndex { $0.name == "plain" })
        new.policyResources[plain].policy = #"{"Version":"2012-10-17","Statement":[{"Sid":"Open","Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*"}]}"#
        let result = try SnapshotDiff.run(old: base, new: new, oldName: "a", newName: "b", policy: PolicyFile(), threshold: .high, today: "2026-12-02")
        #expect(result.changes.count == 1 && result.changes.first?.kind == "sqs-queue" && result.changes.first?.change == .modified)
        #expect(result.changes.first?.details.first?.contains("Open") == true, "\(result.changes)")
        let opened = try #require(result.findings.new.first)
        #expect(result.findings.new.count == 1 && opened.ruleId == "resource-public" && opened.severity == .critical)
        #expect(result.reachability.skipped, "a policy change cannot move a network path")
    }

    @Test("a snapshot newly shared with another account, and a KMS grant removed, are listed in their own words")
    func sharingAndGrants() throws {
        var new = base
        let snap = try #require(new.sharedArtifacts.firstIndex { $0.id == "snap-0aaa" })
        new.sharedArtifacts[snap].sharedWith.append("222233334444")
        let key = try #require(new.policyResources.firstIndex { !$0.grants.isEmpty })
        new.policyResources[key].grants = []
        let changes = ConfigDiff.compare(base, new)
        let byKind = Dictionary(changes.map { ($0.kind, $0.details) }, uniquingKeysWith: { a, _ in a })
        #expect(byKind["ebs-snapshot"] == ["shared with added: 222233334444"], "\(changes)")
        #expect(byKind["kms-key"]?.first?.hasPrefix("grant removed: g-1") == true, "\(changes)")
    }
}
