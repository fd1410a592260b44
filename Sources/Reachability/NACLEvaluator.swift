import NetModel

/// Evaluates network ACLs: stateless, lowest rule number first, first match wins, implicit deny.
struct NACLEvaluator {
    let topology: Topology

    /// The check of one subnet's NACL in one direction for traffic to or from `peer`. `estimated`: the range a peer
    /// placed in its subnet really is in, and why its address is unknown; an entry covering part of it decides nothing.
    func check(subnet: String, egress: Bool, proto: IPProtocol, peer: AddressSet, peerLabel: String,
               kind: String, portsMeaning: String = "", estimated: (range: AddressSet, reason: String)? = nil) -> CheckResult {
        guard let acl = topology.aclBySubnet[subnet] else {
            return CheckResult(kind: kind, resource: subnet, region: Region(ports: .all, addresses: peer),
                               explainAllowed: { _ in "no network ACL data for \(subnet): assumed to allow" },
                               explainBlocked: { _ in ("", "") })
        }
        var allowed = Region()
        var decisions: [(entry: NetworkACLEntry, region: Region)] = []
        var parts: [Undecided] = []
        if let address = peer.singleAddress {
            // One peer address (between interfaces): an entry covers it whole or not at all, so only ports are tracked.
            var remaining = PortSet.all, ports = PortSet()
            for entry in acl.orderedEntries(egress: egress) where entry.ipProtocol.admits(proto) && !remaining.isEmpty {
                if let estimated, AddressSet(entry.cidr).intersects(estimated.range), !AddressSet(entry.cidr).isSuperset(of: estimated.range) {
                    // Whether the entry matches depends on the peer's unknown address: its ports stay undecided here.
                    let piece = remaining.intersection(NACLEvaluator.ports(of: entry, for: proto))
                    if !piece.isEmpty {
                        parts.append(Undecided(region: Region(ports: piece, addresses: peer),
                                               reason: "\(topology.label(acl.id)) rule \(entry.ruleNumber) covers \(entry.cidr), part of the range: \(estimated.reason)"))
                        remaining = remaining.subtracting(piece)
                    }
                    continue
                }
                guard entry.cidr.contains(address) else { continue }
                let covered = remaining.intersection(NACLEvaluator.ports(of: entry, for: proto))
                guard !covered.isEmpty else { continue }
                if entry.action == .allow { ports = ports.union(covered) }
                remaining = remaining.subtracting(covered)
                decisions.append((entry, Region(ports: covered, addresses: peer)))
            }
            allowed = Region(ports: ports, addresses: peer)
        } else {
            var remaining = Region(ports: .all, addresses: peer)
            for entry in acl.orderedEntries(egress: egress) where entry.ipProtocol.admits(proto) && !remaining.isEmpty {
                let covered = remaining.intersection(Region(ports: NACLEvaluator.ports(of: entry, for: proto), addresses: AddressSet(entry.cidr)))
                guard !covered.isEmpty else { continue }
                if entry.action == .allow { allowed = allowed.union(covered) }
                remaining = remaining.subtracting(covered)
                decisions.append((entry, covered))
            }
        }
        let topology = self.topology
        let direction = egress ? "outbound" : "inbound"
        let preposition = egress ? "to" : "from"
        // An entry known only after apply may allow or deny anything the others decide: nothing here is decided.
        let unknown = UnknownBeforeApply.acl(acl.tags)
        return CheckResult(
            kind: kind, resource: acl.id, region: unknown == nil ? allowed : Region(),
            explainAllowed: { region in
                decisions.filter { $0.entry.action == .allow && !$0.region.intersection(region).isEmpty }
                    .map { "\(topology.label(acl.id)) \(direction) rule \($0.entry.ruleNumber) allows \(NACLEvaluator.describe($0.entry))\(portsMeaning)" }
                    .joined(separator: "; ")
            },
            explainBlocked: { blocked in
                let what = Describe.traffic(proto, blocked.ports) + portsMeaning
                let aclLabel = topology.label(acl.id)
                let denies = decisions.filter { $0.entry.action == .deny && !$0.region.intersection(blocked).isEmpty }
                if let first = denies.first {
                    let numbers = denies.map { $0.entry.ruleNumber == 32767 ? "* (default deny)" : String($0.entry.ruleNumber) }
                    let detail = "\(aclLabel) \(direction) rule \(numbers.joined(separator: ", ")) denies \(what) \(preposition) \(peerLabel)"
                    let fix = first.entry.ruleNumber == 32767
                        ? "add an \(direction) allow entry to \(acl.id) for \(what) \(preposition) \(peerLabel)"
                        : "add an \(direction) allow entry numbered below \(first.entry.ruleNumber) to \(acl.id) for \(what) \(preposition) \(peerLabel), or change rule \(first.entry.ruleNumber)"
                    return (detail, fix)
                }
                return ("\(aclLabel) has no \(direction) entry allowing \(what) \(preposition) \(peerLabel)",
                        "add an \(direction) allow entry to \(acl.id) for \(what) \(preposition) \(peerLabel)")
            }, undecidedParts: unknown.map { [Undecided(region: Region(ports: .all, addresses: peer), reason: "\(topology.label(acl.id)): \($0)")] } ?? parts)
    }

    /// The ports (ICMP: types) an entry covers.
    static func ports(of entry: NetworkACLEntry, for proto: IPProtocol) -> PortSet {
        if entry.ipProtocol == .all || proto == .all { return .all }
        if proto.hasPorts { return entry.portRange.map(PortSet.init) ?? .all }
        guard let type = entry.icmpType, type >= 0 else { return .all }
        return PortSet(type)
    }

    static func describe(_ e: NetworkACLEntry) -> String {
        let what: String
        switch e.ipProtocol {
        case .all: what = "all traffic"
        case .tcp, .udp: what = "\(e.ipProtocol)/\(e.portRange.map(\.description) ?? "all")"
        case .icmp, .icmpv6: what = e.icmpType.map { $0 < 0 ? "\(e.ipProtocol)" : "\(e.ipProtocol) type \($0)" } ?? "\(e.ipProtocol)"
        case .number(let n): what = "protocol \(n)"
        }
        return "\(what) \(e.egress ? "to" : "from") \(e.cidr)"
    }
}
