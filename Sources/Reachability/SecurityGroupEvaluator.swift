import NetModel

/// The other end of a flow as a security group rule sees it.
struct Peer {
    var addresses: AddressSet
    var groups: Set<String>
    /// Whether rules referencing security groups can match (private traffic in the VPC or over peering).
    var groupReferencesApply: Bool
    /// How to name the peer in messages (computed only when explaining).
    var label: () -> String
    /// A concrete suggestion for a rule's source/destination in fixes.
    var suggestion: () -> String
    /// For a peer placed in its subnet (no interface in the snapshot, or planned): the range its real address is in,
    /// and why that address is unknown. A CIDR rule covering only part of the range can't be decided for it.
    var estimatedWithin: AddressSet? = nil
    var estimateReason: String = ""
}

/// Evaluates security group rules: stateful, any rule of any attached group allows.
struct SecurityGroupEvaluator {
    let topology: Topology

    func check(groups: [String], egress: Bool, proto: IPProtocol, peer: Peer, owner: String) -> CheckResult {
        var region = Region()
        var matched: [(group: String, rule: SecurityGroupRule, region: Region)] = []
        var missing: [String] = []
        var undecided: [Undecided] = []
        // One peer address (between interfaces): every piece has that address, so only their ports are unioned.
        let single = peer.addresses.singleAddress
        var singlePorts = PortSet()
        for groupId in groups {
            guard let group = topology.securityGroups[groupId] else { missing.append(groupId); continue }
            for rule in egress ? group.egress : group.ingress where rule.ipProtocol.admits(proto) {
                let ports = SecurityGroupEvaluator.ports(of: rule, for: proto)
                var addresses = AddressSet()
                switch rule.peer {
                case .cidr(let prefix):
                    addresses = AddressSet(prefix).intersection(peer.addresses)
                    if let range = peer.estimatedWithin, AddressSet(prefix).intersects(range), !AddressSet(prefix).isSuperset(of: range) {
                        // The rule admits part of the range the peer's unknown address is in: neither yes nor no.
                        let piece = Region(ports: SecurityGroupEvaluator.ports(of: rule, for: proto), addresses: peer.addresses)
                        undecided.append(Undecided(region: piece, reason: "\(topology.label(groupId)) \(egress ? "egress" : "ingress") admits \(prefix), part of the range: \(peer.estimateReason)"))
                        addresses = AddressSet()
                    }
                case .securityGroup(let ref):
                    if peer.groupReferencesApply && peer.groups.contains(ref.groupId) { addresses = peer.addresses }
                case .prefixList(let id):
                    addresses = (topology.prefixListAddresses(id) ?? AddressSet()).intersection(peer.addresses)
                }
                let piece = Region(ports: ports, addresses: addresses)
                if !piece.isEmpty {
                    if single != nil { singlePorts = singlePorts.union(ports) } else { region = region.union(piece) }
                    matched.append((groupId, rule, piece))
                }
            }
        }
        for groupId in groups {
            guard let group = topology.securityGroups[groupId] else { continue }
            for unknown in UnknownBeforeApply.rules(group.tags) where unknown.egress == egress && unknown.rule.ipProtocol.admits(proto) {
                let piece = Region(ports: SecurityGroupEvaluator.ports(of: unknown.rule, for: proto), addresses: peer.addresses)
                guard !piece.isEmpty else { continue }
                let what = SecurityGroupEvaluator.describe(unknown.rule, egress: egress).split(separator: " ").first.map(String.init) ?? ""
                undecided.append(Undecided(region: piece, reason: "\(topology.label(groupId)) \(egress ? "egress" : "ingress") \(what): \(unknown.reason)"))
            }
        }
        if single != nil, !singlePorts.isEmpty { region = Region(ports: singlePorts, addresses: peer.addresses) }
        let direction = egress ? "egress" : "ingress"
        let topology = self.topology
        let noun = egress ? "outbound" : "inbound"
        let preposition = egress ? "to" : "from"
        return CheckResult(
            kind: "security-group-\(direction)", resource: groups.joined(separator: ","), region: region,
            explainAllowed: { allowed in
                let rules = matched.filter { !$0.region.intersection(allowed).isEmpty }
                    .map { "\(topology.label($0.group)) \(noun) \(SecurityGroupEvaluator.describe($0.rule, egress: egress))" }
                return rules.joined(separator: "; ")
            },
            explainBlocked: { blocked in
                let what = Describe.traffic(proto, blocked.ports)
                if groups.isEmpty {
                    return ("\(owner) has no security groups", "attach a security group allowing \(what) \(preposition) \(peer.suggestion())")
                }
                let groupLabels = groups.map(topology.label).joined(separator: ", ")
                var detail = "no \(noun) rule of \(groupLabels) allows \(what) \(preposition) \(peer.label())"
                if !missing.isEmpty { detail += " (security groups \(missing.joined(separator: ", ")) are not in the snapshot)" }
                let target = groups.first.map(topology.label) ?? ""
                let service = blocked.ports == .all && proto.hasPorts ? "the service's \(proto) port" : what
                return (detail, "add an \(noun) rule to \(target) allowing \(service) \(preposition) \(peer.suggestion())")
            }, undecidedParts: undecided.map { Undecided(region: $0.region.subtracting(region), reason: $0.reason) }.filter { !$0.region.isEmpty })
    }

    /// The ports (ICMP: types) a rule admits for a protocol.
    static func ports(of rule: SecurityGroupRule, for proto: IPProtocol) -> PortSet {
        if rule.ipProtocol == .all || proto == .all { return .all }
        if proto.hasPorts { return rule.portRange.map(PortSet.init) ?? .all }
        guard let type = rule.fromPort, type >= 0 else { return .all }
        return PortSet(type)
    }

    static func describe(_ rule: SecurityGroupRule, egress: Bool) -> String {
        let what: String
        switch rule.ipProtocol {
        case .all: what = "all traffic"
        case .tcp, .udp: what = "\(rule.ipProtocol)/\(rule.portRange.map(\.description) ?? "all")"
        case .icmp, .icmpv6: what = rule.fromPort.map { $0 < 0 ? "\(rule.ipProtocol) (all types)" : "\(rule.ipProtocol) type \($0)" } ?? "\(rule.ipProtocol)"
        case .number(let n): what = "protocol \(n)"
        }
        return "\(what) \(egress ? "to" : "from") \(rule.peer)"
    }
}

/// Shared phrasing for messages.
enum Describe {
    static func traffic(_ proto: IPProtocol, _ ports: PortSet) -> String {
        switch proto {
        case .all: return "all traffic"
        case .icmp: return "ICMP echo (ping)"
        case .tcp, .udp: return ports == .all ? "all \(proto) ports" : "\(proto)/\(ports)"
        default: return "protocol \(proto)"
        }
    }
}
