import NetModel

/// Something traffic can come from or go to: an interface (or a group of identical ones),
/// a load balancer or database placed by its subnets when its interfaces are missing, or the internet.
public struct Endpoint: Sendable, Hashable, Identifiable {
    /// What kind of workload the endpoint is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case instance, loadBalancer, database, lambda, natGateway, vpcEndpoint, interface, internet
    }

    /// The interface ID, `<resource>@<subnet>` for a placed endpoint, or `internet`.
    public var id: String
    public var kind: Kind
    /// The resource behind it: instance ID, load balancer name, DB identifier, function name, ...
    public var resourceId: String
    public var name: String
    public var vpcId: String?
    public var subnetId: String?
    public var securityGroupIds: [String]
    public var privateAddresses: [IPAddress]
    public var publicAddresses: [IPAddress]
    /// Whether it has a public address even if the address itself is unknown (placed endpoints).
    public var hasPublicAddress: Bool
    /// For `internet` endpoints: which public addresses.
    public var internetAddresses: AddressSet?
    /// True when the snapshot lacked the interface and the endpoint was placed from the resource's subnets.
    public var placementEstimated: Bool
    /// Set when the endpoint is addressed by this public IP: traffic goes out to the internet and back in.
    public var viaPublicAddress: IPAddress?
    public var tags: Tags

    public init(id: String, kind: Kind, resourceId: String, name: String, vpcId: String? = nil, subnetId: String? = nil,
                securityGroupIds: [String] = [], privateAddresses: [IPAddress] = [], publicAddresses: [IPAddress] = [],
                hasPublicAddress: Bool? = nil, internetAddresses: AddressSet? = nil, placementEstimated: Bool = false,
                tags: Tags = [:]) {
        self.id = id
        self.kind = kind
        self.resourceId = resourceId
        self.name = name
        self.vpcId = vpcId
        self.subnetId = subnetId
        self.securityGroupIds = securityGroupIds.sorted()
        self.privateAddresses = privateAddresses
        self.publicAddresses = publicAddresses
        self.hasPublicAddress = hasPublicAddress ?? !publicAddresses.isEmpty
        self.internetAddresses = internetAddresses
        self.placementEstimated = placementEstimated
        self.tags = tags
    }

    /// The whole internet (any public address), or one part of it.
    public static func internet(_ addresses: AddressSet = .internet, label: String = "internet") -> Endpoint {
        Endpoint(id: label, kind: .internet, resourceId: label, name: label, internetAddresses: addresses)
    }

    public var isInternet: Bool { kind == .internet }

    /// The address used to evaluate rules for this endpoint.
    var primaryAddress: IPAddress? { privateAddresses.first }

    /// `name (resource)` for messages.
    public var label: String {
        if isInternet { return name }
        return name == resourceId ? resourceId : "\(name) (\(resourceId))"
    }
}
