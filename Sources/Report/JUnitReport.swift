import Findings

/// The `--format junit` report: a test suite per rule, a test case per rule × cause (findings grouped by what
/// closes them) or rule × resource, with the case's resources as `<properties>`.
///
/// A case fails when one of its findings gates; otherwise it is skipped (suppressed, below the
/// threshold or in the baseline). A rule without findings has one passing case, `no findings`.
struct JUnitReport {
    let model: ReportModel

    private struct Case {
        var name: String
        var findings: [Finding] = []
        var resources: [ResourceRef] = []
    }

    private struct Suite {
        var name: String
        var cases: [Case]
        var failures: Int
        var skipped: Int
    }

    func render() -> String {
        let suites = model.rules.map(suite)
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let skipped = suites.reduce(0) { $0 + $1.skipped }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"netaudit\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
        for suite in suites { write(suite, into: &out) }
        out += "</testsuites>\n"
        return out
    }

    private func suite(_ rule: RuleInfo) -> Suite {
        var cases: [Case] = []
        var position: [String: Int] = [:]
        for f in model.findings where f.ruleId == rule.id {
            let grouped = f.resources.count > 1
            let key = grouped ? "cause|\(f.cause?.id ?? f.id)" : f.resource.id
            let i = position[key] ?? cases.count
            if i == cases.count {
                position[key] = i
                cases.append(Case(name: grouped ? f.cause?.label ?? f.resource.label : f.resource.label))
            }
            let known = Set(cases[i].resources.map(\.id))
            cases[i].findings.append(f)
            cases[i].resources += f.resources.filter { !known.contains($0.id) }
        }
        if cases.isEmpty { cases = [Case(name: "no findings")] }
        let failing = cases.count { $0.findings.contains(where: model.gate.gates) }
        let skipped = cases.count { !$0.findings.isEmpty && !$0.findings.contains(where: model.gate.gates) }
        return Suite(name: rule.id, cases: cases, failures: failing, skipped: skipped)
    }

    private func write(_ suite: Suite, into out: inout String) {
        let name = XMLText.escape(suite.name)
        out += "  <testsuite name=\"\(name)\" tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\" errors=\"0\" skipped=\"\(suite.skipped)\">\n"
        for c in suite.cases {
            let open = "    <testcase classname=\"\(name)\" name=\"\(XMLText.escape(c.name))\""
            let gating = c.findings.filter(model.gate.gates)
            if c.findings.isEmpty {
                out += open + "/>\n"
                continue
            }
            out += open + ">\n"
            if c.resources.count > 1 {
                out += "      <properties>\n"
                for r in c.resources {
                    out += "        <property name=\"resource\" value=\"\(XMLText.escape("\(r.kind) \(r.label)"))\"/>\n"
                }
                out += "      </properties>\n"
            }
            if let first = gating.first {
                let message = gating.map(\.title).joined(separator: "; ")
                out += "      <failure message=\"\(XMLText.escape(message))\" type=\"\(first.severity.rawValue)\">"
                out += XMLText.escape(gating.map(body).joined(separator: "\n\n"))
                out += "</failure>\n    </testcase>\n"
            } else {
                let reasons = c.findings.map { "\($0.title) (\(model.nonGatingReason($0) ?? ""))" }
                out += "      <skipped message=\"\(XMLText.escape(reasons.joined(separator: "; ")))\"/>\n"
                out += "    </testcase>\n"
            }
        }
        out += "  </testsuite>\n"
    }

    private func body(_ f: Finding) -> String {
        var lines = ["[\(f.severity)] \(f.title)", "Resource: \(f.resource.kind) \(f.resource.label)"]
        if let arn = f.resource.arn { lines.append("ARN: \(arn)") }
        if !f.evidence.isEmpty { lines.append("Evidence:"); lines += f.evidence.map { "  - \($0)" } }
        lines.append("Fix: \(f.fix.summary)")
        if let cli = f.fix.cli { lines.append("CLI:\n\(cli)") }
        if let tf = f.fix.terraform { lines.append("Terraform:\n\(tf)") }
        lines.append("Finding ID: \(f.id)")
        return lines.joined(separator: "\n")
    }
}
