import Foundation
import GRDB
import NetModel

extension SnapshotReader {
    /// Columns the light VPC, internet gateway, NAT gateway and peering loads read (snapshots written before
    /// `nat_gateways.addresses` and the peering CIDR columns existed load those tables from `data`).
    static let lightGatewayColumns: [(String, [String])] = [
        ("vpcs", ["cidr_blocks", "is_default", "name"]),
        ("internet_gateways", ["attached_vpc_ids", "name"]),
        ("nat_gateways", ["vpc_id", "subnet_id", "state", "connectivity_type", "addresses", "name"]),
        ("vpc_peering_connections", ["status", "requester_vpc_id", "requester_owner_id", "requester_region", "requester_cidr_blocks",
                                     "accepter_vpc_id", "accepter_owner_id", "accepter_region", "accepter_cidr_blocks", "name"]),
    ]

    /// VPCs, internet gateways, NAT gateways and peering connections from their columns, for each of those tables
    /// in `skipped` (the light ones this file has the columns of): what paths read, with only the Name tag kept
    /// (like subnets and route tables); the full load has the rest.
    func loadLightGateways(_ db: Database, skipped: Set<String>, into inventory: inout Inventory) throws {
        if skipped.contains("vpcs") {
            inventory.vpcs = try rows(db, "SELECT id, account, region, cidr_blocks, is_default, name FROM vpcs ORDER BY rowid") { r in
                VPC(id: r[0], scope: ResourceScope(account: r[1], region: r[2]), cidrBlocks: Self.prefixes(r[3]),
                    isDefault: r[4] ?? false, tags: Self.nameTag(r[5]))
            }
            // A planned VPC's range known only after apply is a tag the columns don't keep.
            let unknown = try unknownBeforeApplyTags(db, "vpcs")
            if !unknown.isEmpty { inventory.vpcs = inventory.vpcs.map { var v = $0; v.tags.merge(unknown[v.id] ?? [:]) { a, _ in a }; return v } }
        }
        if skipped.contains("internet_gateways") {
            inventory.internetGateways = try rows(db, "SELECT id, account, region, attached_vpc_ids, name FROM internet_gateways ORDER BY rowid") { r in
                InternetGateway(id: r[0], scope: ResourceScope(account: r[1], region: r[2]), attachedVpcIds: ColumnLists.items(r[3]),
                                tags: Self.nameTag(r[4]))
            }
        }
        if skipped.contains("nat_gateways") {
            inventory.natGateways = try rows(db, """
                SELECT id, account, region, vpc_id, subnet_id, state, connectivity_type, addresses, name FROM nat_gateways ORDER BY rowid
                """) { r in
                NATGateway(id: r[0], scope: ResourceScope(account: r[1], region: r[2]), vpcId: r[3], subnetId: r[4], state: r[5],
                           connectivityType: r[6], addresses: ColumnLists.parseNATAddresses(r[7]), tags: Self.nameTag(r[8]))
            }
        }
        if skipped.contains("vpc_peering_connections") {
            inventory.vpcPeeringConnections = try rows(db, """
                SELECT id, account, region, status, requester_vpc_id, requester_owner_id, requester_region, requester_cidr_blocks,
                       accepter_vpc_id, accepter_owner_id, accepter_region, accepter_cidr_blocks, name
                FROM vpc_peering_connections ORDER BY rowid
                """) { r in
                VPCPeeringConnection(
                    id: r[0], scope: ResourceScope(account: r[1], region: r[2]), status: r[3],
                    requester: PeeringSide(vpcId: r[4], ownerId: r[5], region: r[6], cidrBlocks: Self.prefixes(r[7])),
                    accepter: PeeringSide(vpcId: r[8], ownerId: r[9], region: r[10], cidrBlocks: Self.prefixes(r[11])),
                    tags: Self.nameTag(r[12]))
            }
        }
    }

    private func rows<T>(_ db: Database, _ sql: String, _ make: (Row) throws -> T) throws -> [T] {
        var out: [T] = []
        let cursor = try Row.fetchCursor(db, sql: sql)
        while let r = try cursor.next() { out.append(try make(r)) }
        return out
    }

    private static func prefixes(_ text: String?) -> [IPPrefix] { ColumnLists.items(text).compactMap { IPPrefix($0) } }

    private static func nameTag(_ name: String?) -> Tags { name.map { ["Name": $0] } ?? [:] }
}
