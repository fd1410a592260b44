import NetModel
import Reachability

/// The resources a path between endpoints can depend on: the endpoints, their interfaces, subnets,
/// security groups, and the route tables and network ACLs of their subnets. Indexed once per snapshot.
struct PathResources: Sendable {
    private var tablesBySubnet: [String: [String]] = [:]
    private var mainTablesByVPC: [String: [String]] = [:]
    private var aclsBySubnet: [String: [String]] = [:]
    private var gatewaysByVPC: [String: [String]] = [:]
    private var interfacesByOwner: [String: [String]] = [:]

    init(_ inventory: Inventory) {
        for t in inventory.routeTables {
            for a in t.associations {
                if let s = a.subnetId { tablesBySubnet[s, default: []].append(t.id) }
                if a.isMain { mainTablesByVPC[t.vpcId, default: []].append(t.id) }
            }
        }
        for acl in inventory.networkACLs { for s in acl.subnetIds { aclsBySubnet[s, default: []].append(acl.id) } }
        for g in inventory.internetGateways { for v in g.attachedVpcIds { gatewaysByVPC[v, default: []].append(g.id) } }
        for eni in inventory.networkInterfaces {
            if let owner = eni.owner?.ownerId { interfacesByOwner[owner, default: []].append(eni.id) }
        }
    }

    func of(_ endpoints: [Endpoint]) -> Set<String> {
        var ids = Set<String>()
        for e in endpoints where !e.isInternet {
            ids.insert(e.id)
            ids.formUnion(PathResources.split(e.id))
            ids.insert(e.resourceId)
            ids.formUnion(e.securityGroupIds)
            ids.formUnion(interfacesByOwner[e.resourceId] ?? [])
            if let s = e.subnetId {
                ids.insert(s)
                ids.formUnion(aclsBySubnet[s] ?? [])
                if let tables = tablesBySubnet[s] { ids.formUnion(tables) }
                else if let v = e.vpcId { ids.formUnion(mainTablesByVPC[v] ?? []) }
            }
            if let v = e.vpcId { ids.formUnion(gatewaysByVPC[v] ?? []) }
        }
        return ids
    }

    /// `sg-1,sg-2` and `my-db@subnet-1` name several resources.
    static func split(_ resource: String) -> [String] {
        resource.split(separator: ",").flatMap { part in [String(part)] + part.split(separator: "@").map(String.init) }
    }
}
