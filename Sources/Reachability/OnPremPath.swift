import NetModel

/// The AWS side of an on-premises edge: the VPN connection or Direct Connect gateway and what it ends on.
struct OnPremisesEdge {
    var id: String
    var label: String
    var vpnGateways: [String]
    var transitGateway: String?
    var transitGatewayAttachment: String?
}

extension FlowAnalyzer {
    /// From an on-premises network into a VPC: the edge is up, the virtual private gateway (attached to the VPC) or
    /// the transit gateway (its VPN attachment's route table) delivers the packet, then NACL and security group
    /// inbound rules see the on-premises addresses, and the subnet must route replies back to the edge
    /// (AWS "Site-to-Site VPN routing options", "Transit gateway route tables").
    func fromOnPremises(_ source: Endpoint, to b: Endpoint, _ flow: inout Flow) {
        guard let bSub = b.subnetId, let vpc = b.vpcId, let bAddr = b.primaryAddress else {
            flow.unknowns.append("\(b.label) has no subnet in the snapshot")
            return
        }
        guard let edge = edgeCheck(source, &flow) else { return }
        let clients = flow.peers
        if edge.vpnGateways.contains(where: { vpnGatewayAttached($0, to: vpc) }) {
            flow.gate("vpn-gateway", edge.vpnGateways.joined(separator: ","), passes: true,
                      allowed: "\(edge.vpnGateways.joined(separator: ", ")) is attached to \(topology.label(vpc))", blocked: "", fix: "")
        } else if let tgw = edge.transitGateway, let attachment = edge.transitGatewayAttachment {
            edgeTransitHop(tgw, attachment: attachment, toward: vpc, address: bAddr, &flow)
        } else {
            flow.gate("vpn-gateway", edge.id, passes: false, allowed: "",
                      blocked: "\(edge.label) ends on no gateway attached to \(topology.label(vpc))",
                      fix: "attach the virtual private gateway to \(vpc), or attach \(vpc) to the edge's transit gateway")
        }
        let back = edgeRoute(subnet: bSub, vpc: vpc, addresses: clients, kind: "route-return", owner: b, edge: edge, &flow)
        flow.add(back)
        admitFromOutside(b, subnet: bSub, clients: clients, label: source.name, suggestion: "the on-premises range \(clients)", &flow)
    }

    /// From a VPC to an on-premises network: the subnet routes it to the edge, security group and NACL outbound
    /// rules see the on-premises addresses, and replies come back through the edge.
    func toOnPremises(from a: Endpoint, _ destination: Endpoint, _ flow: inout Flow) {
        guard let aSub = a.subnetId, let vpc = a.vpcId, let aAddr = a.primaryAddress else {
            flow.unknowns.append("\(a.label) has no subnet in the snapshot")
            return
        }
        guard let edge = edgeCheck(destination, &flow) else { return }
        let targets = flow.peers
        let label = destination.name
        let out = edgeRoute(subnet: aSub, vpc: vpc, addresses: targets, kind: "route", owner: a, edge: edge, &flow)
        flow.add(out)
        leaveToOutside(a, subnet: aSub, targets: targets, label: label, suggestion: "\(targets)", &flow)
        if !edge.vpnGateways.contains(where: { vpnGatewayAttached($0, to: vpc) }), let tgw = edge.transitGateway, let attachment = edge.transitGatewayAttachment {
            // Replies enter the transit gateway through the edge's attachment and use its route table.
            edgeTransitHop(tgw, attachment: attachment, toward: vpc, address: aAddr, &flow)
        }
    }

    /// The edge itself: a VPN connection that is available with a tunnel up, or a Direct Connect gateway; nil
    /// (with the reason recorded) when nothing can be said past it.
    private func edgeCheck(_ endpoint: Endpoint, _ flow: inout Flow) -> OnPremisesEdge? {
        let inv = topology.inventory
        var edge: OnPremisesEdge
        if let vpn = inv.vpnConnections.first(where: { $0.id == endpoint.resourceId }) {
            edge = OnPremisesEdge(id: vpn.id, label: "VPN connection \(vpn.id)", vpnGateways: vpn.vpnGatewayId.map { [$0] } ?? [],
                                  transitGateway: vpn.transitGatewayId, transitGatewayAttachment: topology.vpnAttachment(vpn)?.id)
            let up = vpn.state == "available" && vpn.hasTunnelUp
            let tunnels = vpn.tunnels.isEmpty ? "no tunnel telemetry captured" : vpn.tunnels.map { "\($0.outsideIpAddress ?? "tunnel") \($0.status)" }.joined(separator: ", ")
            flow.gate("vpn-connection", vpn.id, passes: up, allowed: "\(vpn.id) is \(vpn.state) (\(tunnels))",
                      blocked: vpn.state != "available" ? "\(vpn.id) is \(vpn.state)" : "every tunnel of \(vpn.id) is down (\(tunnels))",
                      fix: vpn.state != "available" ? "wait for or recreate the VPN connection \(vpn.id)"
                          : "bring a tunnel of \(vpn.id) up (the customer gateway's IKE/IPsec settings and its route to the tunnel outside addresses)")
        } else if let dx = inv.directConnectGateways.first(where: { $0.id == endpoint.resourceId }) {
            let attachment = inv.transitGatewayAttachments.first { $0.resourceType == "direct-connect-gateway" && $0.resourceId == dx.id }
            edge = OnPremisesEdge(id: dx.id, label: "Direct Connect gateway \(dx.name ?? dx.id)",
                                  vpnGateways: dx.associatedGatewayIds.filter { $0.hasPrefix("vgw-") },
                                  transitGateway: attachment?.transitGatewayId ?? dx.associatedGatewayIds.first { $0.hasPrefix("tgw-") },
                                  transitGatewayAttachment: attachment?.id)
            flow.gate("direct-connect-gateway", dx.id, passes: dx.state == "available", allowed: "\(edge.label) is \(dx.state)",
                      blocked: "\(edge.label) is \(dx.state)", fix: "check the Direct Connect gateway \(dx.id)")
        } else {
            flow.unknowns.append("\(endpoint.label) is not in the snapshot")
            return nil
        }
        if endpoint.internetAddresses?.isEmpty ?? true {
            flow.unknowns.append("the on-premises networks behind \(edge.label) are not known: no static route, and no VPC or transit gateway route sends traffic to it (BGP routes learned by the edge are not in the snapshot)")
            return nil
        }
        return edge
    }

    private func vpnGatewayAttached(_ id: String, to vpc: String) -> Bool {
        topology.inventory.vpnGateways.contains { $0.id == id && $0.state == "available" && $0.attachedVpcIds.contains(vpc) }
    }

    /// Which on-premises addresses a subnet routes to the edge: to its virtual private gateway (attached to the VPC),
    /// or to its transit gateway whose route table (the VPC attachment's) sends them on to the edge's attachment.
    private func edgeRoute(subnet: String, vpc: String, addresses: AddressSet, kind: String, owner: Endpoint, edge: OnPremisesEdge,
                           _ flow: inout Flow) -> CheckResult {
        let part = routes.partition(subnet: subnet, addresses: addresses)
        var allowed = AddressSet()
        var reasons: [(AddressSet, String)] = []
        var accepted: [(AddressSet, String)] = []
        var unknowns: [String] = []
        for (route, set) in part.routed {
            let text = part.table.map { routes.describe($0, route, subnet: subnet) } ?? "\(route.destination) → \(route.target)"
            let propagated = route.origin == "EnableVgwRoutePropagation" ? " (propagated from the virtual private gateway)" : ""
            switch route.target {
            case .virtualPrivateGateway(let g) where route.state == .active && edge.vpnGateways.contains(g) && vpnGatewayAttached(g, to: vpc):
                allowed = allowed.union(set); accepted.append((set, text + propagated))
            case .transitGateway(let t) where route.state == .active && t == edge.transitGateway:
                guard let attachment = topology.attachment(vpc: vpc, transitGateway: t), let tableId = attachment.associatedRouteTableId,
                      let table = topology.transitGatewayRouteTables[tableId], table.routesKnown, let edgeAttachment = edge.transitGatewayAttachment else {
                    unknowns.append("\(text): the transit gateway route table of \(vpc)'s attachment or its routes were not captured")
                    continue
                }
                let tgw = routes.partition(transitGatewayTable: tableId, addresses: set)
                for (r, s) in tgw.routed {
                    let how = "\(tableId): \(r.destination) → \(r.attachmentIds.joined(separator: ","))\(r.type == "propagated" ? " (propagated)" : "")"
                    if r.state == .active && r.attachmentIds.contains(edgeAttachment) { allowed = allowed.union(s); accepted.append((s, "\(text); \(how)")) }
                    else { reasons.append((s, "\(text); \(how)\(r.state == .blackhole ? ": blackhole" : ", not to \(edge.label)")")) }
                }
                if !tgw.unrouted.isEmpty { reasons.append((tgw.unrouted, "\(text); \(tableId) has no route for \(tgw.unrouted)")) }
            default:
                reasons.append((set, "\(text): not to \(edge.label)"))
            }
        }
        if !part.unrouted.isEmpty { reasons.append((part.unrouted, "\(part.table.map { topology.label($0.id) } ?? subnet) has no route for \(part.unrouted)")) }
        let tableId = part.table?.id ?? subnet
        let target = edge.vpnGateways.first ?? edge.transitGateway ?? edge.id
        flow.unknowns += unknowns
        return CheckResult(
            kind: kind, resource: tableId, region: Region(ports: .all, addresses: allowed),
            explainAllowed: { region in accepted.filter { $0.0.intersects(region.addresses) }.map(\.1).joined(separator: "; ") },
            explainBlocked: { missing in
                (reasons.filter { $0.0.intersects(missing.addresses) }.map(\.1).joined(separator: "; "),
                 "route \(missing.addresses) to \(target) in \(tableId) (or enable route propagation from the virtual private gateway)")
            })
    }

    /// The transit gateway leg on the edge's side: the edge attachment's route table must send `address` to the VPC.
    private func edgeTransitHop(_ tgw: String, attachment: String, toward vpc: String, address: IPAddress, _ flow: inout Flow) {
        guard let edgeAttachment = topology.attachment(id: attachment) else {
            flow.unknowns.append("transit gateway attachment \(attachment) is not in the snapshot")
            return
        }
        transitGatewayTableHop(from: edgeAttachment, toward: vpc, address: address, &flow)
    }
}
