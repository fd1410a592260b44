import NetModel
import Testing
@testable import Reachability

/// One VPC: public subnets in us-east-1a/b holding the load balancer's nodes, app subnets in 1a/1b/1c,
/// an app instance in 1a whose security group admits tcp/5000 from `appIngress`.
func loadBalancedApp(appIngress: [SecurityGroupRule] = [.tcp(5000, from: "10.0.0.0/16")]) -> NetBuilder {
    var n = NetBuilder()
    n.vpc("vpc-1", "10.0.0.0/16")
    n.internetGateway("igw-1", vpc: "vpc-1")
    n.subnet("pub-a", vpc: "vpc-1", "10.0.1.0/24", zone: "us-east-1a")
    n.subnet("pub-b", vpc: "vpc-1", "10.0.2.0/24", zone: "us-east-1b")
    n.subnet("app-a", vpc: "vpc-1", "10.0.11.0/24", zone: "us-east-1a")
    n.subnet("app-b", vpc: "vpc-1", "10.0.12.0/24", zone: "us-east-1b")
    n.subnet("app-c", vpc: "vpc-1", "10.0.13.0/24", zone: "us-east-1c")
    n.routeTable("rtb-private", vpc: "vpc-1", main: true)
    n.routeTable("rtb-public", vpc: "vpc-1", subnets: ["pub-a", "pub-b"], routes: [("0.0.0.0/0", .internetGateway("igw-1"), .active)])
    n.openACL("acl-public", vpc: "vpc-1", subnets: ["pub-a", "pub-b"])
    n.openACL("acl-app", vpc: "vpc-1", subnets: ["app-a", "app-b", "app-c"])
    n.securityGroup("sg-app", vpc: "vpc-1", ingress: appIngress)
    n.instance("app1", subnet: "app-a", ip: "10.0.11.10", groups: ["sg-app"])
    return n
}

extension NetBuilder {
    /// The internet-facing NLB `web-nlb` (nodes 10.0.1.4 in 1a, 10.0.2.4 in 1b) forwarding TCP:80 to `app-tg` on 5000.
    mutating func webNLB(groups: [String] = [], type: String = "instance", protocolName: String = "TCP",
                         targets: [(String, Int?, String?, String?)] = [("app1", 5000, nil, "healthy")],
                         lbAttributes: [String: String]? = nil, tgAttributes: [String: String]? = nil) {
        loadBalancer("web-nlb", nodes: [("pub-a", "10.0.1.4"), ("pub-b", "10.0.2.4")], groups: groups,
                     listeners: [(protocolName, 80, "app-tg")], attributes: lbAttributes)
        targetGroup("app-tg", protocolName: protocolName, port: 5000, type: type, targets: targets, attributes: tgAttributes)
    }
}

@Suite("Network Load Balancer security groups and client IP preservation")
struct NetworkLoadBalancerTests {
    private func app(_ ingress: [SecurityGroupRule] = [.tcp(5000, from: "10.0.0.0/16")]) -> NetBuilder {
        loadBalancedApp(appIngress: ingress)
    }

    @Test("Security groups for your Network Load Balancer: without security groups it does not filter the listener")
    func noSecurityGroupsDoNotFilter() throws {
        var n = app()
        n.webNLB()
        let answer = try n.flow("internet", "web-nlb", ports: PortSet(80))
        #expect(answer.reachable)
        let hop = try #require(answer.best.path.first { $0.kind == "security-group-ingress" })
        #expect(hop.resource == "web-nlb" && hop.detail.contains("without security groups"))
        #expect(!answer.best.blockers.contains { $0.detail.contains("has no security groups") })
        // The listener still decides the ports.
        let other = try n.flow("internet", "web-nlb", ports: PortSet(443))
        #expect(!other.reachable && other.best.blockers.map(\.kind) == ["load-balancer-listener"])
    }

    @Test("Security groups for your Network Load Balancer: with security groups it filters inbound on the listener")
    func securityGroupsFilterInbound() throws {
        var n = app()
        n.securityGroup("sg-nlb", vpc: "vpc-1", ingress: [.tcp(80, from: "203.0.113.0/24")])
        n.webNLB(groups: ["sg-nlb"])
        let answer = try n.flow("internet", "web-nlb", ports: PortSet(80))
        #expect(answer.reachable && QueryAnswer.sources(answer.allowed.addresses) == ["203.0.113.0/24"])
        n.inv.securityGroups[n.inv.securityGroups.count - 1].ingress = [.tcp(443, from: "0.0.0.0/0")]
        let closed = try n.flow("internet", "web-nlb", ports: PortSet(80))
        #expect(!closed.reachable)
        let blocker = try #require(closed.best.blockers.first)
        #expect(blocker.kind == "security-group-ingress" && blocker.resource == "sg-nlb")
    }

    @Test("Security groups for your Network Load Balancer: with security groups it filters outbound to the targets")
    func securityGroupsFilterOutbound() throws {
        var n = app([.tcp(5000, from: "0.0.0.0/0")])
        n.securityGroup("sg-nlb", vpc: "vpc-1", ingress: [.tcp(80, from: "0.0.0.0/0")], egress: [.tcp(5000, from: "10.0.99.0/24")])
        n.webNLB(groups: ["sg-nlb"])
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.isEmpty)
        let leg = try #require(answer.loadBalancerLegs.first)
        #expect(!leg.reachable && leg.blockers.map(\.kind) == ["security-group-egress"] && leg.blockers[0].resource == "sg-nlb")
    }

    @Test("Client IP preservation: an instance target's security group must allow the internet clients, and the fix says so")
    func preservedInstanceTargetNeedsClients() throws {
        var n = app()
        n.webNLB()
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(!answer.reachable && answer.viaLoadBalancers.isEmpty)
        let leg = try #require(answer.loadBalancerLegs.first)
        #expect(leg.clientIp.preserved && leg.clientIp.reason.contains("instance target"))
        let blocker = try #require(leg.blockers.first)
        #expect(leg.blockers.count == 1 && blocker.kind == "security-group-ingress" && blocker.resource == "sg-app")
        #expect(blocker.detail.contains("internet clients") && blocker.detail.contains("client IP preserved"))
        #expect(blocker.fix.contains("clients' address range") && !blocker.fix.contains("10.0.1.4"))
        #expect(answer.best.notes.contains { $0.hasPrefix("not through web-nlb") })
    }

    @Test("Client IP preservation: with the clients allowed, internet reaches the app through the NLB, and the hop says which source was evaluated")
    func preservedInstanceTargetReachable() throws {
        var n = app([.tcp(5000, from: "0.0.0.0/0")])
        n.webNLB()
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(!answer.reachable)
        #expect(answer.viaLoadBalancers == [LoadBalancerRoute(loadBalancer: "web-nlb", listenerPorts: [80], targetPort: 5000, rules: ["listener tcp/80 (TCP): default rule"])])
        let leg = try #require(answer.loadBalancerLegs.first)
        let hop = try #require(leg.path.first { $0.kind == "load-balancer-client-ip" })
        #expect(hop.detail.contains("client IP preserved: instance target") && hop.detail.contains("sees the internet clients"))
        #expect(leg.path.contains { $0.kind == "load-balancer-target" } && leg.path.first?.kind == "load-balancer-listener")
    }

    @Test("Client IP preservation: only the clients both the NLB and the target allow get through")
    func preservedClientsIntersect() throws {
        var n = app([.tcp(5000, from: "203.0.113.0/25")])
        n.securityGroup("sg-nlb", vpc: "vpc-1", ingress: [.tcp(80, from: "203.0.113.0/24")])
        n.webNLB(groups: ["sg-nlb"])
        #expect(try n.flow("internet", "app1", ports: PortSet(5000)).viaLoadBalancers.count == 1)
        n.inv.securityGroups[0].ingress = [.tcp(5000, from: "198.51.100.0/24")]
        let disjoint = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(disjoint.viaLoadBalancers.isEmpty)
        #expect(disjoint.loadBalancerLegs.first?.blockers.map(\.kind) == ["security-group-ingress"])
    }

    @Test("Client IP preservation: the target subnet's NACL sees the clients too")
    func preservedTargetNACL() throws {
        for type in ["instance", "ip"] {
            var n = app([.tcp(5000, from: "0.0.0.0/0")])
            n.inv.networkACLs.removeAll { $0.id == "acl-app" }
            n.acl("acl-app", vpc: "vpc-1", subnets: ["app-a", "app-b", "app-c"],
                  [(100, false, .all, .allow, "10.0.0.0/16", nil), (100, true, .all, .allow, "0.0.0.0/0", nil)])
            n.webNLB(type: type, targets: [(type == "ip" ? "10.0.11.10" : "app1", 5000, nil, "healthy")])
            let answer = try n.flow("internet", "app1", ports: PortSet(5000))
            if type == "instance" {
                #expect(answer.viaLoadBalancers.isEmpty)
                let blocker = try #require(answer.loadBalancerLegs.first?.blockers.first)
                #expect(blocker.kind == "nacl-ingress" && blocker.resource == "acl-app")
            } else {
                // ip target over TCP: the target sees the NLB's private address, which the NACL admits.
                #expect(answer.viaLoadBalancers.count == 1)
            }
        }
    }

    @Test("Client IP preservation: ip targets over TCP see the NLB's private addresses; the fix names all of them")
    func ipTargetOverTCP() throws {
        var n = app()
        n.webNLB(type: "ip", targets: [("10.0.11.10", 5000, nil, "healthy")])
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.count == 1)
        let leg = try #require(answer.loadBalancerLegs.first)
        #expect(!leg.clientIp.preserved && leg.clientIp.reason.contains("ip target over TCP"))
        let hop = try #require(leg.path.first { $0.kind == "load-balancer-client-ip" })
        #expect(hop.detail.contains("sees web-nlb's private address 10.0."))
        // A target group admitting another range only: blocked, and the fix names the NLB's addresses.
        n.inv.securityGroups[0].ingress = [.tcp(5000, from: "10.0.99.0/24")]
        let blocked = try n.flow("internet", "app1", ports: PortSet(5000))
        let blocker = try #require(blocked.loadBalancerLegs.first?.blockers.first)
        #expect(blocker.kind == "security-group-ingress" && blocker.fix.contains("10.0.1.4/32") && blocker.fix.contains("10.0.2.4/32"))
        #expect(blocker.fix.contains("client IP not preserved"))
    }

    @Test("Client IP preservation: the attribute preserve_client_ip.enabled turns it on for ip targets over TCP")
    func attributeTurnsPreservationOn() throws {
        var n = app()
        n.webNLB(type: "ip", targets: [("10.0.11.10", 5000, nil, "healthy")], tgAttributes: ["preserve_client_ip.enabled": "true"])
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.isEmpty)
        let leg = try #require(answer.loadBalancerLegs.first)
        #expect(leg.clientIp.preserved && leg.clientIp.reason.contains("preserve_client_ip.enabled = true"))
    }

    @Test("Client IP preservation: ip targets over UDP always see the client")
    func ipTargetOverUDP() throws {
        var n = app([SecurityGroupRule(ipProtocol: .udp, fromPort: 5000, toPort: 5000, peer: .cidr(IPPrefix("10.0.0.0/16")!))])
        n.webNLB(type: "ip", protocolName: "UDP", targets: [("10.0.11.10", 5000, nil, "healthy")])
        let answer = try n.flow("internet", "app1", .udp, ports: PortSet(5000))
        let leg = try #require(answer.loadBalancerLegs.first)
        #expect(leg.clientIp.preserved && leg.clientIp.reason.contains("over UDP") && !leg.reachable)
        // A UDP listener carries no TCP.
        #expect(try n.flow("internet", "app1", ports: PortSet(5000)).loadBalancerLegs.isEmpty)
    }

    @Test("Security groups for your Network Load Balancer: a target rule referencing the NLB's group admits clients even with client IP preserved")
    func referenceToNLBGroup() throws {
        var n = app([.tcp(5000, fromGroup: "sg-nlb")])
        n.securityGroup("sg-nlb", vpc: "vpc-1", ingress: [.tcp(80, from: "0.0.0.0/0")])
        n.webNLB(groups: ["sg-nlb"])
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.count == 1 && answer.loadBalancerLegs.first?.clientIp.preserved == true)
    }

    @Test("Client IP preservation: an ALB never preserves; its targets see its address and group, whatever the attribute")
    func albProxies() throws {
        var n = app([.tcp(5000, fromGroup: "sg-alb")])
        n.securityGroup("sg-alb", vpc: "vpc-1", ingress: [.tcp(80, from: "0.0.0.0/0")])
        n.loadBalancer("web-alb", type: "application", nodes: [("pub-a", "10.0.1.5"), ("pub-b", "10.0.2.5")], groups: ["sg-alb"],
                       listeners: [("HTTP", 80, "alb-tg")])
        n.targetGroup("alb-tg", protocolName: "HTTP", port: 5000, targets: [("app1", 5000, nil, "healthy")],
                      attributes: ["preserve_client_ip.enabled": "true"])
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.map(\.loadBalancer) == ["web-alb"])
        let leg = try #require(answer.loadBalancerLegs.first)
        #expect(!leg.clientIp.preserved && leg.clientIp.reason.contains("Application Load Balancer proxies"))
    }

    @Test("an internal NLB: no way in from the internet; from inside the VPC the instance target sees the client, an ip target the NLB")
    func internalNLB() throws {
        for type in ["instance", "ip"] {
            var n = app([.tcp(5000, from: "10.0.1.6/32")])
            n.loadBalancer("int-nlb", internetFacing: false, nodes: [("pub-a", "10.0.1.6")], listeners: [("TCP", 80, "int-tg")])
            n.targetGroup("int-tg", port: 5000, type: type, targets: [(type == "ip" ? "10.0.11.10" : "app1", 5000, nil, "healthy")])
            n.securityGroup("sg-client", vpc: "vpc-1", ingress: [])
            n.instance("client", subnet: "pub-a", ip: "10.0.1.30", groups: ["sg-client"])
            let inside = try n.flow("client", "app1", ports: PortSet(5000))
            #expect(!inside.reachable)
            if type == "ip" {
                #expect(inside.viaLoadBalancers.map(\.loadBalancer) == ["int-nlb"])
            } else {
                #expect(inside.viaLoadBalancers.isEmpty)
                let blocker = try #require(inside.loadBalancerLegs.first?.blockers.first)
                #expect(blocker.kind == "security-group-ingress" && blocker.detail.contains("10.0.1.30") && blocker.fix.contains("10.0.1.30/32"))
            }
            let outside = try n.flow("internet", "app1", ports: PortSet(5000))
            #expect(outside.viaLoadBalancers.isEmpty && outside.loadBalancerLegs.first?.blockers.first?.kind == "public-address")
        }
    }
}

@Suite("Client IP preservation across address families")
struct ClientIPFamilyTests {
    /// The app VPC made dual-stack: IPv6 blocks, local and ::/0 routes, open IPv6 NACLs, dual-stack NLB nodes;
    /// the app instance stays IPv4-only.
    private func dualStack(appIngress: [SecurityGroupRule]) -> NetBuilder {
        var n = loadBalancedApp(appIngress: appIngress)
        n.addIPv6(vpc: "vpc-1", "2600:1f18:1:2300::/56")
        n.addIPv6(subnet: "pub-a", "2600:1f18:1:2301::/64")
        n.addIPv6(subnet: "pub-b", "2600:1f18:1:2302::/64")
        for i in n.inv.routeTables.indices {
            n.inv.routeTables[i].routes.append(Route(destination: .cidr(IPPrefix("2600:1f18:1:2300::/56")!), target: .local))
            if n.inv.routeTables[i].id == "rtb-public" {
                n.inv.routeTables[i].routes.append(Route(destination: .cidr(IPPrefix("::/0")!), target: .internetGateway("igw-1")))
            }
        }
        n.inv.networkACLs.removeAll()
        n.openDualStackACL("acl-public", vpc: "vpc-1", subnets: ["pub-a", "pub-b"])
        n.openDualStackACL("acl-app", vpc: "vpc-1", subnets: ["app-a", "app-b", "app-c"])
        n.webNLB()
        for (i, v6) in ["2600:1f18:1:2301::4", "2600:1f18:1:2302::4"].enumerated() {
            if let k = n.inv.networkInterfaces.firstIndex(where: { $0.id == "eni-web-nlb-\(i)" }) { n.inv.networkInterfaces[k].ipv6Addresses = [v6] }
        }
        return n
    }

    @Test("Client IP preservation: an IPv4 instance target sees IPv4 clients as themselves and IPv6 clients as the NLB's address")
    func ipv6ClientsSeeTheLoadBalancer() throws {
        let n = dualStack(appIngress: [.tcp(5000, from: "203.0.113.0/24")])
        let front = try n.flow("internet", "web-nlb", ports: PortSet(80))
        #expect(QueryAnswer.sources(front.allowed.addresses).contains { $0.hasPrefix("::/0") })
        let leg = try #require(try n.flow("internet", "app1", ports: PortSet(5000)).loadBalancerLegs.first)
        #expect(leg.reachable && leg.sources == ["203.0.113.0/24"])
        let hop = try #require(leg.path.first { $0.kind == "load-balancer-client-ip" })
        #expect(hop.detail.contains("IPv6 clients are seen as web-nlb's private address"))
        // Admitting the VPC range lets every IPv6 client in (seen as the NLB), but no more IPv4 ones.
        var open = n
        open.inv.securityGroups[0].ingress.append(.tcp(5000, from: "10.0.0.0/16"))
        let wider = try #require(try open.flow("internet", "app1", ports: PortSet(5000)).loadBalancerLegs.first)
        #expect(!wider.path.contains { $0.detail.isEmpty })
        #expect(wider.sources?.first == "203.0.113.0/24" && wider.sources?.contains { $0.hasPrefix("::/0") } == true)
    }
}
