import NetModel

/// Tables added in schema version 6: the EC2 hosts of ECS clusters (DescribeContainerInstances).
enum HostTables {
    /// The schema version that introduced these tables; older snapshots lack them and read as empty.
    static let introducedIn = 6

    static let all: [AnyResourceTable] = [
        AnyResourceTable(ResourceTable<ECSContainerInstance>("ecs_container_instances", \.ecsContainerInstances, scope: \.scope, columns: [
            Column("cluster_arn") { $0.clusterArn },
            Column("ec2_instance_id") { $0.ec2InstanceId },
            Column("status") { $0.status },
            Column("running_tasks_count", "INTEGER") { $0.runningTasksCount },
        ])),
    ]
}
