import Testing
import Foundation
import Findings
@testable import Report

@Suite struct SARIFReportTests {
    func sarif(_ scan: ScanResult = Samples.mixed, gate: Gate = Gate()) -> String {
        ReportRenderer.render(scan, format: .sarif, gate: gate)
    }

    func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(.enabled(if: SchemaValidator.available, "needs python3 with jsonschema"))
    func validatesAgainstOfficialSchema() {
        let baseline = Set([Samples.mixed.findings[0].id])
        var odd = Samples.finding("NA-ODD", .info, resource: "id with spaces/ü", name: nil, title: "\"quoted\" \u{1} <b>")
        odd.resource.arn = nil
        odd.fix = Fix(summary: "")
        let oddScan = ScanResult(findings: [odd], rules: [], warnings: [], source: "/abs/dir with space/", accounts: [])
        for doc in [sarif(), sarif(gate: Gate(threshold: nil, baseline: baseline)), sarif(Samples.scan([], rules: [])),
                    sarif(oddScan)] {
            let (status, output) = SchemaValidator.validate(doc)
            #expect(status == 0, "\(output)")
            #expect(output.contains("Draft4Validator"))
        }
    }

    @Test(.enabled(if: SchemaValidator.available, "needs python3 with jsonschema"))
    func schemaCheckRejectsInvalidSARIF() {
        let broken = sarif().replacingOccurrences(of: "\"level\": \"error\"", with: "\"level\": \"fatal\"")
        #expect(SchemaValidator.validate(broken).status == 1)
    }

    @Test func structureGitHubNeeds() throws {
        let root = try parse(sarif())
        #expect(root["version"] as? String == "2.1.0")
        #expect((root["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "netaudit")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["NA-SG-001", "NA-S3-001", "NA-VPC-002"])
        let props = try #require(rules[1]["properties"] as? [String: Any])
        #expect(props["security-severity"] as? String == "9.5")
        #expect(props["tags"] as? [String] == ["security"])
        #expect((rules[1]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        #expect((rules[0]["help"] as? [String: Any])?["markdown"] as? String != nil)

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5)
        #expect(results.map { $0["level"] as? String } == ["error", "error", "error", "error", "note"])
        for r in results {
            let ruleId = try #require(r["ruleId"] as? String)
            let index = try #require(r["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleId)
            let location = try #require((r["locations"] as? [[String: Any]])?.first)
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "snapshots/prod.db")
            #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 1)
            let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
            #expect((logical["fullyQualifiedName"] as? String)?.hasPrefix("arn:aws:") == true)
            #expect(logical["kind"] as? String == "resource")
            #expect((r["partialFingerprints"] as? [String: String])?["netauditFindingId/v1"]?.count == 16)
        }
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 1)
        let s = try #require((suppressed[0]["suppressions"] as? [[String: Any]])?.first)
        #expect(s["kind"] as? String == "external")
        #expect(s["justification"] as? String == "static website")
    }

    @Test func levels() {
        #expect(SARIFReport.level(.critical) == "error")
        #expect(SARIFReport.level(.high) == "error")
        #expect(SARIFReport.level(.medium) == "warning")
        #expect(SARIFReport.level(.low) == "note")
        #expect(SARIFReport.level(.info) == "note")
    }

    @Test func urisAreRelative() {
        #expect(SARIFReport.relativeURI("/repo/snaps/a.db", cwd: "/repo") == "snaps/a.db")
        #expect(SARIFReport.relativeURI("/elsewhere/a.db", cwd: "/repo") == "a.db")
        #expect(SARIFReport.relativeURI("./exports/", cwd: "/repo") == "exports")
        #expect(SARIFReport.relativeURI("my exports/x y.json", cwd: "/repo") == "my%20exports/x%20y.json")
        #expect(SARIFReport.relativeURI("", cwd: "/repo") == "netaudit-scan")
    }

    @Test func unknownRuleGetsADescriptor() throws {
        let scan = Samples.scan([Samples.finding("NA-NEW-9", .medium)], rules: [])
        let run = try #require((try parse(sarif(scan))["runs"] as? [[String: Any]])?.first)
        let rules = (run["tool"] as? [String: Any]).flatMap { ($0["driver"] as? [String: Any])?["rules"] as? [[String: Any]] }
        #expect(rules?.first?["id"] as? String == "NA-NEW-9")
        #expect((run["results"] as? [[String: Any]])?.first?["ruleIndex"] as? Int == 0)
    }

    @Test func baselineStateWhenABaselineIsGiven() throws {
        let known = Set([Samples.mixed.findings[0].id])
        let run = try #require((try parse(sarif(gate: Gate(baseline: known)))["runs"] as? [[String: Any]])?.first)
        let states = (run["results"] as? [[String: Any]])?.compactMap { $0["baselineState"] as? String } ?? []
        #expect(states.sorted() == ["new", "new", "new", "new", "unchanged"])
    }
}
