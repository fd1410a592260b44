import NetModel
import Testing
@testable import Reachability

@Suite("Questions and selectors")
struct QuerySpecTests {
    @Test("questions in words parse to source, destination, protocol and ports", arguments: [
        ("can ALB reach RDS:3306", "ALB", "RDS", IPProtocol.tcp, "3306"),
        ("can internet reach bastion:22?", "internet", "bastion", .tcp, "22"),
        ("internet -> AMI builder:22,5000", "internet", "AMI builder", .tcp, "22,5000"),
        ("can app reach db on udp/53", "app", "db", .udp, "53"),
        ("can web talk to db on port 5432-5433", "web", "db", .tcp, "5432-5433"),
        ("can web ping db", "web", "db", .icmp, ""),
        ("can 10.0.1.5 reach 10.0.2.0/24", "10.0.1.5", "10.0.2.0/24", .tcp, ""),
    ])
    func parse(question: String, from: String, to: String, proto: IPProtocol, ports: String) throws {
        let spec = try QuerySpec.parse(question)
        #expect(spec.from == from && spec.to == to && spec.proto == proto)
        #expect(spec.ports == (ports.isEmpty ? nil : try QuerySpec.parsePorts(ports)))
    }

    @Test("bad ports, protocols and questions are clear errors", arguments: ["70000", "22-", "a", "30-20"])
    func badPorts(text: String) {
        #expect(throws: QuerySpec.ParseError.self) { try QuerySpec.parsePorts(text) }
    }

    @Test("unreadable question")
    func badQuestion() {
        #expect { try QuerySpec.parse("hello") } throws: { "\($0)".contains("--from/--to") }
        #expect(throws: QuerySpec.ParseError.self) { try QuerySpec.parseProtocol("sctp") }
    }

    @Test("names resolve case-insensitively, by part, and ambiguity lists the candidates")
    func selectors() throws {
        var n = NetBuilder()
        n.vpc("vpc-1", "10.0.0.0/16")
        n.subnet("subnet-a", vpc: "vpc-1", "10.0.1.0/24")
        n.routeTable("rtb", vpc: "vpc-1", main: true)
        n.securityGroup("sg-web", vpc: "vpc-1", ingress: [])
        n.instance("web-1", subnet: "subnet-a", ip: "10.0.1.5", groups: ["sg-web"])
        n.instance("web-2", subnet: "subnet-a", ip: "10.0.1.6", groups: ["sg-web"])
        n.instance("db-main", subnet: "subnet-a", ip: "10.0.1.7", groups: [])
        let selector = n.solver.selector
        #expect(try selector.resolve("WEB-1").groups.map(\.resource) == ["web-1"])
        #expect(try selector.resolve("sg-web").groups.count == 2)
        // An address is its own endpoint: the group is the resource at that address.
        #expect(try selector.resolve("10.0.1.7").groups.map(\.resource) == ["db-main@10.0.1.7"])
        #expect(try selector.resolve("10.0.1.7").groups.flatMap(\.endpoints).map(\.resourceId) == ["db-main"])
        #expect(try selector.resolve("db").groups.map(\.resource) == ["db-main"])
        #expect { try selector.resolve("web") } throws: { error in
            guard case SelectorError.ambiguous(_, let candidates) = error else { return false }
            return candidates.contains("instance web-1") && candidates.contains("instance web-2")
        }
        #expect { try selector.resolve("nosuch") } throws: { "\($0)".contains("matches nothing") && "\($0)".contains("web-1") }
        #expect { try selector.resolve("rds") } throws: { "\($0)".contains("none of") }
        let outside = try selector.resolve("198.51.100.7")
        #expect(outside.groups[0].endpoints[0].isInternet)
    }
}

@Suite("Port sets never trap")
struct PortSetSafetyTests {
    @Test("a reversed or out-of-range port range is empty or clamped, never a trap", arguments: [
        (PortRange(443, 80), "no ports"), (PortRange(70000, 80000), "no ports"), (PortRange(-5, 22), "0-22"), (PortRange(65530, 70000), "65530-65535"),
    ])
    func reversed(range: PortRange, expected: String) {
        #expect(PortSet(range).description == expected)
    }
}
