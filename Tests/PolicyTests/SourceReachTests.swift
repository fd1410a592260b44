import Findings
import NetModel
import Testing
@testable import Policy

/// Exposure graded by who can reach: the whole internet, or a few fixed ranges.
@Suite("Severity by who can reach")
struct SourceReachTests {
    /// The workshop with the bastion's SSH rule narrowed from 0.0.0.0/0 to `cidr`.
    static func workshop(bastionSSHFrom cidr: String) throws -> Inventory {
        var inv = try WorkshopScanTests.sample("workshop")
        let bastion = try #require(inv.instances.first { $0.tags.name == "demo-app-bastion-host" })
        for g in inv.securityGroups.indices where bastion.securityGroupIds.contains(inv.securityGroups[g].id) {
            for r in inv.securityGroups[g].ingress.indices where inv.securityGroups[g].ingress[r].fromPort == 22 {
                inv.securityGroups[g].ingress[r].peer = .cidr(try #require(IPPrefix(cidr)))
            }
        }
        return inv
    }

    static func bastionSSH(_ result: ScanResult) -> Finding? {
        result.findings.first { $0.ruleId == "internet-exposed-port" && $0.resource.name == "demo-app-bastion-host" && $0.title.hasPrefix("tcp/22") }
    }

    @Test("SSH open to one office range is low, titled by how many addresses reach it, never 'anywhere'")
    func officeRange() throws {
        let f = try #require(Self.bastionSSH(try WorkshopScanTests.scan(try Self.workshop(bastionSSHFrom: "203.0.113.0/24"))))
        #expect(f.severity == .low)
        #expect(f.title == "tcp/22 (SSH) on demo-app-bastion-host (\(f.resource.id)) is reachable from 256 addresses (203.0.113.0/24)")
        #expect(!f.evidence.contains { $0.contains("anywhere") })
        #expect(f.fix.summary.contains("trusted_ranges"))
    }

    @Test("a range wider than /8 counts as the internet: critical as for 0.0.0.0/0")
    func wideRange() throws {
        let f = try #require(Self.bastionSSH(try WorkshopScanTests.scan(try Self.workshop(bastionSSHFrom: "64.0.0.0/2"))))
        #expect(f.severity == .critical && f.title.hasSuffix("is reachable from the internet"))
    }

    @Test("trusted_ranges covering every source: no finding; the world-open case still reports")
    func trustedRanges() throws {
        var policy = PolicyFile()
        policy.trustedRanges = [try #require(IPPrefix("203.0.112.0/23"))]
        #expect(Self.bastionSSH(try WorkshopScanTests.scan(try Self.workshop(bastionSSHFrom: "203.0.113.0/24"), policy: policy)) == nil)
        #expect(Self.bastionSSH(try WorkshopScanTests.scan(try WorkshopScanTests.sample("workshop"), policy: policy))?.severity == .critical)
    }
}
