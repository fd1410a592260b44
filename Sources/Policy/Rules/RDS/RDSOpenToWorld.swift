import Findings
import NetModel
import Reachability

/// The DB's security group allows its port from anywhere.
struct RDSOpenToWorld: Rule {
    static let info = RuleInfo(
        id: "rds-open-to-world", title: "DB security group open to the world on the DB port", defaultSeverity: .high,
        rationale: "The DB port should be reachable only from the application tier's security group.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for db in context.inventory.dbInstances {
            let port = context.port(of: db)
            for group in context.inventory.securityGroups where db.securityGroupIds.contains(group.id) {
                for rule in group.ingress where rule.ipProtocol.admits(.tcp) && (rule.portRange?.contains(port) ?? false) {
                    guard case .cidr(let p) = rule.peer, p.length == 0 else { continue }
                    out.append(finding(context.resource(db), title: "\(db.id): \(group.displayName) allows tcp/\(port) from \(p)",
                                       detail: "\(group.id)|\(p)", evidence: ["\(group.id) ingress: \(FixText.describe(rule)) from \(p)"],
                                       fix: FixText.narrowIngress(group: group, rule: rule, replacement: nil),
                                       cause: .ingress(group, rule, title: "\(group.displayName) allows tcp/\(port) from \(p)")))
                }
            }
        }
        return out
    }
}
