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

    public init(inventory: Inventory, policy: PolicyFile, actions: ActionDatabase) {
        self.inventory = inventory
        self.solver = Solver(inventory: inventory)
        self.policy = policy
        self.actions = actions
    }

    func problem(_ text: String) { lock.withLock { problems.append(text) } }

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
        let inv = inventory
        switch e.kind {
        case .instance:
            let i = inv.instances.first { $0.id == e.resourceId }
            return ResourceRef(id: e.resourceId, kind: "instance", name: i?.tags.name ?? e.name, account: i?.scope.account ?? "unknown", region: i?.scope.region ?? "unknown")
        case .loadBalancer:
            let lb = inv.loadBalancers.first { $0.name == e.resourceId }
            return ResourceRef(id: lb?.id ?? e.resourceId, kind: "load-balancer", name: e.resourceId, arn: lb?.id,
                               account: lb?.scope.account ?? "unknown", region: lb?.scope.region ?? "unknown")
        case .database:
            let db = inv.dbInstances.first { $0.id == e.resourceId }
            return ResourceRef(id: e.resourceId, kind: "db-instance", name: e.resourceId, arn: db?.arn,
                               account: db?.scope.account ?? "unknown", region: db?.scope.region ?? "unknown")
        default:
            let eni = inv.networkInterfaces.first { $0.id == e.id }
            return ResourceRef(id: e.resourceId, kind: e.kind.rawValue, name: e.name, account: eni?.scope.account ?? "unknown",
                               region: eni?.scope.region ?? "unknown")
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

    /// Internet → every endpoint (by equivalence class), TCP and UDP.
    static func compute(_ solver: Solver) -> [InternetExposure] {
        let internet = Endpoint.internet()
        var out: [InternetExposure] = []
        for proto in [IPProtocol.tcp, .udp] {
            for e in solver.catalog.endpoints where e.kind != .natGateway && e.kind != .vpcEndpoint {
                let answer = solver.pair([internet], [e], proto: proto, ports: nil, throughLoadBalancers: false, explain: false)
                guard answer.reachable else { continue }
                out.append(InternetExposure(endpoint: e, proto: proto, ports: answer.allowed.ports,
                                            sources: QueryAnswer.sources(answer.allowed.addresses)))
            }
        }
        return out
    }
}
