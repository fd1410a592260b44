/// Which AWS features the generated topologies (and the questions asked of them) include.
/// Each switch is one line to flip, so a feature joins the agreement test as soon as the solver handles it.
struct TopologyFeatures: Sendable, Hashable, CustomStringConvertible {
    /// IPv6 blocks on some VPCs and subnets, IPv6 addresses on interfaces, IPv6 SG and NACL entries (asked over IPv4).
    var dualStack = true
    /// Ask IPv6 internet hosts both ways (inbound to an interface's IPv6 address, outbound from it).
    var ipv6Internet = true
    /// Egress-only internet gateways as the `::/0` target.
    var egressOnlyGateways = true
    /// Instances with a second interface in another subnet of their VPC.
    var multiENI = true
    /// Ask between the two interfaces of one instance.
    var sameInstancePairs = true
    /// VPC peering connections (active and pending) and routes to them.
    var peering = true
    /// A transit gateway with VPC attachments, static routes and blackholes.
    var transitGateway = true
    /// TGW route tables filled from propagations (routes of type `propagated`, the propagations listed).
    var tgwPropagation = true
    /// A static TGW route for the same block as a propagated one, listed after it (the static route wins).
    var tgwStaticOverridesPropagated = true
    /// Two TGW route tables, attachments associated with either (asymmetric designs).
    var tgwAsymmetric = true
    /// Forward and reply taking different links (peering one way, the transit gateway back; summary routes).
    var asymmetricRoutes = true
    /// NAT gateways (in subnets routing to an internet gateway, or not) as default routes.
    var natGateways = true
    /// Restrictive NACLs on the NAT gateway's own subnet (off: the NAT's subnet keeps the VPC's default NACL).
    var natSubnetACLs = true
    /// Network Load Balancers (interfaces owned by `.loadBalancer(name)`, listeners).
    var nlb = true
    /// NLBs without security groups (which do not filter).
    var nlbWithoutSecurityGroups = true
    /// Ask UDP of NLBs whose listeners may be TCP only.
    var udpToLoadBalancers = true
    /// NACL entries covering part of the ephemeral range (1024-2047, 32768-65535), so that return NACLs may admit disjoint ports.
    var splitEphemeralACLs = true

    /// Every feature on: the target the solver should meet.
    static let all = TopologyFeatures()

    /// Every switch by name.
    static var switches: [(name: String, path: WritableKeyPath<TopologyFeatures, Bool>)] { [
        ("dualStack", \.dualStack), ("ipv6Internet", \.ipv6Internet), ("egressOnlyGateways", \.egressOnlyGateways),
        ("multiENI", \.multiENI), ("sameInstancePairs", \.sameInstancePairs), ("peering", \.peering),
        ("transitGateway", \.transitGateway), ("tgwPropagation", \.tgwPropagation), ("tgwAsymmetric", \.tgwAsymmetric),
        ("tgwStaticOverridesPropagated", \.tgwStaticOverridesPropagated),
        ("asymmetricRoutes", \.asymmetricRoutes), ("natGateways", \.natGateways), ("natSubnetACLs", \.natSubnetACLs),
        ("nlb", \.nlb), ("nlbWithoutSecurityGroups", \.nlbWithoutSecurityGroups),
        ("udpToLoadBalancers", \.udpToLoadBalancers), ("splitEphemeralACLs", \.splitEphemeralACLs),
    ] }

    /// These features with the named switches turned on (`all` for every one); unknown names are ignored.
    func turningOn(_ names: [String]) -> TopologyFeatures {
        var copy = self
        for (name, path) in TopologyFeatures.switches where names.contains(name) || names.contains("all") { copy[keyPath: path] = true }
        return copy
    }

    var description: String {
        TopologyFeatures.switches.filter { self[keyPath: $0.path] }.map(\.name).joined(separator: ",")
    }
}

/// A small deterministic generator (SplitMix64), so a seed names one topology forever.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range` (an empty range gives its lower bound).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) < p * 10_000 }

    /// One element; nil for an empty array.
    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[int(0...(items.count - 1))] }

    /// Up to `n` distinct elements, in their original order.
    mutating func sample<T>(_ items: [T], _ n: Int) -> [T] {
        var indices = Array(items.indices)
        var chosen: [Int] = []
        while chosen.count < min(n, items.count) { chosen.append(indices.remove(at: int(0...(indices.count - 1)))) }
        return chosen.sorted().map { items[$0] }
    }
}
