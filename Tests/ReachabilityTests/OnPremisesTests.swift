import NetModel
import Testing
@testable import Reachability

/// A VPC with an app in a private subnet and a Site-to-Site VPN to an office (192.168.0.0/16) through a
/// virtual private gateway; the subnet's route to the office is propagated from the gateway.
private func officeVPN(tunnels: [VPNTunnel] = [VPNTunnel(outsideIpAddress: "3.3.3.3", status: "UP")],
                       routeBack: Bool = true, staticRoutes: [String] = ["192.168.0.0/16"]) -> NetBuilder {
    var n = NetBuilder()
    n.vpc("vpc-1", "10.0.0.0/16")
    n.subnet("subnet-app", vpc: "vpc-1", "10.0.1.0/24")
    n.routeTable("rtb-app", vpc: "vpc-1", main: true)
    if routeBack {
        n.inv.routeTables[0].routes.append(Route(destination: .cidr(IPPrefix("192.168.0.0/16")!), target: .virtualPrivateGateway("vgw-1"),
                                                 origin: "EnableVgwRoutePropagation"))
    }
    n.openACL("acl-1", vpc: "vpc-1", subnets: ["subnet-app"])
    n.securityGroup("sg-app", vpc: "vpc-1", ingress: [.tcp(22, from: "192.168.0.0/16")])
    n.instance("app", subnet: "subnet-app", ip: "10.0.1.10", groups: ["sg-app"])
    n.inv.vpnGateways.append(VPNGateway(id: "vgw-1", scope: n.scope, attachedVpcIds: ["vpc-1"]))
    n.inv.customerGateways.append(CustomerGateway(id: "cgw-1", scope: n.scope, ipAddress: "198.51.100.7", tags: ["Name": "office"]))
    n.inv.vpnConnections.append(VPNConnection(id: "vpn-1", scope: n.scope, customerGatewayId: "cgw-1", vpnGatewayId: "vgw-1",
                                              staticRoutesOnly: !staticRoutes.isEmpty,
                                              routes: staticRoutes.map { VPNStaticRoute(destination: IPPrefix($0)!) }, tunnels: tunnels))
    return n
}

@Suite("On-premises networks through Site-to-Site VPN")
struct OnPremisesTests {
    @Test("onprem reaches the app through the VPN connection and the attached virtual private gateway; replies follow the propagated route (AWS Site-to-Site VPN routing options)")
    func throughVirtualPrivateGateway() throws {
        let answer = try officeVPN().flow("onprem", "app", ports: PortSet(22))
        #expect(answer.verdict == .reachable)
        let kinds = answer.best.path.map(\.kind)
        #expect(kinds.contains("vpn-connection") && kinds.contains("vpn-gateway"))
        #expect(answer.best.path.contains { $0.kind == "route-return" && $0.detail.contains("vgw-1") && $0.detail.contains("propagated") })
        #expect(try officeVPN().flow("app", "office", ports: PortSet(443)).reachable)
    }

    @Test("without a route back to the gateway, replies never leave: the route is the blocker, with the fix")
    func missingReturnRoute() throws {
        let answer = try officeVPN(routeBack: false).flow("office", "app", ports: PortSet(22))
        #expect(answer.verdict == .blocked)
        let blocker = try #require(answer.best.blockers.first { $0.kind == "route-return" })
        #expect(blocker.fix.contains("vgw-1") && blocker.fix.contains("route propagation"))
    }

    @Test("with every tunnel down the connection carries nothing")
    func tunnelsDown() throws {
        let n = officeVPN(tunnels: [VPNTunnel(outsideIpAddress: "3.3.3.3", status: "DOWN"), VPNTunnel(outsideIpAddress: "4.4.4.4", status: "DOWN")])
        let answer = try n.flow("onprem", "app", ports: PortSet(22))
        #expect(answer.verdict == .blocked)
        #expect(answer.best.blockers.contains { $0.kind == "vpn-connection" && $0.detail.contains("down") })
    }

    @Test("a block behind the VPN is that on-premises network; the security group judges its addresses")
    func cidrBehindTheEdge() throws {
        var n = officeVPN()
        n.inv.securityGroups[0].ingress = [.tcp(22, from: "192.168.10.0/24")]
        #expect(try n.flow("192.168.10.0/24", "app", ports: PortSet(22)).reachable)
        let other = try n.flow("192.168.20.0/24", "app", ports: PortSet(22))
        #expect(!other.reachable && other.best.blockers.map(\.kind) == ["security-group-ingress"])
        #expect(try n.solver.selector.resolve("cgw-1").groups.first?.endpoints.first?.kind == .onPremises)
    }

    @Test("BGP routes the snapshot can't see: the networks behind the connection are unknown, not unreachable")
    func unknownNetworks() throws {
        let answer = try officeVPN(routeBack: false, staticRoutes: []).flow("onprem", "app", ports: PortSet(22))
        #expect(answer.verdict == .unknown)
        #expect(answer.best.unknowns.contains { $0.contains("BGP") })
    }

    @Test("a VPN on a transit gateway: each direction uses its own attachment's route table (AWS Transit gateway route tables)",
          arguments: [true, false])
    func throughTransitGateway(vpnTableRoutesToVPC: Bool) throws {
        var n = NetBuilder()
        n.vpc("vpc-1", "10.0.0.0/16")
        n.subnet("subnet-app", vpc: "vpc-1", "10.0.1.0/24")
        n.routeTable("rtb-app", vpc: "vpc-1", main: true, routes: [("192.168.0.0/16", .transitGateway("tgw-1"), .active)])
        n.openACL("acl-1", vpc: "vpc-1", subnets: ["subnet-app"])
        n.securityGroup("sg-app", vpc: "vpc-1", ingress: [.tcp(22, from: "192.168.0.0/16")])
        n.instance("app", subnet: "subnet-app", ip: "10.0.1.10", groups: ["sg-app"])
        n.inv.vpnConnections.append(VPNConnection(id: "vpn-1", scope: n.scope, customerGatewayId: "cgw-1", transitGatewayId: "tgw-1",
                                                  tunnels: [VPNTunnel(status: "UP")]))
        n.inv.transitGatewayAttachments += [
            TransitGatewayAttachment(id: "tgw-attach-vpc", scope: n.scope, transitGatewayId: "tgw-1", resourceType: "vpc", resourceId: "vpc-1",
                                     associatedRouteTableId: "tgw-rtb-vpcs"),
            TransitGatewayAttachment(id: "tgw-attach-vpn", scope: n.scope, transitGatewayId: "tgw-1", resourceType: "vpn", resourceId: "vpn-1",
                                     associatedRouteTableId: "tgw-rtb-edge"),
        ]
        n.inv.transitGatewayRouteTables += [
            TransitGatewayRouteTable(id: "tgw-rtb-vpcs", scope: n.scope, transitGatewayId: "tgw-1", routes: [
                TransitGatewayRoute(destination: .cidr(IPPrefix("192.168.0.0/16")!), attachmentIds: ["tgw-attach-vpn"], type: "propagated")], routesKnown: true),
            TransitGatewayRouteTable(id: "tgw-rtb-edge", scope: n.scope, transitGatewayId: "tgw-1", routes: vpnTableRoutesToVPC ? [
                TransitGatewayRoute(destination: .cidr(IPPrefix("10.0.0.0/16")!), attachmentIds: ["tgw-attach-vpc"], type: "propagated")] : [],
                routesKnown: true),
        ]
        let answer = try n.flow("onprem", "app", ports: PortSet(22))
        #expect(answer.reachable == vpnTableRoutesToVPC)
        if vpnTableRoutesToVPC {
            #expect(answer.best.path.contains { $0.kind == "transit-gateway" && $0.resource == "tgw-rtb-edge" })
            #expect(answer.best.path.contains { $0.kind == "route-return" && $0.detail.contains("tgw-rtb-vpcs") })
        } else {
            #expect(answer.best.blockers.contains { $0.kind == "transit-gateway" && $0.resource == "tgw-rtb-edge" && $0.fix.contains("route propagation") })
        }
    }
}
