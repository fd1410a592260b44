import Foundation
import GRDB
import JSON
import NetModel

extension SnapshotReader {
    /// The part of the model a query about a few resources needs, looked up by the indexes of schema 5: every kind
    /// that grows with the account's networks rather than its workloads (VPCs, subnets, route tables, NACLs,
    /// gateways, peering, transit gateways, VPN, load balancers and their target groups, databases, managed
    /// services — what paths, proxies and placed endpoints are built from; not IAM, S3 or resource policies, which
    /// no reachability answer reads), plus only these interfaces:
    ///
    /// - those the `seeds` name (`seeds` is given that base, to name subnets, VPCs and service members by it);
    /// - every interface a managed service owns (load balancer nodes, NAT gateways, RDS, Lambda, ECS tasks, ...),
    ///   and those NAT gateways and ECS tasks name, so services and their proxies are the same endpoints as in a
    ///   full load;
    ///
    /// with the instances those interfaces belong to. Security groups are left out: load those of the endpoints
    /// with `securityGroups(ids:)`. Nil when the file predates the lookup tables or `seeds` returns nil (a term
    /// that needs the whole account): then use `queryInventory()`.
    public func neighbourhood(_ seeds: (Inventory) -> [InventorySeed]?) throws(StoreError) -> Inventory? {
        guard schemaVersion >= SnapshotSchema.lookupTablesIntroducedIn else { return nil }
        return try read { db -> Inventory? in
            var (inventory, lightInterfaces) = try baseInventory(db, skipping: Self.unreachableKinds.union(Self.perVPCKinds))
            guard lightInterfaces, let seeds = seeds(inventory) else { return nil }
            var ids = Set(inventory.natGateways.flatMap { $0.addresses.compactMap(\.networkInterfaceId) })
            ids.formUnion(inventory.ecsTasks.compactMap(\.networkInterfaceId))
            for seed in seeds { ids.formUnion(try interfaceIds(db, seed)) }
            // Managed interfaces by the owner_kind index (two ranges: every kind but `instance`), the rest by ID; as one
            // compound of rowids, so each part uses its index (a plain OR scans the table).
            inventory.networkInterfaces = try self.lightInterfaces(db, filter: """
                WHERE rowid IN (SELECT rowid FROM network_interfaces WHERE owner_kind < 'instance'
                                UNION ALL SELECT rowid FROM network_interfaces WHERE owner_kind > 'instance'
                                UNION ALL SELECT rowid FROM network_interfaces WHERE id IN (SELECT value FROM json_each(?)))
                """, arguments: [try Self.jsonList(ids)])
            let owners = Set(inventory.networkInterfaces.compactMap { eni -> String? in
                if case .instance(let id) = eni.owner { return id }
                return nil
            })
            inventory.instances = Self.linking(try lightInstances(db, filter: "WHERE id IN (SELECT value FROM json_each(?))",
                                                                  arguments: [try Self.jsonList(owners)]), to: inventory.networkInterfaces)
            let closure = closure(inventory)
            let vpcs = VPCFilter(json: try closure.map(Self.jsonList))
            // Subnets are in the base (seeds name them); only the closure's stay.
            if let closure { inventory.subnets = inventory.subnets.filter { closure.contains($0.vpcId) } }
            inventory.routeTables = try lightRouteTables(db, vpcs: vpcs)
            inventory.networkACLs = try lightNetworkACLs(db, vpcs: vpcs)
            return inventory
        }
    }

    /// Kinds no reachability answer reads (IAM, S3, resource policies, accounts): a query leaves them out.
    private static let unreachableKinds = Set((IdentityTables.all + AccessTables.all).map(\.name))

    /// Kinds read per VPC, for the VPCs of the closure only.
    private static let perVPCKinds: Set<String> = ["route_tables", "network_acls"]

    /// The VPCs whose subnets, route tables and NACLs a question about the loaded endpoints can touch: those of the
    /// interfaces and of every subnet a service is placed in, NAT gateways' aside (a NAT gateway is in its own VPC's
    /// paths; one selected itself in another VPC makes `Solver.focused` fall back to the whole account),
    /// the VPCs peered with them (peering is not transitive: one hop) and every VPC attached to a transit gateway one
    /// of them is attached to. Nil (every VPC) when the account has VPN connections or Direct Connect gateways:
    /// their on-premises networks are read off every route table.
    private func closure(_ inv: Inventory) -> Set<String>? {
        guard inv.vpnConnections.isEmpty && inv.directConnectGateways.isEmpty else { return nil }
        var vpcs = Set(inv.networkInterfaces.filter { !Self.isNATGateway($0.owner) }.compactMap(\.vpcId))
        var subnets = Set<String>()
        for ids in inv.loadBalancers.map(\.subnetIds) + inv.dbInstances.map(\.subnetIds) + inv.lambdaFunctions.map(\.subnetIds)
            + inv.cacheSubnetGroups.map(\.subnetIds) + inv.eksClusters.map(\.subnetIds) + inv.openSearchDomains.map(\.subnetIds)
            + inv.ecsServices.map { $0.network?.subnetIds ?? [] } + [inv.ecsTasks.compactMap(\.subnetId)] + inv.vpcEndpoints.map(\.subnetIds) {
            subnets.formUnion(ids)
        }
        vpcs.formUnion(inv.subnets.filter { subnets.contains($0.id) }.map(\.vpcId))
        var reached = vpcs
        for p in inv.vpcPeeringConnections where vpcs.contains(p.requester.vpcId) || vpcs.contains(p.accepter.vpcId) {
            reached.formUnion([p.requester.vpcId, p.accepter.vpcId])
        }
        let vpcAttachments = inv.transitGatewayAttachments.filter { $0.resourceType == "vpc" }
        let gateways = Set(vpcAttachments.filter { $0.resourceId.map(vpcs.contains) ?? false }.map(\.transitGatewayId))
        reached.formUnion(vpcAttachments.filter { gateways.contains($0.transitGatewayId) }.compactMap(\.resourceId))
        return reached
    }

    private static func isNATGateway(_ owner: InterfaceOwner?) -> Bool {
        if case .natGateway = owner { return true }
        return false
    }

    /// The IDs of the interfaces a seed names (a superset is fine: the selector decides what matches).
    private func interfaceIds(_ db: Database, _ seed: InventorySeed) throws -> [String] {
        switch seed {
        case .name(let key):
            return try String.fetchAll(db, sql: """
                SELECT interface_id FROM interface_names WHERE key = ?1
                UNION SELECT n.id FROM instance_names i JOIN network_interfaces n ON n.owner_id = i.instance_id AND n.owner_kind = 'instance'
                      WHERE i.key = ?1
                UNION SELECT m.interface_id FROM security_group_names g JOIN interface_security_groups m ON m.group_id = lower(g.group_id)
                      WHERE g.key = ?1
                """, arguments: [key])
        case .securityGroup(let id):
            return try String.fetchAll(db, sql: "SELECT interface_id FROM interface_security_groups WHERE group_id = ?", arguments: [id.lowercased()])
        case .subnet(let id):
            return try String.fetchAll(db, sql: "SELECT id FROM network_interfaces WHERE subnet_id = ?", arguments: [id])
        case .vpc(let id):
            return try String.fetchAll(db, sql: "SELECT id FROM network_interfaces WHERE vpc_id = ?", arguments: [id])
        case .address(let address):
            let holders = try String.fetchAll(db, sql: "SELECT interface_id FROM interface_addresses WHERE address = ?", arguments: [address.description])
            guard !address.isV4 else { return holders }
            // An IPv6 address may sit inside a delegated prefix: every interface with prefixes is a candidate (a scan,
            // for IPv6 terms only).
            return holders + (try String.fetchAll(db, sql: "SELECT id FROM network_interfaces WHERE ipv6_prefixes > ''"))
        }
    }

    /// A JSON array of strings, for `json_each(?)`: any number of IDs in one bound argument.
    private static func jsonList(_ items: Set<String>) throws -> String {
        try SortedJSONEncoder().text(items.sorted())
    }
}
