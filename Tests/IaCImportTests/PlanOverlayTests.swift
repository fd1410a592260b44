import NetModel
import Testing
@testable import IaCImport

/// The state after apply: a plan laid over the captured account.
@Suite("Plan overlay")
struct PlanOverlayTests {
    static let scope = ResourceScope(account: "111122223333", region: "us-east-1")

    static func group(_ id: String, ingress: [SecurityGroupRule] = [], tags: Tags = [:]) -> SecurityGroup {
        SecurityGroup(id: id, scope: scope, name: id, vpcId: "vpc-1", ingress: ingress, egress: [], tags: tags)
    }

    @Test("planned resources replace captured ones by ID, creates are added, deletes removed, partial groups add their rules")
    func overlay() throws {
        let ssh = SecurityGroupRule(ipProtocol: .tcp, fromPort: 22, toPort: 22, peer: .cidr(try #require(IPPrefix("10.0.0.0/8"))))
        let mysql = SecurityGroupRule(ipProtocol: .tcp, fromPort: 3306, toPort: 3306, peer: .cidr(.anyV4))
        var existing = Inventory()
        existing.securityGroups = [Self.group("sg-a", ingress: [ssh]), Self.group("sg-b"), Self.group("sg-gone")]
        var planned = Inventory()
        planned.securityGroups = [Self.group("sg-a", ingress: [mysql], tags: [PlanOverlay.partialTag: "true"]), Self.group("sg-b", ingress: [mysql]),
                                  Self.group("sg-new")]
        let after = PlanOverlay.apply(planned, deleting: ["sg-gone"], onto: existing)
        #expect(after.securityGroups.map(\.id).sorted() == ["sg-a", "sg-b", "sg-new"])
        #expect(after.securityGroups.first { $0.id == "sg-a" }?.ingress == [ssh, mysql])
        #expect(after.securityGroups.first { $0.id == "sg-b" }?.ingress == [mysql])
    }
}
