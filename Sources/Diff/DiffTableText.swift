import Findings

/// The terminal form of a diff: configuration changes, findings, reachability, verdict.
enum DiffTableText {
    static func render(_ r: DiffResult) -> String {
        var out: [String] = ["netaudit diff \(r.old) → \(r.new)", ""]
        out.append("Configuration changes (\(r.changes.count) resources)")
        if r.changes.isEmpty { out.append("  none") }
        for c in r.changes {
            out.append("  \(marker(c.change)) \(c.kind) \(c.label)" + (c.change == .modified ? "" : " \(c.change == .added ? "created" : "deleted")"))
            for d in c.details.prefix(c.change == .modified ? Int.max : 20) { out.append("      \(d)") }
            if c.change != .modified && c.details.count > 20 { out.append("      … \(c.details.count - 20) more") }
        }
        out.append("")
        out.append("Findings: \(r.findings.new.count) new, \(r.findings.resolved.count) resolved, "
                   + (r.findings.widened.isEmpty ? "" : "\(r.findings.widened.count) widened, ") + "\(r.findings.unchanged) unchanged")
        for f in r.findings.new { out.append("  + [\(f.severity)] \(f.ruleId) \(f.resource.label): \(f.title)" + suppressed(f)) }
        for f in r.findings.resolved { out.append("  - [\(f.severity)] \(f.ruleId) \(f.resource.label): \(f.title)") }
        for w in r.findings.widened {
            out.append("  + [\(w.severity)] \(w.finding.ruleId) \(w.finding.title): now also exposes \(FindingGrouping.names(w.added.map(\.resource.label)))"
                       + suppressed(w.finding))
        }
        out.append("")
        if r.reachability.skipped {
            out.append("Reachability: unchanged (no network configuration changed)")
        } else {
            let unknown = r.reachability.unknown.isEmpty ? "" : ", \(r.reachability.unknown.count) unknown before apply"
            out.append("Reachability: \(r.reachability.opened.count) opened, \(r.reachability.closed.count) closed\(unknown)")
            for p in r.reachability.opened { out += path(p, opened: true) }
            for p in r.reachability.closed { out += path(p, opened: false) }
            for p in r.reachability.unknown {
                out.append("  ? \(p.title) unknown before apply")
                for why in p.reasons { out.append("      why: \(why)") }
            }
        }
        out.append("")
        out.append(verdict(r.gating))
        return out.joined(separator: "\n") + "\n"
    }

    static func marker(_ change: ChangeType) -> String {
        switch change {
        case .added: "+"
        case .removed: "-"
        case .modified: "~"
        }
    }

    static func suppressed(_ f: Finding) -> String { f.suppression?.isActive == true ? " (suppressed)" : "" }

    static func path(_ p: PathChange, opened: Bool) -> [String] {
        let severity = p.severity.map { " [\($0)]" } ?? ""
        var lines = ["  \(opened ? "+" : "-") \(p.title) now \(opened ? "reachable" : "unreachable")\(severity)"]
        if p.causes.isEmpty { lines.append("      cause: not traced to a single change") }
        for c in p.causes { lines.append("      cause: \(c)") }
        return lines
    }

    static func verdict(_ g: DiffGating) -> String {
        if g.failOn == "none" { return "Gate: --fail-on none" }
        if !g.failed { return "Gate: passed (nothing new at or above \(g.failOn))" }
        return "Gate: FAILED at \(g.failOn): \(g.findings.count) new finding(s), \(g.paths.count) opened internet path(s)"
    }
}
