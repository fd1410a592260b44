import Findings
import NetModel

/// A security group rule that opens every port (or all traffic) to the whole internet.
struct AllPortsOpen: Rule {
    static let info = RuleInfo(
        id: "all-ports-open", title: "Security group rule open to the world on all ports", defaultSeverity: .high,
        rationale: "A rule allowing all ports from 0.0.0.0/0 or ::/0 exposes every service on its members; it is critical when a member is reachable.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        let reachable = Set(context.exposure.flatMap { x in x.endpoint.securityGroupIds })
        var out: [Finding] = []
        for group in context.inventory.securityGroups {
            for rule in group.ingress {
                guard case .cidr(let p) = rule.peer, p.length == 0, rule.portRange == .all || rule.ipProtocol == .all else { continue }
                let exposed = reachable.contains(group.id)
                out.append(finding(context.resource(group), severity: exposed ? .critical : .high,
                                   title: "\(group.displayName) allows \(FixText.describe(rule)) from \(p)\(exposed ? ", and a member is reachable" : "")",
                                   detail: "\(rule.ipProtocol)|\(p)",
                                   evidence: ["ingress rule: \(FixText.describe(rule)) from \(p)" + (rule.description.map { " (\($0))" } ?? "")],
                                   fix: FixText.narrowIngress(group: group, rule: rule, replacement: nil),
                                   cause: .ingress(group, rule, title: "\(group.displayName) allows \(FixText.describe(rule)) from \(p)")))
            }
        }
        return out
    }
}
