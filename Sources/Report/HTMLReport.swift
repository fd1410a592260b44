import Findings
import Foundation
import JSON

/// The tier graph as the HTML report shows it, computed by the caller (the report stage knows no inventory).
public struct ReportGraph: Sendable, Hashable {
    /// One tier member for the resource list.
    public struct Member: Sendable, Hashable, Encodable {
        public var tier: String
        public var kind: String
        public var resource: String

        public init(tier: String, kind: String, resource: String) {
            self.tier = tier
            self.kind = kind
            self.resource = resource
        }
    }

    /// An `<svg>` element (Graphviz output without prolog), inlined as is.
    public var svg: String?
    /// The DOT text, shown when there is no SVG (Graphviz missing).
    public var dot: String?
    public var members: [Member]

    public init(svg: String?, dot: String?, members: [Member]) {
        self.svg = svg
        self.dot = dot
        self.members = members
    }
}

/// The `--format html` report: one self-contained page (inline CSS, script and SVG; no network fetches)
/// with the summary, the findings (100 a page, searchable), the tier graph and a searchable resource list.
///
/// Findings travel as JSON in a non-executed `<script type="application/json">` block and are put into the
/// page with `textContent` only, so tag values cannot inject markup.
struct HTMLReport {
    let model: ReportModel
    let graph: ReportGraph?

    /// A finding as the page's script reads it.
    private struct Row: Encodable {
        var id, rule, severity, title, kind, resource, resourceId, account, region, fix: String
        var arn, cli, terraform, note: String?
        var evidence: [String]
        /// Every resource of the finding (the first is `resource`), with its own severity.
        var resources: [Member]
    }

    private struct Member: Encodable {
        var id, kind, label, severity: String
    }

    private struct Payload: Encodable {
        var findings: [Row]
        var members: [ReportGraph.Member]
    }

    func render() -> String {
        let r = model.result
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        out += "<title>netaudit report — \(Self.escape(r.source))</title>\n<style>\(HTMLReportAssets.css)</style>\n</head>\n<body>\n"
        out += "<header><h1>netaudit report</h1><p class=\"meta\">\(Self.escape(r.source))"
        if !r.accounts.isEmpty { out += " · accounts: \(Self.escape(r.accounts.joined(separator: ", ")))" }
        out += " · \(ToolInfo.name) \(ToolInfo.version)</p>\n"
        out += "<p class=\"verdict \(model.outcome.failed ? "failed" : "passed")\">\(Self.escape(model.verdict))</p></header>\n"
        out += "<main>\n<section id=\"summary\" aria-label=\"Summary by severity\">\n"
        for s in ReportModel.severitiesDescending {
            out += "<button class=\"card sev-\(s.rawValue)\" data-severity=\"\(s.rawValue)\"><span class=\"count\">\(model.count(s))</span>"
            out += "<span class=\"label\">\(s.rawValue)</span></button>\n"
        }
        out += "</section>\n"
        out += graphSection()
        out += """
            <section id="findings"><h2>Findings <span class="muted" id="finding-count"></span></h2>
            <div class="toolbar"><input id="finding-search" type="search" placeholder="Search findings (title, rule, resource, evidence)" aria-label="Search findings">
            <select id="finding-severity" aria-label="Severity"><option value="">all severities</option>
            """
        for s in ReportModel.severitiesDescending { out += "<option value=\"\(s.rawValue)\">\(s.rawValue)</option>" }
        out += """
            </select></div>
            <div class="pager" id="finding-pager-top"></div><div id="finding-list"></div><div class="pager" id="finding-pager"></div>
            <noscript><p>Enable JavaScript to list the findings, or use --format table or markdown.</p></noscript>
            </section>
            <section id="resources"><h2>Resources <span class="muted" id="resource-count"></span></h2>
            <div class="toolbar"><input id="resource-search" type="search" placeholder="Search resources (ID, kind, tier)" aria-label="Search resources"></div>
            <table><thead><tr><th>Resource</th><th>Kind</th><th>Tier</th><th>Findings</th><th>Worst</th></tr></thead><tbody id="resource-list"></tbody></table>
            <div class="pager" id="resource-pager"></div>
            </section>

            """
        if !r.warnings.isEmpty {
            out += "<section id=\"warnings\"><h2>Warnings</h2><ul>"
            for w in r.warnings { out += "<li>\(Self.escape(w))</li>" }
            out += "</ul></section>\n"
        }
        out += "</main>\n<script type=\"application/json\" id=\"netaudit-data\">\(payload())</script>\n"
        out += "<script>\(HTMLReportAssets.script)</script>\n</body>\n</html>\n"
        return out
    }

    private func graphSection() -> String {
        var out = "<section id=\"graph\"><h2>Tier graph</h2>\n"
        if let svg = graph?.svg {
            out += "<p class=\"muted\">Edges: allowed flows with ports; dashed: only through a load balancer; red: internet to sensitive ports or tiers with critical findings.</p>\n"
            out += "<div class=\"graph\">\(svg)</div>\n"
        } else if let dot = graph?.dot {
            out += "<p class=\"muted\">Graphviz was not installed when this report was made: the graph as DOT (paste into any Graphviz viewer).</p>\n"
            out += "<pre class=\"code\">\(Self.escape(dot))</pre>\n"
        } else {
            out += "<p class=\"muted\">No graph (the report was rendered without an inventory).</p>\n"
        }
        return out + "</section>\n"
    }

    /// The data block: compact JSON with `<`, `>` and `&` as `\\u` escapes, so no text can close the script element.
    private func payload() -> String {
        let rows = model.findings.map { f in
            Row(id: f.id, rule: f.ruleId, severity: f.severity.rawValue, title: f.title, kind: f.resource.kind,
                resource: f.resource.label, resourceId: f.resource.id, account: f.resource.account, region: f.resource.region,
                fix: f.fix.summary, arn: f.resource.arn, cli: f.fix.cli, terraform: f.fix.terraform,
                note: model.nonGatingReason(f), evidence: f.evidence,
                resources: f.members.map { Member(id: $0.resource.id, kind: $0.resource.kind, label: $0.resource.label, severity: $0.severity.rawValue) })
        }
        guard let json = try? SortedJSONEncoder().text(Payload(findings: rows, members: graph?.members ?? [])) else {
            return "{\"findings\":[],\"members\":[]}"
        }
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// HTML text and attribute escaping: the XML escapes (`&apos;` is valid HTML5), one implementation.
    static func escape(_ s: String) -> String { XMLText.escape(s) }
}
