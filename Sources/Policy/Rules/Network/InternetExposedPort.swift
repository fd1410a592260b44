import Findings
import NetModel
import Reachability

/// A port the internet can actually reach, per the reachability solver (not merely an open rule).
struct InternetExposedPort: Rule {
    static let info = RuleInfo(
        id: "internet-exposed-port", title: "Port reachable from the internet", defaultSeverity: .critical,
        rationale: "An admin, database or other high-risk port (AWS Security Hub EC2.19) that the internet can actually reach, through routes, NACLs and security groups, is an attack surface; web ports on internet-facing load balancers are expected.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        var out: [Finding] = []
        var seen = Set<String>()
        // Groups named like a bastion's, in inventory order (found once, not per finding).
        let bastions = context.inventory.securityGroups.filter { $0.displayName.lowercased().contains("bastion") }.map(\.id)
        for exposure in context.exposure {
            let e = exposure.endpoint
            let resource = context.resource(e)
            guard seen.insert("\(resource.id)|\(exposure.proto)|\(exposure.via?.loadBalancer ?? "")").inserted else { continue }
            let isPublicLB = e.kind == .loadBalancer
            for range in exposure.ports.ranges {
                let sensitive = PortCatalog.sensitive(in: PortSet(range))
                let webOnly = range.lower == range.upper && PortCatalog.web.contains(range.lower)
                if isPublicLB && webOnly { continue }
                let reach = SourceReach(exposure.sources, trusted: context.policy.trustedRanges)
                if reach.isTrusted { continue }
                // A few fixed ranges (an office, a partner) are not the internet at large: low, whatever the port.
                var severity: Severity = !reach.isWide ? .low
                    : !sensitive.isEmpty || range.upper - range.lower > 1000 ? .critical : (webOnly ? .low : .medium)
                let what = PortCatalog.describe(exposure.proto, range)
                let from = reach.phrase
                let opening = openingRules(e, range, exposure.proto, context) { $0.length <= 8 }
                // What closes it: the world-open rule, else the rule admitting one of the few ranges that reach.
                let sourcePrefixes = reach.untrusted.compactMap { IPPrefix($0) }
                let cause = (opening.first ?? openingRules(e, range, exposure.proto, context) { p in
                    sourcePrefixes.contains { $0.contains(p) || p.contains($0) }
                }.first).map { group, rule in
                    FindingCause.ingress(group, rule, title: "\(what) is reachable from \(reach.isWide ? "the internet" : from) through \(group.displayName)'s rule")
                }
                let through = exposure.via.map { " through load balancer \($0.loadBalancer), which shows it the clients' addresses" } ?? ""
                var evidence = ["reachable from \(from) on \(what)\(through)"]
                // The path for exactly these ports (the shared one covers every open port); explained only for the
                // findings the report shows (a grouped finding shows its first member's).
                if let path = exposure.via?.path {
                    evidence += path.map { "\($0.kind): \($0.detail)" }
                } else {
                    let solver = context.solver, proto = exposure.proto
                    evidence.append(context.deferredEvidence.placeholder {
                        solver.pair([.internet()], [e], proto: proto, ports: PortSet(range), throughLoadBalancers: false).best.path
                            .map { "\($0.kind): \($0.detail)" }
                    })
                }
                if let role = context.roleReach(for: e) {
                    evidence.append("runs as \(role.evidence)")
                    if role.isPowerful {
                        severity = severity.raised
                        evidence.append("severity raised one level: whoever takes over the exposed workload acts with its role")
                    }
                }
                let fix = opening.first.map { FixText.narrowIngress(group: $0.0, rule: $0.1, replacement: adminSource(for: range, excluding: $0.0.id, bastions)) }
                    ?? e.publicService.map { Fix(summary: "Restrict who can reach \(what) on \(resource.label): \($0.fix).") }
                    ?? Fix(summary: reach.isWide ? "Restrict who can reach \(what) on \(resource.label): narrow the security group rule or remove the public address."
                           : "If \(reach.untrusted.joined(separator: ", ")) should reach \(what) \(cause.map { "through \($0.label)" } ?? "on \(resource.label)"), list \(reach.untrusted.count == 1 ? "it" : "them") under `trusted_ranges:` in the policy file; otherwise remove the rule.")
                out.append(finding(resource, severity: severity,
                                   title: "\(what) on \(resource.label) is reachable from \(reach.isWide ? "the internet" : from)\(exposure.via.map { " through \($0.loadBalancer)" } ?? "")",
                                   detail: "\(exposure.proto)/\(range)", evidence: evidence, fix: fix, cause: cause))
            }
        }
        return out
    }

    /// The security group rules of the endpoint that admit the port from a CIDR `peer` accepts.
    private func openingRules(_ e: Endpoint, _ range: PortRange, _ proto: IPProtocol, _ context: RuleContext,
                              peer: (IPPrefix) -> Bool) -> [(SecurityGroup, SecurityGroupRule)] {
        e.securityGroupIds.compactMap { context.index.securityGroups[$0] }.flatMap { group in
            group.ingress.filter { rule in
                guard rule.ipProtocol.admits(proto), case .cidr(let p) = rule.peer, peer(p) else { return false }
                return (rule.portRange ?? .all).clamped(to: range) != nil
            }.map { (group, $0) }
        }
    }

    /// For admin ports, the bastion's security group when the snapshot has one.
    private func adminSource(for range: PortRange, excluding group: String, _ bastions: [String]) -> String? {
        guard range.lower == range.upper, PortCatalog.admin[range.lower] != nil else { return nil }
        return bastions.first { $0 != group }
    }
}
