import Foundation
import GRDB
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
            var (inventory, lightInterfaces) = try baseInventory(db, skipping: Self.unreachableKinds)
            guard lightInterfaces, let seeds = seeds(inventory) else { return nil }
            var ids = Set(inventory.natGateways.flatMap { $0.addresses.compactMap(\.networkInterfaceId) })
            ids.formUnion(inventory.ecsTasks.compactMap(\.networkInterfaceId))
            for seed in seeds { ids.formUnion(try interfaceIds(db, seed)) }
            // Managed interfaces by the owner_kind index (two ranges: every kind but `instance`), the rest by ID.
            inventory.networkInterfaces = try self.lightInterfaces(
                db, filter: "WHERE owner_kind < 'instance' OR owner_kind > 'instance' OR id IN (SELECT value FROM json_each(?))",
                arguments: [try Self.jsonList(ids)])
            let owners = Set(inventory.networkInterfaces.compactMap { eni -> String? in
                if case .instance(let id) = eni.owner { return id }
                return nil
            })
            inventory.instances = try lightInstances(db, filter: "WHERE id IN (SELECT value FROM json_each(?))",
                                                     arguments: [try Self.jsonList(owners)])
            return inventory
        }
    }

    /// Kinds no reachability answer reads (IAM, S3, resource policies, accounts): a query leaves them out.
    private static let unreachableKinds = Set((IdentityTables.all + AccessTables.all).map(\.name))

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
            // An IPv6 address may sit inside a delegated prefix: every interface with prefixes is a candidate.
            return holders + (try String.fetchAll(db, sql: "SELECT id FROM network_interfaces WHERE ipv6_prefixes > ''"))
        }
    }

    /// A JSON array of strings, for `json_each(?)`: any number of IDs in one bound argument.
    private static func jsonList(_ items: Set<String>) throws -> String {
        String(decoding: try JSONEncoder().encode(items.sorted()), as: UTF8.self)
    }
}
