import NetModel

/// Facts of workloads: interfaces, instances, load balancers, target groups, databases, functions.
extension ResourceFacts {
    static func of(_ e: NetworkInterface, names: NameBook) -> ResourceFacts {
        var f = ResourceFacts(kind: "network-interface", id: e.id, name: e.tags.name ?? e.description)
        f.property("subnet", e.subnetId)
        f.property("owner", e.owner?.description)
        f.property("security groups", list: e.securityGroupIds.map(names.group))
        f.property("private IPs", list: e.privateAddresses.map(\.address))
        f.property("public IPs", list: e.publicIps)
        f.property("IPv6 addresses", list: e.ipv6Addresses)
        f.property("SourceDestCheck", e.sourceDestCheck)
        f.tags(e.tags)
        return f
    }

    static func of(_ i: Instance, names: NameBook) -> ResourceFacts {
        var f = ResourceFacts(kind: "instance", id: i.id, name: i.tags.name)
        f.property("state", i.state)
        f.property("subnet", i.subnetId)
        f.property("public IP", i.publicIp)
        f.property("private IP", i.privateIp)
        f.property("security groups", list: i.securityGroupIds.map(names.group))
        f.property("network interfaces", list: i.networkInterfaceIds)
        f.property("instance profile", i.instanceProfileArn)
        f.property("image", i.imageId)
        f.property("instance type", i.instanceType)
        f.tags(i.tags)
        return f
    }

    static func of(_ b: LoadBalancer, names: NameBook) -> ResourceFacts {
        var f = ResourceFacts(kind: "load-balancer", id: b.id, name: b.name)
        f.property("type", b.type)
        f.property("scheme", b.scheme)
        f.property("subnets", list: b.subnetIds)
        f.property("security groups", list: b.securityGroupIds.map(names.group))
        f.property("state", b.state)
        f.collection("listener", b.listeners.map { l in
            if let actions = l.defaultActions {
                let what = actions.isEmpty ? "no default action" : actions.map(\.summary).joined(separator: " then ")
                return Item("\(l.protocolName) \(l.port) default: \(what)", keys: ["\(l.port)"])
            }
            return Item("\(l.protocolName) \(l.port) forwards to \(l.targetGroupArns.map(shortArn).joined(separator: ", "))", keys: ["\(l.port)"])
        })
        // Rules other than the default one (whose actions are the listener's default actions, above): one item per
        // rule, the same rule (ARN, else listener port and priority) edited in place when its conditions or actions change.
        f.collection("listener rule", b.listeners.flatMap { l in
            (l.rules ?? []).filter { !$0.isDefault }.map { r in
                Item("\(l.protocolName) \(l.port) \(r.label): \(r.actionSummary)", keys: [r.arn, "\(l.port)|\(r.priority)"])
            }
        })
        f.tags(b.tags)
        return f
    }

    static func of(_ t: TargetGroup) -> ResourceFacts {
        var f = ResourceFacts(kind: "target-group", id: t.id, name: t.name)
        f.property("protocol", t.protocolName)
        f.property("port", t.port.map(String.init))
        f.property("target type", t.targetType)
        f.property("load balancers", list: t.loadBalancerArns.map(shortArn))
        if t.targetsKnown {
            f.collection("target", t.targets.map { Item($0.id + ($0.port.map { ":\($0)" } ?? "")) })
        }
        f.tags(t.tags)
        return f
    }

    static func of(_ d: DBInstance, names: NameBook) -> ResourceFacts {
        var f = ResourceFacts(kind: "db-instance", id: d.id, name: d.id)
        f.property("engine", [d.engine, d.engineVersion].compactMap { $0 }.joined(separator: " "))
        f.property("instance class", d.instanceClass)
        f.property("port", d.port.map(String.init))
        f.property("PubliclyAccessible", d.publiclyAccessible)
        f.property("StorageEncrypted", d.storageEncrypted)
        f.property("MultiAZ", d.multiAZ)
        f.property("security groups", list: d.securityGroupIds.map(names.group))
        f.property("subnet group", d.subnetGroupName)
        f.property("subnets", list: d.subnetIds)
        f.tags(d.tags)
        return f
    }

    static func of(_ g: DBSubnetGroup) -> ResourceFacts {
        var f = ResourceFacts(kind: "db-subnet-group", id: g.id, name: g.id)
        f.property("VPC", g.vpcId)
        f.property("subnets", list: g.subnetIds)
        return f
    }

    static func of(_ l: LambdaFunction, names: NameBook) -> ResourceFacts {
        var f = ResourceFacts(kind: "lambda-function", id: l.id, name: l.id)
        f.property("runtime", l.runtime)
        f.property("role", l.roleArn)
        f.property("VPC", l.vpcId)
        f.property("subnets", list: l.subnetIds)
        f.property("security groups", list: l.securityGroupIds.map(names.group))
        f.property("environment variables", list: l.environmentVariableNames)
        f.property("function URL", l.functionUrl.map { "\($0.url) (AuthType \($0.authType))" })
        return f
    }

    /// The last path segment of an ARN that names a load balancer or target group.
    static func shortArn(_ arn: String) -> String {
        let parts = arn.split(separator: "/")
        return parts.count >= 3 ? parts[parts.count - 2 ..< parts.count].joined(separator: "/") : arn
    }
}
