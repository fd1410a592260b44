/// An internet gateway and the VPCs it is attached to.
public struct InternetGateway: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var attachedVpcIds: [String]
    public var tags: Tags

    public init(id: String, scope: ResourceScope, attachedVpcIds: [String], tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.attachedVpcIds = attachedVpcIds
        self.tags = tags
    }
}

/// An egress-only internet gateway (IPv6 outbound only).
public struct EgressOnlyInternetGateway: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var attachedVpcIds: [String]
    public var tags: Tags

    public init(id: String, scope: ResourceScope, attachedVpcIds: [String], tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.attachedVpcIds = attachedVpcIds
        self.tags = tags
    }
}

/// A NAT gateway: outbound-only translation for private subnets.
public struct NATGateway: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var vpcId: String
    public var subnetId: String
    /// `available`, `pending`, `deleted`, ...
    public var state: String
    /// `public` (uses an internet gateway) or `private`.
    public var connectivityType: String
    public var addresses: [NATGatewayAddress]
    public var tags: Tags

    public init(id: String, scope: ResourceScope, vpcId: String, subnetId: String, state: String = "available",
                connectivityType: String = "public", addresses: [NATGatewayAddress] = [], tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.vpcId = vpcId
        self.subnetId = subnetId
        self.state = state
        self.connectivityType = connectivityType
        self.addresses = addresses
        self.tags = tags
    }
}

/// One address of a NAT gateway: its interface, private and public IP.
public struct NATGatewayAddress: Sendable, Hashable, Codable {
    public var networkInterfaceId: String?
    public var privateIp: String?
    public var publicIp: String?
    public var allocationId: String?

    public init(networkInterfaceId: String? = nil, privateIp: String? = nil, publicIp: String? = nil, allocationId: String? = nil) {
        self.networkInterfaceId = networkInterfaceId
        self.privateIp = privateIp
        self.publicIp = publicIp
        self.allocationId = allocationId
    }
}

/// An Elastic IP address and what it is associated with.
public struct ElasticIP: Sendable, Hashable, Codable, Identifiable {
    /// The allocation ID, or the public IP for EC2-Classic style addresses.
    public var id: String
    public var scope: ResourceScope
    public var publicIp: String
    public var networkInterfaceId: String?
    public var privateIp: String?
    public var instanceId: String?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, publicIp: String, networkInterfaceId: String? = nil,
                privateIp: String? = nil, instanceId: String? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.publicIp = publicIp
        self.networkInterfaceId = networkInterfaceId
        self.privateIp = privateIp
        self.instanceId = instanceId
        self.tags = tags
    }
}
