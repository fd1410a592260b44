import NetModel

/// Facts of ECS workloads: clusters, services (with what their task definition says: roles, images, ports) and task
/// definitions, container instances. Tasks are not compared: a deployment replaces them all, and their placement is the service's.
extension ResourceFacts {
    static func of(_ c: ECSCluster) -> ResourceFacts {
        var f = ResourceFacts(kind: "ecs-cluster", id: c.id, name: c.name)
        f.property("status", c.status)
        f.tags(c.tags)
        return f
    }

    /// A service with its task definition (when the snapshot has it): a new revision with another task role, image or
    /// port is one modification of the service, not only a new definition.
    static func of(_ s: ECSService, definition d: ECSTaskDefinition?, names: NameBook) -> ResourceFacts {
        var f = ResourceFacts(kind: "ecs-service", id: s.id, name: s.name)
        f.property("status", s.status)
        f.property("launch type", s.launchType)
        f.property("task definition", s.taskDefinitionArn.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
        f.property("desired count", String(s.desiredCount))
        f.property("subnets", list: s.network?.subnetIds ?? [])
        f.property("security groups", list: (s.network?.securityGroupIds ?? []).map(names.group))
        f.property("assignPublicIp", s.network.map { $0.assignPublicIp ? "ENABLED" : "DISABLED" })
        f.collection("load balancer", s.loadBalancers.map { lb in
            let group = lb.targetGroupArn.map(shortArn) ?? "?"
            return Item("\(group) → \(lb.containerName ?? "?"):\(lb.containerPort.map(String.init) ?? "?")", keys: [group])
        })
        f.collection("Service Connect alias", (s.serviceConnect?.services ?? []).flatMap { e in
            e.clientAliases.map { a in
                let name = "\(a.dnsName ?? e.discoveryName ?? e.portName):\(a.port)"
                return Item("\(name) → \(e.portName)\(e.ingressPortOverride.map { " (proxy on \($0))" } ?? "")", keys: [name])
            }
        })
        if let d { definitionFacts(d, into: &f) }
        f.tags(s.tags)
        return f
    }

    /// A container instance: which EC2 instance hosts the cluster's `bridge`/`host`-mode tasks, and whether it takes new ones.
    static func of(_ c: ECSContainerInstance) -> ResourceFacts {
        var f = ResourceFacts(kind: "ecs-container-instance", id: c.id, name: c.ec2InstanceId ?? shortArn(c.id))
        f.property("cluster", c.clusterArn.map(shortArn))
        f.property("EC2 instance", c.ec2InstanceId)
        f.property("status", c.status)
        return f
    }

    static func of(_ d: ECSTaskDefinition) -> ResourceFacts {
        var f = ResourceFacts(kind: "ecs-task-definition", id: d.id, name: "\(d.family)\(d.revision.map { ":\($0)" } ?? "")")
        definitionFacts(d, into: &f)
        return f
    }

    /// What a task definition decides about network and identity: mode, roles, each container's image, ports and
    /// secrets (names only; plain secrets by variable and reason, never a value).
    private static func definitionFacts(_ d: ECSTaskDefinition, into f: inout ResourceFacts) {
        f.property("network mode", d.networkMode)
        f.property("task role", d.taskRoleArn)
        f.property("execution role", d.executionRoleArn)
        f.collection("container", d.containers.map { c in
            let ports = c.portMappings.map { m in "\(m.protocolName)/\(m.portText)" + (m.hostPort.map { $0 == m.containerPort ? "" : " (host \($0 == 0 ? "dynamic" : String($0)))" } ?? "") }
            var text = "\(c.name): image \(c.image ?? "unset"), ports \(ports.isEmpty ? "none" : ports.joined(separator: ", "))"
            if !c.plainSecrets.isEmpty { text += ", plain-text secrets \(c.plainSecrets.map(\.variable).sorted().joined(separator: ", "))" }
            if !c.secretNames.isEmpty { text += ", secrets \(c.secretNames.sorted().joined(separator: ", "))" }
            return Item(text, keys: [c.name])
        })
    }
}
