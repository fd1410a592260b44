/// An Amazon ECS cluster.
public struct ECSCluster: Sendable, Hashable, Codable, Identifiable {
    /// The cluster's ARN.
    public var id: String
    public var scope: ResourceScope
    public var name: String
    public var status: String?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, name: String, status: String? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.name = name
        self.status = status
        self.tags = tags
    }
}

/// Where a service's (or task's) `awsvpc` interfaces go: `networkConfiguration.awsvpcConfiguration`.
public struct AwsvpcConfiguration: Sendable, Hashable, Codable {
    public var subnetIds: [String]
    public var securityGroupIds: [String]
    /// `assignPublicIp` = `ENABLED`: each task interface gets a public IPv4 address.
    public var assignPublicIp: Bool

    public init(subnetIds: [String] = [], securityGroupIds: [String] = [], assignPublicIp: Bool = false) {
        self.subnetIds = subnetIds
        self.securityGroupIds = securityGroupIds
        self.assignPublicIp = assignPublicIp
    }
}

/// A load balancer a service registers its tasks with: `loadBalancers[]` of DescribeServices.
public struct ServiceLoadBalancer: Sendable, Hashable, Codable {
    public var targetGroupArn: String?
    public var containerName: String?
    public var containerPort: Int?

    public init(targetGroupArn: String? = nil, containerName: String? = nil, containerPort: Int? = nil) {
        self.targetGroupArn = targetGroupArn
        self.containerName = containerName
        self.containerPort = containerPort
    }
}

/// An Amazon ECS service: tasks kept running from one task definition.
public struct ECSService: Sendable, Hashable, Codable, Identifiable {
    /// The service's ARN.
    public var id: String
    public var scope: ResourceScope
    public var name: String
    public var clusterArn: String
    public var status: String?
    public var taskDefinitionArn: String?
    public var desiredCount: Int
    public var runningCount: Int
    /// `FARGATE`, `EC2`, `EXTERNAL`, or nil when a capacity provider strategy decides.
    public var launchType: String?
    /// The network placement of tasks in `awsvpc` mode; nil for `bridge`/`host` tasks.
    public var network: AwsvpcConfiguration?
    public var loadBalancers: [ServiceLoadBalancer]
    public var tags: Tags
    /// Its primary deployment's Service Connect configuration, when enabled.
    public var serviceConnect: ServiceConnectConfiguration?

    public init(id: String, scope: ResourceScope, name: String, clusterArn: String, status: String? = nil,
                taskDefinitionArn: String? = nil, desiredCount: Int = 0, runningCount: Int = 0, launchType: String? = nil,
                network: AwsvpcConfiguration? = nil, loadBalancers: [ServiceLoadBalancer] = [], tags: Tags = [:],
                serviceConnect: ServiceConnectConfiguration? = nil) {
        self.id = id
        self.scope = scope
        self.name = name
        self.clusterArn = clusterArn
        self.status = status
        self.taskDefinitionArn = taskDefinitionArn
        self.desiredCount = desiredCount
        self.runningCount = runningCount
        self.launchType = launchType
        self.network = network
        self.loadBalancers = loadBalancers
        self.tags = tags
        self.serviceConnect = serviceConnect
    }
}

/// A running (or stopped) ECS task.
public struct ECSTask: Sendable, Hashable, Codable, Identifiable {
    /// The task's ARN.
    public var id: String
    public var scope: ResourceScope
    public var clusterArn: String
    public var taskDefinitionArn: String?
    /// `service:<name>` for a service's tasks, `family:<name>` for RunTask.
    public var group: String?
    public var lastStatus: String?
    public var launchType: String?
    /// The task's `awsvpc` interface (`attachments[type=ElasticNetworkInterface].details`).
    public var networkInterfaceId: String?
    public var privateIp: String?
    public var subnetId: String?
    /// `overrides.taskRoleArn` when RunTask overrode the definition's role.
    public var taskRoleOverride: String?
    /// The container instance an EC2-launch task runs on.
    public var containerInstanceArn: String?
    /// `overrides.containerOverrides[]` that set environment variables: names and what looked like a secret (no values).
    public var containerOverrides: [ContainerDefinition]?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, clusterArn: String, taskDefinitionArn: String? = nil, group: String? = nil,
                lastStatus: String? = nil, launchType: String? = nil, networkInterfaceId: String? = nil, privateIp: String? = nil,
                subnetId: String? = nil, taskRoleOverride: String? = nil, containerInstanceArn: String? = nil,
                containerOverrides: [ContainerDefinition]? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.clusterArn = clusterArn
        self.taskDefinitionArn = taskDefinitionArn
        self.group = group
        self.lastStatus = lastStatus
        self.launchType = launchType
        self.networkInterfaceId = networkInterfaceId
        self.privateIp = privateIp
        self.subnetId = subnetId
        self.taskRoleOverride = taskRoleOverride
        self.containerInstanceArn = containerInstanceArn
        self.containerOverrides = containerOverrides
        self.tags = tags
    }

    /// The service the task belongs to, from `group` = `service:<name>`.
    public var serviceName: String? {
        guard let group, group.hasPrefix("service:") else { return nil }
        return String(group.dropFirst("service:".count))
    }

    /// The task ID: the last segment of its ARN.
    public var shortId: String { id.split(separator: "/").last.map(String.init) ?? id }

    /// Whether the task holds its interface: not yet stopped (AWS "Amazon ECS task lifecycle": STOPPED and DELETED
    /// tasks have released it; DEPROVISIONING ones are still releasing it).
    public var isRunning: Bool { !["STOPPED", "DELETED"].contains(lastStatus?.uppercased() ?? "") }
}

/// A task definition revision: network mode, roles and containers.
public struct ECSTaskDefinition: Sendable, Hashable, Codable, Identifiable {
    /// The task definition's ARN (`…:task-definition/<family>:<revision>`).
    public var id: String
    public var scope: ResourceScope
    public var family: String
    public var revision: Int?
    /// `awsvpc`, `bridge`, `host` or `none`.
    public var networkMode: String?
    public var taskRoleArn: String?
    public var executionRoleArn: String?
    public var containers: [ContainerDefinition]

    public init(id: String, scope: ResourceScope, family: String, revision: Int? = nil, networkMode: String? = nil,
                taskRoleArn: String? = nil, executionRoleArn: String? = nil, containers: [ContainerDefinition] = []) {
        self.id = id
        self.scope = scope
        self.family = family
        self.revision = revision
        self.networkMode = networkMode
        self.taskRoleArn = taskRoleArn
        self.executionRoleArn = executionRoleArn
        self.containers = containers
    }
}

/// A container of a task definition. Environment values are never kept: only names and what looked like a secret.
public struct ContainerDefinition: Sendable, Hashable, Codable {
    public var name: String
    public var image: String?
    public var portMappings: [PortMapping]
    /// Names of plain `environment` variables.
    public var environmentVariableNames: [String]
    /// Names of variables taken from Secrets Manager or SSM (`secrets[].name`).
    public var secretNames: [String]
    /// Plain variables whose value looked like a credential (value dropped at import).
    public var plainSecrets: [PlainSecret]

    public init(name: String, image: String? = nil, portMappings: [PortMapping] = [], environmentVariableNames: [String] = [],
                secretNames: [String] = [], plainSecrets: [PlainSecret] = []) {
        self.name = name
        self.image = image
        self.portMappings = portMappings
        self.environmentVariableNames = environmentVariableNames
        self.secretNames = secretNames
        self.plainSecrets = plainSecrets
    }
}

/// A container port mapping. `hostPort` 0 (or absent in `bridge` mode) means a dynamic host port.
public struct PortMapping: Sendable, Hashable, Codable {
    /// The container port, or the first of a `containerPortRange`.
    public var containerPort: Int
    /// The last port of a `containerPortRange` (`8000-8010`); nil for a single port.
    public var containerPortEnd: Int?
    public var hostPort: Int?
    /// `tcp` or `udp`.
    public var protocolName: String
    /// The mapping's `name`, which Service Connect's `portName` refers to.
    public var name: String?

    public init(containerPort: Int, containerPortEnd: Int? = nil, hostPort: Int? = nil, protocolName: String = "tcp", name: String? = nil) {
        self.containerPort = containerPort
        self.containerPortEnd = containerPortEnd
        self.hostPort = hostPort
        self.protocolName = protocolName
        self.name = name
    }

    /// `8000` or `8000-8010`.
    public var portText: String { containerPortEnd.map { "\(containerPort)-\($0)" } ?? "\(containerPort)" }
}
