import Findings
import Foundation
import NetModel
import Testing
@testable import Policy

/// `internet-exposed-port` reports one finding per opening rule, listing every resource it exposes.
@Suite("internet-exposed-port grouped by the rule that opens it")
struct InternetExposedPortTests {
    /// The workshop with `extra` more instances like the bastion host: in its subnet, with its security group and a public address.
    static func bastions(_ extra: Int) throws -> (Inventory, String) {
        var inv = try WorkshopScanTests.sample("workshop")
        let bastion = try #require(inv.instances.first { $0.tags.name == "demo-app-bastion-host" })
        let eni = try #require(inv.networkInterfaces.first { $0.owner == .instance(bastion.id) })
        for n in 0..<extra {
            var i = bastion, e = eni
            i.id = "i-bastion\(n)"
            i.tags = ["Name": "bastion-\(n)"]
            e.id = "eni-bastion\(n)"
            e.owner = .instance(i.id)
            e.privateAddresses = [PrivateAddress(address: "10.0.1.\(200 + n)", publicIp: "198.51.100.\(10 + n)")]
            i.networkInterfaceIds = [e.id]
            inv.instances.append(i)
            inv.networkInterfaces.append(e)
        }
        return (inv, try #require(eni.securityGroupIds.first))
    }

    static func ssh(_ result: ScanResult, group: String) -> [Finding] {
        result.findings.filter { $0.ruleId == "internet-exposed-port" && $0.cause?.resourceId == group && $0.title.hasPrefix("tcp/22") }
    }

    @Test("SSH open to the world on the bastion group is one critical finding naming every instance it exposes")
    func oneFindingPerRule() throws {
        let (inv, group) = try Self.bastions(4)
        let ssh = Self.ssh(try WorkshopScanTests.scan(inv), group: group)
        let f = try #require(ssh.first)
        #expect(ssh.count == 1)
        #expect(f.severity == .critical && f.resources.count == 5)
        #expect(Set(f.resources.compactMap(\.name)) == ["demo-app-bastion-host", "bastion-0", "bastion-1", "bastion-2", "bastion-3"])
        #expect(f.cause?.id == "\(group):ingress:tcp/22:0.0.0.0/0")
        #expect(f.id == Fingerprint.of("internet-exposed-port", "\(group):ingress:tcp/22:0.0.0.0/0"))
        #expect(f.title.hasPrefix("tcp/22 (SSH) is reachable from the internet through ") && f.title.contains("on 5 resources: "))
        #expect(f.evidence.first?.hasPrefix("cause: \(group) (") == true)
        #expect(f.fix.cli?.contains("revoke-security-group-ingress --region us-east-1 --group-id \(group)") == true)
    }

    @Test("the finding keeps its fingerprint however many resources the rule exposes")
    func fingerprintIndependentOfMembers() throws {
        let one = Self.ssh(try WorkshopScanTests.scan(try Self.bastions(0).0), group: try Self.bastions(0).1)
        let many = Self.ssh(try WorkshopScanTests.scan(try Self.bastions(3).0), group: try Self.bastions(3).1)
        #expect(one.count == 1 && many.count == 1 && one.first?.id == many.first?.id)
    }

    @Test("--group-by resource keeps one finding per instance, with the per-resource fingerprints the group lists")
    func groupByResource() throws {
        let (inv, group) = try Self.bastions(4)
        let perResource = try RuleEngine.scan(inv, policy: PolicyFile(), source: "test", today: "2026-11-23", groupBy: .resource)
        let each = Self.ssh(perResource, group: group)
        #expect(each.count == 5 && each.allSatisfy { $0.members.count == 1 && $0.members[0].id == $0.id })
        let grouped = try #require(Self.ssh(try WorkshopScanTests.scan(inv), group: group).first)
        #expect(Set(grouped.members.map(\.id)) == Set(each.map(\.id)))
        #expect(each.allSatisfy { $0.id == Fingerprint.of("internet-exposed-port", $0.resource.id, "tcp/22") })
    }

    /// A policy suppressing the finding on `bastion-1` alone.
    static func suppressingBastion1() throws -> PolicyFile {
        var policy = PolicyFile()
        policy.suppressions = [try Suppression(ruleId: "internet-exposed-port", resource: "bastion-1", reason: "scheduled for removal")]
        return policy
    }

    @Test("a suppression of one instance takes it out of the group; the rest still gate as one finding")
    func suppressOneResource() throws {
        let (inv, group) = try Self.bastions(2)
        let ssh = Self.ssh(try WorkshopScanTests.scan(inv, policy: try Self.suppressingBastion1()), group: group)
        let open = try #require(ssh.first { $0.suppression == nil })
        #expect(ssh.count == 2)
        #expect(open.resources.count == 2 && !open.resources.contains { $0.name == "bastion-1" })
        let suppressed = try #require(ssh.first { $0.suppression?.isActive == true })
        #expect(suppressed.resources.map(\.name) == ["bastion-1"] && suppressed.id == Fingerprint.of("internet-exposed-port", "i-bastion1", "tcp/22"))
    }

    @Test("a suppression naming the opening rule's security group silences the whole group")
    func suppressByGroup() throws {
        let (inv, group) = try Self.bastions(2)
        var policy = PolicyFile()
        policy.suppressions = [try Suppression(ruleId: "internet-exposed-port", resource: group, reason: "lab")]
        let ssh = Self.ssh(try WorkshopScanTests.scan(inv, policy: policy), group: group)
        #expect(ssh.count == 1 && ssh.first?.resources.count == 3 && ssh.first?.suppression?.isActive == true)
    }

    @Test("a rule open only to one office range is the cause too: one low finding for every instance it reaches")
    func narrowRangeGrouped() throws {
        var (inv, group) = try Self.bastions(2)
        let g = try #require(inv.securityGroups.firstIndex { $0.id == group })
        for r in inv.securityGroups[g].ingress.indices where inv.securityGroups[g].ingress[r].fromPort == 22 {
            inv.securityGroups[g].ingress[r].peer = .cidr(IPPrefix("203.0.113.0/24")!)
        }
        let ssh = Self.ssh(try WorkshopScanTests.scan(inv), group: group)
        #expect(ssh.count == 1 && ssh.first?.severity == .low && ssh.first?.resources.count == 3)
        #expect(ssh.first?.cause?.id == "\(group):ingress:tcp/22:203.0.113.0/24")
        #expect(ssh.first?.title.hasPrefix("tcp/22 (SSH) is reachable from 256 addresses (203.0.113.0/24) through ") == true)
        // The fix names the rule every listed instance shares, not one of them.
        #expect(ssh.first?.fix.summary.hasPrefix("If 203.0.113.0/24 should reach tcp/22 (SSH) through \(group) (") == true, "\(ssh.first?.fix.summary ?? "")")
    }

    @Test("the path is worked out for every finding reported: a group's first member, a suppressed member, each per-resource finding")
    func pathEvidenceOfReportedFindings() throws {
        let (inv, group) = try Self.bastions(2)
        let grouped = Self.ssh(try WorkshopScanTests.scan(inv, policy: try Self.suppressingBastion1()), group: group)
        let perResource = Self.ssh(try RuleEngine.scan(inv, policy: PolicyFile(), source: "test", today: "2026-11-23", groupBy: .resource), group: group)
        #expect(grouped.count == 2 && perResource.count == 3)
        for f in grouped + perResource {
            #expect(f.evidence.contains { $0.hasPrefix("security-group-ingress: \(group) ") }, "\(f.resource.id): \(f.evidence)")
            #expect(f.evidence.contains { $0.hasPrefix("internet-gateway: ") })
            #expect(!f.evidence.contains { $0.unicodeScalars.contains { $0.value < 0x20 } })
        }
        // The group shows its first member's evidence exactly as that member's own finding does.
        let open = try #require(grouped.first { $0.suppression == nil })
        let first = try #require(perResource.first { $0.id == open.members.first?.id })
        #expect(Array(open.evidence.suffix(first.evidence.count)) == first.evidence)
    }
}
