/// An EC2 instance registered to an ECS cluster (DescribeContainerInstances): where `bridge`/`host`-mode tasks run.
public struct ECSContainerInstance: Sendable, Hashable, Codable, Identifiable {
    /// The container instance's ARN (`…:container-instance/<cluster>/<id>` in the long ARN format).
    public var id: String
    public var scope: ResourceScope
    /// The cluster it is registered to: from the ARN's long format, else the task or listing that named it.
    public var clusterArn: String?
    /// The EC2 instance the agent runs on.
    public var ec2InstanceId: String?
    /// `ACTIVE`, `DRAINING`, `INACTIVE`, `REGISTERING`, `DEREGISTERING`, `REGISTRATION_FAILED`.
    public var status: String?
    public var agentConnected: Bool?
    public var runningTasksCount: Int?

    public init(id: String, scope: ResourceScope, clusterArn: String? = nil, ec2InstanceId: String? = nil, status: String? = nil,
                agentConnected: Bool? = nil, runningTasksCount: Int? = nil) {
        self.id = id
        self.scope = scope
        self.clusterArn = clusterArn
        self.ec2InstanceId = ec2InstanceId
        self.status = status
        self.agentConnected = agentConnected
        self.runningTasksCount = runningTasksCount
    }

    /// Whether ECS places new tasks here: AWS "Amazon ECS container instance draining" — only `ACTIVE` instances
    /// receive new tasks; `DRAINING` ones keep their running tasks until they stop.
    public var acceptsTasks: Bool { (status?.uppercased() ?? "ACTIVE") == "ACTIVE" }
}
