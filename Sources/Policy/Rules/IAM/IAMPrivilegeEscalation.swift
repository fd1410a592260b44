import AccessAnalysis
import Findings
import NetModel

/// Known privilege-escalation combinations (Rhino Security Labs' list).
struct IAMPrivilegeEscalation: Rule {
    static let info = RuleInfo(id: "iam-privilege-escalation", title: "Privilege escalation path", defaultSeverity: .high,
                               rationale: "Combinations such as iam:CreatePolicyVersion, or iam:PassRole with lambda:CreateFunction, let a principal grant itself more than it has.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.principals.flatMap { a -> [Finding] in
            guard a.all.fullAdmin == nil else { return [] }
            return a.all.privilegeEscalations.map { path in
                // Rewriting its own role's policies reaches everything, though the grant names one resource.
                var severity: Severity = path.coversAllResources || path.method.targetsOwnRole ? .high : .medium
                if path.isConditional { severity = severity.lowered }
                return finding(context.resource(a.principal), severity: severity,
                               title: "\(a.principal.kind.rawValue) \(a.principal.name) can escalate privileges: \(path.method.summary)",
                               detail: path.method.rawValue,
                               evidence: path.steps.map { "\($0.action): " + IAMText.statements($0.grant).joined(separator: "; ") } + context.usedBy(a.principal),
                               fix: Fix(summary: "Remove one of \(path.method.requiredActions.joined(separator: ", ")) from \(a.principal.name), or scope it to resources that cannot lead to escalation."))
            }
        }
    }
}
