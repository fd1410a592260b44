import NetModel
import Testing
@testable import Reachability

@Suite("Load balancer cross-zone load balancing and target health")
struct LoadBalancerZoneHealthTests {
    /// The app instance open to every client on 5000, placed in `subnet`.
    private func app(in subnet: String) -> NetBuilder {
        var n = loadBalancedApp(appIngress: [.tcp(5000, from: "0.0.0.0/0")])
        n.inv.networkInterfaces[0].subnetId = subnet
        n.inv.instances[0].subnetId = subnet
        return n
    }

    @Test("Cross-zone load balancing: off by default on an NLB, a target in a zone without a node is unreachable through it")
    func offByDefault() throws {
        var n = app(in: "app-c")
        n.webNLB()
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.isEmpty)
        let leg = try #require(answer.loadBalancerLegs.first)
        #expect(!leg.crossZone && leg.blockers.map(\.kind) == ["load-balancer-cross-zone"])
        let blocker = leg.blockers[0]
        #expect(blocker.resource == "web-nlb" && blocker.detail.contains("us-east-1c") && blocker.detail.contains("no subnet"))
        #expect(blocker.fix.contains("load_balancing.cross_zone.enabled = true") && blocker.fix.contains("add a subnet in us-east-1c"))
    }

    @Test("Cross-zone load balancing: a target in a node's zone is reached, and the hop says the node sends within its zone")
    func sameZone() throws {
        var n = app(in: "app-a")
        n.webNLB()
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.count == 1)
        let hop = try #require(answer.loadBalancerLegs.first?.path.first { $0.kind == "load-balancer-target" })
        #expect(hop.detail.contains("cross-zone load balancing off") && hop.detail.contains("node in us-east-1a"))
    }

    @Test("Cross-zone load balancing: the load balancer attribute, or the target group's, turns it on", arguments: [
        (["load_balancing.cross_zone.enabled": "true"], nil, true),
        (nil, ["load_balancing.cross_zone.enabled": "true"], true),
        (["load_balancing.cross_zone.enabled": "true"], ["load_balancing.cross_zone.enabled": "false"], false),
        (["load_balancing.cross_zone.enabled": "true"], ["load_balancing.cross_zone.enabled": "use_load_balancer_configuration"], true),
    ] as [([String: String]?, [String: String]?, Bool)])
    func attributes(lb: [String: String]?, tg: [String: String]?, reachable: Bool) throws {
        var n = app(in: "app-c")
        n.webNLB(lbAttributes: lb, tgAttributes: tg)
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.isEmpty != reachable)
        let leg = try #require(answer.loadBalancerLegs.first)
        #expect(leg.crossZone == reachable)
        if !reachable {
            // Turned off by the target group: the fix names the target group.
            #expect(leg.blockers.first?.fix.contains("target group app-tg") == true)
            #expect(leg.blockers.first?.detail.contains("target group app-tg sets load_balancing.cross_zone.enabled = false") == true)
        }
    }

    @Test("Cross-zone load balancing: the target's own zone (Target.availabilityZone) counts over its subnet's")
    func targetZoneFromHealth() throws {
        var n = app(in: "app-a")
        n.webNLB(type: "ip", targets: [("10.0.11.10", 5000, "us-east-1c", "healthy")])
        n.inv.securityGroups[0].ingress = [.tcp(5000, from: "10.0.0.0/16")]
        #expect(try n.flow("internet", "app1", ports: PortSet(5000)).loadBalancerLegs.first?.blockers.map(\.kind) == ["load-balancer-cross-zone"])
        n.inv.targetGroups[0].targets[0].availabilityZone = "all"
        #expect(try n.flow("internet", "app1", ports: PortSet(5000)).viaLoadBalancers.count == 1)
    }

    @Test("Cross-zone load balancing: always on for an Application Load Balancer")
    func albAlwaysOn() throws {
        var n = app(in: "app-c")
        n.securityGroup("sg-alb", vpc: "vpc-1", ingress: [.tcp(80, from: "0.0.0.0/0")])
        n.loadBalancer("web-alb", type: "application", nodes: [("pub-a", "10.0.1.5"), ("pub-b", "10.0.2.5")], groups: ["sg-alb"],
                       listeners: [("HTTP", 80, "alb-tg")])
        n.targetGroup("alb-tg", protocolName: "HTTP", port: 5000, targets: [("app1", 5000, nil, "healthy")])
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.map(\.loadBalancer) == ["web-alb"] && answer.loadBalancerLegs.first?.crossZone == true)
        // "Cross-zone load balancing for target groups": an ALB's target group may still turn it off.
        n.inv.targetGroups[0].attributes = ["load_balancing.cross_zone.enabled": "false"]
        let off = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(off.viaLoadBalancers.isEmpty && off.loadBalancerLegs.first?.blockers.map(\.kind) == ["load-balancer-cross-zone"])
    }

    @Test("Health checks for your target groups: a route to a target that is not healthy says so", arguments: [
        ("unhealthy", "unhealthy"), ("draining", "draining"), ("unused", "unused"), ("initial", "initial health checks"),
    ])
    func unhealthyTarget(state: String, says: String) throws {
        var n = app(in: "app-a")
        n.webNLB(targets: [("app1", 5000, nil, state)])
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        let route = try #require(answer.viaLoadBalancers.first)
        #expect(route.notes.count == 1 && route.notes[0].contains(says) && route.notes[0].contains("app-tg"))
        #expect(answer.loadBalancerLegs.first?.targetHealth == state)
    }

    @Test("Health checks for your target groups: a healthy target's route carries no remark")
    func healthyTarget() throws {
        var n = app(in: "app-a")
        n.webNLB()
        #expect(try n.flow("internet", "app1", ports: PortSet(5000)).viaLoadBalancers.first?.notes == [])
    }

    @Test("an instance not registered in the target group is no route through the load balancer; the answer says which group it is not in")
    func unregistered() throws {
        var n = app(in: "app-a")
        n.instance("app2", subnet: "app-a", ip: "10.0.11.11", groups: ["sg-app"])
        n.webNLB()
        let answer = try n.flow("internet", "app2", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.isEmpty && answer.loadBalancerLegs.isEmpty)
        #expect(answer.best.notes.contains { $0.contains("target group app-tg, which app2 is not registered in") })
        // A port the target group doesn't serve: no remark.
        #expect(!(try n.flow("internet", "app2", ports: PortSet(22))).best.notes.contains { $0.contains("app-tg") })
    }

    @Test("a target group whose targets were not captured is unknown, not absent")
    func targetsUnknown() throws {
        var n = app(in: "app-a")
        n.webNLB(targets: [])
        n.inv.targetGroups[0].targetsKnown = false
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.isEmpty)
        let note = try #require(answer.best.notes.first { $0.contains("app-tg") })
        #expect(note.contains("not captured") && note.contains("unknown") && !note.contains("not registered"))
    }

    @Test("the tier matrix: the internet reaches the app through the NLB, whose missing security groups don't block it")
    func matrix() throws {
        var n = app(in: "app-a")
        n.webNLB()
        let s = n.solver
        let m = s.matrix(s.defaultTiers())
        #expect(m.cells.contains { $0.from == "internet" && $0.to == "web-nlb" && $0.ports == [[80, 80]] })
        #expect(m.cells.contains { $0.from == "internet" && $0.via == ["web-nlb"] && $0.ports.isEmpty })
    }
}

@Suite("Load balancer listeners and zones not in the snapshot")
struct LoadBalancerListenerTests {
    @Test("a listener carries only its protocol: UDP to a TCP listener's port is blocked by the listener")
    func listenerProtocol() throws {
        var n = loadBalancedApp()
        n.webNLB()
        #expect(try n.flow("internet", "web-nlb", .tcp, ports: PortSet(80)).reachable)
        let udp = try n.flow("internet", "web-nlb", .udp, ports: PortSet(80))
        #expect(!udp.reachable && udp.best.blockers.map(\.kind) == ["load-balancer-listener"])
        #expect(udp.best.blockers[0].detail.contains("TCP:80"))
    }

    @Test("Cross-zone load balancing off, zones unknown: the route stands and the answer says the zone was not checked")
    func zoneUnknown() throws {
        var n = loadBalancedApp(appIngress: [.tcp(5000, from: "0.0.0.0/0")])
        for i in n.inv.subnets.indices { n.inv.subnets[i].availabilityZone = nil }
        n.webNLB()
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        let route = try #require(answer.viaLoadBalancers.first)
        #expect(route.notes.contains { $0.contains("not in the snapshot: the zone was not checked") })
    }
}

@Suite("Load balancers in the tier matrix")
struct LoadBalancerMatrixTests {
    @Test("Cross-zone load balancing: with it off, the matrix has the NLB reach only the targets in its nodes' zones")
    func matrixCrossZone() throws {
        for on in [false, true] {
            var n = loadBalancedApp(appIngress: [.tcp(5000, from: "0.0.0.0/0")])
            n.instance("app3", subnet: "app-c", ip: "10.0.13.10", groups: ["sg-app"])
            n.webNLB(targets: [("app1", 5000, nil, "healthy"), ("app3", 5000, nil, "healthy")],
                     lbAttributes: on ? ["load_balancing.cross_zone.enabled": "true"] : nil)
            let s = n.solver
            let m = s.matrix(s.defaultTiers())
            #expect(m.cells.contains { $0.from == "web-nlb" && $0.to == "app1" && $0.ports == [[5000, 5000]] })
            #expect(m.cells.contains { $0.from == "web-nlb" && $0.to == "app3" } == on)
            #expect(m.cells.contains { $0.from == "internet" && $0.to == "app3" && $0.via == ["web-nlb"] } == on)
        }
    }
}

@Suite("Load balancer legs that can't be judged")
struct LoadBalancerUnknownTests {
    @Test("a target whose replies to the load balancer go to an appliance: the way through is unknown, not blocked")
    func applianceOnTheWay() throws {
        var n = loadBalancedApp(appIngress: [.tcp(5000, from: "0.0.0.0/0")])
        n.inv.routeTables[0].routes.append(Route(destination: .cidr(IPPrefix("10.0.0.0/20")!), target: .networkInterface("eni-firewall")))
        n.webNLB()
        let answer = try n.flow("internet", "app1", ports: PortSet(5000))
        #expect(answer.viaLoadBalancers.isEmpty)
        let leg = try #require(answer.loadBalancerLegs.first)
        #expect(leg.verdict == .unknown && leg.unknowns.contains { $0.contains("appliance") })
        #expect(answer.best.notes.contains { $0.hasPrefix("through web-nlb") && $0.contains("unknown") })
    }
}
