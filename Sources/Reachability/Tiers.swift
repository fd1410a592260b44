import NetModel

/// A named group of endpoints: "the ALB", "the app instances", "the database", "the internet".
public struct Tier: Sendable {
    public var name: String
    public var endpoints: [Endpoint]

    public init(name: String, endpoints: [Endpoint]) {
        self.name = name
        self.endpoints = endpoints
    }

    public var isInternet: Bool { endpoints.count == 1 && endpoints[0].isInternet }

    /// Outside every VPC: the internet or on-premises networks (such tiers meet every tier, never each other).
    public var isOutside: Bool { !endpoints.isEmpty && endpoints.allSatisfy(\.isOutside) }
}

extension Solver {
    /// The default tiers: the internet, each on-premises network (VPN connection or Direct Connect gateway), each load balancer, each Auto Scaling group, other instances
    /// by Name tag (or, untagged, by their security groups' names), each database, each Lambda function, each cache
    /// (cluster or replication group), each OpenSearch domain, each EKS cluster and each ECS service (a RunTask task by its ID).
    public func defaultTiers() -> [Tier] {
        var order: [String] = []
        var members: [String: [Endpoint]] = [:]
        let instances = Dictionary(topology.inventory.instances.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for e in catalog.endpoints {
            let name: String
            switch e.kind {
            case .loadBalancer, .database, .lambda, .cache, .search, .eksCluster, .ecsTask:
                name = e.resourceId
            case .onPremises:
                name = "onprem:\(e.name)"
            case .instance:
                if let asg = e.tags["aws:autoscaling:groupName"] { name = asg }
                else if instances[e.resourceId]?.tags.name != nil { name = e.name }
                else { name = "sg:" + e.securityGroupIds.map { topology.securityGroups[$0]?.displayName ?? $0 }.joined(separator: "+") }
            default:
                continue
            }
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(e)
        }
        return [Tier(name: "internet", endpoints: [.internet()])] + order.map { Tier(name: $0, endpoints: members[$0] ?? []) }
    }

    /// Tiers defined by selector terms (`alb`, `sg-123`, `tag:Role=app`, ...), each the union of its terms.
    public func tiers(_ definitions: [(name: String, terms: [String])], includeInternet: Bool = true) throws(SelectorError) -> [Tier] {
        var out: [Tier] = includeInternet && !definitions.contains(where: { $0.name == "internet" }) ? [Tier(name: "internet", endpoints: [.internet()])] : []
        for (name, terms) in definitions {
            var endpoints: [Endpoint] = []
            var seen = Set<String>()
            for term in terms {
                for group in try selector.resolve(term).groups {
                    for e in group.endpoints where seen.insert(e.id).inserted { endpoints.append(e) }
                }
            }
            out.append(Tier(name: name, endpoints: endpoints))
        }
        return out
    }
}
