import Findings
import NetModel
import Reachability

/// A tier other than the allowed ones reaches a database port.
struct RDSUnexpectedTier: Rule {
    static let info = RuleInfo(
        id: "rds-unexpected-tier", title: "Database reachable from a tier not allowed to", defaultSeverity: .high,
        rationale: "Only the tiers listed under `allow.database_tiers` in the policy file should reach a database port.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        let allowed = Set(context.policy.databaseTiers)
        guard !allowed.isEmpty else { return [] }
        let databases = Dictionary(grouping: context.solver.catalog.endpoints.filter { $0.kind == .database }, by: \.resourceId)
        var out: [Finding] = []
        for db in context.inventory.dbInstances {
            let port = context.port(of: db)
            guard let targets = databases[db.id] else { continue }
            for (tier, answer) in context.tiersNotAllowed(reaching: targets, port: port, member: { $0.resourceId == db.id }) {
                out.append(finding(context.resource(db), title: "tier \(tier) reaches \(db.id) on tcp/\(port)",
                                   detail: "tier:\(tier)", evidence: answer.best.path.map { "\($0.kind): \($0.detail)" },
                                   fix: Fix(summary: "Allow tcp/\(port) on \(db.id)'s security groups only from the tiers \(allowed.sorted().joined(separator: ", ")).")))
            }
        }
        return out
    }
}
