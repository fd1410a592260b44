/// A VPC peering connection between a requester and an accepter VPC.
public struct VPCPeeringConnection: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    /// `active`, `pending-acceptance`, `rejected`, `deleted`, ...
    public var status: String
    public var requester: PeeringSide
    public var accepter: PeeringSide
    public var tags: Tags

    public init(id: String, scope: ResourceScope, status: String, requester: PeeringSide, accepter: PeeringSide, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.status = status
        self.requester = requester
        self.accepter = accepter
        self.tags = tags
    }

    /// Whether traffic can flow (the connection has been accepted and not deleted).
    public var isActive: Bool { status == "active" }
}

/// One side of a peering connection.
public struct PeeringSide: Sendable, Hashable, Codable {
    public var vpcId: String
    public var ownerId: String?
    public var region: String?
    public var cidrBlocks: [IPPrefix]

    public init(vpcId: String, ownerId: String? = nil, region: String? = nil, cidrBlocks: [IPPrefix] = []) {
        self.vpcId = vpcId
        self.ownerId = ownerId
        self.region = region
        self.cidrBlocks = cidrBlocks
    }
}
