import Testing
import Foundation
import Findings
@testable import Report

@Suite struct JSONReportTests {
    func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func topLevelShape() throws {
        let json = try parse(ReportRenderer.render(Samples.mixed, format: .json, gate: Gate(), version: "9.9.9"))
        #expect(json["tool"] as? String == "netaudit")
        #expect(json["version"] as? String == "9.9.9")
        #expect(json["source"] as? String == "snapshots/prod.db")
        #expect(json["accounts"] as? [String] == ["111122223333"])
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["critical": 2, "high": 2, "medium": 0, "low": 1, "info": 0])
        let gating = try #require(json["gating"] as? [String: Any])
        #expect(gating["fail_on"] as? String == "high")
        #expect(gating["failed"] as? Bool == true)
        #expect(gating["gating_findings"] as? Int == 3)
        #expect((json["rules"] as? [Any])?.count == 3)
        #expect(json["warnings"] as? [String] == ["policy: unknown tier 'dmz'"])
    }

    @Test func findingsUseSnakeCaseAndCriticalFirst() throws {
        let json = try parse(ReportRenderer.render(Samples.mixed, format: .json, gate: Gate(threshold: nil)))
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { $0["severity"] as? String } == ["critical", "critical", "high", "high", "low"])
        let first = findings[1]
        #expect(Set(first.keys) == ["id", "rule_id", "severity", "title", "resource", "resources", "cause", "evidence", "fix", "suppression", "gates"])
        // An ungrouped finding lists its one resource, with its own fingerprint.
        #expect((first["resources"] as? [[String: Any]])?.compactMap { $0["finding_id"] as? String } == [first["id"] as? String].compactMap { $0 })
        #expect(first["cause"] is NSNull)
        #expect(first["rule_id"] as? String == "NA-S3-001")
        let resource = try #require(first["resource"] as? [String: Any])
        #expect(Set(resource.keys) == ["id", "kind", "name", "arn", "account", "region", "location"])
        #expect(resource["location"] is NSNull)
        let fix = try #require(first["fix"] as? [String: Any])
        #expect(fix["cli"] as? String != nil && fix["terraform"] as? String != nil)
        let suppressed = try #require(findings.first { ($0["suppression"] as? [String: Any]) != nil })
        #expect((suppressed["suppression"] as? [String: Any])?["reason"] as? String == "static website")
        #expect(findings[1]["suppression"] is NSNull)
    }

    @Test func escapesStrings() throws {
        let f = Samples.finding(title: "quote \" backslash \\ newline \n tab \t bell \u{7} é")
        let json = try parse(ReportRenderer.render(Samples.scan([f]), format: .json, gate: Gate()))
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings[0]["title"] as? String == f.title)
    }

    @Test func deterministic() {
        let a = ReportRenderer.render(Samples.mixed, format: .json, gate: Gate())
        var shuffled = Samples.mixed
        shuffled.findings.reverse()
        #expect(a == ReportRenderer.render(shuffled, format: .json, gate: Gate()))
    }
}
