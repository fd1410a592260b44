import NetModel

/// Maps Site-to-Site VPN (virtual private gateways, customer gateways, VPN connections) and Direct
/// Connect gateways with their associations.
///
/// Pre-shared keys never reach the model: `CustomerGatewayConfiguration` and `TunnelOptions[].PreSharedKey`
/// are not read here, and `SecretRedactor.redactVPN` removes them from the stored raw document.
enum VPNMapper {
    /// `aws ec2 describe-vpn-gateways` (also Batfish's `VpnGateways.json`).
    static func vpnGateways(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("VpnGateways") {
            var attached: [String] = []
            for a in try item.array("VpcAttachments") {
                if try a.string("State") ?? "attached" == "attached", let vpc = try a.string("VpcId") { attached.append(vpc) }
            }
            var scope = ctx.scope()
            if scope.region == ResourceScope.unknownValue, let r = FileContext.region(fromZone: try item.string("AvailabilityZone")) {
                scope.region = r
            }
            c.inventory.vpnGateways.append(VPNGateway(
                id: try item.requiredString("VpnGatewayId"), scope: scope, state: try item.string("State") ?? "available",
                attachedVpcIds: attached, amazonSideAsn: try item.int("AmazonSideAsn"), tags: try item.tags()))
        }
    }

    /// `aws ec2 describe-customer-gateways`.
    static func customerGateways(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("CustomerGateways") {
            c.inventory.customerGateways.append(CustomerGateway(
                id: try item.requiredString("CustomerGatewayId"), scope: ctx.scope(),
                ipAddress: try item.string("IpAddress"), bgpAsn: try asn(item, "BgpAsn"),
                state: try item.string("State") ?? "available", deviceName: try item.string("DeviceName"), tags: try item.tags()))
        }
    }

    /// `aws ec2 describe-vpn-connections`. The connection's transit gateway attachment (resource type `vpn`)
    /// is joined from `describe-transit-gateway-attachments` at the end of the import.
    static func vpnConnections(_ root: Node, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array("VpnConnections") {
            let options = item["Options"]
            var routes: [VPNStaticRoute] = []
            for r in try item.array("Routes") {
                guard let p = try ctx.cidr(try r.string("DestinationCidrBlock"), at: r) else {
                    throw .missingField(file: ctx.file.displayPath, path: r.path, field: "DestinationCidrBlock")
                }
                routes.append(VPNStaticRoute(destination: p, state: try r.string("State") ?? "available"))
            }
            var tunnels: [VPNTunnel] = []
            for t in try item.array("VgwTelemetry") {
                tunnels.append(VPNTunnel(outsideIpAddress: try t.string("OutsideIpAddress"), status: try t.string("Status") ?? "UNKNOWN",
                                         acceptedRouteCount: try t.int("AcceptedRouteCount")))
            }
            c.inventory.vpnConnections.append(VPNConnection(
                id: try item.requiredString("VpnConnectionId"), scope: ctx.scope(),
                state: try item.string("State") ?? "available", customerGatewayId: try item.string("CustomerGatewayId"),
                vpnGatewayId: try nonEmpty(item, "VpnGatewayId"), transitGatewayId: try nonEmpty(item, "TransitGatewayId"),
                staticRoutesOnly: try options?.bool("StaticRoutesOnly") ?? false, routes: routes, tunnels: tunnels,
                localNetworkCidr: try ctx.cidr(try options?.string("LocalIpv4NetworkCidr"), at: options ?? item),
                remoteNetworkCidr: try ctx.cidr(try options?.string("RemoteIpv4NetworkCidr"), at: options ?? item),
                tags: try item.tags()))
        }
    }

    /// `aws directconnect describe-direct-connect-gateways` (camelCase) or Batfish's `DirectConnectGateways` (capitalised).
    /// Direct Connect gateways are global resources: their region is `global`.
    static func directConnectGateways(_ root: Node, _ key: String, _ ctx: FileContext, into c: inout Collector) throws(ImportError) {
        for item in try root.array(key) {
            let id = try item.firstString("directConnectGatewayId", "DirectConnectGatewayId")
            guard let id else { throw .missingField(file: ctx.file.displayPath, path: item.path, field: "directConnectGatewayId") }
            let owner = try item.firstString("ownerAccount", "OwnerAccount")
            c.inventory.directConnectGateways.append(DirectConnectGateway(
                id: id, scope: ResourceScope(account: ctx.file.account ?? owner ?? ResourceScope.unknownValue, region: ResourceScope.globalRegion),
                name: try item.firstString("directConnectGatewayName", "DirectConnectGatewayName"),
                state: try item.firstString("directConnectGatewayState", "DirectConnectGatewayState") ?? "available"))
        }
    }

    /// `aws directconnect describe-direct-connect-gateway-associations` (or Batfish's capitalised form):
    /// the associated virtual private or transit gateway and the allowed prefixes, joined onto the gateway at the end.
    static func directConnectGatewayAssociations(_ root: Node, _ key: String, _ ctx: FileContext,
                                                 into c: inout Collector) throws(ImportError) {
        for item in try root.array(key) {
            let id = try item.firstString("directConnectGatewayId", "DirectConnectGatewayId")
            guard let id else { throw .missingField(file: ctx.file.displayPath, path: item.path, field: "directConnectGatewayId") }
            let state = try item.firstString("associationState", "AssociationState") ?? "associated"
            let gateway = item["associatedGateway"] ?? item["AssociatedGateway"]
            var prefixes: [IPPrefix] = []
            let allowed = try item.array("allowedPrefixesToDirectConnectGateway")
            let allowedBatfish = try item.array("AllowedPrefixesToDirectConnectGateway")
            for p in allowed + allowedBatfish {
                if let prefix = try ctx.cidr(try p.firstString("cidr", "Cidr"), at: p) { prefixes.append(prefix) }
            }
            var gatewayId = try gateway?.firstString("id", "Id")
            if gatewayId == nil { gatewayId = try item.firstString("virtualGatewayId", "VirtualGatewayId") }
            c.vpn.associations[id, default: []].append(DirectConnectAssociationPart(
                gatewayId: gatewayId,
                state: state, allowedPrefixes: prefixes, source: ctx.file.displayPath))
        }
    }

    /// An ASN given as a number or a string (`BgpAsn` is a string in the API, a number in some exports).
    private static func asn(_ node: Node, _ key: String) throws(ImportError) -> String? {
        if let s = try? node.string(key) { return s }
        return try node.int(key).map(String.init)
    }

    /// A string member where the API prints an empty string for "none" (`VpnGatewayId` of a TGW connection).
    private static func nonEmpty(_ node: Node, _ key: String) throws(ImportError) -> String? {
        guard let s = try node.string(key), !s.isEmpty else { return nil }
        return s
    }
}

/// VPN and Direct Connect pieces joined at the end of an import.
struct VPNParts {
    /// Direct Connect gateway associations by Direct Connect gateway ID.
    var associations: [String: [DirectConnectAssociationPart]] = [:]
    /// Transit gateway route tables whose route listing holds static routes only (Batfish's
    /// `TransitGatewayStaticRoutes`), with the file that listed them.
    var staticOnlyRouteListings: [String: String] = [:]
}

/// One Direct Connect gateway association as read, before it is joined onto its gateway.
struct DirectConnectAssociationPart {
    var gatewayId: String?
    var state: String
    var allowedPrefixes: [IPPrefix]
    var source: String
}
