import Findings

/// What every renderer shares: findings in report order, counts, and the gate's view of each.
struct ReportModel {
    let result: ScanResult
    let gate: Gate
    let outcome: GateOutcome
    /// Findings by severity (critical first), then rule, resource and ID: the same order every run.
    let findings: [Finding]

    init(_ result: ScanResult, gate: Gate) {
        self.result = result
        self.gate = gate
        self.outcome = gate.evaluate(result)
        self.findings = result.findings.sorted(by: ReportModel.reportOrder)
    }

    static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.ruleId != b.ruleId { return a.ruleId < b.ruleId }
        if a.resource.id != b.resource.id { return a.resource.id < b.resource.id }
        return a.id < b.id
    }

    /// Severities from critical to info.
    static let severitiesDescending: [Severity] = Severity.allCases.sorted(by: >)

    /// How many findings have `severity`.
    func count(_ severity: Severity) -> Int { result.findings.count { $0.severity == severity } }

    /// Findings that are actively suppressed.
    var suppressedCount: Int { result.findings.count { $0.suppression?.isActive == true } }

    /// Findings whose suppression has expired.
    var expiredSuppressionCount: Int { result.findings.count { $0.suppression?.expired == true } }

    /// Findings known from the baseline.
    var baselineCount: Int { result.findings.count { gate.isInBaseline($0) } }

    /// The rules of the scan plus any rule a finding names that the scan did not list.
    var rules: [RuleInfo] {
        var rules = result.rules
        var known = Set(rules.map(\.id))
        for f in findings where !known.contains(f.ruleId) {
            known.insert(f.ruleId)
            rules.append(RuleInfo(id: f.ruleId, title: f.ruleId, defaultSeverity: f.severity, rationale: f.title))
        }
        return rules
    }

    /// One line saying whether the scan failed and why.
    var verdict: String {
        guard let threshold = gate.threshold else {
            return "PASSED (--fail-on none)"
        }
        let n = outcome.gating.count
        let scope = gate.baseline.isEmpty ? "" : " new"
        return outcome.failed
            ? "FAILED: \(n)\(scope) finding\(n == 1 ? "" : "s") at or above \(threshold)"
            : "PASSED: no\(scope) findings at or above \(threshold)"
    }

    /// A short note on why a finding does not gate, or nil when it does.
    func nonGatingReason(_ f: Finding) -> String? {
        switch gate.status(of: f) {
        case .gating: nil
        case .suppressed: "suppressed: \(f.suppression?.reason ?? "")"
        case .inBaseline: "in baseline"
        case .belowThreshold: gate.threshold.map { "below --fail-on \($0)" } ?? "--fail-on none"
        }
    }
}
