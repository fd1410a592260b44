import Findings

/// The `--format markdown` report, for a pull-request comment.
///
/// Findings are grouped by severity in `<details>` blocks; when the whole would pass GitHub's
/// comment limit, the last findings are left out and a note says how many.
struct MarkdownReport {
    let model: ReportModel
    /// Most UTF-16 code units the comment may have (GitHub allows 65,536 characters).
    var limit: Int = 65_536

    func render() -> String {
        let head = header()
        var blocks: [String] = []
        for severity in ReportModel.severitiesDescending {
            let group = model.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            blocks.append("### \(Self.emoji(severity)) \(severity.rawValue.capitalized) (\(group.count))\n\n")
            blocks += group.map(details)
        }
        let footer = warnings()
        // Reserve room for the truncation note (its count has at most 7 digits).
        let note = { (n: Int) in "\n> **Note:** \(n) more finding\(n == 1 ? "" : "s") not shown (comment size limit); see the JSON or SARIF report.\n" }
        var out = head
        var used = head.utf16.count + footer.utf16.count
        let reserve = note(9_999_999).utf16.count
        var shown = 0
        let total = model.findings.count
        for block in blocks {
            let size = block.utf16.count
            if used + size + reserve > limit { break }
            out += block
            used += size
            if block.hasPrefix("<details>") { shown += 1 }
        }
        if shown < total { out += note(total - shown) }
        return out + footer
    }

    private func header() -> String {
        let r = model.result
        var out = "## netaudit scan\n\n"
        out += "Source: `\(Self.code(r.source))`"
        if !r.accounts.isEmpty { out += " · Accounts: " + r.accounts.map { "`\(Self.code($0))`" }.joined(separator: ", ") }
        out += "\n\n| Severity | Findings |\n| --- | ---: |\n"
        for s in ReportModel.severitiesDescending { out += "| \(Self.emoji(s)) \(s.rawValue) | \(model.count(s)) |\n" }
        out += "\n"
        var notes: [String] = []
        if model.suppressedCount > 0 { notes.append("Suppressed: \(model.suppressedCount).") }
        if model.expiredSuppressionCount > 0 { notes.append("Expired suppressions: \(model.expiredSuppressionCount).") }
        if !model.gate.baseline.isEmpty { notes.append("Known from baseline: \(model.baselineCount).") }
        if !notes.isEmpty { out += notes.joined(separator: " ") + "\n\n" }
        out += "**\(model.outcome.failed ? "❌" : "✅") \(model.verdict)**\n\n"
        return out
    }

    private func details(_ f: Finding) -> String {
        var tags: [String] = []
        if model.gate.gates(f) { tags.append("<b>gating</b>") }
        if let s = f.suppression { tags.append(s.expired ? "suppression expired \(s.expires ?? "")" : "suppressed") }
        if model.gate.isInBaseline(f) { tags.append("baseline") }
        var out = "<details>\n<summary>\(Self.html(f.title)) — <code>\(Self.html(f.resource.label))</code>"
        if !tags.isEmpty { out += " (" + tags.joined(separator: ", ") + ")" }
        out += "</summary>\n\n"
        out += "- Rule: `\(Self.code(f.ruleId))` · Severity: \(f.severity) · ID: `\(f.id)`\n"
        out += "- Resource: \(Self.html(f.resource.kind)) `\(Self.code(f.resource.arn ?? f.resource.id))` (\(Self.html(f.resource.account)), \(Self.html(f.resource.region)))\n"
        let all = f.resources
        if all.count > 1 {
            out += "- Resources (\(all.count)): " + FindingGrouping.names(all.map { "`\(Self.code($0.label))`" }) + "\n"
        }
        if let s = f.suppression {
            out += "- Suppression: \(Self.html(s.reason))\(s.expires.map { " (expires \($0))" } ?? "")\(s.expired ? " **expired**" : "")\n"
        }
        if !f.evidence.isEmpty {
            out += "\n**Evidence**\n\n" + f.evidence.map { "- \(Self.html($0))\n" }.joined()
        }
        out += "\n**Fix:** \(Self.html(f.fix.summary))\n"
        if let cli = f.fix.cli { out += "\n" + Self.fenced(cli, language: "sh") }
        if let tf = f.fix.terraform { out += "\n" + Self.fenced(tf, language: "hcl") }
        return out + "\n</details>\n\n"
    }

    private func warnings() -> String {
        let w = model.result.warnings
        guard !w.isEmpty else { return "" }
        return "\n<details>\n<summary>Warnings (\(w.count))</summary>\n\n" + w.map { "- \(Self.html($0))\n" }.joined() + "\n</details>\n"
    }

    static func emoji(_ s: Severity) -> String {
        switch s {
        case .critical: "🟥"
        case .high: "🟧"
        case .medium: "🟨"
        case .low: "🟦"
        case .info: "⬜"
        }
    }

    /// A fenced code block whose fence is longer than any backtick run inside.
    static func fenced(_ text: String, language: String) -> String {
        var longest = 0, run = 0
        for c in text { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\(fence)\(language)\n\(text)\n\(fence)\n"
    }

    /// Text safe inside HTML and Markdown: `& < >` escaped, `|` escaped for tables.
    static func html(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            case "\n": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// Text safe inside an inline code span.
    static func code(_ s: String) -> String {
        String(s.map { $0 == "`" || $0 == "\n" ? "'" : $0 })
    }
}
