import Foundation
import GRDB
import NetModel
import Testing
@testable import SnapshotStore

/// The fast query loader reads VPCs, internet gateways, NAT gateways and peering connections from their columns
/// (what paths read: AWS "Route tables", "NAT gateways", "VPC peering connections"), and a snapshot written before
/// those columns existed from its `data` column.
@Suite("Fast loading of VPCs, gateways and peering")
struct QueryLoaderGatewayTests {
    static let scope = ResourceScope(account: "111111111111", region: "eu-west-1")

    static func inventory() -> Inventory {
        var inventory = Inventory()
        inventory.vpcs = [VPC(id: "vpc-1", scope: scope, cidrBlocks: [IPPrefix("10.0.0.0/16"), IPPrefix("2001:db8::/56")].compactMap { $0 },
                              tags: ["Name": "main", "team": "net"]),
                          VPC(id: "vpc-2", scope: scope, cidrBlocks: [IPPrefix("10.1.0.0/16")].compactMap { $0 }, isDefault: true)]
        inventory.internetGateways = [InternetGateway(id: "igw-1", scope: scope, attachedVpcIds: ["vpc-1"], tags: ["Name": "edge"]),
                                      InternetGateway(id: "igw-2", scope: scope, attachedVpcIds: [])]
        inventory.natGateways = [
            NATGateway(id: "nat-1", scope: scope, vpcId: "vpc-1", subnetId: "subnet-a", addresses: [
                NATGatewayAddress(networkInterfaceId: "eni-nat", privateIp: "10.0.0.9", publicIp: "54.0.0.9", allocationId: "eipalloc-1"),
                NATGatewayAddress(privateIp: "10.0.0.10"),
            ]),
            NATGateway(id: "nat-2", scope: scope, vpcId: "vpc-2", subnetId: "subnet-b", state: "pending", connectivityType: "private"),
        ]
        inventory.vpcPeeringConnections = [VPCPeeringConnection(
            id: "pcx-1", scope: scope, status: "active",
            requester: PeeringSide(vpcId: "vpc-1", ownerId: "111111111111", region: "eu-west-1", cidrBlocks: [IPPrefix("10.0.0.0/16")].compactMap { $0 }),
            accepter: PeeringSide(vpcId: "vpc-2", ownerId: nil, region: nil, cidrBlocks: []), tags: ["Name": "p"])]
        return inventory
    }

    /// The model with only the Name tag kept: what the light load carries.
    static func named(_ inventory: Inventory) -> Inventory {
        var out = inventory
        func name(_ tags: Tags) -> Tags { tags["Name"].map { ["Name": $0] } ?? [:] }
        out.vpcs = out.vpcs.map { var v = $0; v.tags = name(v.tags); return v }
        out.internetGateways = out.internetGateways.map { var g = $0; g.tags = name(g.tags); return g }
        return out
    }

    private func write() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-gw-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("s.db").path
        let meta = SnapshotMetadata(createdAt: Date(), source: .import, accounts: [], regions: [], toolVersion: "test")
        try SnapshotWriter.write(Snapshot(metadata: meta, inventory: Self.inventory()), to: path)
        return (folder, path)
    }

    @Test("queryInventory reads VPCs, internet gateways, NAT gateway addresses and peering CIDRs from columns as the model has them")
    func fromColumns() throws {
        let (folder, path) = try write()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try SnapshotReader(path: path)
        // The data column says otherwise: only a load from the columns gives the model back.
        try DatabaseQueue(path: path).write { db in
            for table in ["vpcs", "internet_gateways", "nat_gateways", "vpc_peering_connections"] {
                try db.execute(sql: "UPDATE \(table) SET data = '{}'")
            }
        }
        let light = try reader.queryInventory(), expected = Self.named(Self.inventory())
        #expect(light.vpcs == expected.vpcs)
        #expect(light.internetGateways == expected.internetGateways)
        #expect(light.natGateways == expected.natGateways)
        #expect(light.vpcPeeringConnections == expected.vpcPeeringConnections)
    }

    @Test("a snapshot written before the NAT address and peering CIDR columns existed loads those tables from the data column")
    func olderSnapshotWithoutColumns() throws {
        let (folder, path) = try write()
        defer { try? FileManager.default.removeItem(at: folder) }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "ALTER TABLE nat_gateways DROP COLUMN addresses")
            try db.execute(sql: "ALTER TABLE vpc_peering_connections DROP COLUMN accepter_cidr_blocks")
        }
        let light = try SnapshotReader(path: path).queryInventory()
        #expect(light.natGateways == Self.inventory().natGateways)
        #expect(light.vpcPeeringConnections == Self.inventory().vpcPeeringConnections)
        #expect(light.vpcs == Self.named(Self.inventory()).vpcs)
    }
}
