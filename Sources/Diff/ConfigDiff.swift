import NetModel

/// Configuration changes between two inventories, resource by resource, for every kind in the model.
public enum ConfigDiff {
    /// The changed, created and deleted resources of `old` → `new`, in model order (network first).
    public static func compare(_ old: Inventory, _ new: Inventory) -> [ResourceChange] {
        let names = NameBook(old, new)
        var out: [ResourceChange] = []
        out += diff(old.vpcs, new.vpcs) { .of($0) }
        out += diff(old.subnets, new.subnets) { .of($0) }
        out += diff(old.routeTables, new.routeTables) { .of($0) }
        out += diff(old.internetGateways, new.internetGateways) { .of($0) }
        out += diff(old.egressOnlyInternetGateways, new.egressOnlyInternetGateways) { .of($0) }
        out += diff(old.natGateways, new.natGateways) { .of($0) }
        out += diff(old.elasticIps, new.elasticIps) { .of($0) }
        out += diff(old.transitGateways, new.transitGateways) { .of($0) }
        out += diff(old.transitGatewayAttachments, new.transitGatewayAttachments) { .of($0) }
        out += diff(old.transitGatewayRouteTables, new.transitGatewayRouteTables) { .of($0) }
        out += diff(old.vpcPeeringConnections, new.vpcPeeringConnections) { .of($0) }
        out += diff(old.vpcEndpoints, new.vpcEndpoints) { .of($0) }
        out += diff(old.prefixLists, new.prefixLists) { .of($0) }
        out += diff(old.securityGroups, new.securityGroups) { .of($0, names: names) }
        out += diff(old.networkACLs, new.networkACLs) { .of($0) }
        out += diff(old.networkInterfaces, new.networkInterfaces) { .of($0, names: names) }
        out += diff(old.instances, new.instances) { .of($0, names: names) }
        out += diff(old.loadBalancers, new.loadBalancers) { .of($0, names: names) }
        out += diff(old.targetGroups, new.targetGroups) { .of($0) }
        out += diff(old.dbInstances, new.dbInstances) { .of($0, names: names) }
        out += diff(old.dbSubnetGroups, new.dbSubnetGroups) { .of($0) }
        out += diff(old.lambdaFunctions, new.lambdaFunctions) { .of($0, names: names) }
        out += diff(old.dbClusters, new.dbClusters) { .of($0, names: names) }
        out += diff(old.ecsClusters, new.ecsClusters) { .of($0) }
        out += ecsServices(old, new, names: names)
        out += diff(old.ecsTaskDefinitions, new.ecsTaskDefinitions) { .of($0) }
        out += diff(old.ecsContainerInstances, new.ecsContainerInstances) { .of($0) }
        out += diff(old.eksClusters, new.eksClusters) { .of($0, names: names) }
        out += diff(old.eksNodegroups, new.eksNodegroups) { .of($0) }
        out += diff(old.cacheClusters, new.cacheClusters) { .of($0, names: names) }
        out += diff(old.cacheReplicationGroups, new.cacheReplicationGroups) { .of($0) }
        out += diff(old.cacheSubnetGroups, new.cacheSubnetGroups) { .of($0) }
        out += diff(old.openSearchDomains, new.openSearchDomains) { .of($0, names: names) }
        out += diff(old.iamPrincipals, new.iamPrincipals) { .of($0) }
        out += diff(old.managedPolicies, new.managedPolicies) { .of($0) }
        out += diff(old.buckets, new.buckets) { .of($0) }
        out += diff(old.accounts, new.accounts) { .of($0) }
        out += diff(old.policyResources, new.policyResources) { .of($0) }
        out += diff(old.sharedArtifacts, new.sharedArtifacts) { .of($0) }
        return out
    }

    /// ECS services, each compared with its own snapshot's task definition (a new revision is a change of the service).
    private static func ecsServices(_ old: Inventory, _ new: Inventory, names: NameBook) -> [ResourceChange] {
        let oldDefinitions = Dictionary(old.ecsTaskDefinitions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newDefinitions = Dictionary(new.ecsTaskDefinitions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let pair = { (s: ECSService, defs: [String: ECSTaskDefinition]) in ServiceWithDefinition(service: s, definition: s.taskDefinitionArn.flatMap { defs[$0] }) }
        return diff(old.ecsServices.map { pair($0, oldDefinitions) }, new.ecsServices.map { pair($0, newDefinitions) }) {
            .of($0.service, definition: $0.definition, names: names)
        }
    }

    /// Kinds whose changes cannot move a network path (identity and storage).
    static let nonNetworkKinds: Set<String> = Set(["iam-user", "iam-group", "iam-role", "iam-policy", "bucket", "account"]
        // A Lambda function's policy shares its kind with the function, whose changes do move paths.
        + PolicyResource.Kind.allCases.filter { $0 != .lambdaFunction }.map(\.label) + SharedArtifact.Kind.allCases.map(\.label))

    /// Whether any change can affect reachability.
    public static func touchesNetwork(_ changes: [ResourceChange]) -> Bool {
        changes.contains { !nonNetworkKinds.contains($0.kind) }
    }

    /// One kind: equal resources are skipped cheaply; the rest are compared fact by fact.
    static func diff<T: Identifiable & Hashable>(_ old: [T], _ new: [T], facts: (T) -> ResourceFacts) -> [ResourceChange] where T.ID == String {
        let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let afterIds = Set(new.map(\.id))
        var out: [ResourceChange] = []
        var seen = Set<String>()
        for item in new where seen.insert(item.id).inserted {
            guard let previous = before[item.id] else {
                let f = facts(item)
                out.append(ResourceChange(resource: f.id, kind: f.kind, name: f.name, change: .added, details: f.summaryLines))
                continue
            }
            if previous == item { continue }
            let (a, b) = (facts(previous), facts(item))
            let details = a.changes(to: b)
            if !details.isEmpty {
                out.append(ResourceChange(resource: b.id, kind: b.kind, name: b.name, change: .modified, details: details))
            }
        }
        var gone = Set<String>()
        for item in old where !afterIds.contains(item.id) && gone.insert(item.id).inserted {
            let f = facts(item)
            out.append(ResourceChange(resource: f.id, kind: f.kind, name: f.name, change: .removed, details: f.summaryLines))
        }
        return out
    }
}

/// An ECS service and the task definition it runs, compared as one resource.
private struct ServiceWithDefinition: Identifiable, Hashable {
    var service: ECSService
    var definition: ECSTaskDefinition?
    var id: String { service.id }
}
