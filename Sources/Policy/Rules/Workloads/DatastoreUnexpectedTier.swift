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
            for tier in context.tiers where !allowed.contains(tier.name) && !tier.endpoints.isEmpty
                && !tier.endpoints.contains(where: { $0.resourceId == resourceId && $0.kind == first.kind }) {
                let answer = context.solver.pair(tier.endpoints, targets, proto: .tcp, ports: PortSet(port), throughLoadBalancers: false)
                guard answer.reachable else { continue }
                let what = first.kind == .cache ? "cache" : "search domain"
                out.append(finding(context.resource(first), title: "tier \(tier.name) reaches \(what) \(resourceId) on tcp/\(port)",
                                   detail: "tier:\(tier.name)", evidence: answer.best.path.map { "\($0.kind): \($0.detail)" },
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
        let cluster = inv.cacheClusters.first { $0.id == e.name } ?? inv.cacheClusters.first { $0.replicationGroupId == e.resourceId || $0.id == e.resourceId }
        if let port = cluster?.nodes.compactMap(\.port).first { return port }
        if let port = inv.cacheReplicationGroups.first(where: { $0.id == e.resourceId })?.port { return port }
        return cluster?.engine.lowercased() == "memcached" ? 11211 : 6379
    }

    /// The resource reference of a managed service's endpoint (cache, search domain, EKS cluster, Lambda function).
    func serviceResource(_ e: Endpoint) -> ResourceRef? {
        let inv = inventory
        switch e.kind {
        case .cache:
            let cluster = inv.cacheClusters.first { $0.id == e.name } ?? inv.cacheClusters.first { $0.id == e.resourceId }
            let group = inv.cacheReplicationGroups.first { $0.id == e.resourceId }
            return ResourceRef(id: e.resourceId, kind: group != nil ? "cache-replication-group" : "cache-cluster", name: e.resourceId,
                               arn: group == nil ? cluster?.arn : nil, account: (group?.scope ?? cluster?.scope)?.account ?? "unknown",
                               region: (group?.scope ?? cluster?.scope)?.region ?? "unknown")
        case .search:
            let d = inv.openSearchDomains.first { $0.id == e.resourceId }
            return ResourceRef(id: e.resourceId, kind: "opensearch-domain", name: e.resourceId, arn: d?.arn,
                               account: d?.scope.account ?? "unknown", region: d?.scope.region ?? "unknown")
        case .eksCluster:
            let c = inv.eksClusters.first { $0.id == e.resourceId }
            return ResourceRef(id: e.resourceId, kind: "eks-cluster", name: e.resourceId, arn: c?.arn,
                               account: c?.scope.account ?? "unknown", region: c?.scope.region ?? "unknown")
        case .lambda:
            let f = inv.lambdaFunctions.first { $0.id == e.resourceId }
            return ResourceRef(id: e.resourceId, kind: "lambda-function", name: e.resourceId, arn: f?.arn,
                               account: f?.scope.account ?? "unknown", region: f?.scope.region ?? "unknown")
        default:
            return nil
        }
    }
}
