import NetModel

/// Groups endpoints that every rule treats alike, so the solver's cost grows with
/// distinct classes rather than with pairs of interfaces.
///
/// Two endpoints are alike when they share VPC, subnet, security groups, public-address
/// status and the set of narrow address blocks (rules, NACL entries or routes narrower
/// than their subnet) that cover their address.
struct EquivalenceClasses: Sendable {
    /// Narrow blocks by prefix length: the network addresses (IPv4) used by any rule, entry or route.
    private let narrow: [Int: Set<UInt32>]
    /// IPv6 blocks narrower than a subnet (/64) used by any rule, entry or route.
    private let narrowV6: [IPPrefix]

    init(_ topology: Topology) {
        var narrow: [Int: Set<UInt32>] = [:]
        var narrowV6 = Set<IPPrefix>()
        func add(_ p: IPPrefix) {
            if case .v4(let net) = p.address, p.length > 8 { narrow[p.length, default: []].insert(net) }
            if !p.isV4, p.length > 64 { narrowV6.insert(p) }
        }
        for sg in topology.inventory.securityGroups {
            for rule in sg.ingress + sg.egress { if case .cidr(let p) = rule.peer { add(p) } }
        }
        for acl in topology.inventory.networkACLs { for e in acl.entries { add(e.cidr) } }
        for table in topology.inventory.routeTables {
            for r in table.routes { if case .cidr(let p) = r.destination { add(p) } }
        }
        for list in topology.inventory.prefixLists { for p in list.entries { add(p) } }
        self.narrow = narrow
        self.narrowV6 = narrowV6.sorted { $0.description < $1.description }
    }

    /// The key under which an endpoint's answers can be shared.
    func key(_ e: Endpoint, subnetLength: Int) -> String {
        if e.isInternet { return "internet|\(e.id)" }
        if e.kind == .onPremises { return "onprem|\(e.id)|\(e.name)" }
        // A service outside every VPC is its own class: its access setting is its alone.
        if e.publicService != nil { return "service|\(e.id)" }
        var covering: [String] = []
        if case .v4(let a)? = e.primaryAddress {
            for (length, nets) in narrow where length > subnetLength {
                let net = length == 32 ? a : a & (UInt32.max << UInt32(32 - length))
                if nets.contains(net) { covering.append("\(net)/\(length)") }
            }
        }
        if e.hasIPv6 {
            for p in narrowV6 where e.ipv6Addresses.contains(where: p.contains) || e.ipv6Prefixes.contains(where: p.overlaps) {
                covering.append(p.description)
            }
        }
        // Kinds whose identity matters to a rule (listeners, NAT gateways, EKS endpoint access, ECS services as load balancer targets, Lambda interfaces) and the address families held.
        let identity = e.kind == .loadBalancer || e.kind == .natGateway || e.kind == .eksCluster || e.kind == .ecsTask ? e.resourceId : e.kind == .lambda ? "lambda" : ""
        let via = e.viaPublicAddress.map { "\($0)" } ?? ""
        let families = (e.privateAddresses.isEmpty ? "" : "4") + (e.hasIPv6 ? "6" : "")
        return [identity, e.vpcId ?? "", e.subnetId ?? "", e.securityGroupIds.joined(separator: ","), e.hasPublicAddress ? "pub" : "",
                via, families, covering.sorted().joined(separator: ",")].joined(separator: "|")
    }
}
