import AccessAnalysis
import Findings
import NetModel

/// Trust policies open to anyone or to other accounts without conditions.
struct IAMTrustOpen: Rule {
    static let info = RuleInfo(id: "iam-trust-open", title: "Role trust policy too open", defaultSeverity: .high,
                               rationale: "A role assumable by * or by another account without conditions (ExternalId, source ARN, OIDC subject) hands its permissions to outsiders.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for a in context.principals where a.principal.kind == .role {
            guard let grants = try? TrustPolicyAnalysis.trustees(of: a.principal) else { continue }
            for g in grants {
                let who: String
                var severity: Severity
                switch g.trustee {
                case .anyone: who = "anyone (*)"; severity = .critical
                case .federated(let idp) where !g.isConditional: who = "any identity of \(idp)"; severity = .high
                case .account(let id) where g.isOtherAccount: who = "account \(id)"; severity = .high
                case .awsPrincipal(let arn, _) where g.isOtherAccount: who = arn; severity = .high
                default: continue
                }
                if g.isConditional { severity = severity.lowered }
                out.append(finding(context.resource(a.principal), severity: severity,
                                   title: "role \(a.principal.name) can be assumed by \(who)\(g.isConditional ? " (with conditions)" : " without conditions")",
                                   detail: who, evidence: ["trust policy \(g.statement.label)"] + g.conditions.map { "condition: \($0.op) \($0.key) = \($0.values.joined(separator: ", "))" },
                                   fix: Fix(summary: "Name the exact principals in the trust policy and add conditions (sts:ExternalId for third parties, token.actions.githubusercontent.com:sub for GitHub OIDC).",
                                            cli: "aws iam update-assume-role-policy --role-name \(a.principal.name) --policy-document file://trust.json")))
            }
        }
        return out
    }
}
