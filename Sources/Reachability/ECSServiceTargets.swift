import NetModel

/// What ECS services register with their target groups (`loadBalancers[]` of DescribeServices: a target group and a
/// container port), where the target group's own listing doesn't say it: AWS "Use load balancing to distribute Amazon
/// ECS service traffic" — the service registers each task's interface address (`ip` targets, awsvpc mode) on the
/// container port. A service with no running task in the snapshot stands in by its name (its placed endpoints, on
/// the container port); a target group whose targets were not captured gets the running tasks' addresses.
enum ECSServiceTargets {
    /// Stand-in targets by target group ARN.
    static func standIns(_ inv: Inventory) -> [String: [Target]] {
        guard !inv.ecsServices.isEmpty else { return [:] }
        let groups = Dictionary(inv.targetGroups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var running: [String: [ECSTask]] = [:]
        for t in inv.ecsTasks where t.isRunning {
            if let name = t.serviceName { running["\(t.clusterArn)|\(name)", default: []].append(t) }
        }
        var out: [String: [Target]] = [:]
        for service in inv.ecsServices where service.status?.uppercased() != "INACTIVE" {
            let tasks = running["\(service.clusterArn)|\(service.name)"] ?? []
            for lb in service.loadBalancers {
                guard let arn = lb.targetGroupArn, let tg = groups[arn], tg.targetType == "ip" else { continue }
                let port = lb.containerPort ?? tg.port
                if tasks.isEmpty {
                    if service.network?.subnetIds.isEmpty == false { out[arn, default: []].append(Target(id: service.name, port: port)) }
                } else if !tg.targetsKnown {
                    out[arn, default: []] += tasks.compactMap { t in t.privateIp.map { Target(id: $0, port: port) } }
                }
            }
        }
        return out
    }
}

/// A container port of a `bridge`-mode service that ECS maps to a dynamic host port.
struct DynamicHostPort: Sendable, Hashable {
    var service: String
    var containerPort: Int
}

extension ECSServiceTargets {
    /// AWS "PortMapping" (hostPort): in `bridge` mode a container port with hostPort 0 (or none) gets a host port the agent
    /// picks from the container instance's ephemeral range; ports below 32768 are outside it, and the ECS-optimized Linux
    /// AMIs use 32768–65535, which is what the instance's security group must admit from the load balancer.
    static let ephemeralHostPorts = PortRange(32768, 65535)

    /// Bridge-mode services registering a dynamic host port with an `instance` target group, by target group ARN.
    static func dynamicHostPorts(_ inv: Inventory) -> [String: [DynamicHostPort]] {
        guard !inv.ecsServices.isEmpty else { return [:] }
        let definitions = Dictionary(inv.ecsTaskDefinitions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [String: [DynamicHostPort]] = [:]
        for service in inv.ecsServices {
            guard let def = service.taskDefinitionArn.flatMap({ definitions[$0] }), (def.networkMode ?? "bridge") == "bridge" else { continue }
            for lb in service.loadBalancers {
                guard let arn = lb.targetGroupArn, let port = lb.containerPort else { continue }
                let mappings = def.containers.filter { lb.containerName == nil || $0.name == lb.containerName }.flatMap(\.portMappings)
                if mappings.contains(where: { ($0.containerPort...max($0.containerPort, $0.containerPortEnd ?? 0)).contains(port) && ($0.hostPort ?? 0) == 0 }) {
                    out[arn, default: []].append(DynamicHostPort(service: service.name, containerPort: port))
                }
            }
        }
        return out
    }
}
