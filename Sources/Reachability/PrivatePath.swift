import NetModel

extension FlowAnalyzer {
    /// Traffic between two interfaces over private addresses: same VPC, peering or transit gateway.
    func privatePath(from a: Endpoint, to b: Endpoint, _ flow: inout Flow) {
        guard let (aAddr, bAddr) = FlowAnalyzer.privateAddressPair(a, b), let aSub = a.subnetId, let bSub = b.subnetId else {
            if a.primaryAddress != nil, b.primaryAddress != nil, a.subnetId != nil, b.subnetId != nil {
                flow.gate("address-family", b.id, passes: false, allowed: "",
                          blocked: "\(a.label) and \(b.label) share no address family (one is IPv4-only, the other IPv6-only)",
                          fix: "give both an address of the same family (dual-stack)")
            } else {
                let missing = a.primaryAddress == nil || a.subnetId == nil ? a : b
                if let subnet = missing.subnetId, let why = topology.subnets[subnet].flatMap({ UnknownBeforeApply.cidr($0.tags) }) {
                    flow.unknowns.append("\(missing.label) has no private address before apply: \(why)")
                } else {
                    flow.unknowns.append("\(missing.label) has no private address or subnet in the snapshot")
                }
            }
            return
        }
        let refs = privateRoutes(a, b, aAddr, bAddr, aSub, bSub, &flow)
        flow.addPointwise(groups.check(groups: a.securityGroupIds, egress: true, proto: flow.proto,
                                       peer: peer(b, bAddr, refs), owner: a.label))
        if aSub != bSub {
            flow.addPointwise(acls.check(subnet: aSub, egress: true, proto: flow.proto, peer: AddressSet(bAddr),
                                         peerLabel: "\(bAddr)", kind: "nacl-egress"))
            flow.addPointwise(acls.check(subnet: bSub, egress: false, proto: flow.proto, peer: AddressSet(aAddr),
                                         peerLabel: "\(aAddr)", kind: "nacl-ingress"))
        }
        flow.addPointwise(groups.check(groups: b.securityGroupIds, egress: false, proto: flow.proto,
                                       peer: peer(a, aAddr, refs), owner: b.label))
        if aSub != bSub {
            // One reply goes to one client port: it must pass both NACLs, so the second is asked only about the
            // ephemeral ports the first lets through.
            let meaning = " (return traffic to ephemeral ports)"
            let leaving = acls.check(subnet: bSub, egress: true, proto: flow.proto, peer: AddressSet(aAddr), peerLabel: "\(aAddr)",
                                     kind: "nacl-return-egress", portsMeaning: meaning)
            let passing = leaving.region.restricted(to: flow.returnPorts).ports
            flow.addPointwise(leaving.existential(over: flow.returnPorts))
            flow.addPointwise(acls.check(subnet: aSub, egress: false, proto: flow.proto, peer: AddressSet(bAddr), peerLabel: "\(bAddr)",
                                         kind: "nacl-return-ingress", portsMeaning: meaning).existential(over: passing.isEmpty ? flow.returnPorts : passing))
        }
    }

    /// The addresses a private flow uses: IPv4 when both ends have one (AWS prefers neither; we ask about IPv4 unless
    /// an end is IPv6-only or was selected by an IPv6 address), else IPv6 when both have one.
    static func privateAddressPair(_ a: Endpoint, _ b: Endpoint) -> (IPAddress, IPAddress)? {
        if let x = a.privateAddresses.first, let y = b.privateAddresses.first { return (x, y) }
        if let x = a.ipv6Address, let y = b.ipv6Address { return (x, y) }
        return nil
    }

    private func peer(_ e: Endpoint, _ address: IPAddress, _ refs: Bool) -> Peer {
        let topology = self.topology
        let group = e.securityGroupIds.first
        var p = Peer(addresses: AddressSet(address), groups: Set(e.securityGroupIds), groupReferencesApply: refs,
                     label: { "\(e.label) [\(address)]" },
                     suggestion: { refs && group != nil ? "security group \(topology.label(group!))" : "\(address)/32" })
        if e.placementEstimated, let subnet = e.subnetId, let blocks = topology.subnets[subnet]?.cidrBlocks,
           let range = blocks.first(where: { $0.contains(address) }) {
            p.estimatedWithin = AddressSet(range)
            p.estimateReason = "\(e.label)'s address is not known (placed in \(topology.label(subnet)), \(range))"
        }
        return p
    }

    /// Adds the route checks both ways; returns whether security group references work on this path.
    private func privateRoutes(_ a: Endpoint, _ b: Endpoint, _ aAddr: IPAddress, _ bAddr: IPAddress,
                               _ aSub: String, _ bSub: String, _ flow: inout Flow) -> Bool {
        let forward = routes.lookup(subnet: aSub, address: bAddr)
        let back = routes.lookup(subnet: bSub, address: aAddr)
        if a.vpcId == b.vpcId {
            routeGate(forward, subnet: aSub, to: bAddr, "forward", expect: { $0 == .local }, expected: "the local route", &flow)
            routeGate(back, subnet: bSub, to: aAddr, "return", expect: { $0 == .local }, expected: "the local route", &flow)
            return true
        }
        // Each direction follows its own route: a reply may come back over another link than the request took
        // (security groups track the connection at the interfaces; nothing between them does).
        let forwardLink = crossVPCLeg(forward, from: a, to: b, bAddr, aSub, "forward", skipPeering: nil, &flow)
        _ = crossVPCLeg(back, from: b, to: a, aAddr, bSub, "return", skipPeering: forwardLink.peering, &flow)
        return forwardLink.groupReferences
    }

    /// One direction between two VPCs: the route, then the peering connection or the transit gateway it names.
    /// Returns the peering connection used and whether security group references work over it.
    private func crossVPCLeg(_ found: (table: RouteTable, route: Route)?, from x: Endpoint, to y: Endpoint, _ yAddr: IPAddress, _ xSub: String,
                             _ direction: String, skipPeering: String?, _ flow: inout Flow) -> (peering: String?, groupReferences: Bool) {
        let target = y.vpcId ?? "the destination VPC"
        switch found?.route.target {
        case .vpcPeering(let pcx)?:
            routeGate(found, subnet: xSub, to: yAddr, direction, expect: { _ in true }, expected: "", &flow)
            guard let connection = topology.peerings[pcx] else {
                flow.unknowns.append("peering connection \(pcx) is not in the snapshot")
                return (pcx, false)
            }
            let connects = Set([connection.requester.vpcId, connection.accepter.vpcId]) == Set([x.vpcId ?? "", y.vpcId ?? ""])
            if pcx != skipPeering || !connects {
                flow.gate("peering", pcx, passes: connection.isActive && connects,
                          allowed: "\(pcx) is active between \(x.vpcId ?? "?") and \(y.vpcId ?? "?")",
                          blocked: connects ? "peering connection \(pcx) is \(connection.status), not active" : "\(pcx) does not connect \(x.vpcId ?? "?") and \(y.vpcId ?? "?") (\(direction) path)",
                          fix: connects ? "accept the peering connection \(pcx)" : "route \(target)'s CIDR to a peering connection that reaches it")
            }
            return (pcx, connection.requester.region == connection.accepter.region)
        case .transitGateway(let tgw)?:
            routeGate(found, subnet: xSub, to: yAddr, direction, expect: { _ in true }, expected: "", &flow)
            transitGatewayHop(tgw, from: x, to: y, yAddr, &flow)
            return (nil, false)
        default:
            routeGate(found, subnet: xSub, to: yAddr, direction, expect: { _ in false },
                      expected: "a peering connection or transit gateway to \(target)", &flow)
            return (nil, false)
        }
    }

    /// A route check: passes when the route matches the expectation; blackholes block; appliances are unknown.
    private func routeGate(_ found: (table: RouteTable, route: Route)?, subnet: String, to address: IPAddress, _ direction: String,
                           expect: (RouteTarget) -> Bool, expected: String, _ flow: inout Flow) {
        let kind = direction == "return" ? "route-return" : "route"
        if let why = routes.unknownRoute(subnet: subnet, address: address, found: found?.route) ?? (found == nil ? routes.unknownRange(subnet: subnet) : nil) {
            flow.unknowns.append("\(direction) route for \(address) unknown before apply: \(why)")
            return
        }
        guard let (table, route) = found else {
            let table = topology.routeTableBySubnet[subnet]
            flow.gate(kind, table?.id ?? subnet, passes: false, allowed: "",
                      blocked: "\(table.map { topology.label($0.id) } ?? "subnet \(subnet) (no route table in the snapshot)") has no route for \(address) (\(direction) path)",
                      fix: "add a route covering \(address) to \(expected) in \(table?.id ?? "the subnet's route table")")
            return
        }
        let text = routes.describe(table, route, subnet: subnet)
        switch route.target {
        case .networkInterface(let id), .instance(let id):
            flow.unknowns.append("\(direction) traffic for \(address) is routed to an appliance (\(text)); netaudit can't judge what \(id) forwards")
            return
        default:
            break
        }
        if route.state == .blackhole {
            flow.gate(kind, table.id, passes: false, allowed: "", blocked: "\(text): the route's target no longer exists (\(direction) path)",
                      fix: "replace the blackhole route \(route.destination) in \(table.id) with a working target")
        } else {
            flow.gate(kind, table.id, passes: expect(route.target), allowed: text,
                      blocked: "\(text) sends \(direction) traffic for \(address) there, not to \(expected)",
                      fix: "route \(address) to \(expected) in \(table.id)")
        }
    }

    /// The transit gateway leg: the source VPC's attachment, its TGW route table, the route to the destination VPC.
    private func transitGatewayHop(_ tgw: String, from a: Endpoint, to b: Endpoint, _ bAddr: IPAddress, _ flow: inout Flow) {
        guard let attachment = topology.attachment(vpc: a.vpcId ?? "", transitGateway: tgw) else {
            flow.gate("transit-gateway", tgw, passes: false, allowed: "", blocked: "\(a.vpcId ?? "?") has no available attachment to \(tgw)",
                      fix: "attach \(a.vpcId ?? "the VPC") to \(tgw)")
            return
        }
        transitGatewayTableHop(from: attachment, toward: b.vpcId, address: bAddr, &flow)
    }
}
