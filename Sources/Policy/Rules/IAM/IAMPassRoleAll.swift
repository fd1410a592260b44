import AccessAnalysis
import Findings
import NetModel

/// `iam:PassRole` on `*`.
struct IAMPassRoleAll: Rule {
    static let info = RuleInfo(id: "iam-passrole-all", title: "iam:PassRole on all roles", defaultSeverity: .high,
                               rationale: "PassRole on * lets the principal hand any role, including administrator roles, to a service it controls.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.principals.compactMap { a in
            guard let g = a.all.passRoleOnAllResources, a.all.fullAdmin == nil else { return nil }
            return finding(context.resource(a.principal), severity: g.grant.isConditional ? .medium : .high,
                           title: "\(a.principal.kind.rawValue) \(a.principal.name) may pass any role (iam:PassRole on *)",
                           detail: "passrole", evidence: IAMText.statements(g.grant) + context.usedBy(a.principal),
                           fix: Fix(summary: "Limit iam:PassRole to the ARNs of the roles the principal must pass, with an iam:PassedToService condition."))
        }
    }
}
