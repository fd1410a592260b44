import Foundation
import Findings
import Testing
@testable import Report

/// A finding grouped by its cause lists every resource it exposes in each format, and old baselines still match it.
@Suite("Reports of findings grouped by cause")
struct GroupedFindingReportTests {
    static var scan: ScanResult { Samples.scan([Samples.grouped]) }

    func render(_ format: ReportFormat, gate: Gate = Gate()) -> String {
        ReportRenderer.render(Self.scan, format: format, gate: gate, color: false)
    }

    @Test("table and markdown give the count and at most ten names")
    func textListings() {
        let table = render(.table)
        #expect(table.contains("  resources: 12: web-1 (i-1), web-2 (i-2), "))
        #expect(table.contains("web-10 (i-10) and 2 more\n") && !table.contains("web-11 (i-11)"))
        #expect(table.contains("tcp/22 (SSH) is reachable from the internet on 12 resources: web-1 (i-1), web-2 (i-2), web-3 (i-3) and 9 more"))
        let markdown = render(.markdown)
        #expect(markdown.contains("- Resources (12): `web-1 (i-1)`, `web-2 (i-2)`, ") && markdown.contains("`web-10 (i-10)` and 2 more\n"))
    }

    @Test("JSON keeps resource as the first and lists all of them under resources, with their own fingerprints")
    func json() throws {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(render(.json).utf8)) as? [String: Any])
        let f = try #require((root["findings"] as? [[String: Any]])?.first)
        #expect((f["resource"] as? [String: Any])?["id"] as? String == "i-1")
        let resources = try #require(f["resources"] as? [[String: Any]])
        #expect(resources.count == 12 && resources.compactMap { $0["id"] as? String } == (1...12).map { "i-\($0)" })
        #expect(resources.compactMap { $0["finding_id"] as? String } == Samples.grouped.members.map(\.id))
        #expect(resources[0]["severity"] as? String == "critical" && resources[1]["severity"] as? String == "high")
        #expect((f["cause"] as? [String: Any])?["id"] as? String == "sg-0123:ingress:tcp/22:0.0.0.0/0")
    }

    @Test("SARIF names every resource as a related location")
    func sarif() throws {
        let text = render(.sarif)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let result = try #require(((root["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let related = try #require(result["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 12 && related.compactMap { $0["id"] as? Int } == Array(0..<12))
        let names = related.compactMap { (($0["logicalLocations"] as? [[String: Any]])?.first?["fullyQualifiedName"]) as? String }
        #expect(names.last == "arn:aws:ec2:us-east-1:111122223333:instance/i-12")
        #expect((result["message"] as? [String: Any])?["text"] as? String == "\(Samples.grouped.title) (instance web-1 (i-1) and 11 more). Fix: Revoke tcp/22 from 0.0.0.0/0 on sg-0123.")
        if SchemaValidator.available { #expect(SchemaValidator.validate(text).status == 0) }
    }

    @Test("JUnit: one case for the cause, its resources as properties")
    func junit() {
        let xml = render(.junit)
        #expect(xml.contains("<testcase classname=\"NA-SG-001\" name=\"sg-0123 (web) ingress tcp/22 from 0.0.0.0/0\">"))
        #expect(xml.components(separatedBy: "<property name=\"resource\"").count == 13)
        #expect(xml.contains("<property name=\"resource\" value=\"instance web-12 (i-12)\"/>"))
    }

    @Test("HTML carries every resource of the finding")
    func html() {
        let page = render(.html)
        #expect(page.contains("\"resources\":[{\"id\":\"i-1\",\"kind\":\"instance\",\"label\":\"web-1 (i-1)\",\"severity\":\"critical\"}"))
        #expect(page.contains("\"label\":\"web-12 (i-12)\""))
    }

    @Test("a baseline made before grouping (per-resource fingerprints) matches the grouped finding")
    func oldBaselineMatches() {
        let old = Gate(threshold: .high, baseline: [Fingerprint.of("NA-SG-001", "i-7", "tcp/22")])
        #expect(old.status(of: Samples.grouped) == .inBaseline)
        #expect(Gate(threshold: .high, baseline: ["unrelated"]).status(of: Samples.grouped) == .gating)
        #expect(render(.table, gate: old).contains("in baseline 1"))
    }

    @Test("a grouped JSON report used as a baseline also knows each member's per-resource fingerprint")
    func groupedBaselineHasMembers() throws {
        let ids = try Baseline.ids(in: Data(render(.json).utf8), path: "report.json")
        #expect(ids == Set([Samples.grouped.id] + Samples.grouped.members.map(\.id)))
        let member = Samples.finding("NA-SG-001", .critical, resource: "i-3", detail: "tcp/22")
        #expect(Gate(baseline: ids).status(of: member) == .inBaseline, "a --group-by resource scan against a grouped baseline")
    }
}
