import NetModel
import Testing
@testable import Reachability

/// One VPC with two subnets, an app instance in each; NACLs and routes vary per test.
private func twoSubnets(aclA: ((inout NetBuilder) -> Void)? = nil, aclB: ((inout NetBuilder) -> Void)? = nil) -> NetBuilder {
    var n = NetBuilder()
    n.vpc("vpc-1", "10.0.0.0/16")
    n.subnet("subnet-a", vpc: "vpc-1", "10.0.1.0/24")
    n.subnet("subnet-b", vpc: "vpc-1", "10.0.2.0/24")
    n.routeTable("rtb-main", vpc: "vpc-1", main: true)
    n.securityGroup("sg-client", vpc: "vpc-1", ingress: [])
    n.securityGroup("sg-server", vpc: "vpc-1", ingress: [.tcp(22, fromGroup: "sg-client"), .tcp(443, from: "10.0.0.0/16")])
    n.instance("client", subnet: "subnet-a", ip: "10.0.1.10", groups: ["sg-client"])
    n.instance("server", subnet: "subnet-b", ip: "10.0.2.20", groups: ["sg-server"])
    if let aclA { aclA(&n) } else { n.openACL("acl-a", vpc: "vpc-1", subnets: ["subnet-a"]) }
    if let aclB { aclB(&n) } else { n.openACL("acl-b", vpc: "vpc-1", subnets: ["subnet-b"]) }
    return n
}

@Suite("Security groups, NACLs and routes")
struct NetworkRulesTests {
    @Test("security groups are stateful and match SG references and CIDRs; the open ports are listed")
    func securityGroups() throws {
        let n = twoSubnets()
        let answer = try n.flow("client", "server")
        #expect(answer.reachable && answer.allowed.ports == PortSet([PortRange(22, 22), PortRange(443, 443)]))
        let back = try n.flow("server", "client", ports: PortSet(22))
        #expect(!back.reachable)
        #expect(back.best.blockers.map(\.kind) == ["security-group-ingress"])
        #expect(back.best.blockers[0].fix.contains("sg-client"))
    }

    @Test("NACLs apply across subnets but not between interfaces of one subnet")
    func sameSubnetBypass() throws {
        let denyAll: (inout NetBuilder) -> Void = { n in
            n.acl("acl-a", vpc: "vpc-1", subnets: ["subnet-a"], [(100, false, .all, .deny, "0.0.0.0/0", nil), (100, true, .all, .deny, "0.0.0.0/0", nil)])
        }
        var n = twoSubnets(aclA: denyAll)
        #expect(!(try n.flow("client", "server", ports: PortSet(22))).reachable)
        n.instance("neighbour", subnet: "subnet-a", ip: "10.0.1.11", groups: ["sg-server"])
        let same = try n.flow("client", "neighbour", ports: PortSet(22))
        #expect(same.reachable)
        #expect(!same.best.path.contains { $0.kind.hasPrefix("nacl") })
    }

    @Test("NACL entries are evaluated by rule number, first match wins", arguments: [(100, 200, false), (200, 100, true)])
    func ruleOrder(denyNumber: Int, allowNumber: Int, reachable: Bool) throws {
        let n = twoSubnets(aclB: { n in
            // Listed out of order on purpose: evaluation must sort by number.
            n.acl("acl-b", vpc: "vpc-1", subnets: ["subnet-b"], [
                (32767, false, .all, .deny, "0.0.0.0/0", nil),
                (allowNumber, false, .all, .allow, "0.0.0.0/0", nil),
                (denyNumber, false, .tcp, .deny, "10.0.1.0/24", PortRange(22, 22)),
                (100, true, .all, .allow, "0.0.0.0/0", nil),
            ])
        })
        let answer = try n.flow("client", "server", ports: PortSet(22))
        #expect(answer.reachable == reachable)
        if !reachable {
            #expect(answer.best.blockers.map(\.kind) == ["nacl-ingress"])
            #expect(answer.best.blockers[0].detail.contains("rule \(denyNumber)"))
            #expect(answer.best.blockers[0].fix.contains("below \(denyNumber)"))
        }
    }

    @Test("return traffic to ephemeral ports is blocked by a client NACL that lets in only port 22")
    func ephemeralReturn() throws {
        let inboundOnly22: (inout NetBuilder) -> Void = { n in
            n.acl("acl-a", vpc: "vpc-1", subnets: ["subnet-a"], [
                (100, false, .tcp, .allow, "0.0.0.0/0", PortRange(22, 22)),
                (100, true, .all, .allow, "0.0.0.0/0", nil),
            ])
        }
        let n = twoSubnets(aclA: inboundOnly22)
        let answer = try n.flow("client", "server", ports: PortSet(22))
        #expect(!answer.reachable)
        #expect(answer.best.blockers.map(\.kind) == ["nacl-return-ingress"])
        #expect(answer.best.blockers[0].detail.contains("1024-65535"))
        // The same NACL on the server side is fine: it lets the request in, replies go out.
        let served = try twoSubnets(aclB: { n in
            n.acl("acl-b", vpc: "vpc-1", subnets: ["subnet-b"], [
                (100, false, .tcp, .allow, "0.0.0.0/0", PortRange(22, 22)), (100, true, .all, .allow, "0.0.0.0/0", nil)])
        }).flow("client", "server", ports: PortSet(22))
        #expect(served.reachable)
        // A configurable ephemeral range changes the verdict.
        var narrow = n
        narrow.inv.networkACLs[0].entries.append(NetworkACLEntry(ruleNumber: 110, egress: false, ipProtocol: .tcp, action: .allow,
                                                                 cidr: .anyV4, portRange: PortRange(32768, 60999)))
        let linux = Solver(inventory: narrow.inv, options: FlowOptions(ephemeralPorts: PortRange(32768, 60999)))
        let pairs = linux.answer(from: try linux.selector.resolve("client"), to: try linux.selector.resolve("server"), proto: .tcp, ports: PortSet(22))
        #expect(pairs[0].reachable)
    }

    @Test("a subnet without an explicit association uses the VPC's main route table")
    func mainTableFallback() throws {
        var n = NetBuilder()
        n.vpc("vpc-1", "10.0.0.0/16")
        n.subnet("subnet-pub", vpc: "vpc-1", "10.0.1.0/24")
        n.subnet("subnet-priv", vpc: "vpc-1", "10.0.2.0/24")
        n.internetGateway("igw-1", vpc: "vpc-1")
        n.routeTable("rtb-main", vpc: "vpc-1", main: true, routes: [("0.0.0.0/0", .internetGateway("igw-1"), .active)])
        n.routeTable("rtb-private", vpc: "vpc-1", subnets: ["subnet-priv"])
        n.openACL("acl-1", vpc: "vpc-1", subnets: ["subnet-pub", "subnet-priv"])
        n.securityGroup("sg-web", vpc: "vpc-1", ingress: [.tcp(443, from: "0.0.0.0/0")])
        n.instance("web", subnet: "subnet-pub", ip: "10.0.1.5", groups: ["sg-web"], publicIp: "54.0.0.5")
        n.instance("hidden", subnet: "subnet-priv", ip: "10.0.2.5", groups: ["sg-web"], publicIp: "54.0.0.6")
        let web = try n.flow("internet", "web", ports: PortSet(443))
        #expect(web.reachable && web.best.path.contains { $0.detail.contains("(main route table)") })
        let hidden = try n.flow("internet", "hidden", ports: PortSet(443))
        #expect(!hidden.reachable && hidden.best.blockers.map(\.kind) == ["route-return"])
    }

    @Test("a blackhole route more specific than the internet gateway route drops those clients")
    func blackholeMoreSpecific() throws {
        var n = NetBuilder()
        n.vpc("vpc-1", "10.0.0.0/16")
        n.subnet("subnet-pub", vpc: "vpc-1", "10.0.1.0/24")
        n.internetGateway("igw-1", vpc: "vpc-1")
        n.routeTable("rtb-pub", vpc: "vpc-1", main: true, routes: [
            ("0.0.0.0/0", .internetGateway("igw-1"), .active), ("203.0.113.0/24", .vpcPeering("pcx-gone"), .blackhole)])
        n.openACL("acl-1", vpc: "vpc-1", subnets: ["subnet-pub"])
        n.securityGroup("sg-ssh", vpc: "vpc-1", ingress: [.tcp(22, from: "0.0.0.0/0")])
        n.instance("bastion", subnet: "subnet-pub", ip: "10.0.1.5", groups: ["sg-ssh"], publicIp: "54.0.0.5")
        let world = try n.flow("internet", "bastion", ports: PortSet(22))
        #expect(world.reachable)
        #expect(!world.allowed.addresses.contains(IPAddress("203.0.113.7")!) && world.allowed.addresses.contains(IPAddress("198.51.100.7")!))
        let office = try n.flow("203.0.113.7", "bastion", ports: PortSet(22))
        #expect(!office.reachable)
        #expect(office.best.blockers.count == 1 && office.best.blockers[0].detail.contains("blackhole"))
    }

    @Test("a route to an appliance is reported as unknown, never guessed")
    func applianceUnknown() throws {
        var n = twoSubnets()
        n.inv.routeTables[0].routes.append(Route(destination: .cidr(IPPrefix("10.0.2.0/24")!), target: .networkInterface("eni-firewall")))
        let answer = try n.flow("client", "server", ports: PortSet(22))
        #expect(!answer.reachable && answer.best.unknowns.count == 1 && answer.best.unknowns[0].contains("appliance"))
    }

    @Test("ICMP echo follows SG icmp rules and NACL protocol 1")
    func ping() throws {
        var n = twoSubnets()
        n.inv.securityGroups[1].ingress.append(SecurityGroupRule(ipProtocol: .icmp, fromPort: 8, toPort: -1, peer: .cidr(IPPrefix("10.0.1.0/24")!)))
        #expect(try n.flow("client", "server", .icmp).reachable)
        #expect(!(try n.flow("server", "client", .icmp)).reachable)
        n.inv.networkACLs[1].entries.insert(NetworkACLEntry(ruleNumber: 50, egress: false, ipProtocol: .icmp, action: .deny, cidr: .anyV4), at: 0)
        let denied = try n.flow("client", "server", .icmp)
        #expect(!denied.reachable && denied.best.blockers.map(\.kind) == ["nacl-ingress"])
    }
}
