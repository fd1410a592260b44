import NetModel

/// Options of the solver.
public struct FlowOptions: Sendable, Hashable {
    /// The client ports return traffic goes to; a flow needs some port of this range to pass the NACLs.
    public var ephemeralPorts = PortRange.ephemeral

    public init(ephemeralPorts: PortRange = .ephemeral) {
        self.ephemeralPorts = ephemeralPorts
    }
}

/// Decides whether traffic gets from one endpoint to another, hop by hop.
///
/// Security groups are stateful (source egress and destination ingress); NACLs are
/// stateless and only apply across a subnet boundary, return traffic going to an
/// ephemeral port; routes are matched by longest prefix, in both directions.
public struct FlowAnalyzer: Sendable {
    public let topology: Topology
    public var options: FlowOptions

    public init(topology: Topology, options: FlowOptions = FlowOptions()) {
        self.topology = topology
        self.options = options
    }

    var groups: SecurityGroupEvaluator { SecurityGroupEvaluator(topology: topology) }
    var acls: NACLEvaluator { NACLEvaluator(topology: topology) }
    var routes: RouteEvaluator { RouteEvaluator(topology: topology) }

    /// Analyses traffic of `proto` from `source` to `destination`; `ports` nil means every port.
    /// With `explain` false the result carries the allowed region only (no path, no blockers): for matrices.
    public func analyze(from source: Endpoint, to destination: Endpoint, proto: IPProtocol, ports: PortSet? = nil,
                        explain: Bool = true) -> FlowResult {
        var flow = Flow(proto: proto,
                        wanted: proto.hasPorts ? (ports ?? .all) : (proto == .icmp ? PortSet(8) : .all),
                        returnPorts: proto.hasPorts ? PortSet(options.ephemeralPorts) : (proto == .icmp ? PortSet(0) : .all))
        if destination.kind == .loadBalancer, !destination.isInternet { listenerCheck(destination, &flow) }
        if destination.kind == .natGateway { natAcceptsNothing(destination, &flow) }
        if destination.kind == .lambda, destination.publicService == nil { lambdaAcceptsNothing(destination, &flow) }
        if destination.kind == .eksCluster, destination.publicService == nil { eksPrivateEndpointCheck(destination, &flow) }
        if let interface = source.interfaceId, interface == destination.interfaceId, destination.viaPublicAddress == nil {
            // Two addresses of one interface: the packet never leaves the instance, so no AWS control applies.
            flow.gate("same-interface", interface, passes: true,
                      allowed: "\(source.primaryAddress.map { "\($0)" } ?? "?") and \(destination.primaryAddress.map { "\($0)" } ?? "?") are both on \(interface): traffic stays on the host; no security group, network ACL or route applies",
                      blocked: "", fix: "")
        } else if source.publicService != nil || destination.publicService != nil {
            publicServicePath(from: source, to: destination, &flow)
        } else if source.kind == .onPremises || destination.kind == .onPremises {
            if source.kind == destination.kind {
                flow.unknowns.append("both ends are outside AWS (\(source.label), \(destination.label)); netaudit judges only the AWS side")
            } else if source.kind == .onPremises {
                flow.peers = source.internetAddresses.flatMap { $0.isEmpty ? nil : $0 } ?? .all
                fromOnPremises(source, to: destination, &flow)
            } else {
                flow.peers = destination.internetAddresses.flatMap { $0.isEmpty ? nil : $0 } ?? .all
                toOnPremises(from: source, destination, &flow)
            }
        } else if source.isInternet {
            flow.peers = internetPeers(source, local: destination)
            inbound(to: destination, from: source, &flow)
        } else if destination.isInternet {
            flow.peers = internetPeers(destination, local: source)
            outbound(from: source, to: destination, &flow)
        } else if let target = destination.viaPublicAddress {
            publicPath(from: source, to: destination, at: target, &flow)
        } else {
            privatePath(from: source, to: destination, &flow)
            if explain { flow.checks = Flow.packetOrder(flow.checks) }
        }
        exemptUnfilteredLoadBalancers(source: source, destination: destination, &flow)
        return flow.result(source: source, destination: destination, explain: explain)
    }

    /// A cheap test for private flows: when no egress rule of the source or no ingress rule of the
    /// destination can match the other end, nothing gets through; returns that (summary) result, else nil.
    func quickReject(from a: Endpoint, to b: Endpoint, proto: IPProtocol) -> FlowResult? {
        guard !a.isInternet, !b.isInternet, b.viaPublicAddress == nil, let (aAddr, bAddr) = FlowAnalyzer.privateAddressPair(a, b) else { return nil }
        if isUnfilteredLoadBalancer(a) || isUnfilteredLoadBalancer(b) { return nil }
        func admits(_ groups: [String], egress: Bool, peer: Endpoint, address: IPAddress) -> Bool {
            for id in groups {
                guard let group = topology.securityGroups[id] else { return true }
                // A rule whose peer is known only after apply may match: not a quick "no".
                if UnknownBeforeApply.rules(group.tags).contains(where: { $0.egress == egress && $0.rule.ipProtocol.admits(proto) }) { return true }
                for rule in egress ? group.egress : group.ingress where rule.ipProtocol.admits(proto) {
                    switch rule.peer {
                    case .cidr(let p): if p.contains(address) { return true }
                    case .securityGroup(let ref): if peer.securityGroupIds.contains(ref.groupId) { return true }
                    case .prefixList: return true
                    }
                }
            }
            return false
        }
        if admits(b.securityGroupIds, egress: false, peer: a, address: aAddr) && admits(a.securityGroupIds, egress: true, peer: b, address: bAddr) {
            return nil
        }
        var result = FlowResult(source: a, destination: b, ipProtocol: proto, allowed: .nothing, path: [], blockers: [], unknowns: [], notes: [])
        result.summaryOnly = true
        return result
    }

    /// The internet addresses that matter: IPv6 ones only for an endpoint with an IPv6 address, IPv4 ones only
    /// for an endpoint with an IPv4 address.
    func internetPeers(_ internet: Endpoint, local: Endpoint) -> AddressSet {
        let addresses = internet.internetAddresses ?? .internet
        let v4 = local.privateAddresses.isEmpty && local.hasIPv6 ? AddressSet() : AddressSet(v4: addresses.v4)
        return local.hasIPv6 ? v4.union(AddressSet(v6: addresses.v6)) : v4
    }

    /// A NAT gateway forwards connections its subnets start; it accepts none itself, on any address
    /// (AWS "NAT gateways": it only lets responses to connections from inside back in).
    private func natAcceptsNothing(_ nat: Endpoint, _ flow: inout Flow) {
        let address = nat.viaPublicAddress.map { "its Elastic IP \($0)" } ?? nat.primaryAddress.map { "\($0)" } ?? "its addresses"
        flow.gate("nat-gateway", nat.resourceId, passes: false, allowed: "",
                  blocked: "\(nat.label) is a NAT gateway: it accepts no connections on \(address), only replies to connections started from its VPC",
                  fix: "connect to the host behind it directly (a public address, a load balancer or a VPN), not to the NAT gateway")
    }

    /// Load balancers accept traffic only on their listeners' ports, over the listeners' protocols.
    private func listenerCheck(_ lb: Endpoint, _ flow: inout Flow) {
        guard let balancer = loadBalancer(of: lb), !balancer.listeners.isEmpty else { return }
        let proto = flow.proto
        let ports = FlowAnalyzer.listenerPorts(balancer, proto: proto)
        let listeners = balancer.listeners.map { "\($0.protocolName):\($0.port)" }.joined(separator: ", ")
        flow.add(CheckResult(kind: "load-balancer-listener", resource: balancer.name,
                             region: Region(ports: flow.proto.hasPorts ? ports : .none),
                             explainAllowed: { _ in "\(balancer.name) listens on \(listeners)" },
                             explainBlocked: { missing in ("\(balancer.name) has no listener on \(Describe.traffic(proto, missing.ports)) (listeners: \(listeners))",
                                                           "add a listener on that port to \(balancer.name), if it should serve it") }))
    }

    /// The ports a load balancer listens on for `proto` (TCP and UDP: the listeners carrying it).
    static func listenerPorts(_ balancer: LoadBalancer, proto: IPProtocol) -> PortSet {
        let carrying = proto == .tcp || proto == .udp ? balancer.listeners.filter { FlowAnalyzer.listener($0.protocolName, carries: proto) } : balancer.listeners
        return PortSet(carrying.map { PortRange($0.port, $0.port) })
    }
}

/// The checks collected for one flow, and how they combine.
struct Flow {
    var proto: IPProtocol
    var wanted: PortSet
    var returnPorts: PortSet
    /// The internet-side addresses for internet flows; all addresses (trivial) between interfaces.
    var peers: AddressSet = .all
    var checks: [CheckResult] = []
    var unknowns: [String] = []
    var notes: [String] = []

    mutating func add(_ check: CheckResult) { checks.append(check) }

    /// Adds a check between two interfaces: only its ports matter.
    mutating func addPointwise(_ check: CheckResult) {
        var c = check
        c.region = check.region.portsOnly
        c.undecidedParts = check.undecidedParts.map { Undecided(region: $0.region.portsOnly, reason: $0.reason) }
        checks.append(c)
    }

    /// A check that passes or fails as a whole (routes, public addresses).
    mutating func gate(_ kind: String, _ resource: String, passes: Bool, allowed: String, blocked: String, fix: String) {
        add(CheckResult(kind: kind, resource: resource, region: passes ? .everything : .nothing,
                        explainAllowed: { _ in allowed }, explainBlocked: { _ in (blocked, fix) }))
    }

    /// Sorts checks in the order a packet meets them (stable within a kind).
    private static let rank = ["load-balancer-listener": 0, "security-group-egress": 1, "route": 2, "nacl-egress": 3, "peering": 4,
                               "transit-gateway": 4, "nacl-ingress": 5, "security-group-ingress": 6, "route-return": 7,
                               "nacl-return-egress": 8, "nacl-return-ingress": 9]

    static func packetOrder(_ checks: [CheckResult]) -> [CheckResult] {
        return checks.enumerated().sorted { (rank[$0.element.kind] ?? 5, $0.offset) < (rank[$1.element.kind] ?? 5, $1.offset) }.map(\.element)
    }

    func result(source: Endpoint, destination: Endpoint, explain: Bool = true) -> FlowResult {
        let judged = checks.reduce(Region(ports: wanted, addresses: peers)) { $0.intersection($1.region) }
        // Traffic that only a value unknown before apply could let through is unknown, not blocked: name each value.
        var unknowns = self.unknowns
        var notes = self.notes
        let possible = checks.contains { !$0.undecidedParts.isEmpty }
            ? checks.reduce(Region(ports: wanted, addresses: peers)) { $0.intersection($1.region.union($1.undecided)) } : judged
        let undecided = possible.subtracting(judged)
        var reasons: [String] = []
        for check in checks where !undecided.isEmpty {
            for part in check.undecidedParts where !part.region.intersection(undecided).subtracting(check.region).isEmpty && !reasons.contains(part.reason) {
                reasons.append(part.reason)
            }
        }
        var partly: [String] = []
        if judged.isEmpty, !undecided.isEmpty { unknowns += reasons } else if !reasons.isEmpty {
            partly = ["\(Describe.traffic(proto, undecided.ports)) may also get through, unknown before apply: \(reasons.joined(separator: "; "))"]
            notes += partly
        }
        // What the judged hops let through is not reachable while another hop can't be judged: that is unknown.
        let verdict: Verdict = judged.isEmpty ? (undecided.isEmpty ? .blocked : .unknown) : unknowns.isEmpty ? .reachable : .unknown
        let allowed = unknowns.isEmpty ? judged : .nothing
        guard explain else {
            var summary = FlowResult(source: source, destination: destination, ipProtocol: proto, allowed: allowed, path: [],
                                     blockers: [], unknowns: unknowns, notes: [], verdict: verdict)
            summary.summaryOnly = true
            summary.undecided = partly
            return summary
        }
        // Blockers explain the requested ports that get through from nowhere.
        // An unknown answer shows the hops that were judged, up to the one that can't be.
        let missingPorts = judged.isEmpty ? wanted : wanted.subtracting(judged.ports)
        let wantedRegion = Region(ports: missingPorts, addresses: peers)
        let path = judged.isEmpty ? [] : checks.map { check in
            Hop(kind: check.kind, resource: check.resource, detail: check.explainAllowed(judged.intersection(check.region)))
        }
        let blockers = checks.compactMap { check -> Blocker? in
            let missing = wantedRegion.subtracting(check.region).subtracting(check.undecided)
            guard !missing.isEmpty else { return nil }
            let (detail, fix) = check.explainBlocked(missing)
            return Blocker(kind: check.kind, resource: check.resource, detail: detail, fix: fix)
        }
        for endpoint in [source, destination] where endpoint.placementEstimated {
            notes.append(endpoint.placementNote ?? "\(endpoint.label) has no network interface in the snapshot; placed in \(endpoint.subnetId ?? "?") with its security groups")
        }
        var result = FlowResult(source: source, destination: destination, ipProtocol: proto, allowed: allowed, path: path,
                                blockers: blockers, unknowns: unknowns, notes: notes, verdict: verdict)
        result.undecided = partly
        return result
    }
}
