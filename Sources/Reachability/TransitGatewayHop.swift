import NetModel

extension FlowAnalyzer {
    /// One pass through a transit gateway: the route table the entering attachment is associated with (each
    /// direction its own; AWS "Transit gateway route tables"), the longest match for `address`, and the
    /// attachment it names, which must be the destination VPC's and available.
    func transitGatewayTableHop(from attachment: TransitGatewayAttachment, toward vpc: String?, address: IPAddress, _ flow: inout Flow) {
        guard let tableId = attachment.associatedRouteTableId else {
            flow.unknowns.append("attachment \(attachment.id) has no associated transit gateway route table in the snapshot")
            return
        }
        let (table, route) = routes.lookup(transitGatewayTable: tableId, address: address)
        guard let table, table.routesKnown else {
            flow.unknowns.append("routes of transit gateway route table \(tableId) were not captured (ec2 search-transit-gateway-routes)")
            return
        }
        let target = route.flatMap { r in r.attachmentIds.lazy.compactMap(topology.attachment(id:)).first }
        let reaches = route?.state == .active && target?.resourceId == vpc && target?.state == "available"
        let detail = route.map { r in
            let how = r.type == "propagated" ? " (propagated from the attachment)" : r.type == "static" ? " (static)" : ""
            return "\(attachment.id) is associated with \(tableId): \(r.destination) → \(r.state == .blackhole ? "blackhole" : r.attachmentIds.joined(separator: ","))\(how)"
        }
        let destination = vpc ?? "the destination VPC"
        let blocked: String
        if let route, let detail {
            blocked = route.state == .blackhole ? "\(detail): blackhole" : "\(detail) does not lead to \(destination)"
        } else {
            blocked = "\(tableId) (associated with \(attachment.id)) has no route for \(address)"
        }
        let destinationAttachment = vpc.flatMap { topology.attachment(vpc: $0, transitGateway: attachment.transitGatewayId) }?.id
        flow.gate("transit-gateway", tableId, passes: reaches, allowed: detail ?? "", blocked: blocked,
                  fix: destinationAttachment.map { "enable route propagation of \($0) into \(tableId), or add a static route for \(destination)'s CIDR to it" }
                      ?? "attach \(destination) to \(attachment.transitGatewayId) and route its CIDR in \(tableId)")
    }
}
