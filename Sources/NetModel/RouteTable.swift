/// A route table with its routes and the subnets or gateways associated with it.
public struct RouteTable: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var vpcId: String
    public var routes: [Route]
    public var associations: [RouteTableAssociation]
    /// Virtual private gateways propagating routes into this table (`PropagatingVgws`); nil when not captured.
    public var propagatingVgws: [String]?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, vpcId: String, routes: [Route] = [],
                associations: [RouteTableAssociation] = [], propagatingVgws: [String]? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.vpcId = vpcId
        self.routes = routes
        self.associations = associations
        self.propagatingVgws = propagatingVgws
        self.tags = tags
    }

    /// Whether this is its VPC's main table (used by subnets without an explicit association).
    public var isMain: Bool { associations.contains { $0.isMain } }
}

/// What a route table is associated with: the VPC (main), a subnet, or a gateway (edge association).
public struct RouteTableAssociation: Sendable, Hashable, Codable {
    public var id: String?
    public var isMain: Bool
    public var subnetId: String?
    public var gatewayId: String?

    public init(id: String? = nil, isMain: Bool = false, subnetId: String? = nil, gatewayId: String? = nil) {
        self.id = id
        self.isMain = isMain
        self.subnetId = subnetId
        self.gatewayId = gatewayId
    }
}

/// One route: a destination, a target, and whether it is active or a blackhole.
public struct Route: Sendable, Hashable, Codable {
    public var destination: RouteDestination
    public var target: RouteTarget
    public var state: RouteState
    /// How the route was created (`CreateRouteTable`, `CreateRoute`, `EnableVgwRoutePropagation`).
    public var origin: String?

    public init(destination: RouteDestination, target: RouteTarget, state: RouteState = .active, origin: String? = nil) {
        self.destination = destination
        self.target = target
        self.state = state
        self.origin = origin
    }
}

/// Where a route sends traffic to: a CIDR block or a managed prefix list.
public enum RouteDestination: Sendable, Hashable, Codable, CustomStringConvertible {
    case cidr(IPPrefix)
    case prefixList(String)

    public var description: String {
        switch self {
        case .cidr(let p): p.description
        case .prefixList(let id): id
        }
    }
}

/// Whether a route forwards traffic or drops it (its target is gone).
public enum RouteState: String, Sendable, Hashable, Codable {
    case active
    case blackhole
}

/// The next hop of a route.
public enum RouteTarget: Sendable, Hashable, Codable, CustomStringConvertible {
    case local
    case internetGateway(String)
    case egressOnlyInternetGateway(String)
    case natGateway(String)
    case vpcPeering(String)
    case transitGateway(String)
    case vpcEndpoint(String)
    case networkInterface(String)
    case instance(String)
    case virtualPrivateGateway(String)
    case carrierGateway(String)
    case localGateway(String)
    case coreNetwork(String)
    /// A target the model has no case for, kept verbatim.
    case other(String)

    /// The short kind name used in tables and output (`igw`, `nat`, `pcx`, ...).
    public var kind: String {
        switch self {
        case .local: "local"
        case .internetGateway: "igw"
        case .egressOnlyInternetGateway: "eigw"
        case .natGateway: "nat"
        case .vpcPeering: "pcx"
        case .transitGateway: "tgw"
        case .vpcEndpoint: "vpce"
        case .networkInterface: "eni"
        case .instance: "instance"
        case .virtualPrivateGateway: "vgw"
        case .carrierGateway: "cagw"
        case .localGateway: "lgw"
        case .coreNetwork: "core-network"
        case .other: "other"
        }
    }

    /// The target's identifier (`local` for local routes).
    public var targetId: String {
        switch self {
        case .local: "local"
        case .internetGateway(let id), .egressOnlyInternetGateway(let id), .natGateway(let id),
             .vpcPeering(let id), .transitGateway(let id), .vpcEndpoint(let id),
             .networkInterface(let id), .instance(let id), .virtualPrivateGateway(let id),
             .carrierGateway(let id), .localGateway(let id), .coreNetwork(let id), .other(let id):
            id
        }
    }

    public var description: String { self == .local ? "local" : "\(kind) \(targetId)" }

    /// Rebuilds a target from its short kind and identifier (the inverse of `kind` and `targetId`).
    public init(kind: String, id: String) {
        switch kind {
        case "local": self = .local
        case "igw": self = .internetGateway(id)
        case "eigw": self = .egressOnlyInternetGateway(id)
        case "nat": self = .natGateway(id)
        case "pcx": self = .vpcPeering(id)
        case "tgw": self = .transitGateway(id)
        case "vpce": self = .vpcEndpoint(id)
        case "eni": self = .networkInterface(id)
        case "instance": self = .instance(id)
        case "vgw": self = .virtualPrivateGateway(id)
        case "cagw": self = .carrierGateway(id)
        case "lgw": self = .localGateway(id)
        case "core-network": self = .coreNetwork(id)
        default: self = .other(id)
        }
    }
}
