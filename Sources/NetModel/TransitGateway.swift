/// A transit gateway: a regional router between attachments.
public struct TransitGateway: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var state: String
    public var associationDefaultRouteTableId: String?
    public var propagationDefaultRouteTableId: String?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, state: String = "available",
                associationDefaultRouteTableId: String? = nil, propagationDefaultRouteTableId: String? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.state = state
        self.associationDefaultRouteTableId = associationDefaultRouteTableId
        self.propagationDefaultRouteTableId = propagationDefaultRouteTableId
        self.tags = tags
    }
}

/// An attachment of a VPC, VPN, peering or other resource to a transit gateway.
public struct TransitGatewayAttachment: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var transitGatewayId: String
    /// `vpc`, `vpn`, `peering`, `direct-connect-gateway`, `connect`, ...
    public var resourceType: String
    public var resourceId: String?
    public var resourceOwnerId: String?
    public var state: String
    /// The TGW route table this attachment is associated with (where its traffic is looked up).
    public var associatedRouteTableId: String?
    /// For VPC attachments: the subnets holding the attachment's interfaces.
    public var subnetIds: [String]
    public var tags: Tags

    public init(id: String, scope: ResourceScope, transitGatewayId: String, resourceType: String,
                resourceId: String? = nil, resourceOwnerId: String? = nil, state: String = "available",
                associatedRouteTableId: String? = nil, subnetIds: [String] = [], tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.transitGatewayId = transitGatewayId
        self.resourceType = resourceType
        self.resourceId = resourceId
        self.resourceOwnerId = resourceOwnerId
        self.state = state
        self.associatedRouteTableId = associatedRouteTableId
        self.subnetIds = subnetIds
        self.tags = tags
    }
}

/// A transit gateway route table and its routes.
public struct TransitGatewayRouteTable: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var transitGatewayId: String
    public var routes: [TransitGatewayRoute]
    /// False when the snapshot holds no route listing for this table (routes unknown, not empty).
    public var routesKnown: Bool
    /// Attachments propagating their routes into this table (`get-transit-gateway-route-table-propagations`);
    /// nil when not captured. An enabled propagation of a VPC attachment installs the VPC's CIDRs
    /// (AWS "Transit gateway route tables": route propagation).
    public var propagations: [TransitGatewayPropagation]?
    /// Attachments associated with this table (`get-transit-gateway-route-table-associations`); nil when not captured.
    public var associatedAttachmentIds: [String]?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, transitGatewayId: String, routes: [TransitGatewayRoute] = [],
                routesKnown: Bool = false, propagations: [TransitGatewayPropagation]? = nil, associatedAttachmentIds: [String]? = nil,
                tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.transitGatewayId = transitGatewayId
        self.routes = routes
        self.routesKnown = routesKnown
        self.propagations = propagations
        self.associatedAttachmentIds = associatedAttachmentIds
        self.tags = tags
    }
}

/// One attachment propagating routes into a transit gateway route table.
public struct TransitGatewayPropagation: Sendable, Hashable, Codable {
    public var attachmentId: String
    /// `vpc`, `vpn`, `direct-connect-gateway`, `peering`, `connect`, ...
    public var resourceType: String?
    public var resourceId: String?
    /// `enabled`, `enabling`, `disabling`, `disabled`.
    public var state: String

    public init(attachmentId: String, resourceType: String? = nil, resourceId: String? = nil, state: String = "enabled") {
        self.attachmentId = attachmentId
        self.resourceType = resourceType
        self.resourceId = resourceId
        self.state = state
    }

    public var isEnabled: Bool { state == "enabled" }
}

/// A route in a transit gateway route table.
public struct TransitGatewayRoute: Sendable, Hashable, Codable {
    public var destination: RouteDestination
    public var attachmentIds: [String]
    /// `static` or `propagated`.
    public var type: String
    public var state: RouteState

    public init(destination: RouteDestination, attachmentIds: [String], type: String = "static", state: RouteState = .active) {
        self.destination = destination
        self.attachmentIds = attachmentIds
        self.type = type
        self.state = state
    }
}
