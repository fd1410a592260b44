import Findings
import JSON

/// The `--format sarif` report: SARIF 2.1.0 as GitHub code scanning accepts it.
struct SARIFReport {
    let model: ReportModel
    let version: String

    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    static let fingerprintKey = "netauditFindingId/v1"

    func render() -> String {
        let rules = model.rules
        var index: [String: Int] = [:]
        for (i, rule) in rules.enumerated() where index[rule.id] == nil { index[rule.id] = i }
        let uri = SARIFReport.relativeURI(model.result.source)
        let run = JSONValue.object([
            ("tool", .object([("driver", .object([
                ("name", .string(ToolInfo.name)),
                ("version", .string(version)),
                ("semanticVersion", .string(version)),
                ("informationUri", .string(ToolInfo.informationUri)),
                ("rules", .array(rules.map(Self.rule))),
            ]))])),
            ("results", .array(model.findings.map { result($0, ruleIndex: index[$0.ruleId] ?? 0, uri: uri) })),
        ])
        let root = JSONValue.object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return root.text(.pretty) + "\n"
    }

    /// error for critical and high, warning for medium, note for low and info.
    static func level(_ s: Severity) -> String {
        switch s {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    static func rule(_ r: RuleInfo) -> JSONValue {
        let rationale = r.rationale.isEmpty ? r.title : r.rationale
        return .object([
            ("id", .string(r.id)),
            ("name", .string(r.id)),
            ("shortDescription", .object([("text", .string(r.title))])),
            ("fullDescription", .object([("text", .string(rationale))])),
            ("help", .object([
                ("text", .string(rationale)),
                ("markdown", .string("**\(r.title)**\n\n\(rationale)")),
            ])),
            ("defaultConfiguration", .object([("level", .string(level(r.defaultSeverity)))])),
            ("properties", .object([
                ("security-severity", .string(r.defaultSeverity.securitySeverity)),
                ("tags", .array([.string("security")])),
            ])),
        ])
    }

    func result(_ f: Finding, ruleIndex: Int, uri: String) -> JSONValue {
        let all = f.resources
        var text = "\(f.title) (\(f.resource.kind) \(f.resource.label)\(all.count > 1 ? " and \(all.count - 1) more" : ""))"
        if !f.fix.summary.isEmpty { text += ". Fix: \(f.fix.summary)" }
        var fields: [(String, JSONValue)] = [
            ("ruleId", .string(f.ruleId)),
            ("ruleIndex", .number(ruleIndex)),
            ("level", .string(Self.level(f.severity))),
            ("message", .object([("text", .string(text))])),
            ("locations", .array([.object([
                // A planned resource points at its declaration, so the pull-request annotation lands on the right line.
                ("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(f.resource.location.map { Self.relativeURI($0.file) } ?? uri))])),
                    ("region", .object([("startLine", .number(max(f.resource.location?.line ?? 1, 1)))])),
                ])),
                ("logicalLocations", .array([Self.logicalLocation(f.resource)])),
            ])])),
            // Every resource of a finding grouped by its cause, the first being the primary location's.
            ("relatedLocations", .array(all.enumerated().map { i, r in .object([
                ("id", .number(i)),
                ("message", .object([("text", .string("\(r.kind) \(r.label)"))])),
                ("logicalLocations", .array([Self.logicalLocation(r)])),
            ]) })),
            ("partialFingerprints", .object([(Self.fingerprintKey, .string(f.id))])),
            ("properties", .object([
                ("severity", .string(f.severity.rawValue)),
                ("security-severity", .string(f.severity.securitySeverity)),
                ("resource", .string(f.resource.arn ?? f.resource.id)),
                ("resourceKind", .string(f.resource.kind)),
                ("account", .string(f.resource.account)),
                ("region", .string(f.resource.region)),
                ("evidence", .array(f.evidence.map(JSONValue.string))),
                ("resources", .array(all.map { .string($0.arn ?? $0.id) })),
            ])),
        ]
        if !model.gate.baseline.isEmpty {
            fields.append(("baselineState", .string(model.gate.isInBaseline(f) ? "unchanged" : "new")))
        }
        if let s = f.suppression, s.isActive {
            fields.append(("suppressions", .array([.object([
                ("kind", .string("external")),
                ("status", .string("accepted")),
                ("justification", .string(s.reason)),
            ])])))
        }
        return .object(fields)
    }

    /// A resource as a SARIF logical location: its declared name (planned resources), name or ID, and its ARN.
    static func logicalLocation(_ r: ResourceRef) -> JSONValue {
        .object([
            ("name", .string(r.location?.name ?? r.name ?? r.id)),
            ("fullyQualifiedName", .string(r.arn ?? r.id)),
            ("kind", .string("resource")),
        ])
    }

    /// The scan source as a relative URI (GitHub needs relative locations): relative to the current
    /// directory when under it, else its last path component; percent-encoded.
    static func relativeURI(_ source: String, cwd: String = currentDirectory()) -> String {
        var path = source.isEmpty ? "netaudit-scan" : source
        let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
        if path.hasPrefix(base), path.count > base.count {
            path = String(path.dropFirst(base.count))
        } else if path.hasPrefix("/") {
            path = path.split(separator: "/").last.map(String.init) ?? "netaudit-scan"
        }
        while path.hasPrefix("./") { path.removeFirst(2) }
        while path.hasSuffix("/") && path.count > 1 { path.removeLast() }
        return percentEncode(path.isEmpty ? "netaudit-scan" : path)
    }

    static func percentEncode(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
