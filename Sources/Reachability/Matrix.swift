import Foundation
import NetModel

/// Which tiers can talk to which, on which ports.
public struct TierMatrix: Sendable {
    public struct Cell: Sendable, Hashable, Codable {
        public var from: String
        public var to: String
        public var ports: [[Int]]
        /// The load balancers through which `from` reaches `to` when not directly.
        public var via: [String]
        /// Why some member pairs can't be judged (a hop the snapshot can't decide); nil when every pair was judged.
        public var unknown: [String]?
    }

    public var tiers: [String]
    public var ipProtocol: IPProtocol
    /// Only the pairs that can talk (directly or through a load balancer), or that can't be judged.
    public var cells: [Cell]
}

extension Solver {
    /// Computes the tier matrix: for every ordered pair of tiers, the union of open ports over their members.
    ///
    /// Members are reduced to equivalence classes first, and tiers in VPCs with no path between them
    /// (no peering or transit gateway route) are skipped without analysis.
    /// - Parameter only: when given, just the (from, to) tier-name pairs it accepts are computed.
    public func matrix(_ tiers: [Tier], proto: IPProtocol = .tcp, only: (@Sendable (String, String) -> Bool)? = nil) -> TierMatrix {
        matrix(tiers, proto: proto, only: only, evaluation: .summary)
    }

    /// The matrix with the flows between interfaces worked out by the summary evaluator, or all by the full analyzer.
    func matrix(_ tiers: [Tier], proto: IPProtocol, only: (@Sendable (String, String) -> Bool)?, evaluation: MatrixEvaluation) -> TierMatrix {
        let summary = evaluation == .summary ? SummaryEvaluator(analyzer: analyzer, proto: proto) : nil
        let connected = vpcConnectivity()
        let reps = tiers.map { classedRepresentatives($0.endpoints) }
        let sides = summary.map { summary in reps.map { $0.map { SummarySide($0.endpoint, summary) } } }
        // Tiers by VPC, so each tier meets only tiers it could have a path to.
        var tiersByVPC: [String: Set<Int>] = [:]
        var internetTiers = Set<Int>()
        for (i, tier) in tiers.enumerated() {
            if tier.isOutside { internetTiers.insert(i) }
            for e in tier.endpoints { if let v = e.vpcId { tiersByVPC[v, default: []].insert(i) } }
        }
        var neighbours: [String: [String]] = [:]
        for pair in connected { neighbours[pair.low, default: []].append(pair.high); neighbours[pair.high, default: []].append(pair.low) }
        // Rows are independent: compute them on all cores, then keep the tiers' order.
        let rows = ConcurrentRows<[TierMatrix.Cell]>(count: tiers.count)
        let (internetRows, vpcTiers, vpcNeighbours) = (internetTiers, tiersByVPC, neighbours)
        let lbTargets = LoadBalancerTargets(topology)
        DispatchQueue.concurrentPerform(iterations: tiers.count) { i in
            let a = tiers[i]
            var cells: [TierMatrix.Cell] = []
            var candidates = internetRows
            if a.isOutside { candidates = Set(tiers.indices) }
            for v in Set(a.endpoints.compactMap(\.vpcId)) {
                candidates.formUnion(vpcTiers[v] ?? [])
                for n in vpcNeighbours[v] ?? [] { candidates.formUnion(vpcTiers[n] ?? []) }
            }
            for j in candidates.sorted() where i != j && !(a.isOutside && tiers[j].isOutside) {
                let b = tiers[j]
                if let only, !only(a.name, b.name) { continue }
                var ports = PortSet()
                var unknown: [String] = []
                for (sIndex, (s, sClass)) in reps[i].enumerated() {
                    // Load balancers are proxies: as sources they only talk to their registered targets, and with
                    // cross-zone load balancing off a node only to those in its zone.
                    let filtered = s.kind == .loadBalancer
                    let destinations = filtered ? classedRepresentatives(b.endpoints.filter { lbTargets.sends(from: s, to: $0) }) : reps[j]
                    let source = sides?[i][sIndex]
                    // Destinations are read in place: an endpoint is copied only for the analyzer.
                    for dIndex in destinations.indices where destinations[dIndex].endpoint.id != s.id {
                        if let sv = s.vpcId, let dv = destinations[dIndex].endpoint.vpcId, sv != dv, !connected.contains(VPCPair(sv, dv)) { continue }
                        // The summary evaluator's answers are cheaper to work out again than to keep.
                        if let summary, let source,
                           let destination = filtered ? SummarySide(destinations[dIndex].endpoint, summary) : sides?[j][dIndex],
                           let allowed = summary.allowedPorts(from: source, to: destination) {
                            ports = ports.union(allowed)
                            continue
                        }
                        let (d, dClass) = destinations[dIndex]
                        let result = outcome(s, sClass, d, dClass, proto: proto, ports: nil)
                        ports = ports.union(result.allowed.ports)
                        if result.verdict == .unknown, let why = result.unknowns.first, !unknown.contains(why), unknown.count < 3 { unknown.append(why) }
                        if let why = result.undecided.first, !unknown.contains(why), unknown.count < 3 { unknown.append(why) }
                    }
                }
                var via: [String] = []
                if ports.isEmpty, a.isInternet, !b.isInternet, b.endpoints.first?.kind != .loadBalancer {
                    via = viaLoadBalancers(a.endpoints, b.endpoints, proto: proto, ports: nil).map(\.loadBalancer)
                }
                if !ports.isEmpty || !via.isEmpty || !unknown.isEmpty {
                    cells.append(TierMatrix.Cell(from: a.name, to: b.name, ports: ports.ranges.map { [$0.lower, $0.upper] }, via: via,
                                                 unknown: unknown.isEmpty ? nil : unknown))
                }
            }
            rows.set(i, cells)
        }
        return TierMatrix(tiers: tiers.map(\.name), ipProtocol: proto, cells: rows.values.flatMap { $0 ?? [] })
    }

    /// One endpoint per equivalence class, with the class.
    func classedRepresentatives(_ endpoints: [Endpoint]) -> [(endpoint: Endpoint, classId: Int)] {
        var seen = Set<Int>()
        return endpoints.compactMap { e in
            let id = classId(e)
            return seen.insert(id).inserted ? (e, id) : nil
        }
    }

    /// Unordered VPC pairs with a peering connection or a shared transit gateway.
    func vpcConnectivity() -> Set<VPCPair> {
        var pairs = Set<VPCPair>()
        for p in topology.inventory.vpcPeeringConnections { pairs.insert(VPCPair(p.requester.vpcId, p.accepter.vpcId)) }
        var byGateway: [String: [String]] = [:]
        for a in topology.inventory.transitGatewayAttachments where a.resourceType == "vpc" {
            if let vpc = a.resourceId { byGateway[a.transitGatewayId, default: []].append(vpc) }
        }
        for vpcs in byGateway.values {
            for x in vpcs { for y in vpcs where x < y { pairs.insert(VPCPair(x, y)) } }
        }
        return pairs
    }
}

/// How the matrix works out flows between interfaces.
enum MatrixEvaluation {
    /// By the ports-only `SummaryEvaluator` where it can, else by the analyzer.
    case summary
    /// All by `FlowAnalyzer` (what the summary evaluator is checked against).
    case full
}

/// An unordered pair of VPC IDs.
struct VPCPair: Hashable {
    let low: String
    let high: String
    init(_ a: String, _ b: String) { (low, high) = a < b ? (a, b) : (b, a) }
}

/// Results written by concurrent workers, one slot each.
final class ConcurrentRows<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLockShim()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { lock.locked { slots[i] = value } }
    var values: [T?] { lock.locked { slots } }
}
