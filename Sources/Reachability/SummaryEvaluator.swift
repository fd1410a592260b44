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

    /// The summary result of a flow (as `analyze(explain: false)` gives it), or nil when the analyzer must decide it.
    func result(from a: Endpoint, to b: Endpoint) -> FlowResult? {
        guard let ports = allowedPorts(from: a, to: b) else { return nil }
        var result = FlowResult(source: a, destination: b, ipProtocol: rules.proto, allowed: Region(ports: ports), path: [], blockers: [],
                                unknowns: [], notes: [])
        result.summaryOnly = true
        return result
    }

    /// The ports that get from `a` to `b` and whose replies get back; nil when the analyzer must decide.
    ///
    /// Security groups are stateful (the source's egress and the destination's ingress decide, replies pass;
    /// AWS "Security group rules"); NACLs are stateless and apply only across a subnet boundary, both ways, the reply
    /// going to an ephemeral port that must pass both NACLs (AWS "Network ACLs": ephemeral ports).
    func allowedPorts(from a: Endpoint, to b: Endpoint) -> PortSet? {
        guard SummaryEvaluator.takes(a, b), let (aAddr, bAddr) = FlowAnalyzer.privateAddressPair(a, b),
              let aSub = a.subnetId, let bSub = b.subnetId else { return nil }
        let undecidable = rules.undecidable
        if a.securityGroupIds.contains(where: undecidable.contains) || b.securityGroupIds.contains(where: undecidable.contains) { return nil }
        let aACL = topology.aclBySubnet[aSub]?.id, bACL = topology.aclBySubnet[bSub]?.id
        if aSub != bSub, aACL.map(undecidable.contains) == true || bACL.map(undecidable.contains) == true { return nil }
        guard let path = routesPass(a, b, aAddr, bAddr, aSub, bSub) else { return nil }
        let proto = rules.proto
        var ports = proto.hasPorts ? PortSet.all : proto == .icmp ? PortSet(8) : .all
        let returnPorts = proto.hasPorts ? PortSet(analyzer.options.ephemeralPorts) : proto == .icmp ? PortSet(0) : .all
        let destinationBalancer = balancer(b)
        if b.kind == .loadBalancer, let lb = destinationBalancer, !lb.listeners.isEmpty {
            ports = proto.hasPorts ? ports.intersection(FlowAnalyzer.listenerPorts(lb, proto: proto)) : PortSet()
        }
        guard path.passes, !ports.isEmpty else { return PortSet() }
        if !FlowAnalyzer.isUnfiltered(a, balancer(a)) {
            ports = ports.intersection(rules.ports(a.securityGroupIds, egress: true, address: bAddr, peerGroups: b.securityGroupIds, references: path.references))
        }
        if !FlowAnalyzer.isUnfiltered(b, destinationBalancer), !ports.isEmpty {
            ports = ports.intersection(rules.ports(b.securityGroupIds, egress: false, address: aAddr, peerGroups: a.securityGroupIds, references: path.references))
        }
        guard aSub != bSub, !ports.isEmpty else { return ports }
        ports = ports.intersection(aclPorts(aACL, egress: true, bAddr)).intersection(aclPorts(bACL, egress: false, aAddr))
        guard !ports.isEmpty else { return ports }
        // One reply goes to one client port: it must leave the destination's subnet and enter the source's on the same port.
        let leaving = aclPorts(bACL, egress: true, aAddr).intersection(returnPorts)
        let entering = aclPorts(aACL, egress: false, bAddr).intersection(leaving.isEmpty ? returnPorts : leaving)
        return leaving.isEmpty || entering.isEmpty ? PortSet() : ports
    }

    /// The ports a subnet's NACL allows in one direction for a peer address; a subnet with no NACL in the snapshot allows all.
    private func aclPorts(_ acl: String?, egress: Bool, _ address: IPAddress) -> PortSet {
        guard let acl, let entries = rules.acl(acl, egress: egress) else { return .all }
        return acls.ports(entries, address: address)
    }

    /// The load balancer an endpoint stands for, as `FlowAnalyzer.loadBalancer(of:)` finds it.
    private func balancer(_ e: Endpoint) -> LoadBalancer? {
        guard e.kind == .loadBalancer else { return nil }
        return balancers[e.resourceId]?.first { FlowAnalyzer.stands(e, for: $0) }
    }

    /// Whether the flow is one between two interfaces over private addresses with no end the analyzer treats apart.
    private static func takes(_ a: Endpoint, _ b: Endpoint) -> Bool {
        if a.isOutside || b.isOutside || a.publicService != nil || b.publicService != nil || b.viaPublicAddress != nil { return false }
        if a.placementEstimated || b.placementEstimated { return false }
        if let interface = a.interfaceId, interface == b.interfaceId { return false }
        switch b.kind {
        case .natGateway, .lambda, .eksCluster: return false
        default: return true
        }
    }
}
