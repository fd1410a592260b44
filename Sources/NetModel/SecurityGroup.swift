/// A security group: a stateful firewall attached to network interfaces.
public struct SecurityGroup: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var name: String
    public var description: String?
    public var vpcId: String?
    public var ownerId: String?
    /// One rule per (permission, peer) pair: AWS's `IpPermissions` flattened.
    public var ingress: [SecurityGroupRule]
    public var egress: [SecurityGroupRule]
    public var tags: Tags

    public init(id: String, scope: ResourceScope, name: String, description: String? = nil, vpcId: String? = nil,
                ownerId: String? = nil, ingress: [SecurityGroupRule] = [], egress: [SecurityGroupRule] = [], tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.name = name
        self.description = description
        self.vpcId = vpcId
        self.ownerId = ownerId
        self.ingress = ingress
        self.egress = egress
        self.tags = tags
    }

    /// The Name tag when set, else the group name.
    public var displayName: String { tags.name ?? name }
}

/// One security group rule with a single peer.
///
/// Ports follow AWS: for TCP/UDP `fromPort...toPort`; for ICMP `fromPort` is the
/// type and `toPort` the code (-1 = any); absent for protocol `all`.
public struct SecurityGroupRule: Sendable, Hashable, Codable {
    public var ipProtocol: IPProtocol
    public var fromPort: Int?
    public var toPort: Int?
    public var peer: RulePeer
    public var description: String?

    public init(ipProtocol: IPProtocol, fromPort: Int? = nil, toPort: Int? = nil, peer: RulePeer, description: String? = nil) {
        self.ipProtocol = ipProtocol
        self.fromPort = fromPort
        self.toPort = toPort
        self.peer = peer
        self.description = description
    }

    /// The ports a TCP/UDP rule admits (every port for protocol `all`), nil for other protocols.
    public var portRange: PortRange? {
        if ipProtocol == .all { return .all }
        guard ipProtocol.hasPorts else { return nil }
        guard let from = fromPort, let to = toPort, from >= 0 else { return .all }
        return PortRange(from, to)
    }
}

/// The other end of a security group rule.
public enum RulePeer: Sendable, Hashable, Codable, CustomStringConvertible {
    case cidr(IPPrefix)
    case securityGroup(SecurityGroupReference)
    case prefixList(String)

    public var description: String {
        switch self {
        case .cidr(let p): p.description
        case .securityGroup(let ref): ref.groupId
        case .prefixList(let id): id
        }
    }
}

/// A rule's reference to another security group, possibly in another account or a peered VPC.
public struct SecurityGroupReference: Sendable, Hashable, Codable {
    public var groupId: String
    public var userId: String?
    public var vpcId: String?
    public var vpcPeeringConnectionId: String?

    public init(groupId: String, userId: String? = nil, vpcId: String? = nil, vpcPeeringConnectionId: String? = nil) {
        self.groupId = groupId
        self.userId = userId
        self.vpcId = vpcId
        self.vpcPeeringConnectionId = vpcPeeringConnectionId
    }
}
