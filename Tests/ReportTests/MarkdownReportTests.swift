import Testing
import Findings
@testable import Report

@Suite struct MarkdownReportTests {
    @Test func sectionsAndVerdict() {
        let md = ReportRenderer.render(Samples.mixed, format: .markdown, gate: Gate())
        #expect(md.hasPrefix("## netaudit scan"))
        #expect(md.contains("| Severity | Findings |"))
        #expect(md.contains("| 🟥 critical | 2 |"))
        #expect(md.contains("❌ FAILED: 3 findings at or above high"))
        #expect(md.contains("### 🟥 Critical (2)"))
        #expect(md.contains("### 🟦 Low (1)"))
        #expect(!md.contains("### 🟨 Medium"))
        #expect(md.components(separatedBy: "<details>").count - 1 == 6) // 5 findings + warnings
        #expect(md.contains("```sh\naws ec2 revoke-security-group-ingress"))
        #expect(md.contains("```hcl\nresource \"aws_security_group_rule\""))
        #expect(md.contains("(suppressed)"))
        #expect(md.contains("Warnings (1)"))
        #expect(md.range(of: "Critical")!.lowerBound < md.range(of: "### 🟧 High")!.lowerBound)
    }

    @Test func passingVerdict() {
        let md = ReportRenderer.render(Samples.mixed, format: .markdown, gate: Gate(threshold: .critical,
            baseline: Set(Samples.mixed.findings.map(\.id))))
        #expect(md.contains("✅ PASSED: no new findings at or above critical"))
        #expect(md.contains("Known from baseline: 5."))
    }

    @Test func staysUnderGitHubLimit() {
        let findings = (0..<2_000).map { i in
            Samples.finding(resource: "sg-\(i)", title: "SSH open " + String(repeating: "x", count: 200))
        }
        let md = ReportRenderer.render(Samples.scan(findings), format: .markdown, gate: Gate())
        #expect(md.utf16.count <= 65_536)
        let shown = md.components(separatedBy: "<details>").count - 1
        #expect(shown > 10)
        #expect(md.contains("**Note:** \(2_000 - shown) more findings not shown"))
    }

    @Test func smallLimitTruncates() {
        let model = ReportModel(Samples.mixed, gate: Gate())
        let md = MarkdownReport(model: model, limit: 3_000).render()
        #expect(md.utf16.count <= 3_000)
        #expect(md.contains("more finding"))
        #expect(!MarkdownReport(model: model).render().contains("not shown"))
    }

    @Test func escapesHTMLAndFences() {
        let f = Samples.finding(title: "<img src=x> | pipe")
        var g = f
        g.fix.cli = "echo ```"
        let md = ReportRenderer.render(Samples.scan([g]), format: .markdown, gate: Gate())
        #expect(md.contains("&lt;img src=x&gt; \\| pipe"))
        #expect(md.contains("````sh\necho ```\n````"))
    }
}
