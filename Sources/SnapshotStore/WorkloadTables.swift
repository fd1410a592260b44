import JSON
import NetModel

/// Tables for firewalls, interfaces and the workloads behind them.
enum WorkloadTables {
    static let all: [AnyResourceTable] = [
        AnyResourceTable(ResourceTable<SecurityGroup>("security_groups", \.securityGroups, scope: \.scope, columns: [
            Column("name") { $0.name },
            Column("name_tag") { $0.tags.name },
            Column("description") { $0.description },
            Column("vpc_id") { $0.vpcId },
        ], children: [
            ChildTable("security_group_names", columns: [
                Column("group_id") { $0.0.id },
                Column("key") { $0.1 },
            ], indexes: ["key"], rows: { LookupKeys.names([$0.name, $0.tags.name, $0.displayName]) }),
            ChildTable("security_group_rules", columns: [
                Column("group_id") { $0.0.id },
                Column("direction") { $0.1.direction },
                Column("protocol") { $0.1.rule.ipProtocol.description },
                Column("from_port", "INTEGER") { $0.1.rule.fromPort },
                Column("to_port", "INTEGER") { $0.1.rule.toPort },
                Column("peer_kind") { $0.1.rule.peer.kind },
                Column("peer") { $0.1.rule.peer.description },
                Column("description") { $0.1.rule.description },
            ], rows: { g -> [(direction: String, rule: SecurityGroupRule)] in
                g.ingress.map { (direction: "ingress", rule: $0) } + g.egress.map { (direction: "egress", rule: $0) }
            }),
        ])),
        AnyResourceTable(ResourceTable<NetworkACL>("network_acls", \.networkACLs, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("vpc_id") { $0.vpcId },
            Column("is_default", "INTEGER") { $0.isDefault },
            Column("subnet_ids") { joined($0.subnetIds) },
        ], indexes: ["vpc_id"], children: [
            ChildTable("network_acl_entries", columns: [
                Column("network_acl_id") { $0.0.id },
                Column("rule_number", "INTEGER") { $0.1.ruleNumber },
                Column("direction") { $0.1.egress ? "egress" : "ingress" },
                Column("protocol") { $0.1.ipProtocol.description },
                Column("action") { $0.1.action.rawValue },
                Column("cidr") { $0.1.cidr.description },
                Column("from_port", "INTEGER") { $0.1.portRange?.lower },
                Column("to_port", "INTEGER") { $0.1.portRange?.upper },
                Column("icmp_type", "INTEGER") { $0.1.icmpType },
                Column("icmp_code", "INTEGER") { $0.1.icmpCode },
            ], indexes: ["network_acl_id"], rows: { $0.entries.sorted { ($0.egress ? 1 : 0, $0.ruleNumber) < ($1.egress ? 1 : 0, $1.ruleNumber) } }),
        ])),
        AnyResourceTable(ResourceTable<NetworkInterface>("network_interfaces", \.networkInterfaces, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("vpc_id") { $0.vpcId },
            Column("subnet_id") { $0.subnetId },
            Column("interface_type") { $0.interfaceType },
            Column("description") { $0.description },
            Column("private_ip") { $0.primaryPrivateIp },
            Column("public_ip") { $0.publicIps.first },
            Column("security_group_ids") { joined($0.securityGroupIds) },
            Column("owner") { $0.owner?.description },
            Column("owner_kind") { $0.owner?.kind },
            Column("owner_id") { $0.owner?.ownerId },
            Column("public_ips") { joined($0.publicIps) },
            Column("tags") { try tagsText($0.tags) },
            Column("private_addresses") { ColumnLists.privateAddresses($0.privateAddresses) },
            Column("ipv6_addresses") { joined($0.ipv6Addresses) },
            Column("ipv6_prefixes") { $0.ipv6Prefixes.map { ColumnLists.prefixes($0) } },
            Column("availability_zone") { $0.availabilityZone },
            Column("requester_managed", "INTEGER") { $0.requesterManaged },
            Column("source_dest_check", "INTEGER") { $0.sourceDestCheck },
            Column("status") { $0.status },
        ], indexes: ["vpc_id", "subnet_id", "owner_kind", "owner_id"], children: [
            ChildTable("interface_names", columns: [
                Column("interface_id") { $0.0.id },
                Column("key") { $0.1 },
            ], indexes: ["key"], rows: LookupKeys.names),
            ChildTable("interface_security_groups", columns: [
                Column("interface_id") { $0.0.id },
                Column("group_id") { $0.1 },
            ], indexes: ["group_id"], rows: { LookupKeys.groups($0.securityGroupIds) }),
            ChildTable("interface_addresses", columns: [
                Column("interface_id") { $0.0.id },
                Column("address") { $0.1 },
            ], indexes: ["address"], rows: LookupKeys.addresses),
        ])),
        AnyResourceTable(ResourceTable<Instance>("instances", \.instances, scope: \.scope, columns: [
            Column("name") { $0.tags.name },
            Column("state") { $0.state },
            Column("vpc_id") { $0.vpcId },
            Column("subnet_id") { $0.subnetId },
            Column("private_ip") { $0.privateIp },
            Column("public_ip") { $0.publicIp },
            Column("security_group_ids") { joined($0.securityGroupIds) },
            Column("instance_profile_arn") { $0.instanceProfileArn },
            Column("auto_scaling_group") { $0.autoScalingGroup },
            Column("tags") { try tagsText($0.tags) },
        ], children: [
            ChildTable("instance_names", columns: [
                Column("instance_id") { $0.0.id },
                Column("key") { $0.1 },
            ], indexes: ["key"], rows: { LookupKeys.names([$0.id, $0.tags.name, $0.tags[LookupKeys.autoScalingTag]]) }),
        ])),
        AnyResourceTable(ResourceTable<LoadBalancer>("load_balancers", \.loadBalancers, scope: \.scope, columns: [
            Column("name") { $0.name },
            Column("type") { $0.type },
            Column("scheme") { $0.scheme },
            Column("vpc_id") { $0.vpcId },
            Column("subnet_ids") { joined($0.subnetIds) },
            Column("security_group_ids") { joined($0.securityGroupIds) },
            Column("dns_name") { $0.dnsName },
        ], children: [
            ChildTable("listeners", columns: [
                Column("load_balancer_arn") { $0.0.id },
                Column("listener_arn") { $0.1.arn },
                Column("port", "INTEGER") { $0.1.port },
                Column("protocol") { $0.1.protocolName },
                Column("target_group_arns") { joined($0.1.targetGroupArns) },
            ], rows: \.listeners),
            // Rules as `describe-rules` lists them (the default rule included); conditions and actions as text.
            ChildTable("listener_rules", columns: [
                Column("load_balancer_arn") { $0.0.id },
                Column("listener_arn") { $0.1.listener },
                Column("rule_arn") { $0.1.rule.arn },
                Column("priority") { $0.1.rule.priority },
                Column("is_default", "INTEGER") { $0.1.rule.isDefault },
                Column("conditions") { $0.1.rule.conditions.isEmpty ? nil : $0.1.rule.conditions.map(\.summary).joined(separator: "; ") },
                Column("actions") { $0.1.rule.actionSummary },
            ], rows: { lb in lb.listeners.flatMap { l in (l.rules ?? []).map { (listener: l.arn, rule: $0) } } }),
        ])),
        AnyResourceTable(ResourceTable<TargetGroup>("target_groups", \.targetGroups, scope: \.scope, columns: [
            Column("name") { $0.name },
            Column("protocol") { $0.protocolName },
            Column("port", "INTEGER") { $0.port },
            Column("vpc_id") { $0.vpcId },
            Column("target_type") { $0.targetType },
            Column("targets_known", "INTEGER") { $0.targetsKnown },
        ], children: [
            ChildTable("targets", columns: [
                Column("target_group_arn") { $0.0.id },
                Column("target_id") { $0.1.id },
                Column("port", "INTEGER") { $0.1.port },
                Column("availability_zone") { $0.1.availabilityZone },
                Column("health") { $0.1.health },
            ], rows: \.targets),
        ])),
        AnyResourceTable(ResourceTable<DBInstance>("db_instances", \.dbInstances, scope: \.scope, columns: [
            Column("engine") { $0.engine },
            Column("engine_version") { $0.engineVersion },
            Column("port", "INTEGER") { $0.port },
            Column("publicly_accessible", "INTEGER") { $0.publiclyAccessible },
            Column("storage_encrypted", "INTEGER") { $0.storageEncrypted },
            Column("multi_az", "INTEGER") { $0.multiAZ },
            Column("vpc_id") { $0.vpcId },
            Column("subnet_group") { $0.subnetGroupName },
            Column("subnet_ids") { joined($0.subnetIds) },
            Column("security_group_ids") { joined($0.securityGroupIds) },
            Column("endpoint") { $0.endpointAddress },
        ])),
        AnyResourceTable(ResourceTable<DBSubnetGroup>("db_subnet_groups", \.dbSubnetGroups, scope: \.scope, columns: [
            Column("vpc_id") { $0.vpcId },
            Column("subnet_ids") { joined($0.subnetIds) },
        ])),
        AnyResourceTable(ResourceTable<LambdaFunction>("lambda_functions", \.lambdaFunctions, scope: \.scope, columns: [
            Column("arn") { $0.arn },
            Column("runtime") { $0.runtime },
            Column("role_arn") { $0.roleArn },
            Column("vpc_id") { $0.vpcId },
            Column("subnet_ids") { joined($0.subnetIds) },
            Column("security_group_ids") { joined($0.securityGroupIds) },
            Column("function_url_auth_type") { $0.functionUrl?.authType },
        ])),
    ]
}

extension RulePeer {
    /// `cidr`, `security_group` or `prefix_list`, for the rules table.
    var kind: String {
        switch self {
        case .cidr: "cidr"
        case .securityGroup: "security_group"
        case .prefixList: "prefix_list"
        }
    }
}

/// Tags as JSON text for a column (NULL when there are none).
func tagsText(_ tags: Tags) throws -> String? {
    tags.isEmpty ? nil : try SortedJSONEncoder().text(tags)
}

extension InterfaceOwner {
    /// The owner's kind for the `owner_kind` column.
    var kind: String {
        switch self {
        case .instance: "instance"
        case .loadBalancer: "load_balancer"
        case .rds: "rds"
        case .natGateway: "nat_gateway"
        case .lambda: "lambda"
        case .vpcEndpoint: "vpc_endpoint"
        case .transitGatewayAttachment: "transit_gateway_attachment"
        case .ecsTask: "ecs_task"
        case .eksCluster: "eks_cluster"
        case .elastiCache: "elasticache"
        case .openSearch: "opensearch"
        case .efsMountTarget: "efs_mount_target"
        case .other: "other"
        }
    }

    /// Rebuilds an owner from its two columns.
    init?(kind: String?, id: String?) {
        switch (kind, id) {
        case ("instance", let id?): self = .instance(id)
        case ("load_balancer", let id?): self = .loadBalancer(id)
        case ("rds", _): self = .rds
        case ("nat_gateway", let id?): self = .natGateway(id)
        case ("lambda", let id?): self = .lambda(id)
        case ("vpc_endpoint", let id?): self = .vpcEndpoint(id)
        case ("transit_gateway_attachment", let id?): self = .transitGatewayAttachment(id)
        case ("ecs_task", let id?): self = .ecsTask(id)
        case ("eks_cluster", let id?): self = .eksCluster(id)
        case ("elasticache", let id): self = .elastiCache(id)
        case ("opensearch", let id): self = .openSearch(id)
        case ("efs_mount_target", let id?): self = .efsMountTarget(id)
        case ("other", let id?): self = .other(id)
        default: return nil
        }
    }
}
