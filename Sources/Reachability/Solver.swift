import Foundation
import NetModel

/// The answer for one (source resource, destination resource) pair.
public struct PairAnswer: Sendable {
    public var from: Endpoint
    public var to: Endpoint
    /// The union over the resources' endpoints; `best` is the representative result explained.
    public var allowed: Region
    public var best: FlowResult
    /// Reachable through a load balancer even where not directly.
    public var viaLoadBalancers: [LoadBalancerRoute]
    /// Reachable when some endpoint pair is; else unknown when some pair can't be judged; else blocked.
    public var verdict: Verdict
    /// Each way through a load balancer that was tried, reachable or not, with its path or blockers.
    public var loadBalancerLegs: [LoadBalancerLeg] = []

    public var reachable: Bool { !allowed.isEmpty }
}

/// "internet reaches the app only through the ALB": a load balancer that forwards to the destination.
public struct LoadBalancerRoute: Sendable, Hashable, Codable {
    public var loadBalancer: String
    public var listenerPorts: [Int]
    public var targetPort: Int
    /// Target health and other remarks on the way (empty for a healthy target).
    public var notes: [String] = []
    /// The listener rules taken (`listener tcp/80 (HTTP): rule /api/* (priority 100)`, or its default rule).
    public var rules: [String]? = nil
}

/// Answers reachability between selections, sharing work between alike endpoints.
public struct Solver: Sendable {
    public let topology: Topology
    public let catalog: EndpointCatalog
    public let analyzer: FlowAnalyzer
    let classes: EquivalenceClasses
    private let cache = FlowCache()

    public init(inventory: Inventory, options: FlowOptions = FlowOptions()) {
        let topology = Topology(inventory)
        let catalog = EndpointCatalog(topology)
        let classes = EquivalenceClasses(topology)
        self.topology = topology
        self.catalog = catalog
        self.classes = classes
        analyzer = FlowAnalyzer(topology: topology, options: options)
    }

    /// The same solver with some security groups replaced; endpoints are kept, the memo starts empty.
    public func replacing(securityGroups groups: [SecurityGroup]) -> Solver {
        Solver(topology: topology.replacing(securityGroups: groups), catalog: catalog, options: analyzer.options)
    }

    private init(topology: Topology, catalog: EndpointCatalog, options: FlowOptions) {
        self.topology = topology
        self.catalog = catalog
        classes = EquivalenceClasses(topology)
        analyzer = FlowAnalyzer(topology: topology, options: options)
    }

    public var selector: Selector { Selector(topology: topology, catalog: catalog) }

    /// Every (source, destination) resource pair of two selections; a resource and itself is no pair.
    public func answer(from source: Selection, to destination: Selection, proto: IPProtocol, ports: PortSet?) -> [PairAnswer] {
        var work: [([Endpoint], [Endpoint])] = []
        for (srcResource, srcEndpoints) in source.groups {
            for (dstResource, dstEndpoints) in destination.groups where srcResource != dstResource {
                work.append((srcEndpoints, dstEndpoints))
            }
        }
        // Pairs are independent: answer them on all cores, keeping their order.
        // A Service Connect alias is asked on the port its server receives on.
        let (served, notes) = ServiceConnectRoute.served(ports, by: destination.serviceConnect)
        let answers = ConcurrentRows<PairAnswer>(count: work.count)
        let jobs = work
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            var answer = pair(jobs[i].0, jobs[i].1, proto: proto, ports: served)
            answer.best.notes = notes + answer.best.notes
            answers.set(i, answer)
        }
        return answers.values.compactMap { $0 }
    }

    /// One resource pair: the union over their endpoints, explained by the best endpoint pair.
    /// With `explain` false, `best` is the shared class result (no path or blockers worked out): for bulk use.
    public func pair(_ sources: [Endpoint], _ destinations: [Endpoint], proto: IPProtocol, ports: PortSet?,
                     throughLoadBalancers: Bool = true, explain: Bool = true) -> PairAnswer {
        var allowed = Region()
        var best: FlowResult?
        var undecided = false
        for s in sources {
            for d in destinations where !Solver.isSameAddress(s, d) {
                let result = flow(s, d, proto: proto, ports: ports)
                allowed = allowed.union(result.allowed)
                undecided = undecided || result.verdict == .unknown
                if let current = best, !better(result, than: current) { continue }
                best = result
            }
        }
        // Shared (cached) results explain a class representative: explain the chosen pair itself.
        let result: FlowResult
        if let best, !explain {
            result = best
        } else {
            result = best.map { analyzer.analyze(from: $0.source, to: $0.destination, proto: proto, ports: ports) }
                ?? analyzer.analyze(from: sources[0], to: destinations[0], proto: proto, ports: ports)
        }
        let verdict: Verdict = !allowed.isEmpty ? .reachable : undecided ? .unknown : .blocked
        var answer = PairAnswer(from: sources[0], to: destinations[0], allowed: allowed, best: result, viaLoadBalancers: [], verdict: verdict)
        if throughLoadBalancers && !answer.reachable && !destinations[0].isInternet && destinations[0].kind != .loadBalancer {
            let via = loadBalancerAnalysis(sources, destinations, proto: proto, ports: ports, explain: explain)
            answer.viaLoadBalancers = via.routes
            answer.loadBalancerLegs = via.legs
            answer.best.notes += via.notes
        }
        return answer
    }

    /// An endpoint and itself at the same address: no pair to ask about.
    static func isSameAddress(_ s: Endpoint, _ d: Endpoint) -> Bool {
        s.id == d.id && d.viaPublicAddress == nil && s.primaryAddress == d.primaryAddress
    }

    /// One endpoint pair, cached by equivalence class.
    func flow(_ s: Endpoint, _ d: Endpoint, proto: IPProtocol, ports: PortSet?) -> FlowResult {
        // Two addresses of one interface depend on the interface's identity, which classes don't capture.
        if s.interfaceId != nil, s.interfaceId == d.interfaceId {
            return analyzer.analyze(from: s, to: d, proto: proto, ports: ports, explain: false)
        }
        let key = FlowKey(source: classId(s), destination: classId(d), proto: proto, ports: ports)
        if let cached = cache.get(key) { return cached.result(s, d, proto) }
        return analyzeAndCache(s, d, key)
    }

    /// One endpoint pair's outcome, the classes of both ends known (the matrix's inner loop: no endpoint lookups,
    /// no result built for a cached pair), worked out by the analyzer without explanations and cached by class pair.
    func outcome(_ s: Endpoint, _ sClass: Int, _ d: Endpoint, _ dClass: Int, proto: IPProtocol, ports: PortSet?) -> FlowOutcome {
        if s.interfaceId != nil, s.interfaceId == d.interfaceId { return FlowOutcome(flow(s, d, proto: proto, ports: ports)) }
        let key = FlowKey(source: sClass, destination: dClass, proto: proto, ports: ports)
        if let cached = cache.get(key) { return cached }
        return FlowOutcome(analyzeAndCache(s, d, key))
    }

    /// A class pair's summary flow, worked out and memoized.
    private func analyzeAndCache(_ s: Endpoint, _ d: Endpoint, _ key: FlowKey) -> FlowResult {
        let result = analyzer.quickReject(from: s, to: d, proto: key.proto)
            ?? analyzer.analyze(from: s, to: d, proto: key.proto, ports: key.ports, explain: false)
        cache.set(key, FlowOutcome(result))
        return result
    }

    /// The endpoint's equivalence class (computed once for catalogued endpoints).
    func classId(_ e: Endpoint) -> Int {
        let memo = e.selectedAddress == nil && e.viaPublicAddress == nil ? e.id
            : [e.id, e.selectedAddress?.description ?? "", e.viaPublicAddress?.description ?? ""].joined(separator: "@")
        if let id = cache.classId(forEndpoint: memo) { return id }
        let length = e.subnetId.flatMap { topology.subnets[$0]?.cidrBlocks.first?.length } ?? 32
        return cache.classId(for: classes.key(e, subnetLength: length), endpoint: memo)
    }

    private func better(_ a: FlowResult, than b: FlowResult) -> Bool {
        if a.reachable != b.reachable { return a.reachable }
        // Among unreachable pairs, the undecided one explains the answer (unknown, not blocked).
        if (a.verdict == .unknown) != (b.verdict == .unknown) { return a.verdict == .unknown }
        if a.summaryOnly != b.summaryOnly { return !a.summaryOnly }
        if a.reachable { return a.allowed.ports.ranges.reduce(0) { $0 + $1.upper - $1.lower } > b.allowed.ports.ranges.reduce(0) { $0 + $1.upper - $1.lower } }
        return a.blockers.count < b.blockers.count
    }

    /// Load balancers with the destination among their targets that the source reaches on a listener
    /// and that reach the destination on the target port (see `loadBalancerAnalysis`).
    func viaLoadBalancers(_ sources: [Endpoint], _ destinations: [Endpoint], proto: IPProtocol, ports: PortSet?) -> [LoadBalancerRoute] {
        loadBalancerAnalysis(sources, destinations, proto: proto, ports: ports, explain: false).routes
    }
}

/// A flow between two equivalence classes.
struct FlowKey: Hashable {
    var source: Int
    var destination: Int
    var proto: IPProtocol
    var ports: PortSet?
}

/// A thread-safe memo of flow results by class pair, and of classes met after construction.
/// A flow result without its endpoints: what a class pair's memo keeps (the endpoints are the asker's).
struct FlowOutcome {
    var allowed: Region
    var path: [Hop]
    var blockers: [Blocker]
    var unknowns: [String]
    var notes: [String]
    var summaryOnly: Bool
    var verdict: Verdict
    var undecided: [String]

    init(_ r: FlowResult) {
        (allowed, path, blockers, unknowns, notes, summaryOnly, verdict) = (r.allowed, r.path, r.blockers, r.unknowns, r.notes, r.summaryOnly, r.verdict)
        undecided = r.undecided
    }

    func result(_ source: Endpoint, _ destination: Endpoint, _ proto: IPProtocol) -> FlowResult {
        var r = FlowResult(source: source, destination: destination, ipProtocol: proto, allowed: allowed, path: path, blockers: blockers,
                           unknowns: unknowns, notes: notes, verdict: verdict)
        r.summaryOnly = summaryOnly
        r.undecided = undecided
        return r
    }
}

final class FlowCache: @unchecked Sendable {
    private var entries: [FlowKey: FlowOutcome] = [:]
    private var classes: [String: Int] = [:]
    private var endpointClasses: [String: Int] = [:]
    private let lock = NSLockShim()

    func get(_ key: FlowKey) -> FlowOutcome? { lock.locked { entries[key] } }
    func set(_ key: FlowKey, _ value: FlowOutcome) { lock.locked { entries[key] = value } }
    func classId(forEndpoint id: String) -> Int? { lock.locked { endpointClasses[id] } }
    func classId(for key: String, endpoint: String) -> Int {
        lock.locked {
            let id = classes[key] ?? classes.count
            classes[key] = id
            endpointClasses[endpoint] = id
            return id
        }
    }
}
