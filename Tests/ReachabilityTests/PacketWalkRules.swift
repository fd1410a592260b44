import NetModel

/// The inventory looked up by ID for the packet walk (built from the model alone, not the solver's Topology).
struct WalkIndex {
    let inventory: Inventory
    let interfaces: [String: NetworkInterface]
    let vpcs: [String: VPC]
    let groups: [String: SecurityGroup]
    let acls: [String: NetworkACL]
    /// Each subnet's NACL entries per direction (egress true/false), lowest rule number first.
    let orderedEntries: [String: [Bool: [NetworkACLEntry]]]
    let tables: [String: RouteTable]
    let igwsByVPC: [String: Set<String>]
    let eigwsByVPC: [String: Set<String>]
    let nats: [String: NATGateway]
    let peerings: [String: VPCPeeringConnection]
    let loadBalancers: [String: LoadBalancer]

    init(_ inv: Inventory) {
        inventory = inv
        func byId<T: Identifiable>(_ items: [T]) -> [String: T] where T.ID == String {
            Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        interfaces = byId(inv.networkInterfaces)
        vpcs = byId(inv.vpcs)
        groups = byId(inv.securityGroups)
        nats = byId(inv.natGateways)
        peerings = byId(inv.vpcPeeringConnections)
        loadBalancers = Dictionary(inv.loadBalancers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var acls: [String: NetworkACL] = [:]
        for acl in inv.networkACLs { for s in acl.subnetIds { acls[s] = acl } }
        self.acls = acls
        orderedEntries = acls.mapValues { acl in
            Dictionary(grouping: acl.entries, by: \.egress).mapValues { $0.sorted { $0.ruleNumber < $1.ruleNumber } }
        }
        // AWS "Route tables": a subnet uses the table explicitly associated with it, else its VPC's main table.
        var tables: [String: RouteTable] = [:]
        for subnet in inv.subnets {
            let explicit = inv.routeTables.first { $0.associations.contains { $0.subnetId == subnet.id } }
            let main = inv.routeTables.first { $0.vpcId == subnet.vpcId && $0.associations.contains { $0.isMain } }
            if let table = explicit ?? main { tables[subnet.id] = table }
        }
        self.tables = tables
        var igws: [String: Set<String>] = [:], eigws: [String: Set<String>] = [:]
        for g in inv.internetGateways { for v in g.attachedVpcIds { igws[v, default: []].insert(g.id) } }
        for g in inv.egressOnlyInternetGateways { for v in g.attachedVpcIds { eigws[v, default: []].insert(g.id) } }
        igwsByVPC = igws
        eigwsByVPC = eigws
    }

    /// The CIDRs a route destination stands for (a managed prefix list's entries).
    func prefixes(_ destination: RouteDestination) -> [IPPrefix] {
        switch destination {
        case .cidr(let p): [p]
        case .prefixList(let id): inventory.prefixLists.first { $0.id == id }?.entries ?? []
        }
    }
}

/// Security group and network ACL rules applied to one packet.
struct WalkRules {
    let net: WalkIndex

    init(_ net: WalkIndex) { self.net = net }

    /// AWS "Security group rules": allow rules only; a packet passes when any rule of any group matches
    /// its protocol, port and peer (a CIDR of the peer's family, or a group the peer interface is in).
    func securityGroupsAllow(_ ids: [String], egress: Bool, proto: IPProtocol, port: Int, peer: IPAddress, peerGroups: Set<String>?) -> Bool {
        for id in ids {
            guard let group = net.groups[id] else { continue }
            for rule in egress ? group.egress : group.ingress {
                guard rule.ipProtocol == .all || rule.ipProtocol == proto else { continue }
                if rule.ipProtocol != .all, proto == .tcp || proto == .udp, let from = rule.fromPort, let to = rule.toPort, from >= 0,
                   !(from...max(from, to)).contains(port) { continue }
                switch rule.peer {
                case .cidr(let prefix): if prefix.contains(peer) { return true }
                case .securityGroup(let ref): if peerGroups?.contains(ref.groupId) == true { return true }
                case .prefixList(let id): if net.prefixes(.prefixList(id)).contains(where: { $0.contains(peer) }) { return true }
                }
            }
        }
        return false
    }

    /// AWS "Network ACLs" (network ACL rules): entries of one direction in ascending rule number, the first
    /// whose CIDR (of the packet's family), protocol and destination port match decides; none matching denies.
    func naclAllows(subnet: String, egress: Bool, proto: IPProtocol, peer: IPAddress, port: Int) -> Bool {
        guard let entries = net.orderedEntries[subnet] else { return false }
        for entry in entries[egress] ?? [] {
            guard entry.cidr.contains(peer) else { continue }
            guard entry.ipProtocol == .all || entry.ipProtocol == proto else { continue }
            if entry.ipProtocol != .all, let range = entry.portRange, !range.contains(port) { continue }
            return entry.action == .allow
        }
        return false
    }
}

/// Routing of one packet from a subnet: VPC route tables, peering and transit gateways.
struct WalkRouting {
    let net: WalkIndex

    init(_ net: WalkIndex) { self.net = net }

    /// AWS "Route priority": the most specific matching route of the subnet's table; a blackhole drops.
    func activeRoute(subnet: String, to address: IPAddress) throws -> Route {
        guard let table = net.tables[subnet] else { throw PacketWalk.Dropped(why: "\(subnet) has no route table") }
        var best: (Int, Route)?
        for route in table.routes {
            for p in net.prefixes(route.destination) where p.contains(address) && p.length > (best?.0 ?? -1) { best = (p.length, route) }
        }
        guard let route = best?.1 else { throw PacketWalk.Dropped(why: "\(table.id) has no route for \(address)") }
        guard route.state == .active else { throw PacketWalk.Dropped(why: "\(table.id) routes \(address) to a blackhole") }
        return route
    }

    /// Carries a packet from a subnet to `address` in `vpc`; says whether security group references apply on the way.
    func deliver(fromSubnet subnet: String, fromVPC: String, to address: IPAddress, inVPC vpc: String, reply: Bool = false) throws -> Bool {
        let route = try activeRoute(subnet: subnet, to: address)
        let within = net.vpcs[vpc]?.cidrBlocks.contains { $0.contains(address) } ?? false
        guard within else { throw PacketWalk.Dropped(why: "\(address) is not in \(vpc)") }
        switch route.target {
        case .local:
            guard fromVPC == vpc else { throw PacketWalk.Dropped(why: "the local route of \(fromVPC) does not reach \(vpc)") }
            return true
        case .vpcPeering(let id):
            // AWS "VPC peering": an active connection between exactly these two VPCs, routes on both sides.
            guard let pcx = net.peerings[id], pcx.status == "active",
                  Set([pcx.requester.vpcId, pcx.accepter.vpcId]) == Set([fromVPC, vpc]) else {
                throw PacketWalk.Dropped(why: "\(id) is not an active peering between \(fromVPC) and \(vpc)\(reply ? " (reply)" : "")")
            }
            return pcx.requester.region == pcx.accepter.region
        case .transitGateway(let id):
            try throughTransitGateway(id, fromVPC: fromVPC, to: address, inVPC: vpc)
            // Transit gateways don't carry security group references by default (no SecurityGroupReferencingSupport modelled).
            return false
        default:
            throw PacketWalk.Dropped(why: "\(subnet) routes \(address) to \(route.target)\(reply ? " (reply)" : "")")
        }
    }

    /// AWS "Transit gateway route tables": the source VPC's attachment uses its associated table; routes are the
    /// static ones plus, for every enabled propagation, the propagating VPC's CIDRs; the most specific wins and
    /// a static route beats a propagated one for the same destination ("Route evaluation order").
    func throughTransitGateway(_ tgw: String, fromVPC: String, to address: IPAddress, inVPC vpc: String) throws {
        let inv = net.inventory
        guard let attachment = inv.transitGatewayAttachments.first(where: {
            $0.transitGatewayId == tgw && $0.resourceType == "vpc" && $0.resourceId == fromVPC && $0.state == "available"
        }) else { throw PacketWalk.Dropped(why: "\(fromVPC) has no available attachment to \(tgw)") }
        let table = inv.transitGatewayRouteTables.first { $0.transitGatewayId == tgw && ($0.associatedAttachmentIds ?? []).contains(attachment.id) }
            ?? inv.transitGatewayRouteTables.first { $0.id == attachment.associatedRouteTableId }
        guard let table else { throw PacketWalk.Dropped(why: "\(attachment.id) is associated with no route table") }
        var candidates: [(prefix: IPPrefix, isStatic: Bool, route: TransitGatewayRoute)] = []
        for route in table.routes where table.propagations == nil || route.type != "propagated" {
            for p in net.prefixes(route.destination) { candidates.append((p, route.type != "propagated", route)) }
        }
        for propagation in table.propagations ?? [] where propagation.state == "enabled" {
            guard let source = inv.transitGatewayAttachments.first(where: { $0.id == propagation.attachmentId }), source.resourceType == "vpc",
                  let cidrs = source.resourceId.flatMap({ net.vpcs[$0] })?.cidrBlocks else { continue }
            for p in cidrs {
                candidates.append((p, false, TransitGatewayRoute(destination: .cidr(p), attachmentIds: [source.id], type: "propagated")))
            }
        }
        let matching = candidates.filter { $0.prefix.contains(address) }
        guard let best = matching.max(by: { ($0.prefix.length, $0.isStatic ? 1 : 0) < ($1.prefix.length, $1.isStatic ? 1 : 0) }) else {
            throw PacketWalk.Dropped(why: "\(table.id) has no route for \(address)")
        }
        guard best.route.state == .active else { throw PacketWalk.Dropped(why: "\(table.id) routes \(address) to a blackhole") }
        let next = best.route.attachmentIds.compactMap { id in inv.transitGatewayAttachments.first { $0.id == id } }.first
        guard let next, next.state == "available", next.resourceType == "vpc", next.resourceId == vpc else {
            throw PacketWalk.Dropped(why: "\(table.id) sends \(address) to \(best.route.attachmentIds), not \(vpc)'s attachment")
        }
    }
}
