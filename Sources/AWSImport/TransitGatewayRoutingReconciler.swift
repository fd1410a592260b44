import NetModel

/// Joins transit gateway route tables with their propagations and associations, and installs the routes
/// propagation implies.
///
/// AWS "Transit gateway route tables": an attachment is associated with exactly one route table (where its
/// traffic is looked up); an enabled propagation of a VPC attachment installs the VPC's CIDR blocks as
/// `propagated` routes. AWS "Route evaluation order" (transit gateways): a static route wins over a propagated
/// route for the same destination, so a table that already has a route (static, propagated or blackhole) for a
/// destination keeps it. VPN, Direct Connect and Connect attachments propagate BGP-learned routes the
/// snapshot cannot see; only `search-transit-gateway-routes` shows those.
enum TransitGatewayRoutingReconciler {
    /// The warning for propagations whose routes only a route listing would show.
    static let unknownRoutesCode = "tgw-propagated-routes-unknown"

    static func apply(_ inv: inout Inventory, _ c: Collector) {
        var propagations = c.transitGatewayPropagations
        var associations = c.transitGatewayAssociations
        let attachments = Dictionary(inv.transitGatewayAttachments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let vpcs = Dictionary(inv.vpcs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var associatedTable: [String: String] = [:]
        for i in inv.transitGatewayRouteTables.indices {
            let id = inv.transitGatewayRouteTables[i].id
            if let ids = associations.removeValue(forKey: id) {
                inv.transitGatewayRouteTables[i].associatedAttachmentIds = ids
                // An attachment has one association; should two listings claim it, the first table keeps it.
                for attachment in ids where associatedTable[attachment] == nil { associatedTable[attachment] = id }
            }
            guard let found = propagations.removeValue(forKey: id) else { continue }
            inv.transitGatewayRouteTables[i].propagations = found
            for propagation in found where propagation.isEnabled {
                let attachment = attachments[propagation.attachmentId]
                let type = propagation.resourceType ?? attachment?.resourceType ?? "unknown"
                let vpcId = type == "vpc" ? propagation.resourceId ?? attachment?.resourceId : nil
                if let vpcId, let vpc = vpcs[vpcId] {
                    let withIpv6 = c.vpcAttachmentsWithIpv6.contains(propagation.attachmentId)
                    install(vpc.cidrBlocks.filter { withIpv6 || $0.isV4 }, from: propagation.attachmentId,
                            into: &inv.transitGatewayRouteTables[i])
                } else if !inv.transitGatewayRouteTables[i].routesKnown {
                    let what = vpcId.map { "VPC \($0), which the snapshot does not describe," } ?? "a \(type) attachment"
                    inv.warnings.append(CaptureWarning(
                        source: "\(TransitGatewayRoutingMapper.propagationsFolder)/\(id).json", code: unknownRoutesCode,
                        message: "transit gateway route table \(id): \(propagation.attachmentId) (\(what)) propagates routes only "
                            + "search-transit-gateway-routes shows, and no route listing was captured; its routes are unknown"))
                }
            }
        }
        for i in inv.transitGatewayAttachments.indices {
            if let table = associatedTable[inv.transitGatewayAttachments[i].id] {
                inv.transitGatewayAttachments[i].associatedRouteTableId = table
            }
        }
        for (folder, what, tables) in [(TransitGatewayRoutingMapper.propagationsFolder, "propagations", propagations.keys.sorted()),
                                       (TransitGatewayRoutingMapper.associationsFolder, "associations", associations.keys.sorted())] {
            for table in tables {
                inv.warnings.append(CaptureWarning(
                    source: "\(folder)/\(table).json", code: "orphan-document",
                    message: "\(what) of transit gateway route table \(table), which no describe-transit-gateway-route-tables output lists"))
            }
        }
    }

    /// Adds a `propagated` route per block the table has no route for yet.
    private static func install(_ blocks: [IPPrefix], from attachmentId: String, into table: inout TransitGatewayRouteTable) {
        for block in blocks where !table.routes.contains(where: { $0.destination == .cidr(block) }) {
            table.routes.append(TransitGatewayRoute(destination: .cidr(block), attachmentIds: [attachmentId], type: "propagated"))
        }
    }
}
