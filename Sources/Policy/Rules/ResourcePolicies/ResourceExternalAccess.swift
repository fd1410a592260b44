import AccessAnalysis
import Findings
import NetModel

/// A resource policy, KMS grant, or snapshot/AMI sharing that lets other accounts or an organization in.
struct ResourceExternalAccess: Rule {
    static let info = RuleInfo(
        id: "resource-external-access", title: "Resource shared outside its account", defaultSeverity: .medium,
        rationale: "Principals of other accounts named in a resource policy or a KMS grant, an open principal pinned to other accounts, and snapshots or AMIs shared with other accounts reach the resource from outside (IAM Access Analyzer User Guide, \"Identifying resources shared with an external entity\"): medium. A * principal pinned to aws:PrincipalOrgID, or sharing with an organization or OU, is access within the organization: low. Accounts and organizations named in the policy file's allow.trusted_accounts / allow.trusted_organizations are expected: info.")

    /// Who one grant lets in, split by whether the policy file expects them.
    private struct Reach {
        var accounts: [String] = []
        var organizations: [String] = []
        var trusted: [String] = []

        var severity: Severity { !accounts.isEmpty ? .medium : !organizations.isEmpty ? .low : .info }
    }

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for access in context.resourceAccess {
            var reach = Reach()
            var evidence: [String] = []
            for e in access.statements where e.access.audience.isExternal {
                let a = e.access.audience
                classify(accounts: a.otherAccounts + a.federated, organizations: a.organizations, into: &reach, context)
                evidence.append(ResourceAccess.evidence(e))
            }
            let r = access.resource
            for g in r.grants {
                guard let account = StatementAccess.account(ofARN: g.grantee) ?? (g.grantee.count == 12 && g.grantee.allSatisfy(\.isNumber) ? g.grantee : nil),
                      account != r.scope.account else { continue }
                classify(accounts: [account], organizations: [], into: &reach, context)
                evidence.append("grant \(g.grantId): \(g.operations.joined(separator: ", ")) to \(g.grantee)")
            }
            guard !evidence.isEmpty else { continue }
            out.append(finding(access.ref, severity: reach.severity, title: title(r.kind.label, r.name, reach),
                               detail: "external", evidence: evidence + trustedNote(reach),
                               fix: ResourcePolicyFix.fix(r, summary: "Keep only the accounts and organizations that need \(r.name) in its policy\(r.grants.isEmpty ? "" : " and grants"); name expected ones in allow.trusted_accounts / allow.trusted_organizations.")))
        }
        for a in context.inventory.sharedArtifacts where !a.isPublic && !(a.accounts.isEmpty && a.organizations.isEmpty) {
            var reach = Reach()
            classify(accounts: a.accounts, organizations: a.organizations, into: &reach, context)
            out.append(finding(ResourcePolicyFix.ref(a), severity: reach.severity, title: title(a.kind.label, a.id, reach),
                               detail: "external", evidence: ["shared with " + (a.accounts + a.organizations).joined(separator: ", ")] + trustedNote(reach),
                               fix: ResourcePolicyFix.fix(a, targets: reach.accounts + reach.organizations,
                                                          summary: "Stop sharing \(a.id) with accounts that do not need it; name expected ones in allow.trusted_accounts.")))
        }
        return out
    }

    private func classify(accounts: [String], organizations: [String], into reach: inout Reach, _ context: RuleContext) {
        for a in accounts where !reach.accounts.contains(a) && !reach.trusted.contains(a) {
            if context.policy.trustedAccounts.contains(a) { reach.trusted.append(a) } else { reach.accounts.append(a) }
        }
        for o in organizations where !reach.organizations.contains(o) && !reach.trusted.contains(o) {
            if context.isTrustedOrganization(o) { reach.trusted.append(o) } else { reach.organizations.append(o) }
        }
    }

    private func title(_ kind: String, _ name: String, _ reach: Reach) -> String {
        if !reach.accounts.isEmpty { return "\(kind) \(name) is shared with account\(reach.accounts.count > 1 ? "s" : "") \(reach.accounts.joined(separator: ", "))" }
        if !reach.organizations.isEmpty { return "\(kind) \(name) is shared within organization \(reach.organizations.joined(separator: ", "))" }
        return "\(kind) \(name) is shared with trusted \(reach.trusted.joined(separator: ", "))"
    }

    private func trustedNote(_ reach: Reach) -> [String] {
        reach.trusted.isEmpty ? [] : ["expected (policy file allow.trusted_*): \(reach.trusted.joined(separator: ", "))"]
    }
}
