/// An ElastiCache cluster (Redis OSS, Valkey or Memcached) and its nodes.
public struct CacheCluster: Sendable, Hashable, Codable, Identifiable {
    /// The cache cluster ID.
    public var id: String
    public var scope: ResourceScope
    public var arn: String?
    public var engine: String
    public var engineVersion: String?
    public var status: String?
    public var replicationGroupId: String?
    public var subnetGroupName: String?
    public var securityGroupIds: [String]
    public var nodes: [CacheNode]
    public var transitEncryption: Bool
    public var authTokenEnabled: Bool
    public var tags: Tags

    public init(id: String, scope: ResourceScope, arn: String? = nil, engine: String, engineVersion: String? = nil,
                status: String? = nil, replicationGroupId: String? = nil, subnetGroupName: String? = nil,
                securityGroupIds: [String] = [], nodes: [CacheNode] = [], transitEncryption: Bool = false,
                authTokenEnabled: Bool = false, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.arn = arn
        self.engine = engine
        self.engineVersion = engineVersion
        self.status = status
        self.replicationGroupId = replicationGroupId
        self.subnetGroupName = subnetGroupName
        self.securityGroupIds = securityGroupIds
        self.nodes = nodes
        self.transitEncryption = transitEncryption
        self.authTokenEnabled = authTokenEnabled
        self.tags = tags
    }
}

/// A cache node: its endpoint host name and port (`--show-cache-node-info`).
public struct CacheNode: Sendable, Hashable, Codable {
    public var id: String
    public var address: String?
    public var port: Int?
    public var availabilityZone: String?

    public init(id: String, address: String? = nil, port: Int? = nil, availabilityZone: String? = nil) {
        self.id = id
        self.address = address
        self.port = port
        self.availabilityZone = availabilityZone
    }
}

/// An ElastiCache replication group: the clusters that serve one Redis OSS/Valkey data set.
public struct CacheReplicationGroup: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var description: String?
    public var status: String?
    public var memberClusterIds: [String]
    public var primaryEndpoint: String?
    public var configurationEndpoint: String?
    public var port: Int?
    public var transitEncryption: Bool
    public var authTokenEnabled: Bool

    public init(id: String, scope: ResourceScope, description: String? = nil, status: String? = nil, memberClusterIds: [String] = [],
                primaryEndpoint: String? = nil, configurationEndpoint: String? = nil, port: Int? = nil,
                transitEncryption: Bool = false, authTokenEnabled: Bool = false) {
        self.id = id
        self.scope = scope
        self.description = description
        self.status = status
        self.memberClusterIds = memberClusterIds
        self.primaryEndpoint = primaryEndpoint
        self.configurationEndpoint = configurationEndpoint
        self.port = port
        self.transitEncryption = transitEncryption
        self.authTokenEnabled = authTokenEnabled
    }
}

/// A cache subnet group: the subnets ElastiCache places nodes in.
public struct CacheSubnetGroup: Sendable, Hashable, Codable, Identifiable {
    /// The group name.
    public var id: String
    public var scope: ResourceScope
    public var vpcId: String?
    public var subnetIds: [String]

    public init(id: String, scope: ResourceScope, vpcId: String? = nil, subnetIds: [String] = []) {
        self.id = id
        self.scope = scope
        self.vpcId = vpcId
        self.subnetIds = subnetIds
    }
}
