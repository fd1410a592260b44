import NetModel

/// One step of a path and the setting that lets the traffic through.
public struct Hop: Sendable, Hashable, Codable {
    /// `security-group-egress`, `nacl-egress`, `route`, `nacl-ingress`, `security-group-ingress`, `nacl-return`, ...
    public var kind: String
    public var resource: String
    public var detail: String
}

/// A component that blocks the traffic, with the setting that would have to change.
public struct Blocker: Sendable, Hashable, Codable {
    public var kind: String
    public var resource: String
    public var detail: String
    public var fix: String
}

/// Whether traffic gets through: yes, no, or undecidable from the snapshot.
///
/// Unknown is not "no": when a hop can't be judged (routes not captured, an appliance, a target the model
/// lacks) and every hop that can be judged lets the traffic through, the answer is unknown, with the reason.
public enum Verdict: String, Sendable, Hashable, Codable {
    case reachable, blocked, unknown
}

/// The answer for one (source, destination) pair.
public struct FlowResult: Sendable {
    public var source: Endpoint
    public var destination: Endpoint
    public var ipProtocol: IPProtocol
    /// Ports (and, for the internet, peer addresses) that get through.
    public var allowed: Region
    /// The path, hop by hop, for the allowed traffic.
    public var path: [Hop]
    /// Every component that blocks some of the requested traffic.
    public var blockers: [Blocker]
    /// What the model can't judge (a route to an appliance, missing data), each with the reason.
    public var unknowns: [String]
    /// Estimates made (placed endpoints).
    public var notes: [String]
    /// For an answer decided on some traffic: why more of the requested traffic may get through, unknown before
    /// apply (a rule whose peer is known only after apply); empty otherwise.
    public var undecided: [String] = []

    /// True for a result decided by the fast rejection test alone (no path, no blockers worked out).
    public var summaryOnly = false

    /// Reachable, blocked (some hop that can be judged stops it), or unknown (none stops it, some can't be judged).
    public var verdict: Verdict = .blocked

    public var reachable: Bool { !allowed.isEmpty }

    init(source: Endpoint, destination: Endpoint, ipProtocol: IPProtocol, allowed: Region, path: [Hop], blockers: [Blocker],
         unknowns: [String], notes: [String], verdict: Verdict? = nil) {
        self.source = source
        self.destination = destination
        self.ipProtocol = ipProtocol
        self.allowed = allowed
        self.path = path
        self.blockers = blockers
        self.unknowns = unknowns
        self.notes = notes
        self.verdict = verdict ?? (allowed.isEmpty ? .blocked : .reachable)
    }

    /// The ports that get through (for ICMP, the echo request type when reachable).
    public var ports: PortSet { allowed.ports }
}

/// One check on a path: what it allows, and how to explain it either way.
struct CheckResult {
    var kind: String
    var resource: String
    /// Allowed (ports × peer addresses).
    var region: Region
    /// Explains what allowed `allowed` (for the path).
    var explainAllowed: (Region) -> String
    /// Explains why `missing` is blocked and what to change.
    var explainBlocked: (Region) -> (detail: String, fix: String)
    /// What the check may also let through, undecidable before apply (a rule whose peer is known only after apply),
    /// each part with why: traffic blocked only there is unknown, not blocked.
    var undecidedParts: [Undecided] = []

    /// All the check may also let through.
    var undecided: Region { undecidedParts.reduce(Region()) { $0.union($1.region) } }
}

/// Traffic a check can't decide, and why (`aws_subnet.app.cidr_block is known after apply`).
struct Undecided {
    var region: Region
    var reason: String
}

extension CheckResult {
    /// The check made existential over `ports`: passes for the peer addresses that some port of `ports` lets through.
    /// Used for return traffic, which needs just one ephemeral port to pass.
    func existential(over ports: PortSet) -> CheckResult {
        let original = self
        var c = self
        c.region = Region(ports: .all, addresses: region.restricted(to: ports).addresses)
        c.explainAllowed = { _ in original.explainAllowed(original.region.restricted(to: ports)) }
        c.explainBlocked = { missing in original.explainBlocked(Region(ports: ports, addresses: missing.addresses)) }
        c.undecidedParts = undecidedParts.map { Undecided(region: Region(ports: .all, addresses: $0.region.restricted(to: ports).addresses), reason: $0.reason) }
        return c
    }
}
