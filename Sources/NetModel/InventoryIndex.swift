/// One indexed view of an ``Inventory``: resources by ID, interfaces by subnet, by security group and by
/// address, resource IDs by Name tag. Built once (linear in the inventory) by whoever reads the model,
/// so nobody searches the inventory's arrays per question. On duplicate keys the first resource wins.
public struct InventoryIndex: Sendable {
    public let vpcs: [String: VPC]
    public let subnets: [String: Subnet]
    public let routeTables: [String: RouteTable]
    public let networkACLs: [String: NetworkACL]
    public private(set) var securityGroups: [String: SecurityGroup]
    public let interfaces: [String: NetworkInterface]
    public let instances: [String: Instance]
    public let loadBalancersByName: [String: LoadBalancer]
    public let databases: [String: DBInstance]
    public let functions: [String: LambdaFunction]
    public let servicesByName: [String: ECSService]
    /// Tasks by ARN and by task ID.
    public let tasks: [String: ECSTask]
    public let taskDefinitions: [String: ECSTaskDefinition]
    public let cacheClusters: [String: CacheCluster]
    public let cacheReplicationGroups: [String: CacheReplicationGroup]
    public let openSearchDomains: [String: OpenSearchDomain]
    public let eksClusters: [String: EKSCluster]
    public let managedPolicies: [String: ManagedPolicy]
    public let dbSubnetGroups: [String: DBSubnetGroup]
    public let accounts: [String: AccountSettings]
    /// Interfaces in each subnet, in inventory order.
    public let interfacesBySubnet: [String: [NetworkInterface]]
    /// Interfaces carrying each security group, in inventory order.
    public let interfacesBySecurityGroup: [String: [NetworkInterface]]
    /// The interface holding each private, public or IPv6 address (as written in the inventory).
    public let interfaceByAddress: [String: NetworkInterface]
    /// IDs of the VPCs, subnets, security groups, interfaces and instances with each Name tag (lowercased;
    /// security groups also by group name), in inventory order.
    public let idsByName: [String: [String]]

    public init(_ inv: Inventory) {
        func byKey<T>(_ items: [T], _ key: (T) -> String) -> [String: T] {
            Dictionary(items.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        }
        vpcs = byKey(inv.vpcs, \.id)
        subnets = byKey(inv.subnets, \.id)
        routeTables = byKey(inv.routeTables, \.id)
        networkACLs = byKey(inv.networkACLs, \.id)
        securityGroups = byKey(inv.securityGroups, \.id)
        interfaces = byKey(inv.networkInterfaces, \.id)
        instances = byKey(inv.instances, \.id)
        loadBalancersByName = byKey(inv.loadBalancers, \.name)
        databases = byKey(inv.dbInstances, \.id)
        functions = byKey(inv.lambdaFunctions, \.id)
        servicesByName = byKey(inv.ecsServices, \.name)
        tasks = byKey(inv.ecsTasks, \.id).merging(byKey(inv.ecsTasks, \.shortId), uniquingKeysWith: { a, _ in a })
        taskDefinitions = byKey(inv.ecsTaskDefinitions, \.id)
        cacheClusters = byKey(inv.cacheClusters, \.id)
        cacheReplicationGroups = byKey(inv.cacheReplicationGroups, \.id)
        openSearchDomains = byKey(inv.openSearchDomains, \.id)
        eksClusters = byKey(inv.eksClusters, \.id)
        managedPolicies = byKey(inv.managedPolicies, \.id)
        dbSubnetGroups = byKey(inv.dbSubnetGroups, \.id)
        accounts = byKey(inv.accounts, \.id)
        var bySubnet: [String: [NetworkInterface]] = [:], byGroup: [String: [NetworkInterface]] = [:]
        var byAddress: [String: NetworkInterface] = [:]
        for eni in inv.networkInterfaces {
            bySubnet[eni.subnetId, default: []].append(eni)
            for g in eni.securityGroupIds { byGroup[g, default: []].append(eni) }
            for a in eni.privateAddresses {
                if byAddress[a.address] == nil { byAddress[a.address] = eni }
                if let p = a.publicIp, byAddress[p] == nil { byAddress[p] = eni }
            }
            for a in eni.ipv6Addresses where byAddress[a] == nil { byAddress[a] = eni }
        }
        interfacesBySubnet = bySubnet
        interfacesBySecurityGroup = byGroup
        interfaceByAddress = byAddress
        var names: [String: [String]] = [:]
        func add(_ name: String?, _ id: String) { if let name { names[name.lowercased(), default: []].append(id) } }
        for x in inv.vpcs { add(x.tags.name, x.id) }
        for x in inv.subnets { add(x.tags.name, x.id) }
        for x in inv.securityGroups { add(x.tags.name, x.id); if x.name != x.tags.name { add(x.name, x.id) } }
        for x in inv.networkInterfaces { add(x.tags.name, x.id) }
        for x in inv.instances { add(x.tags.name, x.id) }
        idsByName = names
    }

    /// Replaces security groups by ID (a query loads the rules of the groups it needs after the rest).
    public mutating func replace(securityGroups groups: [SecurityGroup]) {
        for g in groups { securityGroups[g.id] = g }
    }
}
