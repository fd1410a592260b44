import Findings

/// The Markdown form of a diff, sized for a pull-request comment.
enum DiffMarkdown {
    static func render(_ r: DiffResult) -> String {
        var out: [String] = ["## netaudit diff", ""]
        let status = r.gating.failed ? "❌ **Failed** (`--fail-on \(r.gating.failOn)`)" : "✅ **Passed** (`--fail-on \(r.gating.failOn)`)"
        out.append("\(status): \(r.changes.count) resources changed · \(r.findings.new.count) new findings, \(r.findings.resolved.count) resolved"
                   + (r.findings.widened.isEmpty ? "" : ", \(r.findings.widened.count) widened") + " · "
                   + "\(r.reachability.opened.count) paths opened, \(r.reachability.closed.count) closed")
        out.append("")
        out.append("`\(escape(r.old))` → `\(escape(r.new))`")
        if !r.reachability.opened.isEmpty || !r.reachability.closed.isEmpty || !r.reachability.unknown.isEmpty {
            out += ["", "### Reachability", "", "| | Path | Severity | Caused by |", "|---|---|---|---|"]
            let rows = r.reachability.opened.map { row($0, "🔓 opened") } + r.reachability.closed.map { row($0, "🔒 closed") }
                + r.reachability.unknown.map { "| ❔ unknown before apply | \(escape($0.title)) | | \($0.reasons.map(escape).joined(separator: "<br>")) |" }
            out += capped(rows, what: "paths")
        }
        if !r.findings.isEmpty {
            out += ["", "### Findings", "", "| | Severity | Rule | Resource | Finding |", "|---|---|---|---|---|"]
            let rows = r.findings.new.map { row($0, "new") } + r.findings.resolved.map { row($0, "resolved") }
                + r.findings.widened.map { w in
                    var f = w.finding
                    f.severity = w.severity
                    f.title += " — now also exposes \(FindingGrouping.names(w.added.map(\.resource.label)))"
                    return row(f, "widened")
                }
            out += capped(rows, what: "findings")
        }
        out += ["", "### Configuration changes", ""]
        if r.changes.isEmpty { out.append("No configuration changes.") }
        for c in r.changes.prefix(100) {
            let what = c.change == .modified ? "" : " (\(c.change == .added ? "created" : "deleted"))"
            out.append("- **\(c.kind)** `\(escape(c.label))`\(what)")
            for d in c.details.prefix(20) { out.append("  - \(escape(d))") }
            if c.details.count > 20 { out.append("  - … \(c.details.count - 20) more") }
        }
        if r.changes.count > 100 { out.append("- … \(r.changes.count - 100) more resources (see `--format json`)") }
        return out.joined(separator: "\n") + "\n"
    }

    /// A comment stays readable: at most `limit` table rows, then a pointer to the JSON.
    static func capped(_ rows: [String], what: String, limit: Int = 50) -> [String] {
        rows.count <= limit ? rows : Array(rows.prefix(limit)) + ["", "… \(rows.count - limit) more \(what) (see `--format json`)"]
    }

    static func row(_ f: Finding, _ label: String) -> String {
        "| \(label) | \(f.severity) | `\(f.ruleId)` | \(escape(f.resource.label)) | \(escape(f.title)) |"
    }

    static func row(_ p: PathChange, _ label: String) -> String {
        let causes = p.causes.isEmpty ? "—" : p.causes.map(escape).joined(separator: "<br>")
        return "| \(label) | \(escape(p.title)) | \(p.severity?.rawValue ?? "") | \(causes) |"
    }

    /// Keeps table cells intact: pipes escaped, newlines flattened.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
