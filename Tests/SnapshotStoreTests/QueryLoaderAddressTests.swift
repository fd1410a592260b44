import Foundation
import GRDB
import NetModel
import Testing
@testable import SnapshotStore

/// The fast query loader keeps every address of an interface (AWS "IP addressing for your VPCs and subnets":
/// secondary private IPv4 addresses each with their own public IP, IPv6 addresses, IPv6 prefix delegation).
@Suite("Fast loading keeps every address")
struct QueryLoaderAddressTests {
    static let scope = ResourceScope(account: "111111111111", region: "eu-west-1")

    /// One dual-stack interface with two private addresses (each with its own public IP), a third without,
    /// two IPv6 addresses and a delegated IPv6 prefix; an IPv6-native subnet; a VGW-propagating route table;
    /// a TGW route table with propagations and associations; LB and TG attributes.
    static func inventory() -> Inventory {
        var inventory = Inventory()
        var eni = NetworkInterface(
            id: "eni-multi", scope: scope, vpcId: "vpc-1", subnetId: "subnet-dual", availabilityZone: "eu-west-1b",
            privateAddresses: [PrivateAddress(address: "10.0.1.10", primary: true, publicIp: "54.0.0.10"),
                               PrivateAddress(address: "10.0.1.11", primary: false, publicIp: "54.0.0.11"),
                               PrivateAddress(address: "10.0.1.12", primary: false)],
            ipv6Addresses: ["2001:db8:0:1::10", "2001:db8:0:1::11"], securityGroupIds: ["sg-a", "sg-b"],
            owner: .instance("i-multi"), requesterManaged: false, sourceDestCheck: false, status: "in-use",
            tags: ["Name": "multi"])
        eni.ipv6Prefixes = [IPPrefix("2001:db8:0:1:1::/80")].compactMap { $0 }
        let bare = NetworkInterface(id: "eni-bare", scope: scope, vpcId: "vpc-1", subnetId: "subnet-v6")
        inventory.networkInterfaces = [eni, bare]
        var v6only = Subnet(id: "subnet-v6", scope: scope, vpcId: "vpc-1",
                            cidrBlocks: [IPPrefix("2001:db8:0:2::/64")].compactMap { $0 })
        v6only.ipv6Native = true
        let dual = Subnet(id: "subnet-dual", scope: scope, vpcId: "vpc-1",
                          cidrBlocks: [IPPrefix("10.0.1.0/24"), IPPrefix("2001:db8:0:1::/64")].compactMap { $0 })
        inventory.subnets = [dual, v6only]
        var table = RouteTable(id: "rtb-vgw", scope: scope, vpcId: "vpc-1")
        table.propagatingVgws = ["vgw-1"]
        inventory.routeTables = [table, RouteTable(id: "rtb-plain", scope: scope, vpcId: "vpc-1")]
        var tgwTable = TransitGatewayRouteTable(id: "tgw-rtb-1", scope: scope, transitGatewayId: "tgw-1")
        tgwTable.propagations = [TransitGatewayPropagation(attachmentId: "tgw-attach-a", resourceType: "vpc", resourceId: "vpc-1"),
                                 TransitGatewayPropagation(attachmentId: "tgw-attach-b", resourceType: "vpn", state: "disabled")]
        tgwTable.associatedAttachmentIds = ["tgw-attach-a"]
        inventory.transitGatewayRouteTables = [tgwTable]
        var lb = LoadBalancer(id: "arn:lb/net/nlb/1", scope: scope, name: "nlb", type: "network", scheme: "internal")
        lb.attributes = ["load_balancing.cross_zone.enabled": "true"]
        inventory.loadBalancers = [lb]
        var group = TargetGroup(id: "arn:tg/ip-tg/1", scope: scope, name: "ip-tg", protocolName: "TCP")
        group.attributes = ["preserve_client_ip.enabled": "false"]
        inventory.targetGroups = [group]
        return inventory
    }

    private func write(_ inventory: Inventory) throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-addr-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("s.db").path
        let meta = SnapshotMetadata(createdAt: Date(), source: .import, accounts: [], regions: [], toolVersion: "test")
        try SnapshotWriter.write(Snapshot(metadata: meta, inventory: inventory), to: path)
        return (folder, path)
    }

    @Test("queryInventory carries every private address with its public IP, the IPv6 addresses and prefixes")
    func everyAddress() throws {
        let (folder, path) = try write(Self.inventory())
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try SnapshotReader(path: path)
        let light = try reader.queryInventory(), full = try reader.inventory()
        // What the solver reads of an interface, equal in the light load, the full load and the model.
        func solverView(_ inv: Inventory) -> [String] {
            inv.networkInterfaces.map { "\($0.id)|\($0.privateAddresses)|\($0.ipv6Addresses)|\(String(describing: $0.ipv6Prefixes))|\($0.securityGroupIds)|\(String(describing: $0.owner))|\($0.tags)" }
        }
        #expect(solverView(light) == solverView(Self.inventory()))
        #expect(solverView(light) == solverView(full))
        #expect(full.networkInterfaces == Self.inventory().networkInterfaces)
        let eni = try #require(light.networkInterfaces.first)
        #expect(eni.publicIps == ["54.0.0.10", "54.0.0.11"])
        #expect(eni.privateAddresses.map(\.primary) == [true, false, false])
        #expect(eni.ipv6Prefixes?.map(\.description) == ["2001:db8:0:1:1::/80"])
        #expect(light.networkInterfaces.last?.ipv6Prefixes == nil)
    }

    @Test("queryInventory carries subnets' IPv6 blocks and IPv6-native flag, and route tables' propagating VGWs")
    func subnetsAndRouteTables() throws {
        let (folder, path) = try write(Self.inventory())
        defer { try? FileManager.default.removeItem(at: folder) }
        let light = try SnapshotReader(path: path).queryInventory()
        #expect(light.subnets == Self.inventory().subnets)
        #expect(light.subnets.map(\.ipv6Native) == [nil, true])
        #expect(light.routeTables.map(\.propagatingVgws) == [["vgw-1"], nil])
    }

    @Test("TGW propagations and associations, LB and TG attributes survive a round trip")
    func newFieldsRoundTrip() throws {
        let (folder, path) = try write(Self.inventory())
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try SnapshotReader(path: path)
        for loaded in [try reader.inventory(), try reader.queryInventory()] {
            #expect(loaded.transitGatewayRouteTables == Self.inventory().transitGatewayRouteTables)
            #expect(loaded.loadBalancers.first?.crossZoneEnabled == true)
            #expect(loaded.targetGroups.first?.preservesClientIp == false)
        }
        let rows = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT attachment_id, state FROM transit_gateway_propagations ORDER BY rowid")
                .map { "\($0["attachment_id"] as String):\($0["state"] as String)" }
        }
        #expect(rows == ["tgw-attach-a:enabled", "tgw-attach-b:disabled"])
    }

    @Test("a snapshot written before the address columns existed still loads every address, from the data column")
    func olderSnapshotWithoutColumns() throws {
        let (folder, path) = try write(Self.inventory())
        defer { try? FileManager.default.removeItem(at: folder) }
        try DatabaseQueue(path: path).write { db in
            for column in ["private_addresses", "ipv6_addresses", "ipv6_prefixes", "availability_zone",
                           "requester_managed", "source_dest_check", "status"] {
                try db.execute(sql: "ALTER TABLE network_interfaces DROP COLUMN \(column)")
            }
            try db.execute(sql: "ALTER TABLE subnets DROP COLUMN ipv6_native")
            try db.execute(sql: "ALTER TABLE route_tables DROP COLUMN propagating_vgws")
        }
        let light = try SnapshotReader(path: path).queryInventory()
        #expect(light.networkInterfaces == Self.inventory().networkInterfaces)
        #expect(light.subnets == Self.inventory().subnets)
        #expect(light.routeTables.map(\.propagatingVgws) == [["vgw-1"], nil])
    }
}
