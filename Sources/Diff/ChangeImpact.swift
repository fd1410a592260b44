import NetModel
import Reachability

/// Which endpoints a set of configuration changes can affect, so that reachability is recomputed
/// only for tiers that touch them (and the tiers that could talk to those).
struct ChangeImpact {
    /// A change whose reach is not worked out (load balancers, target groups, transit gateways,
    /// prefix lists): every tier counts as touched.
    var global = false
    var endpoints = Set<String>()
    var groups = Set<String>()
    var subnets = Set<String>()
    var vpcs = Set<String>()

    init(_ changes: [ResourceChange], old: Inventory, new: Inventory) {
        let lookup = Lookup(old, new)
        for c in changes {
            let id = c.resource
            switch c.kind {
            case "security-group": groups.insert(id)
            case "network-interface", "instance", "db-instance", "lambda-function": endpoints.insert(id)
            case "subnet": subnets.insert(id); vpcs.formUnion(lookup.subnetVPC[id] ?? [])
            case "vpc": vpcs.insert(id)
            case "route-table", "network-acl", "nat-gateway", "vpc-endpoint", "internet-gateway", "egress-only-internet-gateway",
                 "vpc-peering-connection":
                vpcs.formUnion(lookup.vpcs[id] ?? [])
            case "elastic-ip": endpoints.formUnion(lookup.addressOwners[id] ?? [])
            case let kind where ConfigDiff.nonNetworkKinds.contains(kind): continue
            default: global = true
            }
        }
    }

    /// Whether a tier has an endpoint the changes can affect.
    func touches(_ tier: Tier) -> Bool {
        if global { return true }
        return tier.endpoints.contains { e in
            endpoints.contains(e.id) || endpoints.contains(e.resourceId) || e.securityGroupIds.contains(where: groups.contains)
                || e.subnetId.map(subnets.contains) == true || e.vpcId.map(vpcs.contains) == true
        }
    }

    /// The VPCs of network resources in either snapshot, by resource ID.
    private struct Lookup {
        var vpcs: [String: Set<String>] = [:]
        var subnetVPC: [String: Set<String>] = [:]
        var addressOwners: [String: Set<String>] = [:]

        init(_ inventories: Inventory...) {
            for inv in inventories {
                for s in inv.subnets { subnetVPC[s.id, default: []].insert(s.vpcId) }
                for t in inv.routeTables { vpcs[t.id, default: []].insert(t.vpcId) }
                for a in inv.networkACLs { vpcs[a.id, default: []].insert(a.vpcId) }
                for n in inv.natGateways { vpcs[n.id, default: []].insert(n.vpcId) }
                for e in inv.vpcEndpoints { vpcs[e.id, default: []].insert(e.vpcId) }
                for g in inv.internetGateways { vpcs[g.id, default: []].formUnion(g.attachedVpcIds) }
                for g in inv.egressOnlyInternetGateways { vpcs[g.id, default: []].formUnion(g.attachedVpcIds) }
                for p in inv.vpcPeeringConnections { vpcs[p.id, default: []].formUnion([p.requester.vpcId, p.accepter.vpcId]) }
                for e in inv.elasticIps { addressOwners[e.id, default: []].formUnion([e.networkInterfaceId, e.instanceId].compactMap { $0 }) }
            }
        }
    }
}

/// VPCs with a possible path between them: peering connections and shared transit gateways.
enum VPCNeighbours {
    static func of(_ inventories: Inventory...) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        func link(_ a: String, _ b: String) { out[a, default: []].insert(b); out[b, default: []].insert(a) }
        for inv in inventories {
            for p in inv.vpcPeeringConnections { link(p.requester.vpcId, p.accepter.vpcId) }
            var byGateway: [String: [String]] = [:]
            for a in inv.transitGatewayAttachments where a.resourceType == "vpc" {
                if let vpc = a.resourceId { byGateway[a.transitGatewayId, default: []].append(vpc) }
            }
            for vpcs in byGateway.values { for x in vpcs { for y in vpcs where x != y { link(x, y) } } }
        }
        return out
    }
}
