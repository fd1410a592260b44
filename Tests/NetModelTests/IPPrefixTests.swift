import Testing
@testable import NetModel

@Suite("IP addresses and CIDR blocks")
struct IPPrefixTests {
    @Test("IPv4 blocks parse, normalise host bits, and print back")
    func ipv4Parsing() throws {
        let p = try #require(IPPrefix("10.0.1.77/24"))
        #expect(p.description == "10.0.1.0/24")
        #expect(p.length == 24)
        #expect(p.isV4)
        #expect(IPPrefix("10.0.1.0/24") == p)
        #expect(IPPrefix("192.168.0.1")?.description == "192.168.0.1/32")
    }

    @Test("garbage is rejected", arguments: ["", "10.0.0.0/33", "10.0.0/24", "256.1.1.1/8", "10.0.0.0/-1", "abc", "1.2.3.4/x", "::1::2/64", "12345::/16"])
    func rejectsGarbage(text: String) {
        #expect(IPPrefix(text) == nil)
    }

    @Test("IPv6 blocks parse with :: compression and print in RFC 5952 form")
    func ipv6Parsing() throws {
        #expect(IPPrefix("::/0") == IPPrefix.anyV6)
        let p = try #require(IPPrefix("2600:1f18:0:0:0:0:0:1/56"))
        #expect(p.description == "2600:1f18::/56")
        #expect(IPAddress("2001:db8::1")?.description == "2001:db8::1")
        #expect(IPAddress("::ffff:10.0.0.1") == IPAddress("::ffff:a00:1"))
    }

    @Test("containment respects prefix length and family")
    func containment() throws {
        let vpc = try #require(IPPrefix("10.0.0.0/16"))
        #expect(vpc.contains(try #require(IPAddress("10.0.255.1"))))
        #expect(!vpc.contains(try #require(IPAddress("10.1.0.1"))))
        #expect(vpc.contains(try #require(IPPrefix("10.0.3.0/24"))))
        #expect(!(try #require(IPPrefix("10.0.3.0/24"))).contains(vpc))
        #expect(IPPrefix.anyV4.contains(try #require(IPAddress("203.0.113.9"))))
        #expect(!IPPrefix.anyV4.contains(try #require(IPAddress("2001:db8::1"))))
        #expect(try #require(IPPrefix("2001:db8::/32")).contains(try #require(IPAddress("2001:db8:ffff::1"))))
        #expect(try #require(IPPrefix("10.0.0.0/8")).overlaps(vpc))
    }

    @Test("prefixes round-trip through Codable as text")
    func codable() throws {
        let p = try #require(IPPrefix("172.31.0.0/16"))
        let data = try JSONEncoder().encode([p])
        #expect(String(decoding: data, as: UTF8.self) == #"["172.31.0.0\/16"]"#)
        #expect(try JSONDecoder().decode([IPPrefix].self, from: data) == [p])
    }
}

import Foundation
