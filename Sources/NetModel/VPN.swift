/// A virtual private gateway: the AWS end of Site-to-Site VPN connections (and Direct Connect) for a VPC.
///
/// Routes to it appear in a VPC route table as target `vgw-…`, static or propagated
/// (origin `EnableVgwRoutePropagation`) — AWS "Site-to-Site VPN routing options".
public struct VPNGateway: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    /// `available`, `pending`, `deleted`, ...
    public var state: String
    /// VPCs the gateway is attached to (attachment state `attached`).
    public var attachedVpcIds: [String]
    public var amazonSideAsn: Int?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, state: String = "available", attachedVpcIds: [String] = [],
                amazonSideAsn: Int? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.state = state
        self.attachedVpcIds = attachedVpcIds
        self.amazonSideAsn = amazonSideAsn
        self.tags = tags
    }
}

/// A customer gateway: the on-premises device at the far end of a Site-to-Site VPN.
public struct CustomerGateway: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    /// The device's public (outside) address.
    public var ipAddress: String?
    public var bgpAsn: String?
    public var state: String
    public var deviceName: String?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, ipAddress: String? = nil, bgpAsn: String? = nil, state: String = "available",
                deviceName: String? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.ipAddress = ipAddress
        self.bgpAsn = bgpAsn
        self.state = state
        self.deviceName = deviceName
        self.tags = tags
    }
}

/// A Site-to-Site VPN connection between a customer gateway and a virtual private gateway or a transit gateway.
public struct VPNConnection: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    /// `available`, `pending`, `deleting`, `deleted`.
    public var state: String
    public var customerGatewayId: String?
    /// Set when the connection ends on a virtual private gateway.
    public var vpnGatewayId: String?
    /// Set when the connection ends on a transit gateway (its attachment is of resource type `vpn`).
    public var transitGatewayId: String?
    /// The transit gateway attachment of the connection, when known.
    public var transitGatewayAttachmentId: String?
    /// True when routing is static (no BGP).
    public var staticRoutesOnly: Bool
    /// Static routes: the on-premises networks reached through the connection.
    public var routes: [VPNStaticRoute]
    public var tunnels: [VPNTunnel]
    /// `Options.LocalIpv4NetworkCidr` / `RemoteIpv4NetworkCidr` (traffic selectors; AWS defaults to 0.0.0.0/0).
    public var localNetworkCidr: IPPrefix?
    public var remoteNetworkCidr: IPPrefix?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, state: String = "available", customerGatewayId: String? = nil,
                vpnGatewayId: String? = nil, transitGatewayId: String? = nil, transitGatewayAttachmentId: String? = nil,
                staticRoutesOnly: Bool = false, routes: [VPNStaticRoute] = [], tunnels: [VPNTunnel] = [],
                localNetworkCidr: IPPrefix? = nil, remoteNetworkCidr: IPPrefix? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.state = state
        self.customerGatewayId = customerGatewayId
        self.vpnGatewayId = vpnGatewayId
        self.transitGatewayId = transitGatewayId
        self.transitGatewayAttachmentId = transitGatewayAttachmentId
        self.staticRoutesOnly = staticRoutesOnly
        self.routes = routes
        self.tunnels = tunnels
        self.localNetworkCidr = localNetworkCidr
        self.remoteNetworkCidr = remoteNetworkCidr
        self.tags = tags
    }

    /// Whether any tunnel is up (AWS: `VgwTelemetry[].Status` `UP`); true when no telemetry was captured.
    public var hasTunnelUp: Bool { tunnels.isEmpty || tunnels.contains { $0.status.uppercased() == "UP" } }
}

/// A static route of a VPN connection.
public struct VPNStaticRoute: Sendable, Hashable, Codable {
    public var destination: IPPrefix
    /// `available`, `pending`, `deleted`, ...
    public var state: String

    public init(destination: IPPrefix, state: String = "available") {
        self.destination = destination
        self.state = state
    }
}

/// One tunnel of a VPN connection, from `VgwTelemetry`.
public struct VPNTunnel: Sendable, Hashable, Codable {
    public var outsideIpAddress: String?
    /// `UP` or `DOWN`.
    public var status: String
    public var acceptedRouteCount: Int?

    public init(outsideIpAddress: String? = nil, status: String, acceptedRouteCount: Int? = nil) {
        self.outsideIpAddress = outsideIpAddress
        self.status = status
        self.acceptedRouteCount = acceptedRouteCount
    }
}

/// A Direct Connect gateway: an outside edge associated with virtual private gateways or transit gateways.
public struct DirectConnectGateway: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var name: String?
    public var state: String
    /// The virtual private gateways or transit gateways it is associated with.
    public var associatedGatewayIds: [String]
    /// Prefixes the associations allow to be advertised (the routes known to cross it).
    public var allowedPrefixes: [IPPrefix]

    public init(id: String, scope: ResourceScope, name: String? = nil, state: String = "available",
                associatedGatewayIds: [String] = [], allowedPrefixes: [IPPrefix] = []) {
        self.id = id
        self.scope = scope
        self.name = name
        self.state = state
        self.associatedGatewayIds = associatedGatewayIds
        self.allowedPrefixes = allowedPrefixes
    }
}
