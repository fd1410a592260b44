import NetModel
import Testing
@testable import Reachability

/// One VPC, a public subnet (IGW route) and a private one (NAT route), open NACLs.
private func base() -> NetBuilder {
    var n = NetBuilder()
    n.vpc("vpc-1", "10.1.0.0/16")
    n.subnet("subnet-pub", vpc: "vpc-1", "10.1.1.0/24")
    n.subnet("subnet-a", vpc: "vpc-1", "10.1.2.0/24")
    n.subnet("subnet-b", vpc: "vpc-1", "10.1.3.0/24")
    n.internetGateway("igw-1", vpc: "vpc-1")
    n.routeTable("rtb-pub", vpc: "vpc-1", subnets: ["subnet-pub"], routes: [("0.0.0.0/0", .internetGateway("igw-1"), .active)])
    n.routeTable("rtb-priv", vpc: "vpc-1", main: true, routes: [("0.0.0.0/0", .natGateway("nat-1"), .active)])
    n.openACL("acl-open", vpc: "vpc-1", subnets: ["subnet-pub", "subnet-a"])
    n.natGateway("nat-1", subnet: "subnet-pub", privateIp: "10.1.1.5", publicIp: "52.0.0.5")
    return n
}

@Suite("Addresses as endpoints")
struct AddressEndpointTests {
    @Test("two interfaces of one instance in different subnets cross both NACLs like any two hosts")
    func twoInterfacesOfOneInstance() throws {
        var n = base()
        // subnet-b's NACL admits SSH from subnet-a only when rule 90 is absent.
        n.acl("acl-b", vpc: "vpc-1", subnets: ["subnet-b"], [(90, false, .tcp, .deny, "10.1.2.0/24", PortRange(22, 22)),
                                                            (100, false, .all, .allow, "0.0.0.0/0", nil), (100, true, .all, .allow, "0.0.0.0/0", nil)])
        n.securityGroup("sg-host", vpc: "vpc-1", ingress: [.tcp(22, from: "10.1.0.0/16")])
        n.interface("eni-a", instance: "i-multi", subnet: "subnet-a", addresses: [("10.1.2.101", nil)], groups: ["sg-host"])
        n.interface("eni-b", instance: "i-multi", subnet: "subnet-b", addresses: [("10.1.3.102", nil)], groups: ["sg-host"])
        let answer = try n.flow("10.1.2.101", "10.1.3.102", ports: PortSet(22))
        #expect(answer.verdict == .blocked)
        #expect(answer.best.blockers.map(\.kind) == ["nacl-ingress"])
        #expect(answer.best.blockers[0].detail.contains("rule 90"))
        // The other way round the NACL of subnet-a admits everything.
        let back = try n.flow("10.1.3.102", "10.1.2.101", ports: PortSet(22))
        #expect(back.reachable && back.best.path.contains { $0.kind == "nacl-ingress" && $0.resource == "acl-open" })
    }

    @Test("a resource name still expands to all of its interfaces; the same resource twice is no pair")
    func resourceNameExpands() throws {
        var n = base()
        n.securityGroup("sg-host", vpc: "vpc-1", ingress: [])
        n.interface("eni-a", instance: "i-multi", subnet: "subnet-a", addresses: [("10.1.2.101", nil)], groups: ["sg-host"])
        n.interface("eni-b", instance: "i-multi", subnet: "subnet-b", addresses: [("10.1.3.102", nil)], groups: ["sg-host"])
        let s = n.solver
        let selection = try s.selector.resolve("i-multi")
        #expect(selection.groups.count == 1 && selection.groups[0].endpoints.map(\.id) == ["eni-a", "eni-b"])
        #expect(s.answer(from: selection, to: selection, proto: .tcp, ports: PortSet(22)).isEmpty)
    }

    @Test("two addresses of one interface: the packet stays on the host")
    func twoAddressesOfOneInterface() throws {
        var n = base()
        n.securityGroup("sg-host", vpc: "vpc-1", ingress: [])
        n.interface("eni-a", instance: "i-1", subnet: "subnet-a", addresses: [("10.1.2.10", nil), ("10.1.2.11", nil)], groups: ["sg-host"])
        let answer = try n.flow("10.1.2.10", "10.1.2.11", ports: PortSet(8080))
        #expect(answer.reachable)
        #expect(answer.best.path.map(\.kind) == ["same-interface"])
    }

    @Test("to its own public address: out through the internet gateway and back in with the public address as source (AWS Internet gateways)",
          arguments: [("54.1.1.1/32", true), ("10.1.0.0/16", false)])
    func ownPublicAddress(allowed: String, reachable: Bool) throws {
        var n = base()
        n.securityGroup("sg-web", vpc: "vpc-1", ingress: [.tcp(443, from: allowed)])
        n.interface("eni-web", instance: "web", subnet: "subnet-pub", addresses: [("10.1.1.20", "54.1.1.1")], groups: ["sg-web"])
        let answer = try n.flow("10.1.1.20", "54.1.1.1", ports: PortSet(443))
        #expect(answer.reachable == reachable)
        if reachable {
            let translation = try #require(answer.best.path.first { $0.kind == "address-translation" })
            #expect(translation.detail.contains("leaves as 54.1.1.1"))
        } else {
            #expect(answer.best.blockers.map(\.kind) == ["security-group-ingress"])
            #expect(answer.best.blockers[0].detail.contains("54.1.1.1"))
        }
    }

    @Test("a secondary private address is its own endpoint: it leaves with its own Elastic IP, or not at all")
    func secondaryAddressPublicMapping() throws {
        var n = base()
        n.securityGroup("sg-web", vpc: "vpc-1", ingress: [])
        n.interface("eni-web", instance: "web", subnet: "subnet-pub", addresses: [("10.1.1.20", "54.1.1.1"), ("10.1.1.21", nil)], groups: ["sg-web"])
        #expect(try n.flow("10.1.1.20", "internet", ports: PortSet(443)).reachable)
        let secondary = try n.flow("10.1.1.21", "internet", ports: PortSet(443))
        #expect(!secondary.reachable)
        #expect(secondary.best.blockers.contains { $0.kind == "route" && $0.detail.contains("has no public IP address") })
    }

    @Test("a NAT gateway's Elastic IP accepts no connections, from inside or from the internet (AWS NAT gateways)",
          arguments: ["10.1.2.50", "internet"])
    func natElasticIPAcceptsNothing(source: String) throws {
        var n = base()
        n.securityGroup("sg-app", vpc: "vpc-1", ingress: [])
        n.instance("app", subnet: "subnet-a", ip: "10.1.2.50", groups: ["sg-app"])
        let answer = try n.flow(source, "52.0.0.5", ports: PortSet(22))
        #expect(answer.verdict == .blocked)
        #expect(answer.best.blockers.contains { $0.kind == "nat-gateway" && $0.detail.contains("accepts no connections") })
    }

    @Test("another VPC's public address: out through the source's NAT gateway, in through the destination's internet gateway, seen as the NAT's address",
          arguments: [("52.0.0.5/32", true), ("10.1.0.0/16", false)])
    func crossVPCThroughPublicAddresses(allowed: String, reachable: Bool) throws {
        var n = base()
        n.vpc("vpc-2", "10.2.0.0/16")
        n.subnet("subnet-2", vpc: "vpc-2", "10.2.1.0/24")
        n.internetGateway("igw-2", vpc: "vpc-2")
        n.routeTable("rtb-2", vpc: "vpc-2", main: true, routes: [("0.0.0.0/0", .internetGateway("igw-2"), .active)])
        n.openACL("acl-2", vpc: "vpc-2", subnets: ["subnet-2"])
        n.securityGroup("sg-app", vpc: "vpc-1", ingress: [])
        n.securityGroup("sg-api", vpc: "vpc-2", ingress: [.tcp(443, from: allowed)])
        n.instance("app", subnet: "subnet-a", ip: "10.1.2.50", groups: ["sg-app"])
        n.instance("api", subnet: "subnet-2", ip: "10.2.1.10", groups: ["sg-api"], publicIp: "54.2.2.2")
        let answer = try n.flow("app", "54.2.2.2", ports: PortSet(443))
        #expect(answer.reachable == reachable)
        if reachable {
            let kinds = answer.best.path.map(\.kind)
            // Both legs: out through the NAT route, the translation, in through the internet gateway.
            #expect(kinds.firstIndex(of: "route") ?? 99 < kinds.firstIndex(of: "address-translation") ?? -1)
            #expect(kinds.firstIndex(of: "address-translation") ?? 99 < kinds.firstIndex(of: "internet-gateway") ?? -1)
            #expect(answer.best.path.contains { $0.kind == "address-translation" && $0.detail.contains("NAT gateway nat-1") })
        } else {
            #expect(answer.best.blockers.contains { $0.kind == "security-group-ingress" && $0.detail.contains("52.0.0.5") })
        }
    }
}

@Suite("Addresses nobody holds")
struct UnheldAddressTests {
    @Test("an address inside a VPC that no interface holds is an error naming the VPC, not a part of the internet")
    func unheldVPCAddress() throws {
        var n = NetBuilder()
        n.vpc("vpc-1", "10.1.0.0/16")
        #expect { try n.solver.selector.resolve("10.1.9.9") } throws: { error in
            guard case SelectorError.empty(_, let reason) = error else { return false }
            return reason.contains("vpc-1") && reason.contains("no interface")
        }
        n.subnet("subnet-a", vpc: "vpc-1", "10.1.1.0/24")
        #expect(try n.solver.selector.resolve("203.0.113.9").groups.first?.endpoints.first?.isInternet == true)
    }
}
