import AWSImport
import Foundation
import NetModel
import Testing
@testable import SnapshotStore

@Suite("Fast loading for queries")
struct QueryLoaderTests {
    @Test("the query inventory rebuilds routes, subnets, NACLs and interfaces from their columns as the full load has them")
    func lightMatchesFull() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netaudit-light-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.db").path
        let result = try Importer().importPaths([SnapshotRoundTripTests.fixtures])
        let meta = SnapshotMetadata(createdAt: Date(), source: .import, accounts: [], regions: [], toolVersion: "test")
        try SnapshotWriter.write(Snapshot(metadata: meta, inventory: result.inventory, rawDocuments: []), to: path)
        let reader = try SnapshotReader(path: path)
        let full = try reader.inventory(), light = try reader.queryInventory()
        #expect(light.routeTables.map(\.routes) == full.routeTables.map(\.routes))
        #expect(light.routeTables.map(\.associations) == full.routeTables.map(\.associations))
        #expect(light.subnets.map(\.cidrBlocks) == full.subnets.map(\.cidrBlocks) && light.subnets.map(\.vpcId) == full.subnets.map(\.vpcId))
        #expect(light.networkACLs.map { $0.orderedEntries(egress: false) } == full.networkACLs.map { $0.orderedEntries(egress: false) })
        #expect(light.networkACLs.map(\.subnetIds) == full.networkACLs.map(\.subnetIds))
        #expect(light.networkInterfaces.map(\.owner) == full.networkInterfaces.map(\.owner))
        #expect(light.networkInterfaces.map(\.securityGroupIds) == full.networkInterfaces.map(\.securityGroupIds))
        #expect(light.networkInterfaces.map(\.primaryPrivateIp) == full.networkInterfaces.map(\.primaryPrivateIp))
        #expect(light.networkInterfaces.map(\.publicIps) == full.networkInterfaces.map(\.publicIps))
        #expect(light.securityGroups.allSatisfy { $0.ingress.isEmpty } && light.securityGroups.map(\.id) == full.securityGroups.map(\.id))
        #expect(try reader.securityGroups(ids: ["sg-web"]) == full.securityGroups.filter { $0.id == "sg-web" })
        #expect(light.instances.map(\.tags) == full.instances.map(\.tags))
    }
}
