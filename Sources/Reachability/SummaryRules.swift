import NetModel

/// The security group rules and network ACL entries of a topology, precomputed for one protocol, as the matrix's
/// summary evaluator reads them: per group and direction the ports each kind of peer is allowed, per NACL and
/// direction its entries in rule-number order with their ports.
struct SummaryRules: Sendable {
    /// One direction of one security group: the ports allowed to or from each peer a rule can name.
    struct GroupPorts: Sendable {
        /// Rules referencing a security group, by that group.
        var byGroup: [String: PortSet] = [:]
        /// Rules naming an address block.
        var byPrefix: [(prefix: IPPrefix, ports: PortSet)] = []
        /// Rules naming a managed prefix list (its addresses; a list whose entries were not captured admits none).
        var byPrefixList: [(addresses: AddressSet, ports: PortSet)] = []
    }

    /// One direction of one network ACL: the entries for the protocol, lowest rule number first.
    struct ACLEntries: Sendable {
        /// Where the NACL's memoized answers are kept (`SummaryMemo`).
        var slot: Int
        var entries: [(cidr: IPPrefix, ports: PortSet, allow: Bool)]
    }

    let proto: IPProtocol
    private let ingressGroups: [String: GroupPorts]
    private let egressGroups: [String: GroupPorts]
    private let ingressACLs: [String: ACLEntries]
    private let egressACLs: [String: ACLEntries]
    /// Security groups and NACLs with a value unknown before apply (`UnknownBeforeApply`): the flows they take part
    /// in are left to the full analyzer, which says why they are unknown.
    let undecidable: Set<String>

    init(_ topology: Topology, proto: IPProtocol) {
        self.proto = proto
        var ingress: [String: GroupPorts] = [:], egress: [String: GroupPorts] = [:]
        var undecidable = Set<String>()
        for group in topology.inventory.securityGroups {
            if !UnknownBeforeApply.rules(group.tags).isEmpty { undecidable.insert(group.id) }
            ingress[group.id] = SummaryRules.ports(group.ingress, proto, topology)
            egress[group.id] = SummaryRules.ports(group.egress, proto, topology)
        }
        var ingressACLs: [String: ACLEntries] = [:], egressACLs: [String: ACLEntries] = [:]
        for (slot, acl) in topology.inventory.networkACLs.enumerated() {
            if UnknownBeforeApply.acl(acl.tags) != nil { undecidable.insert(acl.id) }
            func entries(_ egress: Bool) -> ACLEntries {
                // AWS "Network ACL rules": rules are evaluated in order, lowest number first; the first match decides.
                ACLEntries(slot: 2 * slot + (egress ? 1 : 0), entries: acl.orderedEntries(egress: egress).filter { $0.ipProtocol.admits(proto) }
                    .map { ($0.cidr, NACLEvaluator.ports(of: $0, for: proto), $0.action == .allow) })
            }
            ingressACLs[acl.id] = entries(false)
            egressACLs[acl.id] = entries(true)
        }
        for table in topology.inventory.routeTables where !UnknownBeforeApply.routes(table.tags).isEmpty { undecidable.insert(table.id) }
        (ingressGroups, egressGroups, self.ingressACLs, self.egressACLs, self.undecidable) = (ingress, egress, ingressACLs, egressACLs, undecidable)
    }

    /// The entries of a NACL in one direction; nil for an unknown NACL.
    func acl(_ id: String, egress: Bool) -> ACLEntries? { egress ? egressACLs[id] : ingressACLs[id] }

    /// One direction of a security group's rules; nil for a group not in the snapshot.
    func groups(_ id: String, egress: Bool) -> GroupPorts? { egress ? egressGroups[id] : ingressGroups[id] }

    /// The ports `groups` (one direction of an endpoint's security groups) allow to or from a peer at `address` holding
    /// `peerGroups` (group references count only where `references`: private traffic in the VPC or over same-region peering).
    /// AWS "Security group rules": rules are permissive only, the union of every rule of every attached group applies.
    static func ports(_ groups: [GroupPorts], address: IPAddress, peerGroups: [String], references: Bool) -> PortSet {
        var ports = PortSet()
        // Once every port is allowed no further rule can add one.
        for rules in groups where ports != .all {
            for rule in rules.byPrefix where rule.prefix.contains(address) { ports = ports.union(rule.ports) }
            if references, !rules.byGroup.isEmpty {
                for peer in peerGroups { if let p = rules.byGroup[peer] { ports = ports.union(p) } }
            }
            for rule in rules.byPrefixList where rule.addresses.contains(address) { ports = ports.union(rule.ports) }
        }
        return ports
    }

    /// One direction of a group's rules for the protocol, by peer.
    private static func ports(_ rules: [SecurityGroupRule], _ proto: IPProtocol, _ topology: Topology) -> GroupPorts {
        var out = GroupPorts()
        for rule in rules where rule.ipProtocol.admits(proto) {
            let ports = SecurityGroupEvaluator.ports(of: rule, for: proto)
            switch rule.peer {
            case .cidr(let prefix): out.byPrefix.append((prefix, ports))
            case .securityGroup(let ref): out.byGroup[ref.groupId] = (out.byGroup[ref.groupId] ?? PortSet()).union(ports)
            case .prefixList(let id): if let addresses = topology.prefixListAddresses(id) { out.byPrefixList.append((addresses, ports)) }
            }
        }
        return out
    }
}
