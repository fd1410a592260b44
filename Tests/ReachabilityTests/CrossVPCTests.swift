import NetModel
import Testing
@testable import Reachability

/// Two VPCs, an app in A and a database in B; the link between them varies per test.
private func twoVPCs(routeAtoB: RouteTarget?, routeBtoA: RouteTarget?, dbIngress: [SecurityGroupRule]) -> NetBuilder {
    var n = NetBuilder()
    n.vpc("vpc-a", "10.1.0.0/16")
    n.vpc("vpc-b", "10.2.0.0/16")
    n.subnet("subnet-a", vpc: "vpc-a", "10.1.1.0/24")
    n.subnet("subnet-b", vpc: "vpc-b", "10.2.1.0/24")
    n.routeTable("rtb-a", vpc: "vpc-a", main: true, routes: routeAtoB.map { [("10.2.0.0/16", $0, .active)] } ?? [])
    n.routeTable("rtb-b", vpc: "vpc-b", main: true, routes: routeBtoA.map { [("10.1.0.0/16", $0, .active)] } ?? [])
    n.openACL("acl-a", vpc: "vpc-a", subnets: ["subnet-a"])
    n.openACL("acl-b", vpc: "vpc-b", subnets: ["subnet-b"])
    n.securityGroup("sg-app", vpc: "vpc-a", ingress: [])
    n.securityGroup("sg-db", vpc: "vpc-b", ingress: dbIngress)
    n.instance("app", subnet: "subnet-a", ip: "10.1.1.10", groups: ["sg-app"])
    n.instance("db", subnet: "subnet-b", ip: "10.2.1.20", groups: ["sg-db"])
    return n
}

@Suite("Peering and transit gateways")
struct CrossVPCTests {
    @Test("peering needs routes on both sides; a missing return route is the blocker")
    func peeringReturnRoute() throws {
        var n = twoVPCs(routeAtoB: .vpcPeering("pcx-1"), routeBtoA: nil, dbIngress: [.tcp(5432, from: "10.1.0.0/16")])
        n.peering("pcx-1", "vpc-a", "vpc-b")
        let broken = try n.flow("app", "db", ports: PortSet(5432))
        #expect(!broken.reachable)
        #expect(broken.best.blockers.map(\.kind) == ["route-return"])
        #expect(broken.best.blockers[0].detail.contains("no route for 10.1.1.10"))
        var fixed = twoVPCs(routeAtoB: .vpcPeering("pcx-1"), routeBtoA: .vpcPeering("pcx-1"), dbIngress: [.tcp(5432, from: "10.1.0.0/16")])
        fixed.peering("pcx-1", "vpc-a", "vpc-b")
        let answer = try fixed.flow("app", "db", ports: PortSet(5432))
        #expect(answer.reachable && answer.best.path.contains { $0.kind == "peering" })
    }

    @Test("security group references work across an active peering connection, not a pending one", arguments: ["active", "pending-acceptance"])
    func groupReferenceAcrossPeering(status: String) throws {
        var n = twoVPCs(routeAtoB: .vpcPeering("pcx-1"), routeBtoA: .vpcPeering("pcx-1"), dbIngress: [.tcp(5432, fromGroup: "sg-app")])
        n.peering("pcx-1", "vpc-a", "vpc-b", status: status)
        let answer = try n.flow("app", "db", ports: PortSet(5432))
        #expect(answer.reachable == (status == "active"))
        if status != "active" { #expect(answer.best.blockers.map(\.kind) == ["peering"]) }
    }

    @Test("a transit gateway route table blackhole blocks; a working one routes both ways", arguments: [RouteState.active, .blackhole])
    func transitGateway(state: RouteState) throws {
        var n = twoVPCs(routeAtoB: .transitGateway("tgw-1"), routeBtoA: .transitGateway("tgw-1"), dbIngress: [.tcp(5432, from: "10.1.0.0/16")])
        let s = n.scope
        n.inv.transitGatewayAttachments = [
            TransitGatewayAttachment(id: "tgw-attach-a", scope: s, transitGatewayId: "tgw-1", resourceType: "vpc", resourceId: "vpc-a", associatedRouteTableId: "tgw-rtb-1"),
            TransitGatewayAttachment(id: "tgw-attach-b", scope: s, transitGatewayId: "tgw-1", resourceType: "vpc", resourceId: "vpc-b", associatedRouteTableId: "tgw-rtb-1"),
        ]
        n.inv.transitGatewayRouteTables = [TransitGatewayRouteTable(id: "tgw-rtb-1", scope: s, transitGatewayId: "tgw-1", routes: [
            TransitGatewayRoute(destination: .cidr(IPPrefix("10.1.0.0/16")!), attachmentIds: ["tgw-attach-a"], type: "propagated"),
            TransitGatewayRoute(destination: .cidr(IPPrefix("10.2.0.0/16")!), attachmentIds: state == .blackhole ? [] : ["tgw-attach-b"], state: state),
        ], routesKnown: true)]
        let answer = try n.flow("app", "db", ports: PortSet(5432))
        #expect(answer.reachable == (state == .active))
        if state == .blackhole {
            #expect(answer.best.blockers.map(\.kind) == ["transit-gateway"] && answer.best.blockers[0].detail.contains("blackhole"))
        }
        // Security group references do not cross a transit gateway.
        var refs = n
        refs.inv.securityGroups[1].ingress = [.tcp(5432, fromGroup: "sg-app")]
        #expect(!(try refs.flow("app", "db", ports: PortSet(5432))).reachable)
    }

    @Test("without any route between the VPCs every blocker on the candidate path is listed")
    func noRoute() throws {
        let n = twoVPCs(routeAtoB: nil, routeBtoA: nil, dbIngress: [])
        let answer = try n.flow("app", "db", ports: PortSet(5432))
        #expect(!answer.reachable)
        // Each direction is routed on its own, so the missing way back is listed too.
        #expect(answer.best.blockers.map(\.kind) == ["route", "security-group-ingress", "route-return"])
    }

    @Test("traffic to another instance's public address leaves through the internet and arrives from the source's public address")
    func publicAddressPath() throws {
        var n = NetBuilder()
        n.vpc("vpc-1", "10.0.0.0/16")
        n.subnet("subnet-pub", vpc: "vpc-1", "10.0.1.0/24")
        n.internetGateway("igw-1", vpc: "vpc-1")
        n.routeTable("rtb-pub", vpc: "vpc-1", main: true, routes: [("0.0.0.0/0", .internetGateway("igw-1"), .active)])
        n.openACL("acl-1", vpc: "vpc-1", subnets: ["subnet-pub"])
        n.securityGroup("sg-a", vpc: "vpc-1", ingress: [])
        n.securityGroup("sg-b", vpc: "vpc-1", ingress: [.tcp(443, fromGroup: "sg-a")])
        n.instance("a", subnet: "subnet-pub", ip: "10.0.1.5", groups: ["sg-a"], publicIp: "54.0.0.5")
        n.instance("b", subnet: "subnet-pub", ip: "10.0.1.6", groups: ["sg-b"], publicIp: "54.0.0.6")
        #expect(try n.flow("a", "b", ports: PortSet(443)).reachable)
        // By public address the group reference no longer matches: the packet comes from 54.0.0.5.
        let byPublic = try n.flow("a", "54.0.0.6", ports: PortSet(443))
        #expect(!byPublic.reachable && byPublic.best.blockers.map(\.kind) == ["security-group-ingress"])
        n.inv.securityGroups[1].ingress.append(.tcp(443, from: "54.0.0.5/32"))
        #expect(try n.flow("a", "54.0.0.6", ports: PortSet(443)).reachable)
    }
}
