import Testing
import Foundation
import Findings
@testable import Report

@Suite struct BaselineTests {
    func write(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "netaudit-baseline-\(UUID().uuidString).json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func missingFileNamesThePath() {
        let path = "/nonexistent/netaudit/report.json"
        #expect(throws: ReportError.baselineUnreadable(path: path)) { try Baseline.load(path) }
        #expect(ReportError.baselineUnreadable(path: path).description.contains(path))
    }

    @Test func malformedJSON() throws {
        let path = try write("{ not json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ReportError.baselineMalformed(path: path, reason: "not valid JSON")) { try Baseline.load(path) }
    }

    @Test func reportWithoutFindings() throws {
        for text in [#"{"tool": "netaudit"}"#, "[1, 2]", #"{"findings": {}}"#, #"{"findings": [{"rule_id": "R"}]}"#] {
            let path = try write(text)
            defer { try? FileManager.default.removeItem(atPath: path) }
            do {
                _ = try Baseline.load(path)
                Issue.record("accepted \(text)")
            } catch {
                guard case .baselineMalformed(let p, _) = error else { Issue.record("wrong error \(error)"); continue }
                #expect(p == path)
                #expect(error.description.hasPrefix("baseline \(path): "))
            }
        }
    }

    @Test func jsonReportRoundTripsAsBaseline() throws {
        let scan = Samples.mixed
        let text = ReportRenderer.render(scan, format: .json, gate: Gate())
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ids = try Baseline.load(path)
        #expect(ids == Set(scan.findings.map(\.id)))
        // Re-scanning the same findings against that baseline passes; a new finding fails.
        #expect(!Gate(baseline: ids).evaluate(scan).failed)
        var next = scan
        next.findings.append(Samples.finding(resource: "sg-new"))
        let outcome = Gate(baseline: ids).evaluate(next)
        #expect(outcome.gating.map(\.resource.id) == ["sg-new"])
    }

    @Test func emptyFindingsIsAValidBaseline() throws {
        #expect(try Baseline.ids(in: Data(#"{"findings": []}"#.utf8), path: "x").isEmpty)
    }
}
