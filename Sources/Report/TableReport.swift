import Findings

/// The `--format table` report for terminals: a summary, then each finding with its evidence and fix.
struct TableReport {
    let model: ReportModel
    /// ANSI colors (the CLI passes whether stdout is a terminal).
    let color: Bool

    func render() -> String {
        let r = model.result
        var out = bold("netaudit scan") + " — \(r.source)"
        if !r.accounts.isEmpty { out += " (accounts: \(r.accounts.joined(separator: ", ")))" }
        out += "\n\n"
        out += "Summary: " + ReportModel.severitiesDescending.map { s in
            let n = model.count(s)
            return n > 0 ? paint("\(s.rawValue) \(n)", s) : "\(s.rawValue) \(n)"
        }.joined(separator: "  ")
        var extras: [String] = []
        if model.suppressedCount > 0 { extras.append("suppressed \(model.suppressedCount)") }
        if model.expiredSuppressionCount > 0 { extras.append("expired suppressions \(model.expiredSuppressionCount)") }
        if !model.gate.baseline.isEmpty { extras.append("in baseline \(model.baselineCount)") }
        if !extras.isEmpty { out += "  (" + extras.joined(separator: ", ") + ")" }
        out += "\n"
        if model.findings.isEmpty { out += "\nNo findings.\n" }
        for f in model.findings { out += "\n" + finding(f) }
        if !r.warnings.isEmpty {
            out += "\n" + bold("Warnings") + "\n" + r.warnings.map { "  - \($0)\n" }.joined()
        }
        let verdict = model.verdict
        out += "\n" + (model.outcome.failed ? paint(verdict, .critical) : (color ? "\u{1B}[32m\(verdict)\u{1B}[0m" : verdict)) + "\n"
        return out
    }

    private func finding(_ f: Finding) -> String {
        let tag = paint("[\(f.severity.rawValue.uppercased())]", f.severity)
        var out = "\(tag) \(bold(f.title))"
        if model.gate.threshold != nil, model.gate.status(of: f) != .suppressed, let reason = model.nonGatingReason(f) {
            out += dim("  (\(reason))")
        }
        out += "\n"
        let r = f.resource
        out += "  rule:     \(f.ruleId)   id: \(f.id)\n"
        out += "  resource: \(r.kind) \(r.label)  [\(r.account) \(r.region)]\n"
        if let arn = r.arn { out += "  arn:      \(arn)\n" }
        let all = f.resources
        if all.count > 1 { out += "  resources: \(all.count): \(FindingGrouping.names(all.map(\.label)))\n" }
        if let s = f.suppression {
            let expiry = s.expires.map { " (expires \($0))" } ?? ""
            out += s.expired
                ? "  " + paint("suppression EXPIRED\(expiry): \(s.reason)", .medium) + "\n"
                : "  " + dim("SUPPRESSED\(expiry): \(s.reason)") + "\n"
        }
        if !f.evidence.isEmpty {
            out += "  evidence:\n" + f.evidence.map { "    - \($0)\n" }.joined()
        }
        out += "  fix: \(f.fix.summary)\n"
        if let cli = f.fix.cli { out += "    cli:\n" + indent(cli, by: 6) }
        if let tf = f.fix.terraform { out += "    terraform:\n" + indent(tf, by: 6) }
        return out
    }

    private func indent(_ text: String, by n: Int) -> String {
        let pad = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 + "\n" }.joined()
    }

    private func paint(_ s: String, _ severity: Severity) -> String {
        guard color else { return s }
        let code = switch severity {
        case .critical: "1;31"
        case .high: "31"
        case .medium: "33"
        case .low: "36"
        case .info: "37"
        }
        return "\u{1B}[\(code)m\(s)\u{1B}[0m"
    }

    private func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    private func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
}
