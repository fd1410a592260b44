import NetModel

/// The endpoints of ECS workloads, named by service (a RunTask task by its task ID): each running `awsvpc` task's
/// interface; a task whose interface the snapshot lacks, by the address and subnet the task names; and a service
/// with no running task in the snapshot, placed by its `awsvpc` configuration (subnets, security groups,
/// `assignPublicIp`), where its tasks will run (AWS "Amazon ECS task networking options for Fargate").
struct ECSEndpoints {
    let inventory: Inventory
    private let tasksByArn: [String: ECSTask]
    private let servicesByKey: [String: ECSService]

    init(_ inventory: Inventory) {
        self.inventory = inventory
        tasksByArn = Dictionary(inventory.ecsTasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        servicesByKey = Dictionary(inventory.ecsServices.map { (Self.key($0.clusterArn, $0.name), $0) }, uniquingKeysWith: { a, _ in a })
    }

    private static func key(_ cluster: String, _ service: String) -> String { "\(cluster)|\(service)" }

    /// The workload name of a task: its service's name, else (RunTask) its task ID.
    static func workload(of task: ECSTask) -> String { task.serviceName ?? task.shortId }

    /// The endpoint ID of a task's interface: the interface ID, or `task/<id>` when the task names none.
    static func endpointId(of task: ECSTask) -> String { task.networkInterfaceId ?? "task/\(task.shortId)" }

    /// The service a task belongs to, if the snapshot describes it.
    func service(of task: ECSTask) -> ECSService? {
        task.serviceName.flatMap { servicesByKey[Self.key(task.clusterArn, $0)] }
    }

    /// Who an interface owned by a task serves: the task's service (or the task itself).
    func owner(ofTask arn: String) -> ServiceEndpoints.Owner {
        guard let task = tasksByArn[arn] else {
            let id = arn.split(separator: "/").last.map(String.init) ?? arn
            return ServiceEndpoints.Owner(kind: .ecsTask, resource: id, name: id, tags: [:])
        }
        let name = Self.workload(of: task)
        return ServiceEndpoints.Owner(kind: .ecsTask, resource: name, name: name, tags: task.tags.isEmpty ? service(of: task)?.tags ?? [:] : task.tags)
    }

    /// Running tasks whose interface the snapshot lacks, and services none of whose tasks is in the snapshot.
    func placed(interfaces: Set<String>, topology: Topology) -> (endpoints: [Endpoint], notes: [String]) {
        var out: [Endpoint] = []
        var notes: [String] = []
        var servicesWithTasks = Set<String>()
        for task in inventory.ecsTasks where task.isRunning {
            if let name = task.serviceName { servicesWithTasks.insert(Self.key(task.clusterArn, name)) }
            if let eni = task.networkInterfaceId, interfaces.contains(eni) { continue }
            guard let subnetId = task.subnetId, let ip = task.privateIp.flatMap({ IPAddress($0) }) else { continue }
            let name = Self.workload(of: task)
            let missing = "task \(task.shortId)'s interface \(task.networkInterfaceId ?? "(unnamed)") is not in the snapshot"
            // describe-tasks does not say a task's security groups: only its service's network configuration does.
            guard let network = service(of: task)?.network else {
                notes.append("\(name): \(missing), and no service says its security groups; not an endpoint (add describe-network-interfaces output)")
                continue
            }
            var e = Endpoint(id: Self.endpointId(of: task), kind: .ecsTask, resourceId: name, name: name, vpcId: topology.subnets[subnetId]?.vpcId,
                             subnetId: subnetId, securityGroupIds: network.securityGroupIds, privateAddresses: [ip],
                             interfaceId: task.networkInterfaceId, hasPublicAddress: network.assignPublicIp,
                             placementEstimated: true, tags: task.tags)
            e.placementNote = "\(name): \(missing); its address \(ip) in \(subnetId) is the task's, its security groups \(network.securityGroupIds.joined(separator: ", ")) the service's"
            out.append(e)
        }
        for service in inventory.ecsServices where !servicesWithTasks.contains(Self.key(service.clusterArn, service.name)) {
            guard let network = service.network, !network.subnetIds.isEmpty, service.status?.uppercased() != "INACTIVE" else { continue }
            let why = service.runningCount == 0 ? "no running task" : "none of its \(service.runningCount) running tasks is in the snapshot (describe-tasks)"
            let note = "\(service.name) has \(why); answered from the service's network configuration (subnets \(network.subnetIds.joined(separator: ", ")), security groups \(network.securityGroupIds.joined(separator: ", ")), assignPublicIp \(network.assignPublicIp ? "ENABLED" : "DISABLED"))"
            notes.append(note)
            for subnetId in network.subnetIds {
                var e = EndpointCatalog.placed(id: "\(service.name)@\(subnetId)", kind: .ecsTask, resource: service.name, subnetId: subnetId,
                                               groups: network.securityGroupIds, isPublic: network.assignPublicIp, tags: service.tags, topology: topology)
                e.placementNote = note
                out.append(e)
            }
        }
        return (out, notes)
    }
}
