import NetModel

/// The oracle of the property test: walks one concrete packet (and its reply) through an inventory
/// the way AWS documents it. Written from the AWS documentation, independently of the solver
/// (Sources/Reachability): it shares only the model types.
struct PacketWalk {
    /// One end of a packet: an interface (at its primary private IPv4, or its IPv6 address toward an IPv6 peer), or an internet host.
    enum End: Hashable, CustomStringConvertible {
        case interface(String)
        case internet(IPAddress)

        var description: String {
            switch self {
            case .interface(let id): id
            case .internet(let address): "internet \(address)"
            }
        }
    }

    /// Reachable, or the first hop that drops the packet or its reply.
    struct Verdict: Hashable, CustomStringConvertible {
        var reachable: Bool
        var reason: String
        static let ok = Verdict(reachable: true, reason: "reachable")
        static func drop(_ why: String) -> Verdict { Verdict(reachable: false, reason: why) }
        var description: String { reachable ? "reachable" : "blocked: \(reason)" }
    }

    /// Thrown inside a walk at the first hop that drops the packet.
    struct Dropped: Error { var why: String }

    let net: WalkIndex

    init(_ inventory: Inventory) { net = WalkIndex(inventory) }

    /// Walks a packet of `proto` to destination port `port` from `from` to `to`, and its reply.
    func walk(from: End, to: End, proto: IPProtocol, port: Int) -> Verdict {
        do {
            switch (from, to) {
            case (.interface(let a), .interface(let b)): try betweenInterfaces(a, b, proto, port)
            case (.interface(let a), .internet(let x)): try outbound(a, x, proto, port)
            case (.internet(let x), .interface(let b)): try inbound(x, b, proto, port)
            case (.internet, .internet): throw Dropped(why: "internet to internet is not asked")
            }
            return .ok
        } catch let error as Dropped {
            return .drop(error.why)
        } catch {
            return .drop("\(error)")
        }
    }

    private func interface(_ id: String) throws -> NetworkInterface {
        guard let eni = net.interfaces[id] else { throw Dropped(why: "\(id) is not in the inventory") }
        return eni
    }

    private func primaryV4(_ eni: NetworkInterface) throws -> IPAddress {
        guard let text = eni.privateAddresses.first(where: \.primary)?.address ?? eni.privateAddresses.first?.address,
              let address = IPAddress(text) else { throw Dropped(why: "\(eni.id) has no private IPv4 address") }
        return address
    }

    /// What a destination interface itself accepts, before its security groups: AWS "NAT gateways"
    /// (a NAT gateway accepts no connections to itself) and "Listeners for your Network Load Balancers".
    private func acceptsAsDestination(_ eni: NetworkInterface, _ proto: IPProtocol, _ port: Int) throws {
        if case .natGateway = eni.owner { throw Dropped(why: "\(eni.id) is a NAT gateway: it accepts no connections") }
        if case .loadBalancer(let name) = eni.owner {
            guard let lb = net.loadBalancers[name] else { throw Dropped(why: "load balancer \(name) is not in the inventory") }
            let accepts = lb.listeners.contains { l in
                guard l.port == port else { return false }
                switch l.protocolName.uppercased() {
                case "TCP", "TLS", "HTTP", "HTTPS": return proto == .tcp
                case "UDP": return proto == .udp
                case "TCP_UDP": return proto == .tcp || proto == .udp
                default: return false
                }
            }
            if !accepts { throw Dropped(why: "\(name) has no \(proto) listener on \(port)") }
        }
    }

    /// Security groups of an interface. AWS "Security groups for your Network Load Balancer": an NLB
    /// without security groups does not filter; every other interface has at least one group.
    private func groupsAllow(_ eni: NetworkInterface, egress: Bool, _ proto: IPProtocol, _ port: Int,
                             peer: IPAddress, peerGroups: Set<String>?) throws {
        if case .loadBalancer = eni.owner, eni.securityGroupIds.isEmpty { return }
        let rules = WalkRules(net)
        if !rules.securityGroupsAllow(eni.securityGroupIds, egress: egress, proto: proto, port: port, peer: peer, peerGroups: peerGroups) {
            throw Dropped(why: "security groups of \(eni.id) deny \(egress ? "egress to" : "ingress from") \(peer) \(proto)/\(port)")
        }
    }

    private func nacl(_ subnet: String, egress: Bool, _ proto: IPProtocol, peer: IPAddress, port: Int) -> Bool {
        WalkRules(net).naclAllows(subnet: subnet, egress: egress, proto: proto, peer: peer, port: port)
    }

    private func naclOrDrop(_ subnet: String, egress: Bool, _ proto: IPProtocol, peer: IPAddress, port: Int) throws {
        if !nacl(subnet, egress: egress, proto, peer: peer, port: port) {
            throw Dropped(why: "NACL of \(subnet) denies \(egress ? "outbound to" : "inbound from") \(peer) \(proto)/\(port)")
        }
    }

    /// Return traffic goes to the client's ephemeral port: AWS "Network ACLs" (ephemeral ports) — it is
    /// enough that one port of 1024-65535 passes every listed (subnet, direction, peer) check at once.
    private func someEphemeralPort(_ checks: [(subnet: String, egress: Bool, peer: IPAddress)], _ proto: IPProtocol) throws {
        guard !checks.isEmpty else { return }
        // Piecewise constant between entry bounds: those bounds (and their neighbours) are the only ports to try.
        var candidates: Set<Int> = [1024, 65535]
        for check in checks {
            for entry in net.acls[check.subnet]?.entries ?? [] {
                guard let r = entry.portRange else { continue }
                for p in [r.lower - 1, r.lower, r.upper, r.upper + 1] where (1024...65535).contains(p) { candidates.insert(p) }
            }
        }
        let ok = candidates.sorted().contains { port in
            checks.allSatisfy { nacl($0.subnet, egress: $0.egress, proto, peer: $0.peer, port: port) }
        }
        if !ok {
            let list = checks.map { "\($0.subnet) \($0.egress ? "out to" : "in from") \($0.peer)" }.joined(separator: ", ")
            throw Dropped(why: "no ephemeral port passes the return NACLs (\(list))")
        }
    }

    // MARK: between two interfaces

    private func betweenInterfaces(_ aId: String, _ bId: String, _ proto: IPProtocol, _ port: Int) throws {
        let a = try interface(aId), b = try interface(bId)
        let aAddr = try primaryV4(a), bAddr = try primaryV4(b)
        try acceptsAsDestination(b, proto, port)
        // Forward: the source subnet's routes decide where the packet goes (AWS "Route priority", "Route tables").
        let referencesApply = try WalkRouting(net).deliver(fromSubnet: a.subnetId, fromVPC: a.vpcId, to: bAddr, inVPC: b.vpcId)
        // AWS "Security group rules": a group reference matches in the same VPC or across a same-region peering connection.
        let aGroups = referencesApply ? Set(a.securityGroupIds) : nil
        let bGroups = referencesApply ? Set(b.securityGroupIds) : nil
        try groupsAllow(a, egress: true, proto, port, peer: bAddr, peerGroups: bGroups)
        // AWS "Network ACLs": evaluated when traffic enters or leaves a subnet, not within one.
        let crosses = a.subnetId != b.subnetId
        if crosses {
            try naclOrDrop(a.subnetId, egress: true, proto, peer: bAddr, port: port)
            try naclOrDrop(b.subnetId, egress: false, proto, peer: aAddr, port: port)
        }
        try groupsAllow(b, egress: false, proto, port, peer: aAddr, peerGroups: aGroups)
        // The reply: security groups are stateful, NACLs are not, and routes are looked up again from the destination.
        _ = try WalkRouting(net).deliver(fromSubnet: b.subnetId, fromVPC: b.vpcId, to: aAddr, inVPC: a.vpcId, reply: true)
        if crosses {
            try someEphemeralPort([(b.subnetId, true, aAddr), (a.subnetId, false, bAddr)], proto)
        }
    }

    // MARK: the internet

    /// The interface's address toward an internet host: its primary private IPv4, or its IPv6 address
    /// (AWS "IP addressing for your VPCs and subnets": IPv6 addresses are globally unique, no translation).
    private func localAddress(_ eni: NetworkInterface, toward x: IPAddress) throws -> IPAddress {
        if x.isV4 { return try primaryV4(eni) }
        guard let text = eni.ipv6Addresses.first, let v6 = IPAddress(text) else { throw Dropped(why: "\(eni.id) has no IPv6 address") }
        return v6
    }

    private func outbound(_ aId: String, _ x: IPAddress, _ proto: IPProtocol, _ port: Int) throws {
        let a = try interface(aId)
        let src = try localAddress(a, toward: x)
        try groupsAllow(a, egress: true, proto, port, peer: x, peerGroups: nil)
        let routing = WalkRouting(net)
        let route = try routing.activeRoute(subnet: a.subnetId, to: x)
        switch route.target {
        case .internetGateway(let igw):
            // AWS "Enable internet access for a VPC using an internet gateway": IPv4 needs a public address on the interface.
            guard net.igwsByVPC[a.vpcId, default: []].contains(igw) else { throw Dropped(why: "\(igw) is not attached to \(a.vpcId)") }
            if x.isV4 && a.privateAddresses.first(where: { IPAddress($0.address) == src })?.publicIp == nil {
                throw Dropped(why: "\(a.id) has no public IPv4 address for \(igw)")
            }
        case .egressOnlyInternetGateway(let eigw):
            // AWS "Egress-only internet gateways": IPv6 outbound and its replies only.
            guard !x.isV4, net.eigwsByVPC[a.vpcId, default: []].contains(eigw) else { throw Dropped(why: "\(eigw) does not serve \(x) from \(a.vpcId)") }
        case .natGateway(let natId):
            try throughNAT(a, src, natId, x, proto, port)
            return
        default:
            throw Dropped(why: "\(a.subnetId) routes \(x) to \(route.target), not to the internet")
        }
        try naclOrDrop(a.subnetId, egress: true, proto, peer: x, port: port)
        try someEphemeralPort([(a.subnetId, false, x)], proto)
    }

    /// AWS "NAT gateways": a public NAT gateway in a subnet routing to an internet gateway translates
    /// the source; the NAT gateway's subnet NACLs see both legs, and it picks its own source port.
    private func throughNAT(_ a: NetworkInterface, _ src: IPAddress, _ natId: String, _ x: IPAddress, _ proto: IPProtocol, _ port: Int) throws {
        guard x.isV4 else { throw Dropped(why: "\(natId) does not translate IPv6") }
        guard let nat = net.nats[natId] else { throw Dropped(why: "\(natId) is not in the inventory") }
        guard nat.state == "available", nat.connectivityType == "public",
              nat.addresses.contains(where: { $0.publicIp != nil }) else { throw Dropped(why: "\(natId) is not an available public NAT gateway") }
        let natRoute = try WalkRouting(net).activeRoute(subnet: nat.subnetId, to: x)
        guard case .internetGateway(let igw) = natRoute.target, net.igwsByVPC[nat.vpcId, default: []].contains(igw) else {
            throw Dropped(why: "the subnet of \(natId) does not route \(x) to an attached internet gateway")
        }
        let crosses = nat.subnetId != a.subnetId
        if crosses {
            try naclOrDrop(a.subnetId, egress: true, proto, peer: x, port: port)
            try naclOrDrop(nat.subnetId, egress: false, proto, peer: src, port: port)
        }
        try naclOrDrop(nat.subnetId, egress: true, proto, peer: x, port: port)
        try someEphemeralPort([(nat.subnetId, false, x)], proto)
        if crosses {
            try someEphemeralPort([(nat.subnetId, true, src), (a.subnetId, false, x)], proto)
        }
    }

    private func inbound(_ x: IPAddress, _ bId: String, _ proto: IPProtocol, _ port: Int) throws {
        let b = try interface(bId)
        if case .natGateway = b.owner { throw Dropped(why: "\(b.id) is a NAT gateway: outbound only") }
        let dst = try localAddress(b, toward: x)
        // IPv4 from the internet reaches a public address the internet gateway maps to the private one; IPv6 needs no mapping.
        if x.isV4, b.privateAddresses.first(where: { IPAddress($0.address) == dst })?.publicIp == nil {
            throw Dropped(why: "\(b.id) has no public IPv4 address")
        }
        guard !net.igwsByVPC[b.vpcId, default: []].isEmpty else { throw Dropped(why: "\(b.vpcId) has no internet gateway") }
        try acceptsAsDestination(b, proto, port)
        try naclOrDrop(b.subnetId, egress: false, proto, peer: x, port: port)
        try groupsAllow(b, egress: false, proto, port, peer: x, peerGroups: nil)
        // The reply must leave through an internet gateway (an egress-only gateway or NAT would not carry it back).
        let back = try WalkRouting(net).activeRoute(subnet: b.subnetId, to: x)
        guard case .internetGateway(let igw) = back.target, net.igwsByVPC[b.vpcId, default: []].contains(igw) else {
            throw Dropped(why: "\(b.subnetId) sends replies to \(x) via \(back.target), not an internet gateway")
        }
        try someEphemeralPort([(b.subnetId, true, x)], proto)
    }
}
