import NetModel

/// Display names of security groups from both snapshots, so a rule names its peer group.
struct NameBook {
    private var groups: [String: String] = [:]
    private var accounts = Set<String>()

    init(_ inventories: Inventory...) {
        for inv in inventories {
            for g in inv.securityGroups { groups[g.id] = g.displayName }
            accounts.formUnion(inv.scopes.map(\.account))
        }
    }

    /// `sg-123 (demo-app-sg)`, or the ID when the group is unknown.
    func group(_ id: String) -> String { groups[id].map { "\(id) (\($0))" } ?? id }

    /// How a rule's peer reads: a CIDR, a named group, or a prefix list.
    func peer(_ peer: RulePeer) -> String {
        switch peer {
        case .cidr(let p): p.description
        case .securityGroup(let ref): group(ref.groupId) + (ref.userId.flatMap { accounts.contains($0) ? nil : " in account \($0)" } ?? "")
        case .prefixList(let id): "prefix list \(id)"
        }
    }
}

/// Readable texts for rules, entries and routes.
enum RuleText {
    /// `tcp/3306`, `all traffic`, `icmp type 8 code -1`.
    static func ports(_ proto: IPProtocol, from: Int?, to: Int?) -> String {
        switch proto {
        case .all: return "all traffic"
        case .tcp, .udp:
            guard let from, let to, from >= 0 else { return "\(proto)/all" }
            return from == 0 && to == 65535 ? "\(proto)/all" : "\(proto)/\(PortRange(from, to))"
        case .icmp, .icmpv6: return "\(proto) type \(from ?? -1) code \(to ?? -1)"
        default: return "\(proto)"
        }
    }

    /// Security group rules as items: paired by (protocol, ports, peer), then by (protocol, peer).
    static func groupRules(_ rules: [SecurityGroupRule], egress: Bool, names: NameBook) -> [Item] {
        rules.map { r in
            let ports = ports(r.ipProtocol, from: r.fromPort, to: r.toPort)
            let peer = names.peer(r.peer)
            let text = "\(ports) \(egress ? "to" : "from") \(peer)" + (r.description.map { " \"\($0)\"" } ?? "")
            return Item(text, keys: ["\(ports)|\(r.peer)", "\(r.ipProtocol)|\(r.peer)"])
        }
    }

    /// NACL entries as items: one per (direction, rule number).
    static func aclEntries(_ entries: [NetworkACLEntry]) -> [Item] {
        entries.sorted { ($0.egress ? 1 : 0, $0.ruleNumber) < ($1.egress ? 1 : 0, $1.ruleNumber) }.map { e in
            let direction = e.egress ? "egress" : "ingress"
            let ports: String
            switch e.ipProtocol {
            case .icmp, .icmpv6: ports = RuleText.ports(e.ipProtocol, from: e.icmpType, to: e.icmpCode)
            default: ports = RuleText.ports(e.ipProtocol, from: e.portRange?.lower, to: e.portRange?.upper)
            }
            let text = "\(direction) #\(e.ruleNumber) \(e.action.rawValue) \(ports) \(e.egress ? "to" : "from") \(e.cidr)"
            return Item(text, keys: ["\(direction)#\(e.ruleNumber)"])
        }
    }

    /// Routes as items: one per destination.
    static func routes(_ routes: [Route]) -> [Item] {
        routes.map { r in
            Item("\(r.destination) via \(r.target)" + (r.state == .blackhole ? " (blackhole)" : ""), keys: ["\(r.destination)"])
        }
    }

    /// Route table associations as items.
    static func associations(_ list: [RouteTableAssociation]) -> [Item] {
        list.map { a in
            if a.isMain { return Item("main (VPC default)", keys: ["main"]) }
            if let s = a.subnetId { return Item("subnet \(s)", keys: []) }
            return Item("gateway \(a.gatewayId ?? "?")", keys: [])
        }
    }
}
