import Testing
import Findings
@testable import Report

@Suite struct TableReportTests {
    @Test func noColorMeansNoEscapes() {
        let text = ReportRenderer.render(Samples.mixed, format: .table, gate: Gate(), color: false)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("Summary: critical 2  high 2  medium 0  low 1  info 0  (suppressed 1)"))
        #expect(text.hasSuffix("FAILED: 3 findings at or above high\n"))
    }

    @Test func colorWhenAsked() {
        let text = ReportRenderer.render(Samples.mixed, format: .table, gate: Gate(), color: true)
        #expect(text.contains("\u{1B}[1;31m[CRITICAL]\u{1B}[0m"))
    }

    @Test func findingsCriticalFirstWithEvidenceAndFix() throws {
        let text = ReportRenderer.render(Samples.mixed, format: .table, gate: Gate(), color: false)
        let critical = try #require(text.range(of: "[CRITICAL]"))
        let high = try #require(text.range(of: "[HIGH]"))
        let low = try #require(text.range(of: "[LOW]"))
        #expect(critical.lowerBound < high.lowerBound && high.lowerBound < low.lowerBound)
        #expect(text.contains("    - inbound tcp/22 from 0.0.0.0/0"))
        #expect(text.contains("  fix: Restrict SSH to the admin CIDR.\n    cli:\n      aws ec2 revoke"))
        #expect(text.contains("    terraform:\n      resource \"aws_security_group_rule\" \"ssh\" {\n        cidr_blocks"))
        #expect(text.contains("SUPPRESSED: static website"))
        #expect(text.contains("(below --fail-on high)"))
        #expect(text.contains("Warnings\n  - policy: unknown tier 'dmz'"))
    }

    @Test func expiredSuppressionIsShown() {
        let f = Samples.finding(suppression: AppliedSuppression(reason: "temp", expires: "2020-01-01", expired: true))
        let text = ReportRenderer.render(Samples.scan([f]), format: .table, gate: Gate())
        #expect(text.contains("suppression EXPIRED (expires 2020-01-01): temp"))
        #expect(text.contains("FAILED: 1 finding at or above high"))
    }

    @Test func emptyScan() {
        let text = ReportRenderer.render(Samples.scan([]), format: .table, gate: Gate(threshold: nil))
        #expect(text.contains("No findings."))
        #expect(text.contains("PASSED (--fail-on none)"))
    }

    @Test func everyFormatRenders() {
        for format in ReportFormat.allCases {
            #expect(!ReportRenderer.render(Samples.mixed, format: format, gate: Gate()).isEmpty)
        }
        #expect(ReportFormat(rawValue: "sarif") == .sarif)
    }
}
