import AccessAnalysis
import Findings
import NetModel

/// Allow `*` on `*` (or NotAction with Resource `*`): full administrator.
struct IAMFullAdmin: Rule {
    static let info = RuleInfo(id: "iam-full-admin", title: "Full administrator access", defaultSeverity: .high,
                               rationale: "A principal allowed every action on every resource can do anything in the account; on a workload role, anyone who compromises the workload can.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.principals.compactMap { a in
            guard let grant = a.all.fullAdmin else { return nil }
            var severity: Severity = a.isWorkloadRole ? .critical : .high
            if grant.isConditional { severity = severity.lowered }
            let arn = a.principal.attachedPolicyArns.first { $0.hasSuffix("/AdministratorAccess") }
            return finding(context.resource(a.principal), severity: severity,
                           title: "\(a.principal.kind.rawValue) \(a.principal.name) has full administrator access" + (a.isWorkloadRole ? " (a workload role)" : ""),
                           detail: "full-admin", evidence: IAMText.statements(grant) + context.usedBy(a.principal),
                           fix: IAMText.replace(a.principal, policyArn: arn, needs: context.needs(for: a.principal)))
        }
    }
}
