import Foundation
import GRDB
import NetModel
import Testing
@testable import SnapshotStore

/// The lookup tables of schema 5 and the neighbourhood `query` loads by them (the answers' agreement with the whole
/// account is `NeighbourhoodAgreementTests`).
@Suite("Neighbourhood loading for queries")
struct NeighbourhoodLoaderTests {
    static let scope = ResourceScope(account: "111111111111", region: "eu-west-1")

    /// VPC a peered with b; VPC c alone, with a NAT gateway's interface; four workload interfaces.
    static func inventory() -> Inventory {
        var inv = Inventory()
        for (n, name) in ["a", "b", "c"].enumerated() {
            inv.vpcs.append(VPC(id: "vpc-\(name)", scope: scope, cidrBlocks: [IPPrefix("10.\(n).0.0/16")!]))
            inv.subnets.append(Subnet(id: "subnet-\(name)", scope: scope, vpcId: "vpc-\(name)", cidrBlocks: [IPPrefix("10.\(n).0.0/24")!]))
            inv.routeTables.append(RouteTable(id: "rtb-\(name)", scope: scope, vpcId: "vpc-\(name)", associations: [RouteTableAssociation(isMain: true)]))
        }
        inv.vpcPeeringConnections = [VPCPeeringConnection(id: "pcx-ab", scope: scope, status: "active",
                                                          requester: PeeringSide(vpcId: "vpc-a"), accepter: PeeringSide(vpcId: "vpc-b"))]
        inv.securityGroups = [SecurityGroup(id: "sg-web", scope: scope, name: "launch-wizard-1", vpcId: "vpc-a", tags: ["Name": "Web Servers"])]
        func eni(_ id: String, _ vpc: String, _ ip: String, publicIp: String? = nil, groups: [String] = [], owner: InterfaceOwner? = nil, tags: Tags = [:]) -> NetworkInterface {
            NetworkInterface(id: id, scope: scope, vpcId: "vpc-\(vpc)", subnetId: "subnet-\(vpc)", privateAddresses: [PrivateAddress(address: ip, publicIp: publicIp)],
                             securityGroupIds: groups, owner: owner, tags: tags)
        }
        inv.networkInterfaces = [
            eni("eni-a1", "a", "10.0.0.5", groups: ["sg-web"], owner: .instance("i-a1"), tags: ["Name": "front_1"]),
            eni("eni-a2", "a", "10.0.0.6", groups: ["sg-web"]),
            eni("eni-b1", "b", "10.1.0.5"),
            eni("eni-c1", "c", "10.2.0.5", publicIp: "54.0.0.3"),
            eni("eni-nat", "c", "10.2.0.9", owner: .natGateway("nat-c")),
        ]
        inv.instances = [Instance(id: "i-a1", scope: scope, state: "running", vpcId: "vpc-a", subnetId: "subnet-a", privateIp: "10.0.0.5",
                                  tags: ["Name": "Front Door"])]
        return inv
    }

    static func write(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-neighbourhood-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        let meta = SnapshotMetadata(createdAt: Date(), source: .import, accounts: [], regions: [], toolVersion: "test")
        try SnapshotWriter.write(Snapshot(metadata: meta, inventory: inventory(), rawDocuments: []), to: path)
        return path
    }

    @Test("a name seed loads the interfaces so named, their instance, managed interfaces, and only the VPCs around them")
    func byName() throws {
        let reader = try SnapshotReader(path: try Self.write("n.db"))
        let byTag = try #require(try reader.neighbourhood { _ in [.name(InventorySeed.nameKey("FRONT 1"))] })
        #expect(byTag.networkInterfaces.map(\.id) == ["eni-a1", "eni-nat"])
        #expect(byTag.instances.map(\.id) == ["i-a1"])
        // vpc-a and its peer vpc-b; vpc-c holds only the NAT gateway's interface.
        #expect(byTag.subnets.map(\.id) == ["subnet-a", "subnet-b"] && byTag.routeTables.map(\.id) == ["rtb-a", "rtb-b"])
        #expect(byTag.vpcs.count == 3 && byTag.vpcPeeringConnections.count == 1 && byTag.securityGroups.isEmpty)
        let byInstanceName = try #require(try reader.neighbourhood { _ in [.name(InventorySeed.nameKey("front door"))] })
        #expect(byInstanceName.networkInterfaces.map(\.id) == ["eni-a1", "eni-nat"])
        let byGroupName = try #require(try reader.neighbourhood { _ in [.name(InventorySeed.nameKey("web_servers"))] })
        #expect(byGroupName.networkInterfaces.map(\.id) == ["eni-a1", "eni-a2", "eni-nat"])
    }

    @Test("group, subnet, VPC and address seeds find their interfaces by index")
    func byIndex() throws {
        let reader = try SnapshotReader(path: try Self.write("i.db"))
        func ids(_ seeds: [InventorySeed]) throws -> [String] { try reader.neighbourhood { _ in seeds }?.networkInterfaces.map(\.id) ?? [] }
        #expect(try ids([.securityGroup("SG-WEB")]) == ["eni-a1", "eni-a2", "eni-nat"])
        #expect(try ids([.subnet("subnet-b")]) == ["eni-b1", "eni-nat"])
        #expect(try ids([.vpc("vpc-c")]) == ["eni-c1", "eni-nat"])
        #expect(try ids([.address(IPAddress("54.0.0.3")!)]) == ["eni-c1", "eni-nat"])
        #expect(try ids([.address(IPAddress("10.1.0.5")!), .name("eni-a2")]) == ["eni-a2", "eni-b1", "eni-nat"])
        #expect(try ids([]) == ["eni-nat"])
        let c = try #require(try reader.neighbourhood { _ in [.vpc("vpc-c")] })
        #expect(c.subnets.map(\.id) == ["subnet-c"])
    }

    @Test("no neighbourhood when a term needs the whole account, or the file predates the lookup tables")
    func fallsBack() throws {
        let path = try Self.write("v4.db")
        #expect(try SnapshotReader(path: path).neighbourhood { _ in nil } == nil)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = 4") }
        let old = try SnapshotReader(path: path)
        #expect(try old.neighbourhood { _ in [.name("eni-a1")] } == nil)
        #expect(try old.queryInventory().networkInterfaces.count == 5)
    }
}
