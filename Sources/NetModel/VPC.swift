/// A virtual private cloud: an isolated address space of one or more CIDR blocks.
public struct VPC: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    /// Every associated IPv4 block (primary first) and IPv6 block.
    public var cidrBlocks: [IPPrefix]
    public var isDefault: Bool
    public var tags: Tags

    public init(id: String, scope: ResourceScope, cidrBlocks: [IPPrefix], isDefault: Bool = false, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.cidrBlocks = cidrBlocks
        self.isDefault = isDefault
        self.tags = tags
    }
}

/// A subnet: a block of a VPC in one availability zone.
public struct Subnet: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var vpcId: String
    public var cidrBlocks: [IPPrefix]
    public var availabilityZone: String?
    /// Whether instances launched here get a public IPv4 address by default.
    public var mapPublicIpOnLaunch: Bool
    /// An IPv6-only subnet (`Ipv6Native`); nil when not said.
    public var ipv6Native: Bool?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, vpcId: String, cidrBlocks: [IPPrefix],
                availabilityZone: String? = nil, mapPublicIpOnLaunch: Bool = false, ipv6Native: Bool? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.vpcId = vpcId
        self.cidrBlocks = cidrBlocks
        self.availabilityZone = availabilityZone
        self.mapPublicIpOnLaunch = mapPublicIpOnLaunch
        self.ipv6Native = ipv6Native
        self.tags = tags
    }
}
