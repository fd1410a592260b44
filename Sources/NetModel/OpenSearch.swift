/// An Amazon OpenSearch Service (or Elasticsearch) domain: in a VPC, or on a public endpoint guarded by its access policy.
public struct OpenSearchDomain: Sendable, Hashable, Codable, Identifiable {
    /// The domain name.
    public var id: String
    public var scope: ResourceScope
    public var arn: String?
    public var engineVersion: String?
    /// The public endpoint (`Endpoint`) or the VPC endpoint (`Endpoints.vpc`).
    public var endpoint: String?
    /// nil for a public domain (no `VPCOptions`).
    public var vpcId: String?
    public var subnetIds: [String]
    public var securityGroupIds: [String]
    /// The domain's access policy as JSON text (`AccessPolicies`); nil or empty when none.
    public var accessPolicy: String?
    public var nodeToNodeEncryption: Bool
    public var encryptionAtRest: Bool
    public var enforceHTTPS: Bool
    /// Fine-grained access control (`AdvancedSecurityOptions.Enabled`).
    public var fineGrainedAccessControl: Bool

    public init(id: String, scope: ResourceScope, arn: String? = nil, engineVersion: String? = nil, endpoint: String? = nil,
                vpcId: String? = nil, subnetIds: [String] = [], securityGroupIds: [String] = [], accessPolicy: String? = nil,
                nodeToNodeEncryption: Bool = false, encryptionAtRest: Bool = false, enforceHTTPS: Bool = false,
                fineGrainedAccessControl: Bool = false) {
        self.id = id
        self.scope = scope
        self.arn = arn
        self.engineVersion = engineVersion
        self.endpoint = endpoint
        self.vpcId = vpcId
        self.subnetIds = subnetIds
        self.securityGroupIds = securityGroupIds
        self.accessPolicy = accessPolicy
        self.nodeToNodeEncryption = nodeToNodeEncryption
        self.encryptionAtRest = encryptionAtRest
        self.enforceHTTPS = enforceHTTPS
        self.fineGrainedAccessControl = fineGrainedAccessControl
    }

    /// A domain outside any VPC answers on a public endpoint (AWS "Launching your Amazon OpenSearch Service domains within a VPC").
    /// A domain with VPC subnets is in a VPC even when its output leaves `VPCId` out.
    public var isPublic: Bool { vpcId == nil && subnetIds.isEmpty }
}
