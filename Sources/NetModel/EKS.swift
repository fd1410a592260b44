/// An Amazon EKS cluster: its API endpoint and where its control plane's interfaces go.
public struct EKSCluster: Sendable, Hashable, Codable, Identifiable {
    /// The cluster name.
    public var id: String
    public var scope: ResourceScope
    public var arn: String?
    public var version: String?
    public var status: String?
    public var roleArn: String?
    /// The API server's URL.
    public var endpoint: String?
    public var vpcId: String?
    public var subnetIds: [String]
    /// Additional security groups (`resourcesVpcConfig.securityGroupIds`).
    public var securityGroupIds: [String]
    /// The cluster security group EKS creates (`resourcesVpcConfig.clusterSecurityGroupId`).
    public var clusterSecurityGroupId: String?
    public var endpointPublicAccess: Bool
    public var endpointPrivateAccess: Bool
    /// CIDRs allowed to the public endpoint (AWS default: 0.0.0.0/0).
    public var publicAccessCidrs: [String]
    public var tags: Tags

    public init(id: String, scope: ResourceScope, arn: String? = nil, version: String? = nil, status: String? = nil,
                roleArn: String? = nil, endpoint: String? = nil, vpcId: String? = nil, subnetIds: [String] = [],
                securityGroupIds: [String] = [], clusterSecurityGroupId: String? = nil, endpointPublicAccess: Bool = true,
                endpointPrivateAccess: Bool = false, publicAccessCidrs: [String] = [], tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.arn = arn
        self.version = version
        self.status = status
        self.roleArn = roleArn
        self.endpoint = endpoint
        self.vpcId = vpcId
        self.subnetIds = subnetIds
        self.securityGroupIds = securityGroupIds
        self.clusterSecurityGroupId = clusterSecurityGroupId
        self.endpointPublicAccess = endpointPublicAccess
        self.endpointPrivateAccess = endpointPrivateAccess
        self.publicAccessCidrs = publicAccessCidrs
        self.tags = tags
    }

    /// Every security group on the control plane's interfaces.
    public var allSecurityGroupIds: [String] { (clusterSecurityGroupId.map { [$0] } ?? []) + securityGroupIds.filter { $0 != clusterSecurityGroupId } }
}

/// An EKS managed node group: its Auto Scaling groups' instances are the cluster's nodes.
public struct EKSNodegroup: Sendable, Hashable, Codable, Identifiable {
    /// The node group's ARN.
    public var id: String
    public var scope: ResourceScope
    public var name: String
    public var clusterName: String
    public var status: String?
    public var nodeRoleArn: String?
    public var subnetIds: [String]
    public var autoScalingGroupNames: [String]
    /// `remoteAccess.sourceSecurityGroups`: who may SSH to the nodes.
    public var remoteAccessSecurityGroupIds: [String]
    public var tags: Tags

    public init(id: String, scope: ResourceScope, name: String, clusterName: String, status: String? = nil,
                nodeRoleArn: String? = nil, subnetIds: [String] = [], autoScalingGroupNames: [String] = [],
                remoteAccessSecurityGroupIds: [String] = [], tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.name = name
        self.clusterName = clusterName
        self.status = status
        self.nodeRoleArn = nodeRoleArn
        self.subnetIds = subnetIds
        self.autoScalingGroupNames = autoScalingGroupNames
        self.remoteAccessSecurityGroupIds = remoteAccessSecurityGroupIds
        self.tags = tags
    }
}
