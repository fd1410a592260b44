import NetModel

/// One resource per ID: several accounts' listings describe the same shared resources (a VPC and its subnets
/// shared through RAM, a peering connection between two accounts, a transit gateway shared with its
/// attachments' accounts), and a capture may list a resource twice.
///
/// The first description is kept; a later one that differs (other than in scope) is reported as a warning
/// naming the resource, never stored twice.
enum Deduplicator {
    static func apply(_ inv: inout Inventory) {
        var warnings: [CaptureWarning] = []
        func unique<T: Identifiable & Hashable>(_ items: inout [T], _ kind: String, scope: WritableKeyPath<T, ResourceScope>) where T.ID == String {
            // Most imports have no duplicate: find one before copying anything.
            var ids = Set<String>()
            ids.reserveCapacity(items.count)
            guard items.contains(where: { !ids.insert($0.id).inserted }) else { return }
            var index: [String: Int] = [:]
            var out: [T] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard let i = index[item.id] else {
                    index[item.id] = out.count
                    out.append(item)
                    continue
                }
                var same = item
                same[keyPath: scope] = out[i][keyPath: scope]
                if same != out[i] {
                    warnings.append(CaptureWarning(source: item.id, code: "duplicate-resource",
                                                   message: "\(kind) \(item.id) is described twice, differently; the first description is kept"))
                }
            }
            items = out
        }
        unique(&inv.vpcs, "VPC", scope: \.scope)
        unique(&inv.subnets, "subnet", scope: \.scope)
        unique(&inv.routeTables, "route table", scope: \.scope)
        unique(&inv.networkACLs, "network ACL", scope: \.scope)
        unique(&inv.securityGroups, "security group", scope: \.scope)
        unique(&inv.networkInterfaces, "network interface", scope: \.scope)
        unique(&inv.instances, "instance", scope: \.scope)
        unique(&inv.internetGateways, "internet gateway", scope: \.scope)
        unique(&inv.natGateways, "NAT gateway", scope: \.scope)
        unique(&inv.vpcPeeringConnections, "peering connection", scope: \.scope)
        unique(&inv.transitGateways, "transit gateway", scope: \.scope)
        unique(&inv.transitGatewayAttachments, "transit gateway attachment", scope: \.scope)
        unique(&inv.transitGatewayRouteTables, "transit gateway route table", scope: \.scope)
        unique(&inv.prefixLists, "prefix list", scope: \.scope)
        unique(&inv.vpnGateways, "virtual private gateway", scope: \.scope)
        unique(&inv.customerGateways, "customer gateway", scope: \.scope)
        unique(&inv.vpnConnections, "VPN connection", scope: \.scope)
        unique(&inv.ecsClusters, "ECS cluster", scope: \.scope)
        unique(&inv.ecsServices, "ECS service", scope: \.scope)
        unique(&inv.ecsTasks, "ECS task", scope: \.scope)
        unique(&inv.ecsTaskDefinitions, "ECS task definition", scope: \.scope)
        unique(&inv.ecsContainerInstances, "ECS container instance", scope: \.scope)
        inv.warnings += warnings
    }
}
