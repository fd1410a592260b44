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
        flow.add(publicAddressCheck(b, clients: clients))
        let igws = topology.internetGatewaysByVPC[vpc] ?? []
        flow.gate("internet-gateway", igws.first ?? vpc, passes: !igws.isEmpty, allowed: "\(igws.joined(separator: ", ")) attached to \(topology.label(vpc))",
                  blocked: "\(topology.label(vpc)) has no internet gateway attached", fix: "attach an internet gateway to \(vpc)")
        flow.add(internetRoute(subnet: bSub, vpc: vpc, addresses: clients, kind: "route-return", owner: b, allowNAT: false))
        admitFromOutside(b, subnet: bSub, clients: clients, label: clientLabel, suggestion: "the clients' address range", &flow)
    }

    /// NACL inbound, security group inbound and the reply's NACL outbound, for clients outside every VPC
    /// (no security group references apply to them).
    func admitFromOutside(_ b: Endpoint, subnet: String, clients: AddressSet, label: String, suggestion: String, _ flow: inout Flow) {
        flow.add(acls.check(subnet: subnet, egress: false, proto: flow.proto, peer: clients, peerLabel: label, kind: "nacl-ingress"))
        flow.add(groups.check(groups: b.securityGroupIds, egress: false, proto: flow.proto,
                              peer: Peer(addresses: clients, groups: [], groupReferencesApply: false, label: { label }, suggestion: { suggestion }),
                              owner: b.label))
        flow.add(acls.check(subnet: subnet, egress: true, proto: flow.proto, peer: clients, peerLabel: label,
                            kind: "nacl-return-egress", portsMeaning: " (return traffic)").existential(over: flow.returnPorts))
    }

    /// Security group outbound, NACL outbound and the reply's NACL inbound, for targets outside every VPC.
    func leaveToOutside(_ a: Endpoint, subnet: String, targets: AddressSet, label: String, suggestion: String, _ flow: inout Flow) {
        flow.add(groups.check(groups: a.securityGroupIds, egress: true, proto: flow.proto,
                              peer: Peer(addresses: targets, groups: [], groupReferencesApply: false, label: { label }, suggestion: { suggestion }),
                              owner: a.label))
        flow.add(acls.check(subnet: subnet, egress: true, proto: flow.proto, peer: targets, peerLabel: label, kind: "nacl-egress"))
        flow.add(acls.check(subnet: subnet, egress: false, proto: flow.proto, peer: targets, peerLabel: label,
                            kind: "nacl-return-ingress", portsMeaning: " (return traffic)").existential(over: flow.returnPorts))
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
        leaveToOutside(a, subnet: aSub, targets: targets, label: label, suggestion: label, &flow)
        natSubnetACLs(from: a, aSub, targets: targets, label: label, &flow)
    }

    /// The NAT gateway's own subnet NACLs see both legs (AWS "NAT gateways": network ACLs apply to its subnet):
    /// the packet from the instance (when the subnets differ) and to the internet, the reply to the NAT's own
    /// port and, translated back, to the instance's port — which must also pass the instance's subnet inbound.
    private func natSubnetACLs(from a: Endpoint, _ aSub: String, targets: AddressSet, label: String, _ flow: inout Flow) {
        guard let aAddr = a.primaryAddress else { return }
        for (route, part) in routes.partition(subnet: aSub, addresses: AddressSet(v4: targets.v4)).routed {
            guard case .natGateway(let id) = route.target, route.state == .active, let nat = topology.natGateways[id] else { continue }
            let others = targets.subtracting(part)
            // A check on the NAT-routed addresses only; the rest of the internet is not this NAT's business.
            func scoped(_ c: CheckResult, pointwise: Bool = false) -> CheckResult {
                var c = c
                let region = pointwise ? Region(ports: c.region.ports, addresses: part) : c.region
                c.region = region.union(Region(ports: .all, addresses: others))
                return c
            }
            let meaning = " (return traffic)"
            let crosses = nat.subnetId != aSub
            if crosses {
                flow.add(scoped(acls.check(subnet: nat.subnetId, egress: false, proto: flow.proto, peer: AddressSet(aAddr),
                                           peerLabel: "\(aAddr)", kind: "nacl-ingress"), pointwise: true))
            }
            flow.add(scoped(acls.check(subnet: nat.subnetId, egress: true, proto: flow.proto, peer: part, peerLabel: label, kind: "nacl-egress")))
            flow.add(scoped(acls.check(subnet: nat.subnetId, egress: false, proto: flow.proto, peer: part, peerLabel: label,
                                       kind: "nacl-return-ingress", portsMeaning: meaning).existential(over: flow.returnPorts)))
            if crosses {
                // Translated back, the reply goes to the instance's port: one port through both NACLs.
                let leaving = acls.check(subnet: nat.subnetId, egress: true, proto: flow.proto, peer: AddressSet(aAddr), peerLabel: "\(aAddr)",
                                         kind: "nacl-return-egress", portsMeaning: meaning)
                let passing = leaving.region.restricted(to: flow.returnPorts).ports
                flow.add(scoped(leaving.existential(over: flow.returnPorts), pointwise: true))
                if !passing.isEmpty {
                    flow.add(scoped(acls.check(subnet: aSub, egress: false, proto: flow.proto, peer: part, peerLabel: label,
                                               kind: "nacl-return-ingress", portsMeaning: meaning).existential(over: passing)))
                }
            }
        }
    }

    /// To another endpoint's public address: out through the source's internet path, in as internet traffic.
    func publicPath(from a: Endpoint, to b: Endpoint, at address: IPAddress, _ flow: inout Flow) {
        guard let aSub = a.subnetId else {
            flow.unknowns.append("\(a.label) has no subnet in the snapshot")
            return
        }
        var leg = Flow(proto: flow.proto, wanted: flow.wanted, returnPorts: flow.returnPorts, peers: AddressSet(address))
        outbound(from: a, to: .internet(AddressSet(address), label: "\(address)"), &leg)
        // The source address the destination sees: the NAT gateway's or the source's own public address
        // (AWS "Internet gateways": the gateway maps each private address to its public one, both ways).
        let exit = routes.lookup(subnet: aSub, address: address)
        var seenAs: IPAddress? = a.primaryAddress.flatMap { a.publicByPrivate[$0] } ?? a.publicAddresses.first
        var how = "its own public address, mapped by the internet gateway"
        if case .natGateway(let id)? = exit?.route.target {
            seenAs = topology.natGateways[id]?.addresses.compactMap { $0.publicIp.flatMap(IPAddress.init) }.first
            how = "the NAT gateway \(id)'s public address"
        }
        if let seenAs {
            leg.gate("address-translation", exit?.table.id ?? aSub, passes: true,
                     allowed: "\(a.label) leaves as \(seenAs) (\(how)); \(b.label) sees that as the source", blocked: "", fix: "")
            leg.peers = AddressSet(seenAs)
            inbound(to: b, from: .internet(AddressSet(seenAs), label: "\(seenAs)"), &leg)
        } else {
            leg.unknowns.append("the public address \(a.label) would leave with is not in the snapshot")
        }
        for check in leg.checks { flow.addPointwise(check) }
        flow.unknowns += leg.unknowns
    }

    /// Which internet clients can address an endpoint: IPv4 ones when it has a public IPv4 address, IPv6 ones
    /// when it has an IPv6 address — IPv6 addresses are globally routable and need no public IPv4
    /// (AWS "IP addressing for your VPCs and subnets": IPv6 addresses are public).
    private func publicAddressCheck(_ b: Endpoint, clients: AddressSet) -> CheckResult {
        let v4 = AddressSet(v4: clients.v4), v6 = AddressSet(v6: clients.v6)
        let allowed = (b.hasPublicAddress ? v4 : AddressSet()).union(b.hasIPv6 ? v6 : AddressSet())
        let publicText = b.publicAddresses.isEmpty ? "a public address" : "public address \(b.publicAddresses.map(\.description).joined(separator: ", "))"
        let ipv6Text = "IPv6 address \(b.ipv6Address.map { "\($0)" } ?? "")"
        let fix = b.kind == .loadBalancer ? "use an internet-facing load balancer, if it should be public"
            : b.kind == .database ? "set PubliclyAccessible, if it should be public (it rarely should)"
            : "associate an Elastic IP (or put it behind an internet-facing load balancer), if it should be public"
        return CheckResult(
            kind: "public-address", resource: b.id, region: Region(ports: .all, addresses: allowed),
            explainAllowed: { region in
                var parts: [String] = []
                if region.addresses.intersects(v4) { parts.append("\(b.label) has \(publicText)") }
                if region.addresses.intersects(v6) { parts.append("\(b.label) has \(ipv6Text) (globally routable)") }
                return parts.joined(separator: "; ")
            },
            explainBlocked: { missing in
                var parts: [String] = []
                if missing.addresses.intersects(v4) { parts.append("\(b.label) has no public IP address") }
                if missing.addresses.intersects(v6) { parts.append("\(b.label) has no IPv6 address") }
                return (parts.joined(separator: "; "), fix)
            })
    }

    /// Which of `addresses` the subnet routes to the internet: an attached internet gateway (with a public
    /// IPv4 address on the endpoint for IPv4, an IPv6 address for IPv6) or, outbound only, a public NAT gateway
    /// that itself routes to one (IPv4) or an egress-only internet gateway (IPv6).
    private func internetRoute(subnet: String, vpc: String, addresses: AddressSet, kind: String, owner: Endpoint, allowNAT: Bool) -> CheckResult {
        let part = routes.partition(subnet: subnet, addresses: addresses)
        let igws = Set(topology.internetGatewaysByVPC[vpc] ?? [])
        let eigws = Set(topology.egressOnlyGatewaysByVPC[vpc] ?? [])
        var allowed = AddressSet()
        var reasons: [(AddressSet, String)] = []
        var accepted: [(AddressSet, String)] = []
        for (route, set) in part.routed {
            let text = part.table.map { routes.describe($0, route, subnet: subnet) } ?? "\(route.destination) → \(route.target)"
            let v4 = AddressSet(v4: set.v4), v6 = AddressSet(v6: set.v6)
            switch route.target {
            case .internetGateway(let id) where route.state == .active && igws.contains(id):
                for (family, has, lacks) in [(v4, owner.hasPublicAddress, "has no public IP address"), (v6, owner.hasIPv6, "has no IPv6 address")]
                where !family.isEmpty {
                    if has { allowed = allowed.union(family); accepted.append((family, text)) }
                    else { reasons.append((family, "\(text), but \(owner.label) \(lacks)")) }
                }
            case .egressOnlyInternetGateway(let id) where route.state == .active && eigws.contains(id):
                if !allowNAT {
                    reasons.append((set, "\(text): an egress-only internet gateway lets out connections started inside and their replies, never connections from the internet"))
                } else if !v6.isEmpty, owner.hasIPv6 {
                    allowed = allowed.union(v6); accepted.append((v6, "\(text) (outbound only, egress-only internet gateway)"))
                } else if !v6.isEmpty {
                    reasons.append((v6, "\(text), but \(owner.label) has no IPv6 address"))
                }
                if !v4.isEmpty { reasons.append((v4, "\(text): egress-only internet gateways carry IPv6 only")) }
            case .natGateway(let id) where allowNAT && route.state == .active:
                if !v4.isEmpty {
                    if let why = natProblem(id, v4) { reasons.append((v4, "\(text): \(why)")) }
                    else { allowed = allowed.union(v4); accepted.append((v4, "\(text) (outbound through the NAT gateway)")) }
                }
                if !v6.isEmpty { reasons.append((v6, "\(text): a NAT gateway translates IPv4 (NAT64 only for 64:ff9b::/96), not IPv6 to the internet")) }
            case .natGateway where !allowNAT:
                reasons.append((set, "\(text): replies would leave through the NAT gateway, so connections from outside can't be made"))
            default:
                reasons.append((set, route.state == .blackhole ? "\(text): blackhole" : "\(text): not an internet gateway"))
            }
        }
        // Written only when asked: the unrouted part of the internet prints long.
        let unrouted = part.unrouted, unroutedOwner = part.table.map { topology.label($0.id) } ?? subnet
        let tableId = part.table?.id ?? subnet
        let unknown = routes.unknownRoutes(subnet: subnet, addresses: addresses)
        return CheckResult(
            kind: kind, resource: tableId, region: Region(ports: .all, addresses: unknown.reduce(allowed) { $0.subtracting($1.region.addresses) }),
            explainAllowed: { region in accepted.filter { $0.0.intersects(region.addresses) }.map(\.1).joined(separator: "; ") },
            explainBlocked: { missing in
                var details = reasons.filter { $0.0.intersects(missing.addresses) }.map(\.1)
                if unrouted.intersects(missing.addresses) { details.append("\(unroutedOwner) has no route for \(unrouted)") }
                let detail = details.joined(separator: "; ")
                let igw = igws.sorted().first ?? "an internet gateway"
                let any = missing.addresses.v4.isEmpty ? "::/0" : "0.0.0.0/0"
                return (detail, owner.hasPublicAddress || owner.hasIPv6 || !allowNAT
                        ? "route \(any) to \(igw) in \(tableId), if \(owner.label) should be reachable from the internet"
                        : "route 0.0.0.0/0 to a NAT gateway in \(tableId) (or give \(owner.label) a public address and route to \(igw))")
            }, undecidedParts: unknown)
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
