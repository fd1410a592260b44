import NetModel

extension FlowAnalyzer {
    /// From the internet (all of it, or some addresses) to an endpoint.
    func inbound(to b: Endpoint, from source: Endpoint, _ flow: inout Flow) {
        guard let bSub = b.subnetId, let vpc = b.vpcId else {
            flow.unknowns.append("\(b.label) has no subnet in the snapshot")
            return
        }
        let clients = flow.peers
        let clientLabel = source.name == "internet" ? "the internet" : source.name
        let publicText = b.publicAddresses.isEmpty ? "a public address" : "public address \(b.publicAddresses.map(\.description).joined(separator: ", "))"
        flow.gate("public-address", b.id, passes: b.hasPublicAddress, allowed: "\(b.label) has \(publicText)",
                  blocked: "\(b.label) has no public IP address",
                  fix: b.kind == .loadBalancer ? "use an internet-facing load balancer, if it should be public"
                      : b.kind == .database ? "set PubliclyAccessible, if it should be public (it rarely should)"
                      : "associate an Elastic IP (or put it behind an internet-facing load balancer), if it should be public")
        let igws = topology.internetGatewaysByVPC[vpc] ?? []
        flow.gate("internet-gateway", igws.first ?? vpc, passes: !igws.isEmpty, allowed: "\(igws.joined(separator: ", ")) attached to \(topology.label(vpc))",
                  blocked: "\(topology.label(vpc)) has no internet gateway attached", fix: "attach an internet gateway to \(vpc)")
        flow.add(internetRoute(subnet: bSub, vpc: vpc, addresses: clients, kind: "route-return", owner: b, allowNAT: false))
        flow.add(acls.check(subnet: bSub, egress: false, proto: flow.proto, peer: clients, peerLabel: clientLabel, kind: "nacl-ingress"))
        flow.add(groups.check(groups: b.securityGroupIds, egress: false, proto: flow.proto,
                              peer: Peer(addresses: clients, groups: [], groupReferencesApply: false, label: { clientLabel },
                                         suggestion: { "the clients' address range" }), owner: b.label))
        flow.add(acls.check(subnet: bSub, egress: true, proto: flow.proto, peer: clients, peerLabel: clientLabel,
                            kind: "nacl-return-egress", portsMeaning: " (return traffic)").existential(over: flow.returnPorts))
    }

    /// From an endpoint to the internet (all of it, or some addresses).
    func outbound(from a: Endpoint, to destination: Endpoint, _ flow: inout Flow) {
        guard let aSub = a.subnetId, let vpc = a.vpcId else {
            flow.unknowns.append("\(a.label) has no subnet in the snapshot")
            return
        }
        let targets = flow.peers
        let label = destination.name == "internet" ? "the internet" : destination.name
        flow.add(internetRoute(subnet: aSub, vpc: vpc, addresses: targets, kind: "route", owner: a, allowNAT: true))
        flow.add(groups.check(groups: a.securityGroupIds, egress: true, proto: flow.proto,
                              peer: Peer(addresses: targets, groups: [], groupReferencesApply: false, label: { label }, suggestion: { label }),
                              owner: a.label))
        flow.add(acls.check(subnet: aSub, egress: true, proto: flow.proto, peer: targets, peerLabel: label, kind: "nacl-egress"))
        flow.add(acls.check(subnet: aSub, egress: false, proto: flow.proto, peer: targets, peerLabel: label,
                            kind: "nacl-return-ingress", portsMeaning: " (return traffic)").existential(over: flow.returnPorts))
    }

    /// To another endpoint's public address: out through the source's internet path, in as internet traffic.
    func publicPath(from a: Endpoint, to b: Endpoint, at address: IPAddress, _ flow: inout Flow) {
        guard let aSub = a.subnetId else {
            flow.unknowns.append("\(a.label) has no subnet in the snapshot")
            return
        }
        var leg = Flow(proto: flow.proto, wanted: flow.wanted, returnPorts: flow.returnPorts, peers: AddressSet(address))
        outbound(from: a, to: .internet(AddressSet(address), label: "\(address)"), &leg)
        // The source address the destination sees: the NAT gateway's or the source's own public address.
        let exit = routes.lookup(subnet: aSub, address: address)
        var seenAs: IPAddress? = a.publicAddresses.first
        if case .natGateway(let id)? = exit?.route.target {
            seenAs = topology.natGateways[id]?.addresses.compactMap { $0.publicIp.flatMap(IPAddress.init) }.first
        }
        if let seenAs {
            leg.peers = AddressSet(seenAs)
            inbound(to: b, from: .internet(AddressSet(seenAs), label: "\(seenAs)"), &leg)
        } else {
            leg.unknowns.append("the public address \(a.label) would leave with is not in the snapshot")
        }
        for check in leg.checks { flow.addPointwise(check) }
        flow.unknowns += leg.unknowns
    }

    /// Which of `addresses` the subnet routes to the internet: an attached internet gateway (with a public
    /// address on the endpoint) or, outbound only, a public NAT gateway that itself routes to one.
    private func internetRoute(subnet: String, vpc: String, addresses: AddressSet, kind: String, owner: Endpoint, allowNAT: Bool) -> CheckResult {
        let part = routes.partition(subnet: subnet, addresses: addresses)
        let igws = Set(topology.internetGatewaysByVPC[vpc] ?? [])
        var allowed = AddressSet()
        var reasons: [(AddressSet, String)] = []
        var accepted: [(AddressSet, String)] = []
        for (route, set) in part.routed {
            let text = part.table.map { routes.describe($0, route, subnet: subnet) } ?? "\(route.destination) → \(route.target)"
            switch route.target {
            case .internetGateway(let id) where route.state == .active && igws.contains(id):
                if owner.hasPublicAddress { allowed = allowed.union(set); accepted.append((set, text)) }
                else { reasons.append((set, "\(text), but \(owner.label) has no public IP address")) }
            case .natGateway(let id) where allowNAT && route.state == .active:
                if let why = natProblem(id, set) { reasons.append((set, "\(text): \(why)")) }
                else { allowed = allowed.union(set); accepted.append((set, "\(text) (outbound through the NAT gateway)")) }
            case .natGateway where !allowNAT:
                reasons.append((set, "\(text): replies would leave through the NAT gateway, so connections from outside can't be made"))
            default:
                reasons.append((set, route.state == .blackhole ? "\(text): blackhole" : "\(text): not an internet gateway"))
            }
        }
        if !part.unrouted.isEmpty { reasons.append((part.unrouted, "\(part.table.map { topology.label($0.id) } ?? subnet) has no route for \(part.unrouted)")) }
        let tableId = part.table?.id ?? subnet
        return CheckResult(
            kind: kind, resource: tableId, region: Region(ports: .all, addresses: allowed),
            explainAllowed: { region in accepted.filter { $0.0.intersects(region.addresses) }.map(\.1).joined(separator: "; ") },
            explainBlocked: { missing in
                let detail = reasons.filter { $0.0.intersects(missing.addresses) }.map(\.1).joined(separator: "; ")
                let igw = igws.sorted().first ?? "an internet gateway"
                return (detail, owner.hasPublicAddress || !allowNAT
                        ? "route 0.0.0.0/0 to \(igw) in \(tableId), if \(owner.label) should be reachable from the internet"
                        : "route 0.0.0.0/0 to a NAT gateway in \(tableId) (or give \(owner.label) a public address and route to \(igw))")
            })
    }

    /// Why a NAT gateway can't take traffic to `addresses` out to the internet, nil when it can.
    private func natProblem(_ id: String, _ addresses: AddressSet) -> String? {
        guard let nat = topology.natGateways[id] else { return "NAT gateway \(id) is not in the snapshot" }
        guard nat.state == "available" else { return "NAT gateway \(id) is \(nat.state)" }
        guard nat.connectivityType == "public", nat.addresses.contains(where: { $0.publicIp != nil }) else { return "NAT gateway \(id) is private (no public address)" }
        let part = routes.partition(subnet: nat.subnetId, addresses: addresses)
        let igws = Set(topology.internetGatewaysByVPC[nat.vpcId] ?? [])
        let ok = part.routed.contains { if case .internetGateway(let g) = $0.route.target { return igws.contains(g) && $0.route.state == .active }; return false }
        return ok ? nil : "the NAT gateway's subnet \(nat.subnetId) has no route to an internet gateway"
    }
}
