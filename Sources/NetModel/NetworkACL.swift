/// A network ACL: a stateless, ordered subnet firewall.
public struct NetworkACL: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var vpcId: String
    public var isDefault: Bool
    /// Entries in both directions, as listed (evaluate by ascending rule number).
    public var entries: [NetworkACLEntry]
    public var subnetIds: [String]
    public var tags: Tags

    public init(id: String, scope: ResourceScope, vpcId: String, isDefault: Bool = false,
                entries: [NetworkACLEntry] = [], subnetIds: [String] = [], tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.vpcId = vpcId
        self.isDefault = isDefault
        self.entries = entries
        self.subnetIds = subnetIds
        self.tags = tags
    }

    /// The entries of one direction in evaluation order (lowest rule number first).
    public func orderedEntries(egress: Bool) -> [NetworkACLEntry] {
        entries.filter { $0.egress == egress }.sorted { $0.ruleNumber < $1.ruleNumber }
    }
}

/// One numbered NACL entry. Rule 32767 is AWS's implicit final deny.
public struct NetworkACLEntry: Sendable, Hashable, Codable {
    public var ruleNumber: Int
    public var egress: Bool
    public var ipProtocol: IPProtocol
    public var action: RuleAction
    public var cidr: IPPrefix
    /// TCP/UDP ports; nil means all ports.
    public var portRange: PortRange?
    /// ICMP type and code (-1 = any).
    public var icmpType: Int?
    public var icmpCode: Int?

    public init(ruleNumber: Int, egress: Bool, ipProtocol: IPProtocol, action: RuleAction, cidr: IPPrefix,
                portRange: PortRange? = nil, icmpType: Int? = nil, icmpCode: Int? = nil) {
        self.ruleNumber = ruleNumber
        self.egress = egress
        self.ipProtocol = ipProtocol
        self.action = action
        self.cidr = cidr
        self.portRange = portRange
        self.icmpType = icmpType
        self.icmpCode = icmpCode
    }
}

/// Allow or deny.
public enum RuleAction: String, Sendable, Hashable, Codable {
    case allow
    case deny
}
