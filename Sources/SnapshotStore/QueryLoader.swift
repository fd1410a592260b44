import Foundation
import GRDB
import NetModel

extension SnapshotReader {
    /// The model as a reachability query needs it, loaded fast: network interfaces (every address), route
    /// tables, subnets, NACLs, instances and security groups come from their normalized columns (security
    /// groups without rules); every
    /// other kind is loaded in full. Load the rules of the groups a query touches with `securityGroups(ids:)`.
    ///
    /// On a 20,000-interface account this reads in a fraction of the time of `inventory()`.
    public func queryInventory() throws(StoreError) -> Inventory {
        try read { db in
            var (inventory, lightInterfaces) = try baseInventory(db)
            if lightInterfaces { inventory.networkInterfaces = try self.lightInterfaces(db) }
            inventory.instances = Self.linking(try lightInstances(db), to: inventory.networkInterfaces)
            let groups = try Row.fetchCursor(db, sql: "SELECT id, account, region, name, name_tag, description, vpc_id FROM security_groups ORDER BY rowid")
            while let r = try groups.next() {
                let nameTag: String? = r[4]
                inventory.securityGroups.append(SecurityGroup(
                    id: r[0], scope: ResourceScope(account: r[1], region: r[2]), name: r[3] ?? "", description: r[5],
                    vpcId: r[6], tags: nameTag.map { ["Name": $0] } ?? [:]))
            }
            return inventory
        }
    }

    /// Every kind but instances, security groups and those `skipping` names (left empty), and the warnings: subnets, route tables and
    /// NACLs from their columns, the rest in full; interfaces are left empty too (`lightInterfaces` true) unless
    /// the file predates their columns. Snapshots written before a light table's newer columns existed load that
    /// table in full (from `data`): same answers, only slower.
    func baseInventory(_ db: Database, skipping: Set<String> = []) throws -> (inventory: Inventory, lightInterfaces: Bool) {
        var inventory = Inventory()
        var skipped = skipping.union(["security_groups", "network_acls", "instances"])
        for (table, columns) in Self.lightColumns where try Self.hasColumns(db, table, columns) { skipped.insert(table) }
        for table in tables where !skipped.contains(table.name) { try table.load(db, &inventory) }
        try joinManagedDocuments(&inventory, db)
        // Light tables, unless the caller reads them itself (`skipping`).
        if skipped.contains("route_tables") && !skipping.contains("route_tables") { inventory.routeTables = try lightRouteTables(db) }
        if skipped.contains("subnets") && !skipping.contains("subnets") { inventory.subnets = try lightSubnets(db) }
        try loadLightGateways(db, skipped: skipped.subtracting(skipping), into: &inventory)
        if !skipping.contains("network_acls") { inventory.networkACLs = try lightNetworkACLs(db) }
        inventory.warnings = try Row.fetchAll(db, sql: "SELECT source, code, message FROM warnings ORDER BY rowid").map {
            CaptureWarning(source: $0["source"], code: $0["code"], message: $0["message"])
        }
        return (inventory, skipped.contains("network_interfaces"))
    }

    /// Instances from their columns (`filter` narrows the rows, e.g. `WHERE id IN (...)`).
    func lightInstances(_ db: Database, filter: String = "", arguments: StatementArguments = []) throws -> [Instance] {
        var out: [Instance] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, account, region, state, vpc_id, subnet_id, private_ip, public_ip, security_group_ids, tags
            FROM instances \(filter) ORDER BY rowid
            """, arguments: arguments)
        while let r = try rows.next() {
            let tagText: String? = r[9]
            out.append(Instance(
                id: r[0], scope: ResourceScope(account: r[1], region: r[2]), state: r[3] ?? "unknown", vpcId: r[4],
                subnetId: r[5], privateIp: r[6], publicIp: r[7], securityGroupIds: ColumnLists.items(r[8]),
                tags: try tagText.map { try StoreDecoder.decode(Tags.self, from: $0) } ?? [:]))
        }
        return out
    }

    /// Light instances with the IDs of their interfaces among `interfaces` (the column is not read): an instance
    /// naming no interface is one the solver places in its subnet (a planned one), so the loaded ones must say theirs.
    static func linking(_ instances: [Instance], to interfaces: [NetworkInterface]) -> [Instance] {
        var byInstance: [String: [String]] = [:]
        for eni in interfaces { if case .instance(let id) = eni.owner { byInstance[id, default: []].append(eni.id) } }
        return instances.map { i in
            var i = i
            if i.networkInterfaceIds.isEmpty { i.networkInterfaceIds = byInstance[i.id] ?? [] }
            return i
        }
    }

    /// Columns each light table is read from that older snapshots may lack.
    private static let lightColumns: [(String, [String])] = [
        ("network_interfaces", ["private_addresses", "ipv6_addresses", "ipv6_prefixes"]),
        ("route_tables", ["propagating_vgws"]),
        ("subnets", ["ipv6_native"]),
    ] + lightGatewayColumns

    private static func hasColumns(_ db: Database, _ table: String, _ columns: [String]) throws -> Bool {
        let present = Set(try db.columns(in: table).map(\.name))
        return columns.allSatisfy(present.contains)
    }

    /// Interfaces from their columns: every private address with its public IP, IPv6 addresses and prefixes — what
    /// the solver reads (zone, status and flags stay in `data`; the full load has them). `filter` narrows the rows.
    func lightInterfaces(_ db: Database, filter: String = "", arguments: StatementArguments = []) throws -> [NetworkInterface] {
        var out: [NetworkInterface] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, account, region, vpc_id, subnet_id, interface_type, description, private_ip, private_addresses,
                   security_group_ids, owner_kind, owner_id, tags, ipv6_addresses, ipv6_prefixes FROM network_interfaces \(filter) ORDER BY rowid
            """, arguments: arguments)
        while let r = try rows.next() {
            let tagText: String? = r[12]
            var interface = NetworkInterface(
                id: r[0], scope: ResourceScope(account: r[1], region: r[2]), vpcId: r[3], subnetId: r[4],
                interfaceType: r[5] ?? "interface", description: r[6],
                privateAddresses: ColumnLists.parsePrivateAddresses(r[8], primary: r[7]),
                ipv6Addresses: ColumnLists.items(r[13]), securityGroupIds: ColumnLists.items(r[9]),
                owner: InterfaceOwner(kind: r[10], id: r[11]),
                tags: try tagText.map { try StoreDecoder.decode(Tags.self, from: $0) } ?? [:])
            interface.ipv6Prefixes = ColumnLists.optionalItems(r[14]).map { $0.compactMap { IPPrefix($0) } }
            out.append(interface)
        }
        return out
    }

    /// Route tables from their `routes` and `route_table_associations` rows.
    /// `vpcs` (a JSON list, `VPCFilter`) narrows them to those VPCs' tables.
    func lightRouteTables(_ db: Database, vpcs: VPCFilter = VPCFilter()) throws -> [RouteTable] {
        var routes: [String: [Route]] = [:]
        let routeRows = try Row.fetchCursor(db, sql: "SELECT route_table_id, destination, target_kind, target_id, state, origin FROM routes \(vpcs.children("route_table_id", of: "route_tables")) ORDER BY rowid", arguments: vpcs.arguments)
        while let r = try routeRows.next() {
            let text: String = r[1]
            let destination: RouteDestination = IPPrefix(text).map { .cidr($0) } ?? .prefixList(text)
            routes[r[0], default: []].append(Route(destination: destination, target: RouteTarget(kind: r[2], id: r[3]),
                                                   state: RouteState(rawValue: r[4]) ?? .active, origin: r[5]))
        }
        var associations: [String: [RouteTableAssociation]] = [:]
        let assocRows = try Row.fetchCursor(db, sql: "SELECT route_table_id, association_id, is_main, subnet_id, gateway_id FROM route_table_associations \(vpcs.children("route_table_id", of: "route_tables")) ORDER BY rowid", arguments: vpcs.arguments)
        while let r = try assocRows.next() {
            associations[r[0], default: []].append(RouteTableAssociation(id: r[1], isMain: r[2], subnetId: r[3], gatewayId: r[4]))
        }
        var tables: [RouteTable] = []
        let tableRows = try Row.fetchCursor(db, sql: "SELECT id, account, region, vpc_id, name, propagating_vgws FROM route_tables \(vpcs.rows) ORDER BY rowid", arguments: vpcs.arguments)
        while let r = try tableRows.next() {
            let id: String = r[0]
            let name: String? = r[4]
            var table = RouteTable(id: id, scope: ResourceScope(account: r[1], region: r[2]), vpcId: r[3],
                                   routes: routes[id] ?? [], associations: associations[id] ?? [],
                                   tags: name.map { ["Name": $0] } ?? [:])
            table.propagatingVgws = ColumnLists.optionalItems(r[5])
            tables.append(table)
        }
        let unknown = try unknownBeforeApplyTags(db, "route_tables")
        return unknown.isEmpty ? tables : tables.map { var t = $0; t.tags.merge(unknown[t.id] ?? [:]) { a, _ in a }; return t }
    }

    /// Subnets from their columns.
    private func lightSubnets(_ db: Database) throws -> [Subnet] {
        var out: [Subnet] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, account, region, vpc_id, cidr_blocks, availability_zone, map_public_ip_on_launch, name, ipv6_native FROM subnets ORDER BY rowid")
        while let r = try rows.next() {
            let blocks: String? = r[4]
            let name: String? = r[7]
            var subnet = Subnet(id: r[0], scope: ResourceScope(account: r[1], region: r[2]), vpcId: r[3],
                                cidrBlocks: (blocks ?? "").split(separator: ",").compactMap { IPPrefix($0) }, availabilityZone: r[5],
                                mapPublicIpOnLaunch: r[6] ?? false, tags: name.map { ["Name": $0] } ?? [:])
            subnet.ipv6Native = r[8]
            out.append(subnet)
        }
        let unknown = try unknownBeforeApplyTags(db, "subnets")
        return unknown.isEmpty ? out : out.map { var s = $0; s.tags.merge(unknown[s.id] ?? [:]) { a, _ in a }; return s }
    }

    /// The `UnknownBeforeApply` tags of a light table's rows (planned resources only: the columns don't keep tags), by ID.
    /// Only rows whose `data` names such a tag are decoded.
    func unknownBeforeApplyTags(_ db: Database, _ table: String) throws -> [String: Tags] {
        struct Tagged: Decodable { var tags: Tags? }
        var out: [String: Tags] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, data FROM \(table) WHERE instr(data, ?) > 0", arguments: [UnknownBeforeApply.prefix])
        while let r = try rows.next() {
            let data: String = r[1]
            let tags = (try? StoreDecoder.decode(Tagged.self, from: data))?.tags ?? [:]
            out[r[0]] = tags.filter { $0.key.hasPrefix(UnknownBeforeApply.prefix) }
        }
        return out
    }

    /// Network ACLs from their `network_acl_entries` rows.
    func lightNetworkACLs(_ db: Database, vpcs: VPCFilter = VPCFilter()) throws -> [NetworkACL] {
        var entries: [String: [NetworkACLEntry]] = [:]
        let entryRows = try Row.fetchCursor(db, sql: """
            SELECT network_acl_id, rule_number, direction, protocol, action, cidr, from_port, to_port, icmp_type, icmp_code
            FROM network_acl_entries \(vpcs.children("network_acl_id", of: "network_acls")) ORDER BY rowid
            """, arguments: vpcs.arguments)
        while let r = try entryRows.next() {
            let from: Int? = r[6], to: Int? = r[7]
            guard let proto = IPProtocol(aws: r[3]), let action = RuleAction(rawValue: r[4]), let cidr = IPPrefix(r[5] as String) else { continue }
            entries[r[0], default: []].append(NetworkACLEntry(
                ruleNumber: r[1], egress: (r[2] as String) == "egress", ipProtocol: proto, action: action, cidr: cidr,
                portRange: from.flatMap { f in to.map { PortRange(f, $0) } }, icmpType: r[8], icmpCode: r[9]))
        }
        var out: [NetworkACL] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, account, region, vpc_id, is_default, subnet_ids, name FROM network_acls \(vpcs.rows) ORDER BY rowid", arguments: vpcs.arguments)
        while let r = try rows.next() {
            let id: String = r[0]
            let subnets: String? = r[5]
            let name: String? = r[6]
            out.append(NetworkACL(id: id, scope: ResourceScope(account: r[1], region: r[2]), vpcId: r[3], isDefault: r[4] ?? false,
                                  entries: entries[id] ?? [], subnetIds: (subnets ?? "").split(separator: ",").map(String.init),
                                  tags: name.map { ["Name": $0] } ?? [:]))
        }
        let unknown = try unknownBeforeApplyTags(db, "network_acls")
        return unknown.isEmpty ? out : out.map { var a = $0; a.tags.merge(unknown[a.id] ?? [:]) { x, _ in x }; return a }
    }

    /// Security groups in full (with their rules), by ID.
    public func securityGroups(ids: Set<String>) throws(StoreError) -> [SecurityGroup] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
            return try String.fetchAll(db, sql: "SELECT data FROM security_groups WHERE id IN (\(placeholders))",
                                       arguments: StatementArguments(Array(ids)))
                .map { try StoreDecoder.decode(SecurityGroup.self, from: $0) }
        }
    }
}

/// Which VPCs' subnets, route tables and NACLs to read: all of them, or those of a JSON list of VPC IDs.
struct VPCFilter {
    var json: String?

    /// The clause narrowing a table with a `vpc_id` column.
    var rows: String { json == nil ? "" : "WHERE vpc_id IN (SELECT value FROM json_each(?1))" }
    /// The clause narrowing a child table to the rows of its parents in those VPCs.
    func children(_ column: String, of parent: String) -> String {
        json == nil ? "" : "WHERE \(column) IN (SELECT id FROM \(parent) WHERE vpc_id IN (SELECT value FROM json_each(?1)))"
    }
    var arguments: StatementArguments { json.map { [$0] } ?? [] }
}
