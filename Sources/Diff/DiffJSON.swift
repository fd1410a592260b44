import JSON

/// The JSON form of a diff.
enum DiffJSON {
    struct Document: Encodable {
        var old: String
        var new: String
        var changes: [ResourceChange]
        var findings: Findings
        var reachability: Reachability
        var gating: Gating
    }

    struct Findings: Encodable {
        var new: [FindingSummary]
        var resolved: [FindingSummary]
        var widened: [WideningSummary]
        var unchanged: Int
    }

    struct Reachability: Encodable {
        var opened: [PathChange]
        var closed: [PathChange]
        var skipped: Bool
        var unknown: [UnknownPath]
    }

    struct Gating: Encodable {
        var failOn: String
        var failed: Bool
        var findings: [String]
        var paths: [String]
    }

    static func render(_ r: DiffResult) -> String {
        let doc = Document(
            old: r.old, new: r.new, changes: r.changes,
            findings: Findings(new: r.findings.new.map(FindingSummary.init), resolved: r.findings.resolved.map(FindingSummary.init),
                               widened: r.findings.widened.map(WideningSummary.init), unchanged: r.findings.unchanged),
            reachability: Reachability(opened: r.reachability.opened, closed: r.reachability.closed, skipped: r.reachability.skipped,
                                       unknown: r.reachability.unknown),
            gating: Gating(failOn: r.gating.failOn, failed: r.gating.failed, findings: r.gating.findings, paths: r.gating.paths))
        guard let text = try? SortedJSONEncoder(pretty: true).text(doc) else { return "{}\n" }
        return text + "\n"
    }
}
