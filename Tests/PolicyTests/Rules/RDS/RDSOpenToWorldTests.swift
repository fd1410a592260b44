import Findings
import Foundation
import NetModel
import Testing
@testable import Policy

@Suite("rds-open-to-world grouped by the security group rule")
struct RDSOpenToWorldTests {
    @Test("two databases behind one security group open to 0.0.0.0/0 on their port are one finding naming both")
    func twoDatabasesOneRule() throws {
        var inv = try WorkshopScanTests.sample("workshop")
        var second = inv.dbInstances[0]
        second.id = "demo-app-replica"
        second.arn = "arn:aws:rds:us-east-1:123456789012:db:demo-app-replica"
        inv.dbInstances.append(second)
        let dbGroup = inv.dbInstances[0].securityGroupIds[0]
        let g = try #require(inv.securityGroups.firstIndex { $0.id == dbGroup })
        let port = inv.dbInstances[0].port ?? 3306
        inv.securityGroups[g].ingress.append(SecurityGroupRule(ipProtocol: .tcp, fromPort: port, toPort: port, peer: .cidr(.anyV4)))
        let open = try WorkshopScanTests.scan(inv).findings.filter { $0.ruleId == "rds-open-to-world" }
        let f = try #require(open.first)
        #expect(open.count == 1)
        #expect(Set(f.resources.map(\.id)) == [inv.dbInstances[0].id, "demo-app-replica"])
        #expect(f.cause?.id == "\(dbGroup):ingress:tcp/\(port):0.0.0.0/0" && f.title.contains("on 2 resources: "))
        let perResource = try RuleEngine.scan(inv, policy: PolicyFile(), source: "t", today: "2026-11-23", groupBy: .resource)
        #expect(perResource.findings.count { $0.ruleId == "rds-open-to-world" } == 2)
    }
}
