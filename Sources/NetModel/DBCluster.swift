/// An Aurora (or Multi-AZ) DB cluster: its members and the endpoints clients use.
public struct DBCluster: Sendable, Hashable, Codable, Identifiable {
    /// The DB cluster identifier.
    public var id: String
    public var scope: ResourceScope
    public var arn: String?
    public var engine: String
    public var engineVersion: String?
    public var status: String?
    /// The writer endpoint.
    public var endpoint: String?
    public var readerEndpoint: String?
    public var port: Int?
    public var members: [DBClusterMember]
    public var securityGroupIds: [String]
    public var subnetGroupName: String?
    public var storageEncrypted: Bool
    /// Multi-AZ DB clusters carry this on the cluster; Aurora on each instance.
    public var publiclyAccessible: Bool?
    public var iamDatabaseAuthentication: Bool
    public var tags: Tags

    public init(id: String, scope: ResourceScope, arn: String? = nil, engine: String, engineVersion: String? = nil,
                status: String? = nil, endpoint: String? = nil, readerEndpoint: String? = nil, port: Int? = nil,
                members: [DBClusterMember] = [], securityGroupIds: [String] = [], subnetGroupName: String? = nil,
                storageEncrypted: Bool = false, publiclyAccessible: Bool? = nil, iamDatabaseAuthentication: Bool = false,
                tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.arn = arn
        self.engine = engine
        self.engineVersion = engineVersion
        self.status = status
        self.endpoint = endpoint
        self.readerEndpoint = readerEndpoint
        self.port = port
        self.members = members
        self.securityGroupIds = securityGroupIds
        self.subnetGroupName = subnetGroupName
        self.storageEncrypted = storageEncrypted
        self.publiclyAccessible = publiclyAccessible
        self.iamDatabaseAuthentication = iamDatabaseAuthentication
        self.tags = tags
    }
}

/// A DB instance of a cluster and its role.
public struct DBClusterMember: Sendable, Hashable, Codable {
    public var instanceId: String
    public var isWriter: Bool

    public init(instanceId: String, isWriter: Bool) {
        self.instanceId = instanceId
        self.isWriter = isWriter
    }
}
