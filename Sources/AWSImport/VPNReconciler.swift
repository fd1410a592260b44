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
}
