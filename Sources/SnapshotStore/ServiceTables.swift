import NetModel

/// Tables for managed services and container workloads (added in schema version 3).
enum ServiceTables {
    /// The schema version that introduced these tables; older snapshots lack them and read as empty.
    static let introducedIn = 3

    static let all: [AnyResourceTable] = [
        AnyResourceTable(ResourceTable<DBCluster>("db_clusters", \.dbClusters, scope: \.scope, columns: [
            Column("engine") { $0.engine },
            Column("status") { $0.status },
            Column("endpoint") { $0.endpoint },
            Column("reader_endpoint") { $0.readerEndpoint },
            Column("port", "INTEGER") { $0.port },
            Column("member_ids") { joined($0.members.map(\.instanceId)) },
            Column("security_group_ids") { joined($0.securityGroupIds) },
            Column("subnet_group_name") { $0.subnetGroupName },
        ])),
        AnyResourceTable(ResourceTable<ECSCluster>("ecs_clusters", \.ecsClusters, scope: \.scope, columns: [
            Column("name") { $0.name },
            Column("status") { $0.status },
        ])),
        AnyResourceTable(ResourceTable<ECSService>("ecs_services", \.ecsServices, scope: \.scope, columns: [
            Column("name") { $0.name },
            Column("cluster_arn") { $0.clusterArn },
            Column("status") { $0.status },
            Column("task_definition_arn") { $0.taskDefinitionArn },
            Column("desired_count", "INTEGER") { $0.desiredCount },
            Column("running_count", "INTEGER") { $0.runningCount },
            Column("launch_type") { $0.launchType },
            Column("subnet_ids") { $0.network.flatMap { joined($0.subnetIds) } },
            Column("security_group_ids") { $0.network.flatMap { joined($0.securityGroupIds) } },
            Column("assign_public_ip", "INTEGER") { $0.network?.assignPublicIp },
            Column("target_group_arns") { joined($0.loadBalancers.compactMap(\.targetGroupArn)) },
        ])),
        AnyResourceTable(ResourceTable<ECSTask>("ecs_tasks", \.ecsTasks, scope: \.scope, columns: [
            Column("cluster_arn") { $0.clusterArn },
            Column("task_definition_arn") { $0.taskDefinitionArn },
            Column("service_name") { $0.serviceName },
            Column("last_status") { $0.lastStatus },
            Column("launch_type") { $0.launchType },
            Column("network_interface_id") { $0.networkInterfaceId },
            Column("private_ip") { $0.privateIp },
            Column("subnet_id") { $0.subnetId },
        ])),
        AnyResourceTable(ResourceTable<ECSTaskDefinition>("ecs_task_definitions", \.ecsTaskDefinitions, scope: \.scope, columns: [
            Column("family") { $0.family },
            Column("revision", "INTEGER") { $0.revision },
            Column("network_mode") { $0.networkMode },
            Column("task_role_arn") { $0.taskRoleArn },
            Column("execution_role_arn") { $0.executionRoleArn },
            Column("container_names") { joined($0.containers.map(\.name)) },
        ])),
        AnyResourceTable(ResourceTable<EKSCluster>("eks_clusters", \.eksClusters, scope: \.scope, columns: [
            Column("vpc_id") { $0.vpcId },
            Column("endpoint_public_access", "INTEGER") { $0.endpointPublicAccess },
            Column("endpoint_private_access", "INTEGER") { $0.endpointPrivateAccess },
            Column("public_access_cidrs") { joined($0.publicAccessCidrs) },
            Column("subnet_ids") { joined($0.subnetIds) },
            Column("security_group_ids") { joined($0.allSecurityGroupIds) },
        ])),
        AnyResourceTable(ResourceTable<EKSNodegroup>("eks_nodegroups", \.eksNodegroups, scope: \.scope, columns: [
            Column("name") { $0.name },
            Column("cluster_name") { $0.clusterName },
            Column("node_role_arn") { $0.nodeRoleArn },
            Column("auto_scaling_groups") { joined($0.autoScalingGroupNames) },
        ])),
        AnyResourceTable(ResourceTable<CacheCluster>("cache_clusters", \.cacheClusters, scope: \.scope, columns: [
            Column("engine") { $0.engine },
            Column("status") { $0.status },
            Column("replication_group_id") { $0.replicationGroupId },
            Column("subnet_group_name") { $0.subnetGroupName },
            Column("security_group_ids") { joined($0.securityGroupIds) },
            Column("node_addresses") { joined($0.nodes.compactMap(\.address)) },
        ])),
        AnyResourceTable(ResourceTable<CacheReplicationGroup>("cache_replication_groups", \.cacheReplicationGroups, scope: \.scope, columns: [
            Column("status") { $0.status },
            Column("member_cluster_ids") { joined($0.memberClusterIds) },
            Column("primary_endpoint") { $0.primaryEndpoint },
            Column("configuration_endpoint") { $0.configurationEndpoint },
        ])),
        AnyResourceTable(ResourceTable<CacheSubnetGroup>("cache_subnet_groups", \.cacheSubnetGroups, scope: \.scope, columns: [
            Column("vpc_id") { $0.vpcId },
            Column("subnet_ids") { joined($0.subnetIds) },
        ])),
        AnyResourceTable(ResourceTable<OpenSearchDomain>("opensearch_domains", \.openSearchDomains, scope: \.scope, columns: [
            Column("endpoint") { $0.endpoint },
            Column("vpc_id") { $0.vpcId },
            Column("subnet_ids") { joined($0.subnetIds) },
            Column("security_group_ids") { joined($0.securityGroupIds) },
        ])),
    ]
}
