import NetModel
import Reachability

extension ReachabilityDelta {
    /// The configuration changes on the pair's path, as lines.
    ///
    /// First the resources the solver names: the hops of the path and the blockers, in both snapshots
    /// (for an internet pair also the endpoints themselves: public addresses, PubliclyAccessible). When
    /// none of those changed, every resource the endpoints depend on (interfaces, subnets, route tables,
    /// NACLs, gateways). A security group counts through its ingress rules when it guards the destination,
    /// through its egress rules when it guards the source.
    func causes(_ key: Key, port: Int?) -> [String] {
        var named = Set<String>(), broad = Set<String>()
        var sourceGroups = Set<String>(), destinationGroups = Set<String>()
        let internet = key.from == "internet" || key.to == "internet"
        for side in [new, old] {
            guard let a = side.byName[key.from], let b = side.byName[key.to], !a.endpoints.isEmpty, !b.endpoints.isEmpty else { continue }
            sourceGroups.formUnion(a.endpoints.flatMap(\.securityGroupIds))
            destinationGroups.formUnion(b.endpoints.flatMap(\.securityGroupIds))
            broad.formUnion(side.resources.of(a.endpoints + b.endpoints))
            let answer = side.solver.pair(a.endpoints, b.endpoints, proto: .tcp, ports: port.map { PortSet($0) })
            named.formUnion(answer.best.path.flatMap { PathResources.split($0.resource) })
            named.formUnion(answer.best.blockers.flatMap { PathResources.split($0.resource) })
            named.formUnion(answer.viaLoadBalancers.map(\.loadBalancer))
            if internet {
                for e in a.endpoints + b.endpoints where !e.isInternet { named.formUnion([e.id, e.resourceId]) }
            }
        }
        let direct = lines(touching: named, sourceGroups: sourceGroups, destinationGroups: destinationGroups, internet: internet)
        return direct.isEmpty ? lines(touching: broad, sourceGroups: sourceGroups, destinationGroups: destinationGroups, internet: internet) : direct
    }

    /// Routes to internet and NAT gateways do not carry private traffic.
    private static let internetTargets = ["via igw ", "via nat ", "via eigw "]

    private func lines(touching ids: Set<String>, sourceGroups: Set<String>, destinationGroups: Set<String>, internet: Bool) -> [String] {
        var out: [String] = []
        for change in changes where ids.contains(change.resource) || (change.kind == "load-balancer" && ids.contains(change.name)) {
            guard change.change == .modified else {
                out.append("\(change.label) \(change.summary)")
                continue
            }
            let relevant = change.details.filter { d in
                if d.hasPrefix("tag ") { return false }
                if change.kind == "route-table" && !internet { return !Self.internetTargets.contains(where: d.contains) }
                guard change.kind == "security-group" else { return true }
                if d.hasPrefix("ingress rule") { return destinationGroups.contains(change.resource) }
                if d.hasPrefix("egress rule") { return sourceGroups.contains(change.resource) }
                return true
            }
            out += relevant.map { "\(change.label) \($0)" }
        }
        return out
    }
}
