import NetModel

/// One generated topology and what to ask of it.
struct GeneratedTopology {
    var seed: UInt64
    var inventory: Inventory
    /// Interfaces asked as sources (every interface but NAT gateways', which originate nothing).
    var sources: [String]
    /// Interfaces asked as destinations.
    var destinations: [String]
    /// Internet hosts asked both ways.
    var internetHosts: [IPAddress]
    /// The instance owning each interface, for telling apart two interfaces of one instance.
    var instanceOf: [String: String]
}

/// Builds small random AWS topologies from a seed: 2-4 VPCs of 2-6 subnets, dual-stack blocks, instances
/// (some with two interfaces), NAT and internet gateways, peering, a transit gateway with static and propagated
/// routes, NLBs, random security group rules and NACLs. Addresses follow fixed patterns so that output reads easily:
/// VPC i is 10.i.0.0/16 (and 2600:1f18:i::/56), its subnet j 10.i.j.0/24.
struct TopologyGenerator {
    let features: TopologyFeatures
    var rng: SeededRandom
    var inv = Inventory()
    let scope = ResourceScope(account: "111111111111", region: "us-east-1")
    var sources: [String] = []
    var destinations: [String] = []
    var instanceOf: [String: String] = [:]
    /// Per VPC: its subnets (not the TGW subnet) and whether they are dual-stack.
    var subnetsOf: [[(id: String, index: Int, v6: Bool)]] = []
    var groupsOf: [[String]] = []

    static let internetV4 = ["8.8.8.8", "203.0.113.9"].compactMap { IPAddress($0) }
    static let internetV6 = ["2001:4860::8888", "2a05:d000::1"].compactMap { IPAddress($0) }

    init(seed: UInt64, features: TopologyFeatures) {
        self.features = features
        rng = SeededRandom(seed: seed)
        self.seed = seed
    }

    let seed: UInt64

    static func make(seed: UInt64, features: TopologyFeatures) -> GeneratedTopology {
        var g = TopologyGenerator(seed: seed, features: features)
        return g.build()
    }

    func cidr(_ text: String) -> IPPrefix { IPPrefix(text) ?? .anyV4 }
    func vpcId(_ i: Int) -> String { "vpc-\(i)" }
    func v4(_ i: Int) -> IPPrefix { cidr("10.\(i).0.0/16") }
    func v6(_ i: Int) -> IPPrefix { cidr("2600:1f18:\(i)::/56") }
    func hasV6(_ i: Int) -> Bool { inv.vpcs[i - 1].cidrBlocks.contains { !$0.isV4 } }

    mutating func build() -> GeneratedTopology {
        let vpcCount = rng.int(2...4)
        for i in 1...vpcCount { addVPC(i) }
        addGroups()
        let peerings = features.peering ? addPeerings(vpcCount) : [:]
        let attached = features.transitGateway ? addTransitGateway(vpcCount) : []
        for i in 1...vpcCount { addRouteTables(i, vpcCount: vpcCount, peerings: peerings, attached: attached) }
        for i in 1...vpcCount { addInterfaces(i) }
        var hosts = TopologyGenerator.internetV4
        if features.ipv6Internet { hosts += TopologyGenerator.internetV6 }
        return GeneratedTopology(seed: seed, inventory: inv, sources: sources, destinations: destinations, internetHosts: hosts, instanceOf: instanceOf)
    }

    // MARK: VPCs, subnets, gateways, security groups, NACLs

    mutating func addVPC(_ i: Int) {
        let dual = features.dualStack && rng.chance(0.7)
        inv.vpcs.append(VPC(id: vpcId(i), scope: scope, cidrBlocks: dual ? [v4(i), v6(i)] : [v4(i)], tags: ["Name": "vpc\(i)"]))
        var subnets: [(String, Int, Bool)] = []
        for j in 1...rng.int(2...6) {
            let v6Subnet = dual && rng.chance(0.7)
            let id = "subnet-\(i)\(j)"
            var blocks = [cidr("10.\(i).\(j).0/24")]
            if v6Subnet { blocks.append(cidr("2600:1f18:\(i):\(j)::/64")) }
            inv.subnets.append(Subnet(id: id, scope: scope, vpcId: vpcId(i), cidrBlocks: blocks, availabilityZone: "us-east-1a"))
            subnets.append((id, j, v6Subnet))
        }
        subnetsOf.append(subnets)
        if rng.chance(0.7) { inv.internetGateways.append(InternetGateway(id: "igw-\(i)", scope: scope, attachedVpcIds: [vpcId(i)])) }
        if dual && features.egressOnlyGateways && rng.chance(0.5) {
            inv.egressOnlyInternetGateways.append(EgressOnlyInternetGateway(id: "eigw-\(i)", scope: scope, attachedVpcIds: [vpcId(i)]))
        }
        let groups = (1...rng.int(2...4)).map { "sg-\(i)\($0)" }
        groupsOf.append(groups)
        addACLs(i, dual: dual)
    }

    /// Security groups are made once every VPC exists, so rules may reference groups and blocks of other VPCs.
    mutating func addGroups() {
        for (index, groups) in groupsOf.enumerated() {
            let i = index + 1
            for id in groups {
                let ingress = (0..<rng.int(1...4)).map { _ in rule(i) }
                let openEgress = rng.chance(0.7)
                var egress = openEgress ? [SecurityGroupRule(ipProtocol: .all, peer: .cidr(.anyV4))] : (0..<rng.int(1...3)).map { _ in rule(i) }
                if openEgress && hasV6(i) { egress.append(SecurityGroupRule(ipProtocol: .all, peer: .cidr(.anyV6))) }
                inv.securityGroups.append(SecurityGroup(id: id, scope: scope, name: id, vpcId: vpcId(i), ingress: ingress, egress: egress))
            }
        }
    }

    mutating func rule(_ i: Int) -> SecurityGroupRule {
        let ports: [(IPProtocol, Int?, Int?)] = [(.tcp, 22, 22), (.tcp, 443, 443), (.tcp, 3306, 3306), (.tcp, 0, 1023), (.tcp, 1024, 65535),
                                                 (.tcp, 20, 25), (.udp, 53, 53), (.udp, 0, 65535), (.all, nil, nil)]
        let (proto, from, to) = rng.pick(ports) ?? (.all, nil, nil)
        var peers: [RulePeer] = [.cidr(.anyV4), .cidr(cidr("8.8.8.0/24")), .cidr(cidr("203.0.113.0/24")), .cidr(cidr("10.0.0.0/8")), .cidr(v4(i)),
                                 .cidr(v4(rng.int(1...inv.vpcs.count))), .cidr(cidr("10.\(i).\(rng.int(1...3)).0/24")),
                                 .cidr(cidr("10.\(rng.int(1...inv.vpcs.count)).\(rng.int(1...3)).10/32"))]
        let allGroups = groupsOf.flatMap { $0 }
        for _ in 0..<3 { if let g = rng.pick(allGroups) { peers.append(.securityGroup(SecurityGroupReference(groupId: g))) } }
        if hasV6(i) { peers += [.cidr(.anyV6), .cidr(cidr("2001:4860::/32")), .cidr(v6(i))] }
        return SecurityGroupRule(ipProtocol: proto, fromPort: from, toPort: to, peer: rng.pick(peers) ?? .cidr(.anyV4))
    }

    /// The VPC's default NACL (allow all, IPv6 too) and 1-2 custom NACLs of random numbered entries.
    mutating func addACLs(_ i: Int, dual: Bool) {
        var openEntries: [NetworkACLEntry] = [true, false].flatMap { egress in
            [NetworkACLEntry(ruleNumber: 100, egress: egress, ipProtocol: .all, action: .allow, cidr: .anyV4)]
                + (dual ? [NetworkACLEntry(ruleNumber: 101, egress: egress, ipProtocol: .all, action: .allow, cidr: .anyV6)] : [])
        }
        openEntries.sort { ($0.egress ? 1 : 0, $0.ruleNumber) < ($1.egress ? 1 : 0, $1.ruleNumber) }
        let subnets = subnetsOf[i - 1].map(\.id)
        let custom = (1...rng.int(1...2)).map { "acl-\(i)\($0)" }
        var members: [String: [String]] = [:]
        var defaults: [String] = ["subnet-\(i)tgw"]
        for s in subnets {
            if rng.chance(0.45) { defaults.append(s) } else if let acl = rng.pick(custom) { members[acl, default: []].append(s) }
        }
        inv.networkACLs.append(NetworkACL(id: "acl-\(i)0", scope: scope, vpcId: vpcId(i), isDefault: true, entries: openEntries, subnetIds: defaults))
        for id in custom where members[id] != nil {
            let entries = [true, false].flatMap { egress in aclEntries(i, egress: egress, dual: dual) }
            inv.networkACLs.append(NetworkACL(id: id, scope: scope, vpcId: vpcId(i), entries: entries, subnetIds: members[id] ?? []))
        }
    }

    mutating func aclEntries(_ i: Int, egress: Bool, dual: Bool) -> [NetworkACLEntry] {
        var ranges: [PortRange] = [PortRange(22, 22), PortRange(443, 443), PortRange(3306, 3306), PortRange(53, 53), PortRange(0, 1023), PortRange(1024, 65535)]
        if features.splitEphemeralACLs { ranges += [PortRange(1024, 2047), PortRange(32768, 65535)] }
        var cidrs = [IPPrefix.anyV4, cidr("10.0.0.0/8"), v4(i), v4(rng.int(1...inv.vpcs.count)), cidr("10.\(i).\(rng.int(1...3)).0/24"), cidr("8.8.8.0/24")]
        if dual { cidrs += [.anyV6, v6(i), cidr("2001:4860::/32")] }
        var numbers = Set<Int>()
        var out: [NetworkACLEntry] = []
        for _ in 0..<rng.int(1...4) {
            let number = rng.int(1...30) * 10
            guard numbers.insert(number).inserted else { continue }
            let proto: IPProtocol = rng.chance(0.5) ? .tcp : rng.chance(0.3) ? .udp : .all
            out.append(NetworkACLEntry(ruleNumber: number, egress: egress, ipProtocol: proto, action: rng.chance(0.65) ? .allow : .deny,
                                       cidr: rng.pick(cidrs) ?? .anyV4, portRange: proto == .all ? nil : rng.pick(ranges)))
        }
        // Sometimes TCP passes only below 1024 and on part of the ephemeral range, so two NACLs may admit disjoint return ports.
        let split = features.splitEphemeralACLs && rng.chance(0.3)
        if split {
            out.append(NetworkACLEntry(ruleNumber: 390, egress: egress, ipProtocol: .tcp, action: .allow, cidr: .anyV4, portRange: PortRange(0, 1023)))
            out.append(NetworkACLEntry(ruleNumber: 395, egress: egress, ipProtocol: .tcp, action: .allow, cidr: .anyV4,
                                       portRange: rng.chance(0.5) ? PortRange(1024, 2047) : PortRange(32768, 65535)))
        }
        // Often a catch-all allow after the specific entries, so that some traffic passes.
        if !split && rng.chance(0.6) { out.append(NetworkACLEntry(ruleNumber: 400, egress: egress, ipProtocol: .all, action: .allow, cidr: .anyV4)) }
        if dual && rng.chance(0.6) { out.append(NetworkACLEntry(ruleNumber: 401, egress: egress, ipProtocol: .all, action: .allow, cidr: .anyV6)) }
        return out
    }

    // MARK: peering and the transit gateway

    mutating func addPeerings(_ n: Int) -> [Set<Int>: String] {
        var out: [Set<Int>: String] = [:]
        for a in 1...n { for b in (a + 1)...max(a + 1, n) where b <= n && rng.chance(0.45) {
            let id = "pcx-\(a)\(b)"
            func side(_ v: Int) -> PeeringSide { PeeringSide(vpcId: vpcId(v), ownerId: scope.account, region: scope.region, cidrBlocks: [v4(v)]) }
            inv.vpcPeeringConnections.append(VPCPeeringConnection(id: id, scope: scope, status: rng.chance(0.8) ? "active" : "pending-acceptance",
                                                                  requester: side(a), accepter: side(b)))
            out[[a, b]] = id
        } }
        return out
    }

    /// Attaches some VPCs (each through its own TGW subnet) and fills one or two TGW route tables.
    mutating func addTransitGateway(_ n: Int) -> Set<Int> {
        let attached = Set((1...n).filter { _ in rng.chance(0.75) })
        guard attached.count >= 2 else { return [] }
        let tables = features.tgwAsymmetric && rng.chance(0.6) ? ["tgw-rtb-a", "tgw-rtb-b"] : ["tgw-rtb-a"]
        inv.transitGateways.append(TransitGateway(id: "tgw-1", scope: scope, associationDefaultRouteTableId: tables[0], propagationDefaultRouteTableId: tables[0]))
        var associated: [String: [String]] = [:]
        for i in attached.sorted() {
            let table = rng.pick(tables) ?? tables[0]
            let id = "tgw-attach-\(i)"
            inv.subnets.append(Subnet(id: "subnet-\(i)tgw", scope: scope, vpcId: vpcId(i), cidrBlocks: [cidr("10.\(i).100.0/24")]))
            inv.transitGatewayAttachments.append(TransitGatewayAttachment(id: id, scope: scope, transitGatewayId: "tgw-1", resourceType: "vpc",
                                                                          resourceId: vpcId(i), state: rng.chance(0.9) ? "available" : "deleting",
                                                                          associatedRouteTableId: table, subnetIds: ["subnet-\(i)tgw"]))
            associated[table, default: []].append(id)
        }
        for tableId in tables {
            var table = TransitGatewayRouteTable(id: tableId, scope: scope, transitGatewayId: "tgw-1", routesKnown: true)
            table.associatedAttachmentIds = associated[tableId] ?? []
            var propagations: [TransitGatewayPropagation] = []
            for i in attached.sorted() {
                let attachment = "tgw-attach-\(i)"
                let blocks = inv.vpcs[i - 1].cidrBlocks
                let roll = rng.int(0...99)
                if features.tgwPropagation && roll < 60 {
                    propagations.append(TransitGatewayPropagation(attachmentId: attachment, resourceType: "vpc", resourceId: vpcId(i)))
                    table.routes += blocks.map { TransitGatewayRoute(destination: .cidr($0), attachmentIds: [attachment], type: "propagated") }
                    // A static route for the same block wins over the propagated one (AWS "Route evaluation order"), listed after it.
                    if features.tgwStaticOverridesPropagated && rng.chance(0.2), let other = rng.pick(attached.sorted().filter { $0 != i }) {
                        table.routes.append(TransitGatewayRoute(destination: .cidr(v4(i)), attachmentIds: rng.chance(0.5) ? ["tgw-attach-\(other)"] : [],
                                                                state: rng.chance(0.5) ? .active : .blackhole))
                    }
                } else if features.tgwPropagation && roll < 75 {
                    propagations.append(TransitGatewayPropagation(attachmentId: attachment, resourceType: "vpc", resourceId: vpcId(i), state: "disabled"))
                } else if roll < 90 {
                    table.routes += blocks.map { TransitGatewayRoute(destination: .cidr($0), attachmentIds: [attachment]) }
                }
            }
            if rng.chance(0.3), let i = rng.pick(attached.sorted()) {
                table.routes.append(TransitGatewayRoute(destination: .cidr(cidr("10.0.0.0/8")), attachmentIds: ["tgw-attach-\(i)"]))
            }
            if rng.chance(0.3), let i = rng.pick(attached.sorted()) {
                table.routes.append(TransitGatewayRoute(destination: .cidr(cidr("10.\(i).\(rng.int(1...3)).0/24")), attachmentIds: [], state: .blackhole))
            }
            if features.tgwPropagation { table.propagations = propagations }
            inv.transitGatewayRouteTables.append(table)
        }
        return attached
    }

    // MARK: route tables

    mutating func addRouteTables(_ i: Int, vpcCount: Int, peerings: [Set<Int>: String], attached: Set<Int>) {
        let hasIGW = inv.internetGateways.contains { $0.id == "igw-\(i)" }
        let hasEIGW = inv.egressOnlyInternetGateways.contains { $0.id == "eigw-\(i)" }
        var natId: String?
        if features.natGateways && hasIGW && rng.chance(0.6), let subnet = rng.pick(subnetsOf[i - 1]) {
            natId = addNAT(i, subnet: subnet.id)
        }
        let tables = ["rtb-\(i)main"] + (0..<rng.int(0...2)).map { "rtb-\(i)\($0 + 1)" }
        for (k, id) in tables.enumerated() {
            var routes = inv.vpcs[i - 1].cidrBlocks.map { Route(destination: .cidr($0), target: .local) }
            let internet: [RouteTarget?] = [hasIGW ? .internetGateway("igw-\(i)") : nil, natId.map { .natGateway($0) }, nil]
            if let target = rng.pick(internet) ?? nil { routes.append(Route(destination: .cidr(.anyV4), target: target)) }
            else if rng.chance(0.15) { routes.append(Route(destination: .cidr(.anyV4), target: .internetGateway("igw-gone"), state: .blackhole)) }
            if rng.chance(0.15), let target = rng.pick(internet.compactMap { $0 }) { routes.append(Route(destination: .cidr(cidr("8.8.8.0/24")), target: target)) }
            if hasV6(i), let target = rng.pick([hasIGW ? RouteTarget.internetGateway("igw-\(i)") : nil, hasEIGW ? .egressOnlyInternetGateway("eigw-\(i)") : nil, nil]) ?? nil {
                routes.append(Route(destination: .cidr(.anyV6), target: target))
            }
            for other in 1...vpcCount where other != i {
                if let route = peerRoute(i, other, peerings: peerings, attached: attached) { routes.append(route) }
            }
            if features.asymmetricRoutes && attached.contains(i) && rng.chance(0.25) {
                routes.append(Route(destination: .cidr(cidr("10.0.0.0/8")), target: .transitGateway("tgw-1")))
            }
            let associations = k == 0 ? [RouteTableAssociation(isMain: true)] : []
            inv.routeTables.append(RouteTable(id: id, scope: scope, vpcId: vpcId(i), routes: routes, associations: associations))
        }
        // Some subnets explicitly use a custom table; the rest (and the TGW subnet) the main one.
        for subnet in subnetsOf[i - 1] where tables.count > 1 && rng.chance(0.6) {
            if let t = rng.pick(Array(tables.dropFirst())), let index = inv.routeTables.firstIndex(where: { $0.id == t }) {
                inv.routeTables[index].associations.append(RouteTableAssociation(subnetId: subnet.id))
            }
        }
    }

    /// The route toward another VPC: its link (peering or TGW, the same for both VPCs unless asymmetric routes are on),
    /// sometimes missing or a blackhole.
    mutating func peerRoute(_ i: Int, _ other: Int, peerings: [Set<Int>: String], attached: Set<Int>) -> Route? {
        var links: [RouteTarget] = []
        if let pcx = peerings[[i, other]] { links.append(.vpcPeering(pcx)) }
        if attached.contains(i) && attached.contains(other) { links.append(.transitGateway("tgw-1")) }
        guard !links.isEmpty else { return nil }
        // The link both VPCs use for each other: fixed by the pair, not by this table.
        var pairRandom = SeededRandom(seed: seed &* 31 &+ UInt64(min(i, other) * 10 + max(i, other)))
        var target = links[pairRandom.int(0...(links.count - 1))]
        let roll = rng.int(0...99)
        if roll < 8 { return nil }
        if roll < 13 { return Route(destination: .cidr(v4(other)), target: target, state: .blackhole) }
        if roll < 25 && features.asymmetricRoutes, let swapped = links.first(where: { $0 != target }) { target = swapped }
        return Route(destination: .cidr(v4(other)), target: target)
    }

    mutating func addNAT(_ i: Int, subnet: String) -> String {
        let id = "nat-\(i)"
        let eni = "eni-nat\(i)"
        let privateIp = "10.\(i).\(subnet.last.map(String.init) ?? "1").5", publicIp = "52.0.\(i).1"
        inv.natGateways.append(NATGateway(id: id, scope: scope, vpcId: vpcId(i), subnetId: subnet, state: rng.chance(0.9) ? "available" : "pending",
                                          addresses: [NATGatewayAddress(networkInterfaceId: eni, privateIp: privateIp, publicIp: publicIp)]))
        inv.networkInterfaces.append(NetworkInterface(id: eni, scope: scope, vpcId: vpcId(i), subnetId: subnet, interfaceType: "nat_gateway",
                                                      privateAddresses: [PrivateAddress(address: privateIp, publicIp: publicIp)],
                                                      owner: .natGateway(id), requesterManaged: true))
        destinations.append(eni)
        if !features.natSubnetACLs { moveToDefaultACL(subnet, vpc: i) }
        return id
    }

    mutating func moveToDefaultACL(_ subnet: String, vpc i: Int) {
        for k in inv.networkACLs.indices where inv.networkACLs[k].vpcId == vpcId(i) {
            inv.networkACLs[k].subnetIds.removeAll { $0 == subnet }
            if inv.networkACLs[k].isDefault { inv.networkACLs[k].subnetIds.append(subnet) }
        }
    }
}
