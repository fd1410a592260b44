import AccessAnalysis
import Findings
import NetModel

/// Service-wide wildcards (`s3:*`) and `NotAction` on `*` ("every action except …") in customer-managed or
/// inline policies.
struct IAMServiceWildcard: Rule {
    static let info = RuleInfo(id: "iam-service-wildcard", title: "Service-wide wildcard action", defaultSeverity: .medium,
                               rationale: "`service:*` grants every current and future action of a service, including destructive and permission-changing ones.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.principals.flatMap { a in
            a.customer.allActionsExcept.map { e in
                var severity: Severity = a.isWorkloadRole ? .critical : .high
                if e.grant.isConditional { severity = severity.lowered }
                return finding(context.resource(a.principal), severity: severity,
                               title: "\(a.principal.kind.rawValue) \(a.principal.name) is allowed every action except \(e.excluded.joined(separator: ", "))",
                               detail: "all-except:" + e.excluded.joined(separator: ","), evidence: IAMText.statements(e.grant) + context.usedBy(a.principal),
                               fix: IAMText.replace(a.principal, policyArn: nil, needs: context.needs(for: a.principal)))
            } + a.customer.serviceWildcards.map { w in
                var severity: Severity = a.isWorkloadRole ? .high : .medium
                if w.grant.isConditional { severity = severity.lowered }
                return finding(context.resource(a.principal), severity: severity,
                               title: "\(a.principal.kind.rawValue) \(a.principal.name) is allowed \(w.service):*",
                               detail: w.service, evidence: IAMText.statements(w.grant) + context.usedBy(a.principal),
                               fix: IAMText.replace(a.principal, policyArn: nil, needs: context.needs(for: a.principal)))
            }
        }
    }
}
