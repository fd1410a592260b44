import NetModel
import Testing
@testable import Reachability

/// A client and a server in two subnets of one VPC whose route to the server's subnet goes to an appliance.
private func throughAppliance(serverIngress: [SecurityGroupRule]) -> NetBuilder {
    var n = NetBuilder()
    n.vpc("vpc-1", "10.0.0.0/16")
    n.subnet("subnet-a", vpc: "vpc-1", "10.0.1.0/24")
    n.subnet("subnet-b", vpc: "vpc-1", "10.0.2.0/24")
    n.routeTable("rtb-main", vpc: "vpc-1", main: true, routes: [("10.0.2.0/24", .networkInterface("eni-firewall"), .active)])
    n.openACL("acl", vpc: "vpc-1", subnets: ["subnet-a", "subnet-b"])
    n.securityGroup("sg-client", vpc: "vpc-1", ingress: [])
    n.securityGroup("sg-server", vpc: "vpc-1", ingress: serverIngress)
    n.instance("client", subnet: "subnet-a", ip: "10.0.1.10", groups: ["sg-client"])
    n.instance("server", subnet: "subnet-b", ip: "10.0.2.20", groups: ["sg-server"])
    return n
}

@Suite("Unknown is not no")
struct UnknownVerdictTests {
    @Test("a hop that can't be judged, with every judged hop passing, is unknown with the reason and the hops judged so far")
    func applianceMakesUnknown() throws {
        let n = throughAppliance(serverIngress: [.tcp(22, from: "10.0.0.0/16")])
        let answer = try n.flow("client", "server", ports: PortSet(22))
        #expect(answer.verdict == .unknown && !answer.reachable)
        #expect(answer.best.unknowns.count == 1 && answer.best.unknowns[0].contains("appliance"))
        #expect(answer.best.path.contains { $0.kind == "security-group-ingress" })
        let json = QueryAnswer(spec: QuerySpec(from: "client", to: "server", ports: PortSet(22)), pairs: [answer], notes: [])
        #expect(json.verdict == .unknown && !json.reachable && json.pairs[0].verdict == .unknown)
    }

    @Test("a judged hop that blocks makes the answer blocked, even when another hop can't be judged")
    func blockedWinsOverUnknown() throws {
        let n = throughAppliance(serverIngress: [])
        let answer = try n.flow("client", "server", ports: PortSet(22))
        #expect(answer.verdict == .blocked)
        #expect(answer.best.blockers.map(\.kind) == ["security-group-ingress"])
    }

    @Test("transit gateway routes that were not captured are unknown, not blocked")
    func uncapturedTransitGatewayRoutes() throws {
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
        for (id, vpc) in [("tgw-attach-a", "vpc-a"), ("tgw-attach-b", "vpc-b")] {
            n.inv.transitGatewayAttachments.append(TransitGatewayAttachment(id: id, scope: n.scope, transitGatewayId: "tgw-1", resourceType: "vpc",
                                                                            resourceId: vpc, associatedRouteTableId: "tgw-rtb-1"))
        }
        n.inv.transitGatewayRouteTables.append(TransitGatewayRouteTable(id: "tgw-rtb-1", scope: n.scope, transitGatewayId: "tgw-1", routesKnown: false))
        let answer = try n.flow("app", "db", ports: PortSet(5432))
        #expect(answer.verdict == .unknown)
        #expect(answer.best.unknowns.contains { $0.contains("were not captured") })
    }

    @Test("the matrix marks tier pairs that can't be judged")
    func matrixMarksUnknown() throws {
        let n = throughAppliance(serverIngress: [.tcp(22, from: "10.0.0.0/16")])
        let s = n.solver
        let matrix = s.matrix(try s.tiers([("client", ["client"]), ("server", ["server"])], includeInternet: false))
        let cell = try #require(matrix.cells.first { $0.from == "client" && $0.to == "server" })
        #expect(cell.ports.isEmpty && cell.unknown?.first?.contains("appliance") == true)
    }
}
