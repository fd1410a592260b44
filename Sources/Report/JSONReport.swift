import Findings
import JSON

/// The `--format json` report: everything in the scan, with snake_case keys; readable as a baseline.
struct JSONReport {
    let model: ReportModel
    let version: String

    func render() -> String {
        let result = model.result
        let summary: [(String, JSONValue)] = ReportModel.severitiesDescending.map { ($0.rawValue, .number(model.count($0))) }
        let root = JSONValue.object([
            ("tool", .string(ToolInfo.name)),
            ("version", .string(version)),
            ("source", .string(result.source)),
            ("accounts", .array(result.accounts.map(JSONValue.string))),
            ("summary", .object(summary)),
            ("gating", .object([
                ("fail_on", .string(model.gate.failOnName)),
                ("failed", .bool(model.outcome.failed)),
                ("gating_findings", .number(model.outcome.gating.count)),
                ("suppressed_findings", .number(model.suppressedCount)),
                ("baseline_findings", .number(model.baselineCount)),
            ])),
            ("findings", .array(model.findings.map { Self.json($0, gates: model.gate.gates($0)) })),
            ("rules", .array(model.rules.map(Self.json))),
            ("warnings", .array(result.warnings.map(JSONValue.string))),
        ])
        return root.text(.pretty) + "\n"
    }

    static func json(_ f: Finding, gates: Bool) -> JSONValue {
        .object([
            ("id", .string(f.id)),
            ("rule_id", .string(f.ruleId)),
            ("severity", .string(f.severity.rawValue)),
            ("title", .string(f.title)),
            ("resource", json(f.resource)),
            // Every resource of the finding (the first is `resource`), each with its per-resource fingerprint.
            ("resources", .array(f.members.map { m in
                json(m.resource, [("finding_id", .string(m.id)), ("severity", .string(m.severity.rawValue))])
            })),
            ("cause", f.cause.map { c in .object([("id", .string(c.id)), ("resource_id", .string(c.resourceId)), ("label", .string(c.label))]) } ?? .null),
            ("evidence", .array(f.evidence.map(JSONValue.string))),
            ("fix", .object([
                ("summary", .string(f.fix.summary)),
                ("cli", .optional(f.fix.cli)),
                ("terraform", .optional(f.fix.terraform)),
            ])),
            ("suppression", f.suppression.map { s in
                .object([("reason", .string(s.reason)), ("expires", .optional(s.expires)), ("expired", .bool(s.expired))])
            } ?? .null),
            ("gates", .bool(gates)),
        ])
    }

    static func json(_ r: ResourceRef, _ extra: [(String, JSONValue)] = []) -> JSONValue {
        .object([
            ("id", .string(r.id)),
            ("kind", .string(r.kind)),
            ("name", .optional(r.name)),
            ("arn", .optional(r.arn)),
            ("account", .string(r.account)),
            ("region", .string(r.region)),
            ("location", r.location.map { l in .object([("file", .string(l.file)), ("line", .number(l.line)), ("name", .string(l.name))]) } ?? .null),
        ] + extra)
    }

    static func json(_ rule: RuleInfo) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("title", .string(rule.title)),
            ("default_severity", .string(rule.defaultSeverity.rawValue)),
            ("rationale", .string(rule.rationale)),
        ])
    }
}
