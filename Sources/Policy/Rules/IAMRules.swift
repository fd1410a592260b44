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
                           detail: "full-admin", evidence: IAMText.statements(grant),
                           fix: IAMText.replace(a.principal, policyArn: arn, needs: context.policy.workloads[a.principal.name]))
        }
    }
}

/// AWS-managed broad policies (PowerUserAccess, *FullAccess) attached to a principal.
struct IAMBroadManagedPolicy: Rule {
    static let info = RuleInfo(id: "iam-broad-managed-policy", title: "Broad AWS-managed policy attached", defaultSeverity: .high,
                               rationale: "AWS-managed *FullAccess and PowerUserAccess policies grant every action of a service (or almost every service) on every resource; workloads need a handful of actions on a few resources.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for a in context.principals {
            for arn in a.principal.attachedPolicyArns where arn.hasPrefix("arn:aws:iam::aws:policy/") {
                let name = String(arn.split(separator: "/").last ?? "")
                guard name.hasSuffix("FullAccess") || name == "PowerUserAccess" else { continue }
                let services = context.inventory.managedPolicies.first { $0.id == arn }?.document.map(IAMBroadManagedPolicy.services) ?? []
                out.append(finding(context.resource(a.principal), severity: a.isWorkloadRole ? .high : .medium,
                                   title: "\(a.principal.kind.rawValue) \(a.principal.name) has the AWS-managed \(name)" + (a.isWorkloadRole ? " (a workload role of \(a.trustedServices.joined(separator: ", ")))" : ""),
                                   detail: arn,
                                   evidence: ["attached: \(arn)"] + (services.isEmpty ? [] : ["grants: \(services.joined(separator: ", ")) on *"]),
                                   fix: IAMText.replace(a.principal, policyArn: arn, needs: context.policy.workloads[a.principal.name])))
            }
        }
        return out
    }

    /// The action patterns of a policy document, for evidence (`s3:*`, `s3-object-lambda:*`).
    static func services(_ document: String) -> [String] {
        guard let doc = try? PolicyDocument(parsing: document, source: "managed policy") else { return [] }
        var out: [String] = []
        for s in doc.statements where s.effect == .allow {
            if case .only(let actions) = s.actions { out += actions }
        }
        // Service wildcards first (they say most), then the rest.
        let unique = Array(Set(out))
        let ordered = unique.filter { $0.hasSuffix(":*") }.sorted() + unique.filter { !$0.hasSuffix(":*") }.sorted()
        return ordered.count > 8 ? Array(ordered.prefix(8)) + ["… (\(ordered.count) patterns)"] : ordered
    }
}

/// Service-wide wildcards (`s3:*`) in customer-managed or inline policies.
struct IAMServiceWildcard: Rule {
    static let info = RuleInfo(id: "iam-service-wildcard", title: "Service-wide wildcard action", defaultSeverity: .medium,
                               rationale: "`service:*` grants every current and future action of a service, including destructive and permission-changing ones.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.principals.flatMap { a in
            a.customer.serviceWildcards.map { w in
                var severity: Severity = a.isWorkloadRole ? .high : .medium
                if w.grant.isConditional { severity = severity.lowered }
                return finding(context.resource(a.principal), severity: severity,
                               title: "\(a.principal.kind.rawValue) \(a.principal.name) is allowed \(w.service):*",
                               detail: w.service, evidence: IAMText.statements(w.grant),
                               fix: IAMText.replace(a.principal, policyArn: nil, needs: context.policy.workloads[a.principal.name]))
            }
        }
    }
}

/// Write or permissions-management actions on `Resource: *` in customer policies.
struct IAMWriteOnAllResources: Rule {
    static let info = RuleInfo(id: "iam-write-on-all-resources", title: "Write actions on all resources", defaultSeverity: .medium,
                               rationale: "Write and permissions-management actions should name the resources they act on.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.principals.compactMap { a in
            let grants = a.customer.writeActionsOnAllResources.filter { $0.action != "iam:PassRole" }
            guard !grants.isEmpty else { return nil }
            let actions = grants.map(\.action)
            let conditional = grants.allSatisfy { $0.grant.isConditional }
            return finding(context.resource(a.principal), severity: conditional ? .low : .medium,
                           title: "\(a.principal.kind.rawValue) \(a.principal.name) may \(actions.count) write actions on any resource",
                           detail: "write-on-star",
                           evidence: ["actions: " + actions.prefix(12).joined(separator: ", ") + (actions.count > 12 ? ", … (\(actions.count))" : "")]
                               + Array(Set(grants.flatMap { IAMText.statements($0.grant) })).sorted(),
                           fix: IAMText.replace(a.principal, policyArn: nil, needs: context.policy.workloads[a.principal.name]))
        }
    }
}

/// `iam:PassRole` on `*`.
struct IAMPassRoleAll: Rule {
    static let info = RuleInfo(id: "iam-passrole-all", title: "iam:PassRole on all roles", defaultSeverity: .high,
                               rationale: "PassRole on * lets the principal hand any role, including administrator roles, to a service it controls.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.principals.compactMap { a in
            guard let g = a.all.passRoleOnAllResources, a.all.fullAdmin == nil else { return nil }
            return finding(context.resource(a.principal), severity: g.grant.isConditional ? .medium : .high,
                           title: "\(a.principal.kind.rawValue) \(a.principal.name) may pass any role (iam:PassRole on *)",
                           detail: "passrole", evidence: IAMText.statements(g.grant),
                           fix: Fix(summary: "Limit iam:PassRole to the ARNs of the roles the principal must pass, with an iam:PassedToService condition."))
        }
    }
}

/// Known privilege-escalation combinations (Rhino Security Labs' list).
struct IAMPrivilegeEscalation: Rule {
    static let info = RuleInfo(id: "iam-privilege-escalation", title: "Privilege escalation path", defaultSeverity: .high,
                               rationale: "Combinations such as iam:CreatePolicyVersion, or iam:PassRole with lambda:CreateFunction, let a principal grant itself more than it has.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        context.principals.flatMap { a -> [Finding] in
            guard a.all.fullAdmin == nil else { return [] }
            return a.all.privilegeEscalations.map { path in
                var severity: Severity = path.coversAllResources ? .high : .medium
                if path.isConditional { severity = severity.lowered }
                return finding(context.resource(a.principal), severity: severity,
                               title: "\(a.principal.kind.rawValue) \(a.principal.name) can escalate privileges: \(path.method.summary)",
                               detail: path.method.rawValue,
                               evidence: path.steps.map { "\($0.action): " + IAMText.statements($0.grant).joined(separator: "; ") },
                               fix: Fix(summary: "Remove one of \(path.method.requiredActions.joined(separator: ", ")) from \(a.principal.name), or scope it to resources that cannot lead to escalation."))
            }
        }
    }
}

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
