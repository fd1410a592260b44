import AccessAnalysis
import Findings
import NetModel

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
                               + Array(Set(grants.flatMap { IAMText.statements($0.grant) })).sorted() + context.usedBy(a.principal),
                           fix: IAMText.replace(a.principal, policyArn: nil, needs: context.needs(for: a.principal)))
        }
    }
}
