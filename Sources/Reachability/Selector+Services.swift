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

    /// ECS terms: `ecs` (every service's endpoints), `task` (every task's), `ecs-service:NAME`, a service ARN, a task ID
    /// or ARN. Nil when the term is none of these (a plain service name resolves as a name).
    func ecsTerm(_ term: String) -> ([Endpoint], String)? {
        let inv = topology.inventory
        let lower = term.lowercased()
        let all = catalog.endpoints.filter { $0.kind == .ecsTask }
        let services = Set(inv.ecsServices.map(\.name))
        switch lower {
        case "ecs": return (all.filter { services.contains($0.resourceId) }, "names a kind the snapshot has none of (no ECS service)")
        case "task", "tasks":
            let ids = Set(inv.ecsTasks.filter(\.isRunning).map(ECSEndpoints.endpointId))
            return (all.filter { ids.contains($0.id) }, "names a kind the snapshot has none of (no running ECS task)")
        default: break
        }
        if lower.hasPrefix("ecs-service:") {
            let name = String(term.dropFirst("ecs-service:".count))
            var found = all.filter { $0.resourceId.lowercased() == name.lowercased() && services.contains($0.resourceId) }
            if found.isEmpty, let service = inv.ecsServices.first(where: { $0.name.lowercased() == name.lowercased() }) { found = containerInstances(of: service) }
            return (found, "matches no ECS service" + (services.isEmpty ? "" : " (services: \(services.sorted().prefix(8).joined(separator: ", ")))"))
        }
        if let service = inv.ecsServices.first(where: { $0.id.lowercased() == lower }) {
            return (all.filter { $0.resourceId == service.name }, "is an ECS service with no task or network configuration in the snapshot")
        }
        if let task = inv.ecsTasks.first(where: { $0.id.lowercased() == lower || $0.shortId.lowercased() == lower }) {
            let id = ECSEndpoints.endpointId(of: task)
            return (all.filter { $0.id == id }, task.isRunning ? "is an ECS task without an interface in the snapshot" : "is an ECS task that has stopped (\(task.lastStatus ?? "?"))")
        }
        return lower.hasPrefix("arn:aws:ecs:") ? ([], "matches no ECS service or task in the snapshot") : nil
    }

    /// The instances a `bridge`/`host`-mode service's tasks run on (`ECSServiceHosts`).
    func containerInstances(of service: ECSService) -> [Endpoint] {
        let ids = ECSServiceHosts(topology.inventory).hosts(of: service)?.instanceIds ?? []
        return ids.isEmpty ? [] : catalog.endpoints.filter { $0.kind == .instance && ids.contains($0.resourceId) }
    }

    /// DB instances of a cluster (`DBClusterIdentifier`), or of an `aurora*` engine.
    private func auroraMembers() -> Set<String> {
        let inv = topology.inventory
        return Set(inv.dbInstances.filter { $0.clusterId != nil || $0.engine.lowercased().hasPrefix("aurora") }.map(\.id))
            .union(inv.dbClusters.flatMap { $0.members.map(\.instanceId) })
    }

    /// Names of service resources that stand for several endpoints: a replication group for its clusters' nodes,
    /// a DB cluster for its member instances, an EKS node group (`cluster/nodegroup`, or its name) for the instances
    /// of its Auto Scaling groups, a bridge-mode ECS service for its container instances, a Service Connect alias for
    /// its service's tasks.
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
        let hosts = ECSServiceHosts(inv)
        for service in inv.ecsServices where service.network == nil {
            let known = hosts.hosts(of: service)
            let ids = known?.instanceIds ?? []
            out.append((service.name, "ECS service \(service.name) (\(known?.evidence.rawValue ?? "its container instances"))",
                        ids.isEmpty ? [] : all.filter { $0.kind == .instance && ids.contains($0.resourceId) }))
        }
        for (name, services) in ServiceConnectAliases(inv).names {
            out.append((name, "Service Connect alias \(name) (ECS service \(services.sorted().joined(separator: ", ")))",
                        all.filter { services.contains($0.resourceId) && ($0.kind == .ecsTask || $0.kind == .instance) }))
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
