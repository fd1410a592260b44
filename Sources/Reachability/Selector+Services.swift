import NetModel

extension Selector {
    /// `eks`, `elasticache`, `opensearch`, `aurora`: the endpoints of that kind, and what to say when there are none.
    func serviceKeyword(_ lower: String) -> ([Endpoint], String)? {
        let all = catalog.endpoints
        switch lower {
        case "eks": return (all.filter { $0.kind == .eksCluster }, "no EKS cluster")
        case "elasticache": return (all.filter { $0.kind == .cache }, "no ElastiCache cluster")
        case "opensearch": return (all.filter { $0.kind == .search }, "no OpenSearch domain")
        case "aurora":
            let members = auroraMembers()
            return (all.filter { $0.kind == .database && members.contains($0.resourceId) }, "no Aurora DB cluster member")
        default: return nil
        }
    }

    /// DB instances of a cluster (`DBClusterIdentifier`), or of an `aurora*` engine.
    private func auroraMembers() -> Set<String> {
        let inv = topology.inventory
        return Set(inv.dbInstances.filter { $0.clusterId != nil || $0.engine.lowercased().hasPrefix("aurora") }.map(\.id))
            .union(inv.dbClusters.flatMap { $0.members.map(\.instanceId) })
    }

    /// Names of service resources that stand for several endpoints: a replication group for its clusters' nodes,
    /// a DB cluster for its member instances, an EKS node group (`cluster/nodegroup`, or its name) for the instances
    /// of its Auto Scaling groups.
    func serviceNames() -> [(name: String, label: String, members: [Endpoint])] {
        let inv = topology.inventory
        let all = catalog.endpoints
        var out: [(String, String, [Endpoint])] = []
        for group in inv.cacheReplicationGroups {
            out.append((group.id, "ElastiCache replication group \(group.id)", all.filter { $0.kind == .cache && $0.resourceId == group.id }))
        }
        for cluster in inv.dbClusters {
            let members = Set(cluster.members.map(\.instanceId))
                .union(inv.dbInstances.filter { $0.clusterId == cluster.id }.map(\.id))
            out.append((cluster.id, "DB cluster \(cluster.id)", all.filter { $0.kind == .database && members.contains($0.resourceId) }))
        }
        for group in inv.eksNodegroups {
            let asgs = Set(group.autoScalingGroupNames)
            let nodes = all.filter { $0.kind == .instance && $0.tags["aws:autoscaling:groupName"].map(asgs.contains) ?? false }
            for name in ["\(group.clusterName)/\(group.name)", group.name] {
                out.append((name, "EKS node group \(group.clusterName)/\(group.name)", nodes))
            }
        }
        return out
    }
}
