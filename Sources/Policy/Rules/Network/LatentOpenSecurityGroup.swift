import Findings
import NetModel
import Reachability

/// A security group rule open to the world whose members the internet cannot actually reach:
/// not an exposure today, but one route or public IP away from being one.
struct LatentOpenSecurityGroup: Rule {
    static let info = RuleInfo(
        id: "latent-open-security-group", title: "World-open rule on unreachable members (latent)", defaultSeverity: .low,
        rationale: "A rule open to 0.0.0.0/0 or ::/0 on instances the internet cannot route to is not an exposure today, but becomes one as soon as someone adds a public IP or an internet route.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var exposedPorts: [String: PortSet] = [:]
        for x in context.exposure where x.proto == .tcp {
            for g in x.endpoint.securityGroupIds { exposedPorts[g, default: PortSet()] = exposedPorts[g, default: PortSet()].union(x.ports) }
        }
        let members = Dictionary(grouping: context.solver.catalog.endpoints.flatMap { e in e.securityGroupIds.map { ($0, e) } }, by: \.0)
        var out: [Finding] = []
        for group in context.inventory.securityGroups {
            for rule in group.ingress {
                guard case .cidr(let p) = rule.peer, p.length == 0, rule.ipProtocol == .tcp || rule.ipProtocol == .udp,
                      let range = rule.portRange, range != .all else { continue }
                let open = PortSet(range)
                if rule.ipProtocol == .tcp, exposedPorts[group.id]?.intersection(open).isEmpty == false { continue }
                let who = members[group.id]?.map { $0.1 } ?? []
                let sensitive = !PortCatalog.sensitive(in: open).isEmpty
                let why = who.isEmpty ? "the group has no members" : reason(who, rule, context)
                out.append(finding(context.resource(group), severity: sensitive ? .medium : .low,
                                   title: "\(group.displayName) opens \(FixText.describe(rule)) to \(p), but no member is reachable from the internet (latent)",
                                   detail: "\(rule.ipProtocol)/\(range)|\(p)",
                                   evidence: ["ingress rule: \(FixText.describe(rule)) from \(p)", "members: \(who.isEmpty ? "none" : FindingGrouping.names(who.map(\.label)))", "not reachable: \(why)"],
                                   fix: FixText.narrowIngress(group: group, rule: rule, replacement: nil),
                                   cause: .ingress(group, rule, title: "\(group.displayName) opens \(FixText.describe(rule)) to \(p)")))
            }
        }
        return out
    }

    /// Why the first member is not reachable, in the solver's words.
    private func reason(_ who: [Endpoint], _ rule: SecurityGroupRule, _ context: RuleContext) -> String {
        let port = rule.portRange?.lower ?? 0
        let answer = context.solver.pair([.internet()], [who[0]], proto: rule.ipProtocol, ports: PortSet(port), throughLoadBalancers: false)
        return answer.best.blockers.map(\.detail).prefix(2).joined(separator: "; ")
    }
}
