import NetModel

/// Joins the VPN and Direct Connect pieces read from separate documents.
enum VPNReconciler {
    /// Association states that mean the gateways exchange routes (Direct Connect API `associationState`).
    static let liveAssociationStates: Set<String> = ["associated", "associating", "updating"]

    static func finish(_ inv: inout Inventory, _ c: Collector) {
        // A VPN connection on a transit gateway is the resource of an attachment of type `vpn`
        // (AWS "Transit gateway VPN attachments").
        var vpnAttachments: [String: TransitGatewayAttachment] = [:]
        for a in inv.transitGatewayAttachments where a.resourceType == "vpn" {
            if let id = a.resourceId { vpnAttachments[id] = a }
        }
        for i in inv.vpnConnections.indices {
            guard let a = vpnAttachments[inv.vpnConnections[i].id] else { continue }
            inv.vpnConnections[i].transitGatewayAttachmentId = a.id
            if inv.vpnConnections[i].transitGatewayId == nil { inv.vpnConnections[i].transitGatewayId = a.transitGatewayId }
        }
        completeStaticOnlyListings(&inv, c.vpn.staticOnlyRouteListings)
        var pending = c.vpn.associations
        for i in inv.directConnectGateways.indices {
            guard let parts = pending.removeValue(forKey: inv.directConnectGateways[i].id) else { continue }
            for part in parts where liveAssociationStates.contains(part.state) {
                if let g = part.gatewayId, !inv.directConnectGateways[i].associatedGatewayIds.contains(g) {
                    inv.directConnectGateways[i].associatedGatewayIds.append(g)
                }
                for p in part.allowedPrefixes where !inv.directConnectGateways[i].allowedPrefixes.contains(p) {
                    inv.directConnectGateways[i].allowedPrefixes.append(p)
                }
            }
        }
        for id in pending.keys.sorted() {
            inv.warnings.append(CaptureWarning(source: pending[id]?.first?.source ?? "directconnect", code: "orphan-document",
                                               message: "associations of Direct Connect gateway \(id), which no describe-direct-connect-gateways output lists"))
        }
    }

    /// A listing of static routes only (Batfish's `TransitGatewayStaticRoutes`) plus the propagations says every
    /// route of a table except those BGP brings: VPC propagations are installed from the VPCs' blocks, and a
    /// static-routing VPN attachment propagates nothing (its routes are the table's static routes). Dynamic VPN,
    /// Direct Connect and Connect attachments propagate BGP-learned routes no document shows (AWS "Transit gateway
    /// route tables", "Site-to-Site VPN routing options"): such a table's routes are unknown, and the import says so.
    static func completeStaticOnlyListings(_ inv: inout Inventory, _ listings: [String: String]) {
        guard !listings.isEmpty else { return }
        let attachments = Dictionary(inv.transitGatewayAttachments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var staticVPNAttachments = Set<String>()
        for conn in inv.vpnConnections where conn.staticRoutesOnly {
            if let a = conn.transitGatewayAttachmentId { staticVPNAttachments.insert(a) }
        }
        for i in inv.transitGatewayRouteTables.indices {
            let table = inv.transitGatewayRouteTables[i]
            guard let source = listings[table.id], table.routesKnown else { continue }
            let bgp = (table.propagations ?? []).filter { p in
                guard p.isEnabled else { return false }
                let type = p.resourceType ?? attachments[p.attachmentId]?.resourceType ?? "unknown"
                if type == "vpc" { return false }
                return !(type == "vpn" && staticVPNAttachments.contains(p.attachmentId))
            }
            guard !bgp.isEmpty else { continue }
            inv.transitGatewayRouteTables[i].routesKnown = false
            let named = bgp.map { "\($0.attachmentId) (\($0.resourceType ?? attachments[$0.attachmentId]?.resourceType ?? "unknown"))" }
            inv.warnings.append(CaptureWarning(
                source: source, code: TransitGatewayRoutingReconciler.unknownRoutesCode,
                message: "transit gateway route table \(table.id): the listing holds static routes only, and "
                    + "\(named.joined(separator: ", ")) propagate BGP-learned routes no document shows; its routes are unknown"))
        }
    }
}
