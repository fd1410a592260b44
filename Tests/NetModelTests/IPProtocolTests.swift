import Testing
import NetModel

@Suite("Protocols and port ranges")
struct IPProtocolTests {
    @Test("every AWS spelling of a protocol normalises to one case")
    func spellings() {
        #expect(IPProtocol(aws: "-1") == .all)
        #expect(IPProtocol(aws: "tcp") == .tcp)
        #expect(IPProtocol(aws: "6") == .tcp)
        #expect(IPProtocol(aws: "UDP") == .udp)
        #expect(IPProtocol(aws: "1") == .icmp)
        #expect(IPProtocol(aws: "58") == .icmpv6)
        #expect(IPProtocol(aws: "50") == .number(50))
        #expect(IPProtocol(aws: "300") == nil)
        #expect(IPProtocol(aws: "tcpp") == nil)
    }

    @Test("protocol all admits everything; tcp admits only tcp")
    func admits() {
        #expect(IPProtocol.all.admits(.udp))
        #expect(IPProtocol.tcp.admits(.tcp))
        #expect(!IPProtocol.tcp.admits(.udp))
    }

    @Test("security group rule port ranges follow AWS conventions")
    func rulePorts() throws {
        let peer = RulePeer.cidr(try #require(IPPrefix("0.0.0.0/0")))
        #expect(SecurityGroupRule(ipProtocol: .tcp, fromPort: 22, toPort: 22, peer: peer).portRange == PortRange(22, 22))
        #expect(SecurityGroupRule(ipProtocol: .all, peer: peer).portRange == .all)
        #expect(SecurityGroupRule(ipProtocol: .icmp, fromPort: 8, toPort: -1, peer: peer).portRange == nil)
        #expect(PortRange(1000, 2000).clamped(to: PortRange(1500, 3000)) == PortRange(1500, 2000))
        #expect(PortRange(1, 2).clamped(to: PortRange(3, 4)) == nil)
    }

    @Test("Block Public Access levels combine switch by switch")
    func publicAccessBlock() {
        let account = PublicAccessBlock(blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false)
        let bucket = PublicAccessBlock(blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false)
        let both = account.combined(with: bucket)
        #expect(both.blockPublicAcls && both.blockPublicPolicy && !both.ignorePublicAcls && !both.restrictPublicBuckets)
        #expect(account.combined(with: nil) == account)
    }
}
