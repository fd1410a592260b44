/// A network interface (ENI): the point where security groups and addresses apply.
public struct NetworkInterface: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var scope: ResourceScope
    public var vpcId: String
    public var subnetId: String
    public var availabilityZone: String?
    /// AWS's interface type (`interface`, `nat_gateway`, `lambda`, `vpc_endpoint`, ...).
    public var interfaceType: String
    public var description: String?
    public var privateAddresses: [PrivateAddress]
    public var ipv6Addresses: [String]
    /// IPv6 prefixes delegated to the interface (`Ipv6Prefixes`); every address in them belongs to it. nil: none seen.
    public var ipv6Prefixes: [IPPrefix]?
    public var securityGroupIds: [String]
    /// The resource that owns the interface, when it can be told.
    public var owner: InterfaceOwner?
    public var requesterManaged: Bool
    public var sourceDestCheck: Bool
    public var status: String?
    public var tags: Tags

    public init(id: String, scope: ResourceScope, vpcId: String, subnetId: String, availabilityZone: String? = nil,
                interfaceType: String = "interface", description: String? = nil, privateAddresses: [PrivateAddress] = [],
                ipv6Addresses: [String] = [], ipv6Prefixes: [IPPrefix]? = nil, securityGroupIds: [String] = [], owner: InterfaceOwner? = nil,
                requesterManaged: Bool = false, sourceDestCheck: Bool = true, status: String? = nil, tags: Tags = [:]) {
        self.id = id
        self.scope = scope
        self.vpcId = vpcId
        self.subnetId = subnetId
        self.availabilityZone = availabilityZone
        self.interfaceType = interfaceType
        self.description = description
        self.privateAddresses = privateAddresses
        self.ipv6Addresses = ipv6Addresses
        self.ipv6Prefixes = ipv6Prefixes
        self.securityGroupIds = securityGroupIds
        self.owner = owner
        self.requesterManaged = requesterManaged
        self.sourceDestCheck = sourceDestCheck
        self.status = status
        self.tags = tags
    }

    /// The primary private IPv4 address.
    public var primaryPrivateIp: String? {
        (privateAddresses.first { $0.primary } ?? privateAddresses.first)?.address
    }

    /// Every public IPv4 address associated with the interface (auto-assigned or Elastic IP).
    public var publicIps: [String] { privateAddresses.compactMap(\.publicIp) }
}

/// A private IPv4 address of an interface and the public address mapped to it, if any.
public struct PrivateAddress: Sendable, Hashable, Codable {
    public var address: String
    public var primary: Bool
    public var publicIp: String?

    public init(address: String, primary: Bool = true, publicIp: String? = nil) {
        self.address = address
        self.primary = primary
        self.publicIp = publicIp
    }
}

/// The resource behind a network interface.
public enum InterfaceOwner: Sendable, Hashable, Codable, CustomStringConvertible {
    case instance(String)
    /// A load balancer, by name.
    case loadBalancer(String)
    /// An RDS instance; the identifier is unknown from the interface alone.
    case rds
    case natGateway(String)
    case lambda(String)
    case vpcEndpoint(String)
    case transitGatewayAttachment(String)
    /// An ECS task (`awsvpc` mode), by task ARN.
    case ecsTask(String)
    /// An EKS cluster's control-plane interface, by cluster name.
    case eksCluster(String)
    /// An ElastiCache node, by cache cluster ID (nil when the interface alone cannot tell which).
    case elastiCache(String?)
    /// An OpenSearch Service domain, by domain name (nil when the interface alone cannot tell which).
    case openSearch(String?)
    /// An EFS mount target, by file system ID.
    case efsMountTarget(String)
    /// Anything else, described.
    case other(String)

    /// The owning resource's identifier (the description for `other`); nil when the interface alone cannot tell.
    public var ownerId: String? {
        switch self {
        case .instance(let id), .loadBalancer(let id), .natGateway(let id), .lambda(let id), .vpcEndpoint(let id),
             .transitGatewayAttachment(let id), .ecsTask(let id), .eksCluster(let id), .efsMountTarget(let id), .other(let id): id
        case .elastiCache(let id), .openSearch(let id): id
        case .rds: nil
        }
    }

    public var description: String {
        switch self {
        case .instance(let id): "instance \(id)"
        case .loadBalancer(let name): "load balancer \(name)"
        case .rds: "RDS"
        case .natGateway(let id): "NAT gateway \(id)"
        case .lambda(let name): "Lambda \(name)"
        case .vpcEndpoint(let id): "VPC endpoint \(id)"
        case .transitGatewayAttachment(let id): "transit gateway attachment \(id)"
        case .ecsTask(let arn): "ECS task \(arn.split(separator: "/").last.map(String.init) ?? arn)"
        case .eksCluster(let name): "EKS cluster \(name)"
        case .elastiCache(let id): id.map { "ElastiCache \($0)" } ?? "ElastiCache"
        case .openSearch(let name): name.map { "OpenSearch domain \($0)" } ?? "OpenSearch"
        case .efsMountTarget(let id): "EFS mount target of \(id)"
        case .other(let text): text
        }
    }
}
