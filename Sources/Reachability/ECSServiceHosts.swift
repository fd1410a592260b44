import NetModel

/// The EC2 instances a `bridge`/`host`-mode ECS service runs on: such tasks have no interface of their own and use
/// their container instance's (AWS "Amazon ECS task networking options for EC2": bridge and host modes share the
/// host's network interface). In order of evidence:
///
/// 1. the hosts of its running tasks: each task's `containerInstanceArn`, whose `ec2InstanceId` DescribeContainerInstances gives;
/// 2. else the instances its target groups register (`instance` targets);
/// 3. else, for a service with no task placed yet, every container instance of its cluster that takes new tasks
///    (`ACTIVE`; AWS "Amazon ECS container instance draining"): where ECS will place them (`placement` says so).
///
/// `awsvpc` services have none: their tasks have their own interfaces.
public struct ECSServiceHosts: Sendable {
    /// How the hosts of a service are known.
    public enum Evidence: String, Sendable, Hashable {
        case runningTasks = "its running tasks' container instances"
        case targetGroups = "the instances its target groups register"
        case clusterInstances = "its cluster's container instances, where ECS will place its tasks (none is running)"
    }

    /// A service's hosts and how they are known.
    public struct Hosts: Sendable, Hashable {
        public var instanceIds: Set<String>
        public var evidence: Evidence
    }

    private let byService: [String: Hosts]

    /// Hosts of every non-`awsvpc` service of `inv`, in one pass over its tasks, target groups and container instances.
    public init(_ inv: Inventory) {
        let services = inv.ecsServices.filter { $0.network == nil }
        guard !services.isEmpty else { byService = [:]; return }
        var host: [String: String] = [:]
        var clusterHosts: [String: Set<String>] = [:]
        for c in inv.ecsContainerInstances {
            guard let ec2 = c.ec2InstanceId else { continue }
            host[c.id] = ec2
            if c.acceptsTasks, let cluster = c.clusterArn { clusterHosts[cluster, default: []].insert(ec2) }
        }
        var placed: [String: Set<String>] = [:]
        for t in inv.ecsTasks where t.isRunning {
            if let name = t.serviceName, let ec2 = t.containerInstanceArn.flatMap({ host[$0] }) { placed["\(t.clusterArn)|\(name)", default: []].insert(ec2) }
        }
        let registered = Dictionary(inv.targetGroups.filter { $0.targetType == "instance" }.map { ($0.id, Set($0.targets.map(\.id))) },
                                    uniquingKeysWith: { a, b in a.union(b) })
        var out: [String: Hosts] = [:]
        for s in services {
            if let ids = placed["\(s.clusterArn)|\(s.name)"] {
                out[s.id] = Hosts(instanceIds: ids, evidence: .runningTasks)
                continue
            }
            let targets = Set(s.loadBalancers.compactMap(\.targetGroupArn).flatMap { registered[$0] ?? [] })
            if !targets.isEmpty {
                out[s.id] = Hosts(instanceIds: targets, evidence: .targetGroups)
            } else if let ids = clusterHosts[s.clusterArn] {
                out[s.id] = Hosts(instanceIds: ids, evidence: .clusterInstances)
            }
        }
        byService = out
    }

    /// The hosts of a service (nil for an `awsvpc` service or when nothing says where it runs).
    public func hosts(of service: ECSService) -> Hosts? { byService[service.id] }
}
