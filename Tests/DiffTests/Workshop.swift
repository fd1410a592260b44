import AWSImport
import Findings
import Foundation
import NetModel
import Policy
@testable import Diff

/// The workshop sample and edits of it, for diff pairs.
enum Workshop {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("snapshots/workshop").path

    static let dbGroup = "sg-0299a16caccda00d6"
    static let bastionGroup = "sg-0d02a1f60f45f2d07"
    static let dbInterface = "eni-0ea50bbb684c99808"
    static let privateRouteTable = "rtb-0d49427e47a0b8cf0"
    static let internetGateway = "igw-0b03ca8cab6044000"

    static func inventory() throws -> Inventory { try Importer().importPaths([sample]).inventory }

    static func diff(_ old: Inventory, _ new: Inventory, threshold: Severity? = .high) throws -> DiffResult {
        try SnapshotDiff.run(old: old, new: new, oldName: "old.db", newName: "new.db", policy: PolicyFile(),
                             threshold: threshold, today: "2026-01-01")
    }

    static func editGroup(_ inv: inout Inventory, _ id: String, _ body: (inout SecurityGroup) -> Void) {
        if let i = inv.securityGroups.firstIndex(where: { $0.id == id }) { body(&inv.securityGroups[i]) }
    }

    /// Scenario (a): MySQL open to the world on the DB group, the DB public, its interface with a public
    /// address, and its subnets routed to the internet gateway.
    static func exposeDatabase(_ inv: inout Inventory) {
        editGroup(&inv, dbGroup) { $0.ingress.append(rule(3306, "0.0.0.0/0")) }
        for i in inv.dbInstances.indices { inv.dbInstances[i].publiclyAccessible = true }
        for i in inv.networkInterfaces.indices where inv.networkInterfaces[i].id == dbInterface {
            inv.networkInterfaces[i].privateAddresses[0].publicIp = "54.1.2.3"
        }
        for i in inv.routeTables.indices where inv.routeTables[i].id == privateRouteTable {
            for r in inv.routeTables[i].routes.indices where inv.routeTables[i].routes[r].destination.description == "0.0.0.0/0" {
                inv.routeTables[i].routes[r].target = .internetGateway(internetGateway)
            }
        }
    }

    /// A TCP rule for one port from a CIDR.
    static func rule(_ port: Int, _ cidr: String, description: String? = nil) -> SecurityGroupRule {
        SecurityGroupRule(ipProtocol: .tcp, fromPort: port, toPort: port, peer: IPPrefix(cidr).map(RulePeer.cidr) ?? .prefixList(cidr),
                          description: description)
    }
}
