import AccessAnalysis
import Findings
import Foundation
import NetModel
import Reachability

/// Everything rules read: the model, the solver, the policy file, the IAM action database,
/// and what the internet can reach (computed once, shared by the exposure rules).
public final class RuleContext: @unchecked Sendable {
    public let inventory: Inventory
    public let solver: Solver
    public let policy: PolicyFile
    public let actions: ActionDatabase
    /// Problems rules met (a policy document that does not parse, an unknown tier); reported as warnings.
    private(set) var problems: [String] = []
    private let lock = NSLock()
    let principalCache = Cache<[PrincipalAnalysis]>()
    /// Evidence lines worked out only for the findings reported (see ``DeferredEvidence``).
    let deferredEvidence = DeferredEvidence()

    public init(inventory: Inventory, policy: PolicyFile, actions: ActionDatabase) {
        self.inventory = inventory
        self.solver = Solver(inventory: inventory)
        self.policy = policy
        self.actions = actions
    }

    func problem(_ text: String) { lock.withLock { problems.append(text) } }

    /// The inventory by ID, subnet, group, address and name, built once on first use
    /// (rules never search the inventory's arrays per finding).
    lazy var index = InventoryIndex(inventory)
    /// Which workloads run as which role (computed on first use).
    lazy var identity = WorkloadIdentity(inventory)
    /// Analysed roles by name.
    lazy var principalsByRoleName: [String: PrincipalAnalysis] = Dictionary(
        principals.filter { $0.principal.kind == .role }.map { ($0.principal.name, $0) }, uniquingKeysWith: { a, _ in a })

    /// Every resource with a policy, judged once for the resource policy rules (a policy that does not parse is a problem, once).
    lazy var resourceAccess: [ResourceAccess] = inventory.policyResources.compactMap { ResourceAccess($0, self) }

    /// What the internet reaches, per endpoint, for TCP and UDP (computed on first use).
    lazy var exposure: [InternetExposure] = InternetExposure.compute(solver)

    /// Default tiers of the snapshot, or those of the policy file.
    lazy var tiers: [Tier] = {
        guard !policy.tiers.tiers.isEmpty else { return solver.defaultTiers() }
        do { return try solver.tiers(policy.tiers.tiers) } catch {
            problem("\(policy.path ?? "policy"): tiers: \(error)")
            return solver.defaultTiers()
        }
    }()

    /// The resource reference of an endpoint's resource.
    func resource(_ e: Endpoint) -> ResourceRef {
        let ix = index
        func ref(_ kind: String, _ name: String, arn: String?, _ scope: ResourceScope?, id: String? = nil) -> ResourceRef {
            ResourceRef(id: id ?? e.resourceId, kind: kind, name: name, arn: arn, account: scope?.account ?? "unknown", region: scope?.region ?? "unknown")
        }
        switch e.kind {
        case .instance:
            let i = ix.instances[e.resourceId]
            return ref("instance", i?.tags.name ?? e.name, arn: nil, i?.scope)
        case .loadBalancer:
            let lb = ix.loadBalancersByName[e.resourceId]
            return ref("load-balancer", e.resourceId, arn: lb?.id, lb?.scope, id: lb?.id ?? e.resourceId)
        case .database:
            let db = ix.databases[e.resourceId]
            return ref("db-instance", e.resourceId, arn: db?.arn, db?.scope)
        case .ecsTask:
            if let service = ix.servicesByName[e.resourceId] { return ref("ecs-service", service.name, arn: service.id, service.scope, id: service.id) }
            let task = ix.tasks[e.resourceId]
            return ref("ecs-task", e.name, arn: task?.id, task?.scope ?? ix.interfaces[e.id]?.scope)
        case .lambda:
            let f = ix.functions[e.resourceId]
            return ref("lambda-function", e.resourceId, arn: f?.arn, f?.scope)
        case .cache:
            let group = ix.cacheReplicationGroups[e.resourceId]
            let cluster = ix.cacheClusters[e.name] ?? ix.cacheClusters[e.resourceId]
            return ref(group != nil ? "cache-replication-group" : "cache-cluster", e.resourceId, arn: group == nil ? cluster?.arn : nil,
                       group?.scope ?? cluster?.scope)
        case .search:
            let d = ix.openSearchDomains[e.resourceId]
            return ref("opensearch-domain", e.resourceId, arn: d?.arn, d?.scope)
        case .eksCluster:
            let c = ix.eksClusters[e.resourceId]
            return ref("eks-cluster", e.resourceId, arn: c?.arn, c?.scope)
        default:
            return ref(e.kind.rawValue, e.name, arn: nil, ix.interfaces[e.id]?.scope)
        }
    }

    /// The resource reference of a security group.
    func resource(_ sg: SecurityGroup) -> ResourceRef {
        ResourceRef(id: sg.id, kind: "security-group", name: sg.displayName,
                    arn: "arn:aws:ec2:\(sg.scope.region):\(sg.scope.account):security-group/\(sg.id)",
                    account: sg.scope.account, region: sg.scope.region)
    }
}

/// What the internet reaches on one endpoint: ports per protocol and the client ranges.
struct InternetExposure: Sendable {
    var endpoint: Endpoint
    var proto: IPProtocol
    var ports: PortSet
    var sources: [String]
    /// Set when the internet reaches the endpoint through a load balancer that shows it the clients' own
    /// addresses (its security group rule is what admits them): the load balancer's name and the way's hops.
    var via: (loadBalancer: String, path: [Hop])? = nil

    /// Internet → every endpoint (by equivalence class), TCP and UDP; then the targets of network load balancers
    /// that preserve the client's address (AWS "Client IP preservation").
    static func compute(_ solver: Solver) -> [InternetExposure] {
        var out = direct(solver)
        var directPorts: [String: PortSet] = [:]
        for x in out { directPorts["\(x.endpoint.id)|\(x.proto)", default: PortSet()] = directPorts["\(x.endpoint.id)|\(x.proto)", default: PortSet()].union(x.ports) }
        let inv = solver.topology.inventory
        let networkBalancers = Set(inv.loadBalancers.filter { $0.type == "network" && $0.isInternetFacing }.map(\.id))
        let preserving = inv.targetGroups.filter { $0.preservesClientIp && $0.loadBalancerArns.contains(where: networkBalancers.contains) }
        guard !preserving.isEmpty else { return out }
        // Targets are instance IDs or addresses: index the endpoints by both once.
        var byTarget: [String: [Endpoint]] = [:]
        for e in solver.catalog.endpoints where !e.isOutside {
            byTarget[e.resourceId, default: []].append(e)
            for a in e.privateAddresses { byTarget[a.description, default: []].append(e) }
        }
        for tg in preserving {
            let proto: IPProtocol = (tg.protocolName ?? "").uppercased().hasPrefix("UDP") ? .udp : .tcp
            for target in solver.topology.targets(of: tg) { for e in byTarget[target.id] ?? [] {
                guard let port = target.port ?? tg.port, directPorts["\(e.id)|\(proto)"]?.contains(port) != true else { continue }
                let answer = solver.pair([.internet()], [e], proto: proto, ports: PortSet(port))
                guard let leg = answer.loadBalancerLegs.first(where: { $0.reachable && $0.clientIp.preserved }) else { continue }
                out.append(InternetExposure(endpoint: e, proto: proto, ports: PortSet(port), sources: leg.sources ?? ["0.0.0.0/0"],
                                            via: (leg.loadBalancer, leg.path)))
            } }
        }
        return out
    }

    private static func direct(_ solver: Solver) -> [InternetExposure] {
        let internet = Endpoint.internet()
        var out: [InternetExposure] = []
        // Most endpoints admit the same few client sets: describe each set once.
        var described: [AddressSet: [String]] = [:]
        for proto in [IPProtocol.tcp, .udp] {
            for e in solver.catalog.endpoints where e.kind != .natGateway && e.kind != .vpcEndpoint {
                let answer = solver.pair([internet], [e], proto: proto, ports: nil, throughLoadBalancers: false, explain: false)
                guard answer.reachable else { continue }
                let addresses = answer.allowed.addresses
                let sources = described[addresses] ?? QueryAnswer.sources(addresses)
                described[addresses] = sources
                out.append(InternetExposure(endpoint: e, proto: proto, ports: answer.allowed.ports, sources: sources))
            }
        }
        return out
    }
}
