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
                var note: String? = nil
                switch g.trustee {
                case .anyone:
                    let audience = g.openAudience
                    if audience.isPublic {
                        who = "anyone (*)"; severity = g.isConditional ? .high : .critical
                    } else if !audience.organizations.isEmpty {
                        // aws:PrincipalOrgID pins the callers to one organization: access within it, not open.
                        who = "any principal in \(audience.summary)"; severity = .low
                    } else if !audience.otherAccounts.isEmpty {
                        who = "\(audience.summary) (through conditions on *)"; severity = .high
                    } else {
                        continue
                    }
                case .federated(let idp) where g.subjectKey != nil:
                    guard !g.pinsSubject, let key = g.subjectKey else { continue }
                    who = "any identity of \(idp)"; severity = .high
                    note = "no \(key) condition: every subject of the provider (for GitHub, every repository's workflows) can assume the role"
                case .federated(let idp) where !g.isConditional: who = "any identity of \(idp)"; severity = .high
                case .account(let id) where g.isOtherAccount, .awsPrincipal(let id, _) where g.isOtherAccount:
                    who = g.trustee == .account(id) ? "account \(id)" : id
                    if !g.externalIds.isEmpty {
                        // The documented third-party pattern (IAM User Guide, "Access to AWS accounts owned by third parties").
                        severity = .info; note = "requires sts:ExternalId: the documented pattern for a third party"
                    } else {
                        severity = g.isConditional ? .medium : .high
                    }
                default: continue
                }
                let conditions = g.conditions.map { "condition: \($0.op) \($0.key) = \($0.values.joined(separator: ", "))" }
                out.append(finding(context.resource(a.principal), severity: severity,
                                   title: "role \(a.principal.name) can be assumed by \(who)\(g.isConditional ? " (with conditions)" : " without conditions")",
                                   detail: who, evidence: ["trust policy \(g.statement.label)"] + conditions + (note.map { [$0] } ?? []),
                                   fix: Fix(summary: "Name the exact principals in the trust policy and add conditions (sts:ExternalId for third parties, token.actions.githubusercontent.com:sub for GitHub OIDC).",
                                            cli: "aws iam update-assume-role-policy --role-name \(a.principal.name) --policy-document file://trust.json")))
            }
        }
        return out
    }
}
