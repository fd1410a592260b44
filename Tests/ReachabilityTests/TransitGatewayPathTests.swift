import NetModel
import Testing
@testable import Reachability

/// Two VPCs on a transit gateway with one route table per attachment (an asymmetric design): table A holds
/// the route to B propagated from B's attachment; table B holds the route back only when `returnRoute`.
private func asymmetric(returnRoute: Bool) -> NetBuilder {
    var n = NetBuilder()
    n.vpc("vpc-a", "10.1.0.0/16")
    n.vpc("vpc-b", "10.2.0.0/16")
    n.subnet("subnet-a", vpc: "vpc-a", "10.1.1.0/24")
    n.subnet("subnet-b", vpc: "vpc-b", "10.2.1.0/24")
    n.routeTable("rtb-a", vpc: "vpc-a", main: true, routes: [("10.2.0.0/16", .transitGateway("tgw-1"), .active)])
    n.routeTable("rtb-b", vpc: "vpc-b", main: true, routes: [("10.1.0.0/16", .transitGateway("tgw-1"), .active)])
    n.openACL("acl-a", vpc: "vpc-a", subnets: ["subnet-a"])
    n.openACL("acl-b", vpc: "vpc-b", subnets: ["subnet-b"])
    n.securityGroup("sg-app", vpc: "vpc-a", ingress: [])
    n.securityGroup("sg-db", vpc: "vpc-b", ingress: [.tcp(5432, from: "10.1.0.0/16")])
    n.instance("app", subnet: "subnet-a", ip: "10.1.1.10", groups: ["sg-app"])
    n.instance("db", subnet: "subnet-b", ip: "10.2.1.20", groups: ["sg-db"])
    n.inv.transitGatewayAttachments += [
        TransitGatewayAttachment(id: "tgw-attach-a", scope: n.scope, transitGatewayId: "tgw-1", resourceType: "vpc", resourceId: "vpc-a",
                                 associatedRouteTableId: "tgw-rtb-a"),
        TransitGatewayAttachment(id: "tgw-attach-b", scope: n.scope, transitGatewayId: "tgw-1", resourceType: "vpc", resourceId: "vpc-b",
                                 associatedRouteTableId: "tgw-rtb-b"),
    ]
    func route(_ cidr: String, _ attachment: String) -> TransitGatewayRoute {
        TransitGatewayRoute(destination: .cidr(IPPrefix(cidr)!), attachmentIds: [attachment], type: "propagated")
    }
    n.inv.transitGatewayRouteTables += [
        TransitGatewayRouteTable(id: "tgw-rtb-a", scope: n.scope, transitGatewayId: "tgw-1", routes: [route("10.2.0.0/16", "tgw-attach-b")], routesKnown: true),
        TransitGatewayRouteTable(id: "tgw-rtb-b", scope: n.scope, transitGatewayId: "tgw-1",
                                 routes: returnRoute ? [route("10.1.0.0/16", "tgw-attach-a")] : [], routesKnown: true),
    ]
    return n
}

@Suite("Transit gateway paths")
struct TransitGatewayPathTests {
    @Test("each direction is looked up in the table its source attachment is associated with; propagated routes say so (AWS Transit gateway route tables)")
    func perDirectionTables() throws {
        let answer = try asymmetric(returnRoute: true).flow("app", "db", ports: PortSet(5432))
        #expect(answer.reachable)
        let hops = answer.best.path.filter { $0.kind == "transit-gateway" }
        #expect(hops.map(\.resource) == ["tgw-rtb-a", "tgw-rtb-b"])
        #expect(hops.allSatisfy { $0.detail.contains("propagated") })
    }

    @Test("a return table without the route back is the blocker, and the fix is the propagation to enable")
    func missingReturnPropagation() throws {
        let answer = try asymmetric(returnRoute: false).flow("app", "db", ports: PortSet(5432))
        #expect(answer.verdict == .blocked)
        let blocker = try #require(answer.best.blockers.first { $0.kind == "transit-gateway" })
        #expect(blocker.resource == "tgw-rtb-b")
        #expect(blocker.fix.contains("enable route propagation of tgw-attach-a into tgw-rtb-b"))
    }
}
