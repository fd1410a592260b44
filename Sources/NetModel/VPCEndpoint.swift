/// A VPC endpoint: a private path to an AWS or partner service.
public struct VPCEndpoint: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var vpcId: String
    /// `Gateway`, `Interface` or `GatewayLoadBalancer`.
    public var endpointType: String
    public var serviceName: String
    public var state: String
    /// Gateway endpoints: the route tables that carry its prefix-list route.
    public var routeTableIds: [String]
    /// Interface endpoints: subnets, security groups and interfaces.
    public var subnetIds: [String]
    public var securityGroupIds: [String]
    public var networkInterfaceIds: [String]
    /// The endpoint policy (JSON text), when one is set.
    public var policyDocument: String?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, vpcId: String, endpointType: String, serviceName: String,
                state: String = "available", routeTableIds: [String] = [], subnetIds: [String] = [],
                securityGroupIds: [String] = [], networkInterfaceIds: [String] = [],
                policyDocument: String? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.vpcId = vpcId
        self.endpointType = endpointType
        self.serviceName = serviceName
        self.state = state
        self.routeTableIds = routeTableIds
        self.subnetIds = subnetIds
        self.securityGroupIds = securityGroupIds
        self.networkInterfaceIds = networkInterfaceIds
        self.policyDocument = policyDocument
        self.tags = tags
    }
}

/// A managed prefix list: a named set of CIDR blocks used by SG rules and routes.
public struct PrefixList: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var name: String?
    /// `IPv4` or `IPv6`.
    public var addressFamily: String?
    public var entries: [IPPrefix]
    /// False when the snapshot holds no entry listing for this list (entries unknown, not empty).
    public var entriesKnown: Bool
    public var tags: Tags

    public init(id: String, scope: ResourceScope, name: String? = nil, addressFamily: String? = nil,
                entries: [IPPrefix] = [], entriesKnown: Bool = false, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.name = name
        self.addressFamily = addressFamily
        self.entries = entries
        self.entriesKnown = entriesKnown
        self.tags = tags
    }
}
