import NetModel

extension EndpointCatalog {
    /// One endpoint per Site-to-Site VPN connection and per Direct Connect gateway: the on-premises networks
    /// known behind it — the connection's static routes, and the routes that VPC route tables (static or
    /// propagated, origin `EnableVgwRoutePropagation`) and transit gateway route tables send to it
    /// (AWS "Site-to-Site VPN routing options"; "Direct Connect gateways").
    static func onPremises(_ topology: Topology) -> [Endpoint] {
        let inv = topology.inventory
        var out: [Endpoint] = []
        let customerGateways = Dictionary(inv.customerGateways.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let vpnGateways = Set(inv.vpnConnections.compactMap(\.vpnGatewayId))
        for vpn in inv.vpnConnections where vpn.state != "deleted" {
            var networks = [IPPrefix]()
            networks += vpn.routes.filter { $0.state != "deleted" }.map(\.destination)
            if let gateway = vpn.vpnGatewayId { networks += routedTo(.virtualPrivateGateway(gateway), inv) }
            if let attachment = topology.vpnAttachment(vpn) { networks += transitRoutes(to: attachment.id, inv) }
            if let remote = vpn.remoteNetworkCidr, remote.length > 0 { networks.append(remote) }
            let cgw = vpn.customerGatewayId.flatMap { customerGateways[$0] }
            let name = cgw?.tags.name ?? vpn.tags.name ?? vpn.customerGatewayId ?? vpn.id
            out.append(Endpoint(id: "onprem:\(vpn.id)", kind: .onPremises, resourceId: vpn.id, name: name,
                                internetAddresses: AddressSet(networks), tags: cgw?.tags ?? vpn.tags))
        }
        for dx in inv.directConnectGateways where dx.state != "deleted" {
            var networks = [IPPrefix]()
            // Routes to a virtual private gateway that no VPN connection uses come from Direct Connect.
            for gateway in dx.associatedGatewayIds where !vpnGateways.contains(gateway) { networks += routedTo(.virtualPrivateGateway(gateway), inv) }
            for a in inv.transitGatewayAttachments where a.resourceType == "direct-connect-gateway" && a.resourceId == dx.id {
                networks += transitRoutes(to: a.id, inv)
            }
            out.append(Endpoint(id: "onprem:\(dx.id)", kind: .onPremises, resourceId: dx.id, name: dx.name ?? dx.id,
                                internetAddresses: AddressSet(networks)))
        }
        return out
    }

    /// Destinations VPC route tables send to a target.
    private static func routedTo(_ target: RouteTarget, _ inv: Inventory) -> [IPPrefix] {
        inv.routeTables.flatMap { $0.routes.compactMap { r in
            if r.target == target, r.state == .active, case .cidr(let p) = r.destination { return p }
            return nil
        } }
    }

    /// Destinations transit gateway route tables send to an attachment.
    private static func transitRoutes(to attachment: String, _ inv: Inventory) -> [IPPrefix] {
        inv.transitGatewayRouteTables.flatMap { $0.routes.compactMap { r in
            if r.attachmentIds.contains(attachment), r.state == .active, case .cidr(let p) = r.destination { return p }
            return nil
        } }
    }
}

extension Topology {
    /// The transit gateway attachment of a VPN connection (resource type `vpn`, resource the connection).
    func vpnAttachment(_ vpn: VPNConnection) -> TransitGatewayAttachment? {
        if let id = vpn.transitGatewayAttachmentId, let a = attachment(id: id) { return a }
        return transitGatewayAttachments.first { $0.resourceType == "vpn" && $0.resourceId == vpn.id }
    }
}
