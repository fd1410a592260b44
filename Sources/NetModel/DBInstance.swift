/// An RDS database instance.
public struct DBInstance: Sendable, Hashable, Codable, Identifiable {
    /// The DB instance identifier.
    public var id: String
    public var scope: ResourceScope
    public var arn: String?
    public var engine: String
    public var engineVersion: String?
    public var instanceClass: String?
    public var status: String?
    public var endpointAddress: String?
    public var port: Int?
    public var publiclyAccessible: Bool
    public var storageEncrypted: Bool
    public var multiAZ: Bool
    public var availabilityZone: String?
    public var securityGroupIds: [String]
    public var subnetGroupName: String?
    public var vpcId: String?
    /// Subnets of the DB subnet group, as the instance description lists them.
    public var subnetIds: [String]
    /// The Aurora/Multi-AZ cluster the instance belongs to (`DBClusterIdentifier`).
    public var clusterId: String?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, arn: String? = nil, engine: String, engineVersion: String? = nil,
                instanceClass: String? = nil, status: String? = nil, endpointAddress: String? = nil, port: Int? = nil,
                publiclyAccessible: Bool = false, storageEncrypted: Bool = false, multiAZ: Bool = false,
                availabilityZone: String? = nil, securityGroupIds: [String] = [], subnetGroupName: String? = nil,
                vpcId: String? = nil, subnetIds: [String] = [], clusterId: String? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.arn = arn
        self.engine = engine
        self.engineVersion = engineVersion
        self.instanceClass = instanceClass
        self.status = status
        self.endpointAddress = endpointAddress
        self.port = port
        self.publiclyAccessible = publiclyAccessible
        self.storageEncrypted = storageEncrypted
        self.multiAZ = multiAZ
        self.availabilityZone = availabilityZone
        self.securityGroupIds = securityGroupIds
        self.subnetGroupName = subnetGroupName
        self.vpcId = vpcId
        self.subnetIds = subnetIds
        self.clusterId = clusterId
        self.tags = tags
    }
}

/// A DB subnet group: the subnets RDS may place instances in.
public struct DBSubnetGroup: Sendable, Hashable, Codable, Identifiable {
    /// The group name.
    public var id: String
    public var scope: ResourceScope
    public var vpcId: String?
    public var subnetIds: [String]
    public var description: String?

    public init(id: String, scope: ResourceScope, vpcId: String? = nil, subnetIds: [String] = [], description: String? = nil) {
        self.id = id
        self.scope = scope
        self.vpcId = vpcId
        self.subnetIds = subnetIds
        self.description = description
    }
}
