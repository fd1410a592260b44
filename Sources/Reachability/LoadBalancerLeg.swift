import NetModel

/// One way through a load balancer to a destination: a listener forwarding to a target group the destination
/// is registered in, worked out leg by leg (client → load balancer node, node → target).
public struct LoadBalancerLeg: Sendable, Hashable, Codable {
    public var loadBalancer: String
    public var targetGroup: String
    /// The listener ports forwarding to the target group (those the source gets through, when reachable).
    public var listenerPorts: [Int]
    public var targetPort: Int
    /// Whether some client gets through both legs.
    public var reachable: Bool
    /// Reachable; else unknown when a hop of the way can't be judged; else blocked.
    public var verdict: Verdict
    /// Which source the target's security group and NACL saw, and why.
    public var clientIp: ClientIPPreservation
    /// Whether nodes send to targets in other Availability Zones (AWS "Cross-zone load balancing").
    public var crossZone: Bool
    /// The destination's state in DescribeTargetHealth (`healthy`, `unhealthy`, `unused`, `draining`, ...); nil when not reported.
    public var targetHealth: String?
    /// From the internet: the client blocks that get through both legs (when reachable and explained).
    public var sources: [String]?
    /// Client → node, the forwarding, node → target, hop by hop (when reachable and explained).
    public var path: [Hop]
    /// What blocks the way (when not reachable and explained).
    public var blockers: [Blocker]
    /// What can't be judged on the way, with the reason.
    public var unknowns: [String]
    /// Target health and other remarks.
    public var notes: [String]
    /// The listener rules taken (`listener tcp/80 (HTTP): rule /api/* (priority 100)`); nil for legs from before rules were modelled.
    public var rules: [String]?

    public init(loadBalancer: String, targetGroup: String, listenerPorts: [Int], targetPort: Int, reachable: Bool,
                clientIp: ClientIPPreservation, crossZone: Bool, targetHealth: String?, verdict: Verdict? = nil, path: [Hop] = [],
                blockers: [Blocker] = [], unknowns: [String] = [], notes: [String] = []) {
        self.loadBalancer = loadBalancer
        self.targetGroup = targetGroup
        self.listenerPorts = listenerPorts
        self.targetPort = targetPort
        self.reachable = reachable
        self.verdict = verdict ?? (reachable ? .reachable : .blocked)
        self.clientIp = clientIp
        self.crossZone = crossZone
        self.targetHealth = targetHealth
        self.sources = nil
        self.path = path
        self.blockers = blockers
        self.unknowns = unknowns
        self.notes = notes
    }
}

/// Everything the load balancers say about one pair: the routes through them, each way tried, and notes
/// (target groups the destination is not registered in, or whose targets are unknown).
struct LoadBalancerAnalysis: Sendable {
    var routes: [LoadBalancerRoute] = []
    var legs: [LoadBalancerLeg] = []
    var notes: [String] = []
}

/// How a target's DescribeTargetHealth state reads on a route through the load balancer
/// (AWS "Health checks for your target groups"); nil for a healthy target.
enum TargetHealthNote {
    static func note(_ target: Target, in tg: TargetGroup, loadBalancer lb: String) -> String? {
        let who = "target \(target.id) of \(tg.name)"
        guard let state = target.health?.lowercased() else {
            return "\(who): no health state in the snapshot (elbv2 describe-target-health); \(lb) routes only to healthy targets"
        }
        switch state {
        case "healthy":
            return nil
        case "unhealthy", "unhealthy.draining":
            return "\(who) is \(state) (DescribeTargetHealth): \(lb) sends it new connections only once it passes health checks, or when every target is unhealthy (fail open)"
        case "initial":
            return "\(who) is in its initial health checks (DescribeTargetHealth): \(lb) sends it traffic once they pass"
        case "unused":
            return "\(who) is unused (DescribeTargetHealth): not in an enabled Availability Zone, stopped, or its target group serves no listener; \(lb) sends it no traffic now"
        case "draining":
            return "\(who) is draining (DescribeTargetHealth): being deregistered, \(lb) sends it no new connections"
        case "unavailable":
            return "\(who): health checks are disabled (DescribeTargetHealth state unavailable); \(lb) sends it traffic regardless"
        default:
            return "\(who) is \(state) (DescribeTargetHealth)"
        }
    }
}
