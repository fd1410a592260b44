import Testing
import Findings
@testable import Report

@Suite struct GateTests {
    @Test(arguments: [
        (Severity?.some(.critical), 1), (.high, 3), (.medium, 3), (.low, 4), (nil, 0),
    ])
    func thresholdBoundaries(threshold: Severity?, gating: Int) {
        let outcome = Gate(threshold: threshold).evaluate(Samples.mixed)
        #expect(outcome.gating.count == gating)
        #expect(outcome.failed == (gating > 0))
        #expect(outcome.exitCode == (gating > 0 ? 1 : 0))
    }

    @Test func severityEqualToThresholdGates() {
        let f = Samples.finding("R", .medium)
        #expect(Gate(threshold: .medium).gates(f))
        #expect(!Gate(threshold: .high).gates(f))
    }

    @Test func suppressedDoesNotGateButExpiredDoes() {
        var f = Samples.finding("R", .critical)
        f.suppression = AppliedSuppression(reason: "ok", expires: nil, expired: false)
        #expect(Gate().status(of: f) == .suppressed)
        f.suppression = AppliedSuppression(reason: "ok", expires: "2020-01-01", expired: true)
        #expect(Gate().status(of: f) == .gating)
    }

    @Test func baselineFindingsDoNotGate() {
        let scan = Samples.mixed
        let known = Set(scan.findings.filter { $0.severity == .high }.map(\.id))
        let outcome = Gate(threshold: .high, baseline: known).evaluate(scan)
        #expect(outcome.gating.map(\.resource.id) == ["my-bucket"])
        #expect(Gate(baseline: known).status(of: scan.findings[0]) == .inBaseline)
    }

    @Test func parsesFailOn() throws {
        #expect(try Gate.threshold(parsing: "none") == nil)
        #expect(try Gate.threshold(parsing: "HIGH") == .high)
        #expect(try Gate.threshold(parsing: "low") == .low)
        #expect(throws: ReportError.badThreshold("info")) { try Gate.threshold(parsing: "info") }
        #expect(throws: ReportError.badThreshold("severe")) { try Gate.threshold(parsing: "severe") }
        #expect(Gate().threshold == .high)
        #expect(Gate(threshold: nil).failOnName == "none")
    }

    @Test func emptyScanPasses() {
        #expect(!Gate(threshold: .low).evaluate(Samples.scan([])).failed)
    }
}
