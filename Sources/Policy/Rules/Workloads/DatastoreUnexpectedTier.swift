import Findings
import NetModel
import Reachability

/// A tier other than the allowed ones reaches a cache or a search domain.
struct DatastoreUnexpectedTier: Rule {
    static let info = RuleInfo(
        id: "datastore-unexpected-tier", title: "Cache or search domain reachable from a tier not allowed to", defaultSeverity: .high,
        rationale: "ElastiCache nodes and OpenSearch domains hold application data like databases: only the tiers listed under `allow.database_tiers` in the policy file should reach their ports.")

    func evaluate(_ context: RuleContext) -> [Finding] {
        let allowed = Set(context.policy.databaseTiers)
        guard !allowed.isEmpty else { return [] }
        let stores = Dictionary(grouping: context.solver.catalog.endpoints.filter { ($0.kind == .cache || $0.kind == .search) && $0.publicService == nil },
                                by: \.resourceId)
        var out: [Finding] = []
        for resourceId in stores.keys.sorted() {
            guard let targets = stores[resourceId], let first = targets.first else { continue }
            let port = context.datastorePort(first)
            let what = first.kind == .cache ? "cache" : "search domain"
            for (tier, answer) in context.tiersNotAllowed(reaching: targets, port: port, member: { $0.resourceId == resourceId && $0.kind == first.kind }) {
                out.append(finding(context.resource(first), title: "tier \(tier) reaches \(what) \(resourceId) on tcp/\(port)",
                                   detail: "tier:\(tier)", evidence: answer.best.path.map { "\($0.kind): \($0.detail)" },
                                   fix: Fix(summary: "Allow tcp/\(port) on \(resourceId)'s security groups only from the tiers \(allowed.sorted().joined(separator: ", ")).")))
            }
        }
        return out
    }
}

extension RuleContext {
    /// The port a cache node or search domain answers on: the node's, else the engine's default
    /// (Redis OSS/Valkey 6379, Memcached 11211); OpenSearch domains answer on HTTPS.
    func datastorePort(_ e: Endpoint) -> Int {
        guard e.kind == .cache else { return 443 }
        let inv = inventory
        let cluster = index.cacheClusters[e.name] ?? inv.cacheClusters.first { $0.replicationGroupId == e.resourceId || $0.id == e.resourceId }
        if let port = cluster?.nodes.compactMap(\.port).first { return port }
        if let port = index.cacheReplicationGroups[e.resourceId]?.port { return port }
        return cluster?.engine.lowercased() == "memcached" ? 11211 : 6379
    }
}

extension RuleContext {
    /// Each tier outside `allow.database_tiers` (and not holding the target itself) that reaches the targets on tcp/`port`,
    /// with its answer: the check `rds-unexpected-tier` and `datastore-unexpected-tier` share.
    func tiersNotAllowed(reaching targets: [Endpoint], port: Int, member: (Endpoint) -> Bool) -> [(tier: String, answer: PairAnswer)] {
        let allowed = Set(policy.databaseTiers)
        return tiers.compactMap { tier in
            guard !allowed.contains(tier.name), !tier.endpoints.isEmpty, !tier.endpoints.contains(where: member) else { return nil }
            let answer = solver.pair(tier.endpoints, targets, proto: .tcp, ports: PortSet(port), throughLoadBalancers: false)
            return answer.reachable ? (tier.name, answer) : nil
        }
    }
}
