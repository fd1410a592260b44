/// A service's Amazon ECS Service Connect configuration (`deployments[].serviceConnectConfiguration` of
/// DescribeServices, when `enabled`): the names and ports it serves to the other services of its namespace.
///
/// AWS "Amazon ECS Service Connect": a client task's Service Connect proxy resolves a client alias
/// (`dnsName:port`) and connects straight to a server task's interface on the port the server's proxy listens on —
/// `ingressPortOverride`, else the container port of the task definition's port mapping named `portName`. So
/// the server's security groups must admit that port, not the alias port, from the clients.
public struct ServiceConnectConfiguration: Sendable, Hashable, Codable {
    /// The Cloud Map namespace (name or ARN).
    public var namespace: String?
    /// The endpoints the service serves; empty for a client-only service.
    public var services: [ServiceConnectService]

    public init(namespace: String? = nil, services: [ServiceConnectService] = []) {
        self.namespace = namespace
        self.services = services
    }
}

/// One endpoint a Service Connect server offers: a named port mapping behind client aliases.
public struct ServiceConnectService: Sendable, Hashable, Codable {
    /// The task definition's `portMappings[].name` it serves.
    public var portName: String
    /// The Cloud Map service name; defaults to `portName`.
    public var discoveryName: String?
    /// The port the server's proxy listens on instead of the container port.
    public var ingressPortOverride: Int?
    public var clientAliases: [ServiceConnectAlias]

    public init(portName: String, discoveryName: String? = nil, ingressPortOverride: Int? = nil, clientAliases: [ServiceConnectAlias] = []) {
        self.portName = portName
        self.discoveryName = discoveryName
        self.ingressPortOverride = ingressPortOverride
        self.clientAliases = clientAliases
    }

    /// The port traffic arrives on at a server task: the override, else the named mapping's container port of `definition`.
    public func servedPort(in definition: ECSTaskDefinition?) -> Int? {
        ingressPortOverride ?? definition?.containers.lazy.flatMap(\.portMappings).first { $0.name == portName }?.containerPort
    }
}

/// A name and port clients of the namespace use (`clientAliases[]`); `dnsName` defaults to the discovery name.
public struct ServiceConnectAlias: Sendable, Hashable, Codable {
    public var port: Int
    public var dnsName: String?

    public init(port: Int, dnsName: String? = nil) {
        self.port = port
        self.dnsName = dnsName
    }
}
