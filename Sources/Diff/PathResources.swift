import NetModel
import Reachability

/// The resources a path between endpoints can depend on: the endpoints, their interfaces, subnets,
/// security groups, and the route tables and network ACLs of their subnets.
enum PathResources {
    static func of(_ endpoints: [Endpoint], in inventory: Inventory) -> Set<String> {
        var ids = Set<String>()
        var subnets = Set<String>()
        var vpcs = Set<String>()
        for e in endpoints where !e.isInternet {
            ids.insert(e.id)
            ids.formUnion(split(e.id))
            ids.insert(e.resourceId)
            ids.formUnion(e.securityGroupIds)
            if let s = e.subnetId { subnets.insert(s) }
            if let v = e.vpcId { vpcs.insert(v) }
        }
        ids.formUnion(subnets)
        for t in inventory.routeTables where t.associations.contains(where: { a in a.subnetId.map(subnets.contains) ?? (a.isMain && vpcs.contains(t.vpcId)) }) {
            ids.insert(t.id)
        }
        for acl in inventory.networkACLs where acl.subnetIds.contains(where: subnets.contains) { ids.insert(acl.id) }
        for g in inventory.internetGateways where g.attachedVpcIds.contains(where: vpcs.contains) { ids.insert(g.id) }
        for eni in inventory.networkInterfaces where eni.owner.map({ ids.contains(ownerId($0)) }) ?? false { ids.insert(eni.id) }
        return ids
    }

    /// `sg-1,sg-2` and `my-db@subnet-1` name several resources.
    static func split(_ resource: String) -> [String] {
        resource.split(separator: ",").flatMap { part in [String(part)] + part.split(separator: "@").map(String.init) }
    }

    private static func ownerId(_ owner: InterfaceOwner) -> String {
        switch owner {
        case .instance(let id), .loadBalancer(let id), .natGateway(let id), .lambda(let id), .vpcEndpoint(let id),
             .transitGatewayAttachment(let id), .other(let id): id
        case .rds: ""
        }
    }
}
