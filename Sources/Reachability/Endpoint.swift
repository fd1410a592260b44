import NetModel

/// Something traffic can come from or go to: an interface (or a group of identical ones),
/// a load balancer or database placed by its subnets when its interfaces are missing, or the internet.
public struct Endpoint: Sendable, Hashable, Identifiable {
    /// What kind of workload the endpoint is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case instance, loadBalancer, database, lambda, natGateway, vpcEndpoint, interface, internet
        /// An ECS task's interface, or a service's tasks placed by its `awsvpc` configuration.
        case ecsTask
        /// An EKS cluster's API endpoint (its control-plane interfaces).
        case eksCluster
        /// An ElastiCache node.
        case cache
        /// An OpenSearch Service domain in a VPC.
        case search
        /// Networks behind a Site-to-Site VPN connection or a Direct Connect gateway.
        case onPremises
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
    /// Private IPv4 addresses (primary first).
    public var privateAddresses: [IPAddress]
    /// Public IPv4 addresses (auto-assigned or Elastic IPs).
    public var publicAddresses: [IPAddress]
    /// The public IPv4 address mapped to each private one (the internet gateway translates one to the other).
    public var publicByPrivate: [IPAddress: IPAddress]
    /// IPv6 addresses: globally routable, never translated (AWS "IPv6 addressing of instances").
    public var ipv6Addresses: [IPAddress]
    /// IPv6 prefixes delegated to the interface (every address in them is the interface's).
    public var ipv6Prefixes: [IPPrefix]
    /// The network interface behind the endpoint (nil for placed endpoints and the internet).
    public var interfaceId: String?
    /// Set when the endpoint was selected by one of its addresses: the endpoint is that address alone.
    public var selectedAddress: IPAddress?
    /// Whether it has a public address even if the address itself is unknown (placed endpoints).
    public var hasPublicAddress: Bool
    /// For `internet` endpoints: which public addresses; for `onPremises` ones: the networks known behind the edge.
    public var internetAddresses: AddressSet?
    /// True when the snapshot lacked the interface and the endpoint was placed from the resource's subnets.
    public var placementEstimated: Bool
    /// What answers say about a placed endpoint, when more than "placed in its subnet" (an ECS service with no running task).
    public var placementNote: String?
    /// Set when the endpoint is addressed by this public IP: traffic goes out to the internet and back in.
    public var viaPublicAddress: IPAddress?
    /// Set for a service endpoint AWS runs outside every VPC (an EKS public API endpoint, a public OpenSearch
    /// domain, a Lambda function URL): who may connect, on which ports, and what else guards it.
    public var publicService: PublicServiceAccess?
    public var tags: Tags

    public init(id: String, kind: Kind, resourceId: String, name: String, vpcId: String? = nil, subnetId: String? = nil,
                securityGroupIds: [String] = [], privateAddresses: [IPAddress] = [], publicAddresses: [IPAddress] = [],
                publicByPrivate: [IPAddress: IPAddress] = [:], ipv6Addresses: [IPAddress] = [], ipv6Prefixes: [IPPrefix] = [],
                interfaceId: String? = nil, hasPublicAddress: Bool? = nil, internetAddresses: AddressSet? = nil,
                placementEstimated: Bool = false, tags: Tags = [:]) {
        self.id = id
        self.kind = kind
        self.resourceId = resourceId
        self.name = name
        self.vpcId = vpcId
        self.subnetId = subnetId
        self.securityGroupIds = securityGroupIds.sorted()
        self.privateAddresses = privateAddresses
        self.publicAddresses = publicAddresses
        self.publicByPrivate = publicByPrivate
        self.ipv6Addresses = ipv6Addresses
        self.ipv6Prefixes = ipv6Prefixes
        self.interfaceId = interfaceId
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

    /// Outside every VPC: the internet or an on-premises network.
    public var isOutside: Bool { kind == .internet || kind == .onPremises }

    /// The address used to evaluate rules for this endpoint: its IPv4 address, else (IPv6-only) its IPv6 address.
    var primaryAddress: IPAddress? { privateAddresses.first ?? ipv6Address }

    /// The first IPv6 address (or, with only delegated prefixes, the first address of the first prefix).
    var ipv6Address: IPAddress? { ipv6Addresses.first ?? ipv6Prefixes.first.map(\.address) }

    /// Whether the endpoint has an IPv6 address (and so can be reached over IPv6 without any public IPv4).
    public var hasIPv6: Bool { ipv6Address != nil }

    /// Whether an address is one of the endpoint's own (private, public or IPv6).
    func owns(_ address: IPAddress) -> Bool {
        privateAddresses.contains(address) || publicAddresses.contains(address) || ipv6Addresses.contains(address)
            || ipv6Prefixes.contains { $0.contains(address) }
    }

    /// The endpoint reduced to one of its addresses: a private or IPv6 address (with the public address mapped
    /// to it), or a public address (reached there, from the outside). Nil when the address is not the endpoint's.
    func narrowed(to address: IPAddress) -> Endpoint? {
        var copy = self
        copy.selectedAddress = address
        copy.name = "\(name) [\(address)]"
        if privateAddresses.contains(address) {
            copy.privateAddresses = [address]
            copy.publicAddresses = publicByPrivate[address].map { [$0] } ?? []
            copy.hasPublicAddress = !copy.publicAddresses.isEmpty || (placementEstimated && hasPublicAddress)
            copy.ipv6Addresses = []
            copy.ipv6Prefixes = []
        } else if !address.isV4, ipv6Addresses.contains(address) || ipv6Prefixes.contains(where: { $0.contains(address) }) {
            copy.privateAddresses = []
            copy.publicAddresses = []
            copy.hasPublicAddress = false
            copy.ipv6Addresses = [address]
            copy.ipv6Prefixes = []
        } else if publicAddresses.contains(address) {
            copy.viaPublicAddress = address
            if let inside = publicByPrivate.first(where: { $0.value == address })?.key { copy.privateAddresses = [inside] }
            copy.publicAddresses = [address]
            copy.ipv6Addresses = []
            copy.ipv6Prefixes = []
        } else {
            return nil
        }
        return copy
    }

    /// `name (resource)` for messages.
    public var label: String {
        if isInternet { return name }
        return name == resourceId ? resourceId : "\(name) (\(resourceId))"
    }

    /// The key under which a selection groups the endpoint: its resource, or the one address it was selected by.
    var groupKey: String { selectedAddress.map { "\(resourceId)@\($0)" } ?? resourceId }
}
