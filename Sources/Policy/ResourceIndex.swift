import NetModel

/// The inventory's resources by the identifiers rules look them up by, built once per scan.
struct ResourceIndex: Sendable {
    let instances: [String: Instance]
    let loadBalancersByName: [String: LoadBalancer]
    let databases: [String: DBInstance]
    let interfaces: [String: NetworkInterface]
    let securityGroups: [String: SecurityGroup]
    let functions: [String: LambdaFunction]
    let servicesByName: [String: ECSService]
    /// Tasks by ARN and by task ID.
    let tasks: [String: ECSTask]
    let taskDefinitions: [String: ECSTaskDefinition]
    let cacheClusters: [String: CacheCluster]
    let cacheReplicationGroups: [String: CacheReplicationGroup]
    let openSearchDomains: [String: OpenSearchDomain]
    let eksClusters: [String: EKSCluster]

    init(_ inv: Inventory) {
        func byKey<T>(_ items: [T], _ key: (T) -> String) -> [String: T] {
            Dictionary(items.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        }
        instances = byKey(inv.instances, \.id)
        loadBalancersByName = byKey(inv.loadBalancers, \.name)
        databases = byKey(inv.dbInstances, \.id)
        interfaces = byKey(inv.networkInterfaces, \.id)
        securityGroups = byKey(inv.securityGroups, \.id)
        functions = byKey(inv.lambdaFunctions, \.id)
        servicesByName = byKey(inv.ecsServices, \.name)
        tasks = byKey(inv.ecsTasks, \.id).merging(byKey(inv.ecsTasks, \.shortId), uniquingKeysWith: { a, _ in a })
        taskDefinitions = byKey(inv.ecsTaskDefinitions, \.id)
        cacheClusters = byKey(inv.cacheClusters, \.id)
        cacheReplicationGroups = byKey(inv.cacheReplicationGroups, \.id)
        openSearchDomains = byKey(inv.openSearchDomains, \.id)
        eksClusters = byKey(inv.eksClusters, \.id)
    }
}
