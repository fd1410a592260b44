import NetModel

/// The machine-readable answer of `netaudit query` (`--format json`).
public struct QueryAnswer: Sendable, Codable {
    /// True only when some pair is reachable.
    public var reachable: Bool
    /// `reachable`, `blocked`, or `unknown` (a hop can't be judged and none of the judged ones blocks).
    public var verdict: Verdict
    public var `protocol`: String
    /// Union of the reachable ports over all pairs, as [lo, hi] ranges.
    public var ports: [[Int]]
    public var from: String
    public var to: String
    public var pairs: [Pair]
    public var notes: [String]

    public struct Pair: Sendable, Codable {
        public var from: String
        public var fromName: String
        public var to: String
        public var toName: String
        public var reachable: Bool
        public var verdict: Verdict
        public var ports: [[Int]]
        /// For flows from the internet: the client address blocks that get through.
        public var sources: [String]?
        public var path: [Hop]
        public var blockedBy: [Blocker]
        public var unknown: [String]
        public var notes: [String]
        public var viaLoadBalancers: [LoadBalancerRoute]

        enum CodingKeys: String, CodingKey {
            case from, fromName = "from_name", to, toName = "to_name", reachable, verdict, ports, sources, path
            case blockedBy = "blocked_by", unknown, notes, viaLoadBalancers = "via_load_balancers"
        }
    }

    public init(spec: QuerySpec, pairs answers: [PairAnswer], notes: [String]) {
        var union = PortSet()
        pairs = answers.map { a in
            let ports = a.allowed.ports
            union = union.union(ports)
            let internetSide = a.from.isInternet || a.to.isInternet
            return Pair(from: a.from.isInternet ? a.from.id : a.from.resourceId, fromName: a.from.name,
                        to: a.to.isInternet ? a.to.id : a.to.resourceId, toName: a.to.name,
                        reachable: a.reachable, verdict: a.verdict, ports: QueryAnswer.ranges(ports, a.best.ipProtocol),
                        sources: internetSide && a.reachable ? QueryAnswer.sources(a.allowed.addresses) : nil,
                        path: a.best.reachable || a.verdict == .unknown ? a.best.path : [], blockedBy: spec.ports != nil || !a.reachable ? a.best.blockers : [],
                        unknown: a.best.unknowns, notes: a.best.notes, viaLoadBalancers: a.viaLoadBalancers)
        }
        reachable = answers.contains { $0.reachable }
        verdict = reachable ? .reachable : answers.contains { $0.verdict == .unknown } ? .unknown : .blocked
        self.protocol = spec.proto.description
        ports = QueryAnswer.ranges(union, spec.proto)
        from = spec.from
        to = spec.to
        self.notes = notes
    }

    /// Client blocks that get through; the whole public internet is written 0.0.0.0/0 (::/0 for IPv6), and
    /// nearly all of it as `0.0.0.0/0 except …` (a few blocks missing: a NACL deny, the VPC's own IPv6 block).
    public static func sources(_ addresses: AddressSet) -> [String] {
        var out: [String] = []
        for (all, allowed, any) in [(AddressSet(v4: AddressSet.internet.v4), AddressSet(v4: addresses.v4), "0.0.0.0/0"),
                                    (AddressSet(v6: AddressSet.internet.v6), AddressSet(v6: addresses.v6), "::/0")] where !allowed.isEmpty {
            let missing = all.subtracting(allowed).prefixes
            if missing.isEmpty { out.append(any) }
            else if missing.count <= 4, allowed.prefixes.count > 8 { out.append("\(any) except \(missing.map(\.description).joined(separator: ", "))") }
            else { out += allowed.prefixes.prefix(32).map(\.description) }
        }
        return out
    }

    /// Whether a `sources` entry stands for the whole internet (of one family), possibly less a few blocks.
    public static func isWholeInternet(_ source: String) -> Bool {
        source == "0.0.0.0/0" || source == "::/0" || source.hasPrefix("0.0.0.0/0 except") || source.hasPrefix("::/0 except")
    }

    static func ranges(_ ports: PortSet, _ proto: IPProtocol) -> [[Int]] {
        ports.ranges.map { [$0.lower, $0.upper] }
    }
}
