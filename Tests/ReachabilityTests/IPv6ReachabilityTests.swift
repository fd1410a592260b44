import NetModel
import Testing
@testable import Reachability

/// A dual-stack VPC with one subnet whose IPv6 default route goes to `v6Target`, and a host with an IPv6
/// address but no public IPv4 whose security group opens RDP to `rdpFrom`.
private func dualStack(v6Target: RouteTarget, rdpFrom: String = "::/0") -> NetBuilder {
    var n = NetBuilder()
    n.vpc("vpc-6", "10.6.0.0/16")
    n.addIPv6(vpc: "vpc-6", "2600:1f18:1:2300::/56")
    n.subnet("subnet-6", vpc: "vpc-6", "10.6.1.0/24")
    n.addIPv6(subnet: "subnet-6", "2600:1f18:1:2301::/64")
    n.internetGateway("igw-6", vpc: "vpc-6")
    n.egressOnlyGateway("eigw-6", vpc: "vpc-6")
    n.routeTable("rtb-6", vpc: "vpc-6", main: true, routes: [("::/0", v6Target, .active)])
    n.openDualStackACL("acl-6", vpc: "vpc-6", subnets: ["subnet-6"])
    n.securityGroup("sg-win", vpc: "vpc-6", ingress: [.tcp(3389, from: rdpFrom)],
                    egress: [SecurityGroupRule(ipProtocol: .all, peer: .cidr(.anyV4)), SecurityGroupRule(ipProtocol: .all, peer: .cidr(.anyV6))])
    n.interface("eni-win", instance: "win", subnet: "subnet-6", addresses: [("10.6.1.10", nil)], ipv6: ["2600:1f18:1:2301::10"], groups: ["sg-win"])
    return n
}

@Suite("IPv6 reachability")
struct IPv6ReachabilityTests {
    @Test("an IPv6 address is reachable from the internet without any public IPv4: ::/0 to an internet gateway, NACL and SG IPv6 entries (AWS IPv6 addressing; Security group rules)")
    func inboundWithoutPublicIPv4() throws {
        let answer = try dualStack(v6Target: .internetGateway("igw-6")).flow("internet", "win", ports: PortSet(3389))
        #expect(answer.verdict == .reachable)
        // Every IPv6 client but the VPC's own block (routed locally, so never an internet client).
        #expect(QueryAnswer.sources(answer.allowed.addresses) == ["::/0 except 2600:1f18:1:2300::/56"])
        let address = try #require(answer.best.path.first { $0.kind == "public-address" })
        #expect(address.detail.contains("IPv6 address 2600:1f18:1:2301::10"))
        #expect(!address.detail.contains("public address"))
    }

    @Test("an egress-only internet gateway lets connections out and replies in, never connections from the internet (AWS Egress-only internet gateways)")
    func egressOnlyGateway() throws {
        let n = dualStack(v6Target: .egressOnlyInternetGateway("eigw-6"))
        let inbound = try n.flow("internet", "win", ports: PortSet(3389))
        #expect(inbound.verdict == .blocked)
        #expect(inbound.best.blockers.contains { $0.kind == "route-return" && $0.detail.contains("egress-only") })
        let outbound = try n.flow("win", "internet", ports: PortSet(443))
        #expect(outbound.reachable)
        #expect(QueryAnswer.sources(outbound.allowed.addresses) == ["::/0 except 2600:1f18:1:2300::/56"])
        #expect(outbound.best.path.contains { $0.kind == "route" && $0.detail.contains("egress-only") })
    }

    @Test("a rule open to 0.0.0.0/0 only does not admit IPv6 clients")
    func ipv4RuleDoesNotAdmitIPv6() throws {
        let answer = try dualStack(v6Target: .internetGateway("igw-6"), rdpFrom: "0.0.0.0/0").flow("internet", "win", ports: PortSet(3389))
        #expect(!answer.reachable)
        #expect(answer.best.blockers.map(\.kind).contains("security-group-ingress"))
    }

    @Test("IPv4 clients still need a public IPv4 address: with one the answer names it, not the IPv6 address")
    func ipv4StillNeedsPublicAddress() throws {
        var n = dualStack(v6Target: .internetGateway("igw-6"), rdpFrom: "0.0.0.0/0")
        n.inv.routeTables[0].routes.append(Route(destination: .cidr(.anyV4), target: .internetGateway("igw-6")))
        #expect(!(try n.flow("internet", "win", ports: PortSet(3389))).reachable)
        n.inv.networkInterfaces[0].privateAddresses[0].publicIp = "54.6.6.6"
        let answer = try n.flow("internet", "win", ports: PortSet(3389))
        #expect(answer.reachable && QueryAnswer.sources(answer.allowed.addresses) == ["0.0.0.0/0"])
        #expect(answer.best.path.first { $0.kind == "public-address" }?.detail.contains("54.6.6.6") == true)
    }

    @Test("an IPv6-only host reaches a dual-stack one over the local IPv6 route; selecting an IPv6 address asks about IPv6")
    func privateIPv6() throws {
        var n = dualStack(v6Target: .internetGateway("igw-6"))
        n.securityGroup("sg-v6", vpc: "vpc-6", ingress: [], egress: [SecurityGroupRule(ipProtocol: .all, peer: .cidr(.anyV6))])
        n.interface("eni-v6only", instance: "v6only", subnet: "subnet-6", addresses: [], ipv6: ["2600:1f18:1:2301::20"], groups: ["sg-v6"])
        let answer = try n.flow("v6only", "win", ports: PortSet(3389))
        #expect(answer.reachable)
        #expect(answer.best.path.contains { $0.kind == "security-group-ingress" && $0.detail.contains("::/0") })
        let byAddress = try n.flow("2600:1f18:1:2301::20", "2600:1f18:1:2301::10", ports: PortSet(3389))
        #expect(byAddress.reachable)
    }

    @Test("an address inside a delegated IPv6 prefix selects the interface (Ipv6Prefixes)")
    func delegatedPrefix() throws {
        var n = dualStack(v6Target: .internetGateway("igw-6"))
        n.interface("eni-k8s", instance: "node", subnet: "subnet-6", addresses: [("10.6.1.30", nil)],
                    ipv6Prefixes: ["2600:1f18:1:2301:a::/80"], groups: ["sg-win"])
        let answer = try n.flow("internet", "2600:1f18:1:2301:a::77", ports: PortSet(3389))
        #expect(answer.reachable)
        #expect(answer.from.isInternet && answer.to.interfaceId == "eni-k8s")
    }
}
