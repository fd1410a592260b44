import NetModel

/// The matrix's ports-only evaluator: for a flow between two interfaces over private addresses, the set of ports that
/// get through, from precomputed rules, with no explanation, no two-dimensional region and no message built.
///
/// For the flows it takes it answers what `FlowAnalyzer.analyze(explain: false)` answers (`SummaryEvaluatorTests`
/// compare the two matrices). Flows whose answer the analyzer has to explain rather than decide are left to it: the
/// internet, on-premises networks, public addresses and services outside VPCs, NAT gateways, Lambda functions and
/// EKS endpoints as destinations, endpoints placed by their subnets, and anything unknown before apply.
///
/// A class, not a value: every worker of the matrix shares one, with its memo, and the inner loop passes it on
/// without copying the topology it reads.
final class SummaryEvaluator: Sendable {
    let analyzer: FlowAnalyzer
    let rules: SummaryRules
    let routes: RouteEvaluator
    let topology: Topology
    private let acls = SummaryACLs()
    /// Load balancers by name, in inventory order (`FlowAnalyzer.loadBalancer(of:)` takes the first that matches).
    private let balancers: [String: [LoadBalancer]]

    init(analyzer: FlowAnalyzer, proto: IPProtocol) {
        self.analyzer = analyzer
        topology = analyzer.topology
        routes = analyzer.routes
        rules = SummaryRules(analyzer.topology, proto: proto)
        balancers = Dictionary(grouping: analyzer.topology.inventory.loadBalancers, by: \.name)
    }

    /// The ports that get from `a` to `b` and whose replies get back; nil when the analyzer must decide.
    ///
    /// Security groups are stateful (the source's egress and the destination's ingress decide, replies pass;
    /// AWS "Security group rules"); NACLs are stateless and apply only across a subnet boundary, both ways, the reply
    /// going to an ephemeral port that must pass both NACLs (AWS "Network ACLs": ephemeral ports).
    func allowedPorts(from a: SummarySide, to b: SummarySide) -> PortSet? {
        guard a.canSend, b.canReceive else { return nil }
        if let interface = a.interfaceId, interface == b.interfaceId { return nil }
        // The address pair `FlowAnalyzer.privateAddressPair` picks.
        let aAddr: IPAddress, bAddr: IPAddress
        if let x = a.v4, let y = b.v4 { (aAddr, bAddr) = (x, y) } else if let x = a.v6, let y = b.v6 { (aAddr, bAddr) = (x, y) } else { return nil }
        if a.groupsUndecidable || b.groupsUndecidable { return nil }
        let crosses = a.subnet != b.subnet
        if crosses, a.aclUndecidable || b.aclUndecidable { return nil }
        guard let path = routesPass(a, b, aAddr, bAddr) else { return nil }
        let proto = rules.proto
        var ports = proto.hasPorts ? PortSet.all : proto == .icmp ? PortSet(8) : .all
        let returnPorts = proto.hasPorts ? PortSet(analyzer.options.ephemeralPorts) : proto == .icmp ? PortSet(0) : .all
        if let listeners = b.listenerPorts { ports = ports.intersection(listeners) }
        guard path.passes, !ports.isEmpty else { return PortSet() }
        if !a.unfiltered {
            ports = ports.intersection(SummaryRules.ports(a.egress, address: bAddr, peerGroups: b.groupIds, references: path.references))
        }
        if !b.unfiltered, !ports.isEmpty {
            ports = ports.intersection(SummaryRules.ports(b.ingress, address: aAddr, peerGroups: a.groupIds, references: path.references))
        }
        guard crosses, !ports.isEmpty else { return ports }
        ports = ports.intersection(aclPorts(a.aclEgress, bAddr)).intersection(aclPorts(b.aclIngress, aAddr))
        guard !ports.isEmpty else { return ports }
        // One reply goes to one client port: it must leave the destination's subnet and enter the source's on the same port.
        let leaving = aclPorts(b.aclEgress, aAddr).intersection(returnPorts)
        let entering = aclPorts(a.aclIngress, bAddr).intersection(leaving.isEmpty ? returnPorts : leaving)
        return leaving.isEmpty || entering.isEmpty ? PortSet() : ports
    }

    /// The ports a subnet's NACL allows in one direction for a peer address; a subnet with no NACL in the snapshot allows all.
    private func aclPorts(_ entries: SummaryRules.ACLEntries?, _ address: IPAddress) -> PortSet {
        guard let entries else { return .all }
        return acls.ports(entries, address: address)
    }

    /// The load balancer an endpoint stands for, as `FlowAnalyzer.loadBalancer(of:)` finds it.
    func balancer(_ e: Endpoint) -> LoadBalancer? {
        guard e.kind == .loadBalancer else { return nil }
        return balancers[e.resourceId]?.first { FlowAnalyzer.stands(e, for: $0) }
    }
}
