import NetModel

extension Selector {
    /// What a snapshot store must load for `resolve(term)` on the partial model to select what it selects on the whole
    /// account (`Solver.focused(_:neighbourhood:everything:loadGroups:)`), given `base`: the store's model without
    /// workload interfaces, instances and security groups. Managed services' interfaces are always loaded, so
    /// keywords such as `alb`, `rds`, `ecs` or `onprem` need no seed. Nil when the term needs the whole account:
    /// `ec2` and `asg` (every instance), `tag:` and a CIDR wider than one address (a condition on every interface).
    public static func seeds(for term: String, in base: Inventory) -> [InventorySeed]? {
        let trimmed = term.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if ["ec2", "asg"].contains(lower) || lower.hasPrefix("tag:") { return nil }
        if keywords.contains(lower) || ["0.0.0.0/0", "on-prem", "on-premises", "tasks"].contains(lower) || lower.hasPrefix("arn:aws:ecs:") {
            return []
        }
        if let prefix = IPPrefix(trimmed), trimmed.contains(".") || trimmed.contains(":") {
            return prefix.length == (prefix.isV4 ? 32 : 128) ? [.address(prefix.address)] : nil
        }
        // An ID or a name: interfaces, instances and groups by key; subnets, VPCs and service members by the base.
        let key = InventorySeed.nameKey(trimmed)
        var seeds: [InventorySeed] = [.name(key)]
        if lower.hasPrefix("sg-") { seeds.append(.securityGroup(lower)) }
        if lower.hasPrefix("subnet-") { seeds += [.subnet(trimmed), .subnet(lower)] }
        if lower.hasPrefix("vpc-") { seeds += [.vpc(trimmed), .vpc(lower)] }
        func named(_ id: String, _ name: String?) -> Bool { id.lowercased() == lower || name.map(InventorySeed.nameKey) == key }
        seeds += base.subnets.filter { named($0.id, $0.tags.name) }.map { .subnet($0.id) }
        seeds += base.vpcs.filter { named($0.id, $0.tags.name) }.map { .vpc($0.id) }
        // A bridge-mode ECS service (by name or `ecs-service:NAME`) stands for its container instances.
        let service = lower.hasPrefix("ecs-service:") ? String(lower.dropFirst("ecs-service:".count)) : lower
        let hosts = ECSServiceHosts(base)
        for s in base.ecsServices where s.name.lowercased() == service || InventorySeed.nameKey(s.name) == key {
            seeds += (hosts.hosts(of: s)?.instanceIds ?? []).sorted().map { .name(InventorySeed.nameKey($0)) }
        }
        // An EKS node group stands for the instances of its Auto Scaling groups (found by their tag).
        for group in base.eksNodegroups where [group.name, "\(group.clusterName)/\(group.name)"].map(InventorySeed.nameKey).contains(key) {
            seeds += group.autoScalingGroupNames.map { .name(InventorySeed.nameKey($0)) }
        }
        return seeds
    }
}
