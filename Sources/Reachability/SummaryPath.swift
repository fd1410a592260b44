import NetModel

/// The route hops of a private flow for the summary evaluator: whether both directions are routed between the two
/// subnets, decided as `FlowAnalyzer.privatePath` decides them, without texts.
extension SummaryEvaluator {
    /// Whether the routes both ways let the flow through, and whether security group references apply on the path
    /// (true in one VPC and over a same-region peering connection). Nil when a hop can't be judged (a route unknown
    /// before apply, an appliance, a peering connection or transit gateway route table missing from the snapshot).
    func routesPass(_ a: SummarySide, _ b: SummarySide, _ aAddr: IPAddress, _ bAddr: IPAddress) -> (passes: Bool, references: Bool)? {
        let forward = a.routeTable.flatMap { routes.lookup(table: $0, address: bAddr) }
        let back = b.routeTable.flatMap { routes.lookup(table: $0, address: aAddr) }
        if a.vpcId == b.vpcId {
            // AWS "Route tables": the local route covers the VPC's own range and can't be overridden by a broader route.
            guard let there = gate(forward, a, expect: { $0 == .local }),
                  let home = gate(back, b, expect: { $0 == .local }) else { return nil }
            return (there && home, true)
        }
        // Each direction follows its own route: a reply may come back over another link than the request took.
        guard let there = leg(forward, from: a, to: b, bAddr, skipPeering: nil),
              let home = leg(back, from: b, to: a, aAddr, skipPeering: there.peering) else { return nil }
        return (there.passes && home.passes, there.references)
    }

    /// One direction between two VPCs: the route, then the peering connection or transit gateway it names.
    private func leg(_ found: Route?, from xSide: SummarySide, to ySide: SummarySide, _ yAddr: IPAddress,
                     skipPeering: String?) -> (passes: Bool, peering: String?, references: Bool)? {
        switch found?.target {
        case .vpcPeering(let pcx)?:
            guard let routed = gate(found, xSide, expect: { _ in true }), let connection = topology.peerings[pcx] else { return nil }
            // AWS "VPC peering connections": traffic flows only over an active connection between the two VPCs.
            let (r, c, from, to) = (connection.requester.vpcId, connection.accepter.vpcId, xSide.vpcId ?? "", ySide.vpcId ?? "")
            let connects = r == from && c == to || r == to && c == from
            let peered = pcx == skipPeering && connects || connection.isActive && connects
            // AWS "Update your security groups to reference peer security groups": same-region peering only.
            return (routed && peered, pcx, connection.requester.region == connection.accepter.region)
        case .transitGateway(let tgw)?:
            guard let routed = gate(found, xSide, expect: { _ in true }) else { return nil }
            guard let attachment = topology.attachment(vpc: xSide.vpcId ?? "", transitGateway: tgw) else { return (false, nil, false) }
            guard let crossed = transitGatewayPasses(attachment, toward: ySide.vpcId, address: yAddr) else { return nil }
            return (routed && crossed, nil, false)
        default:
            guard let routed = gate(found, xSide, expect: { _ in false }) else { return nil }
            return (routed, nil, false)
        }
    }

    /// A route decision: passes when the route matches the expectation; no route and blackholes block; nil for a
    /// route unknown before apply or to an appliance (the full analyzer says why it can't be judged).
    private func gate(_ found: Route?, _ side: SummarySide, expect: (RouteTarget) -> Bool) -> Bool? {
        if side.routesUndecidable { return nil }
        guard let route = found else { return routes.unknownRange(subnet: side.subnet) == nil ? false : nil }
        switch route.target {
        case .networkInterface, .instance: return nil
        default: return route.state != .blackhole && expect(route.target)
        }
    }

    /// The transit gateway hop: the route table the entering attachment is associated with, the longest match for
    /// `address`, and the attachment it names, which must be the destination VPC's and available
    /// (AWS "Transit gateway route tables"). Nil when the table or its routes are not in the snapshot.
    private func transitGatewayPasses(_ attachment: TransitGatewayAttachment, toward vpc: String?, address: IPAddress) -> Bool? {
        guard let tableId = attachment.associatedRouteTableId else { return nil }
        let (table, route) = routes.lookup(transitGatewayTable: tableId, address: address)
        guard let table, table.routesKnown else { return nil }
        let target = route.flatMap { r in r.attachmentIds.lazy.compactMap(topology.attachment(id:)).first }
        return route?.state == .active && target?.resourceId == vpc && target?.state == "available"
    }
}
