import Findings
import Testing

@Suite("Findings grouped by their cause")
struct FindingGroupingTests {
    static let cause = FindingCause(id: "sg-1:ingress:tcp/22:0.0.0.0/0", resourceId: "sg-1",
                                    label: "sg-1 (bastion-sg) ingress tcp/22 from 0.0.0.0/0", title: "tcp/22 (SSH) is reachable from the internet")

    static func exposure(_ instance: String, _ severity: Severity = .critical, cause: FindingCause? = Self.cause,
                         rule: String = "internet-exposed-port") -> Finding {
        Finding(ruleId: rule, severity: severity, title: "tcp/22 (SSH) on \(instance) is reachable from the internet",
                resource: ResourceRef(id: instance, kind: "instance", name: "web-\(instance)", account: "1", region: "us-east-1"),
                detail: "tcp/22", evidence: ["reachable from anywhere on the internet on tcp/22 (SSH)", "path of \(instance)"],
                fix: Fix(summary: "Revoke tcp/22 from 0.0.0.0/0 on sg-1"), cause: cause)
    }

    @Test("findings of one rule sharing a cause become one, keyed by rule and cause, listing every resource")
    func oneFindingPerCause() throws {
        let findings = (1...12).map { Self.exposure("i-\($0)", $0 == 5 ? .critical : .medium) }
        let grouped = FindingGrouping.group(findings)
        let f = try #require(grouped.first)
        #expect(grouped.count == 1)
        #expect(f.id == Fingerprint.of("internet-exposed-port", Self.cause.id))
        #expect(f.severity == .critical && f.resource.id == "i-5", "the most severe member is the primary")
        #expect(f.members.map(\.id).sorted() == findings.map(\.id).sorted())
        #expect(f.resources.count == 12)
        #expect(f.title == "tcp/22 (SSH) is reachable from the internet on 12 resources: web-i-5 (i-5), web-i-1 (i-1), web-i-2 (i-2) and 9 more")
        #expect(f.evidence[0] == "cause: \(Self.cause.label)")
        #expect(f.evidence[1].hasPrefix("exposes 12 resources: web-i-5 (i-5), ") && f.evidence[1].hasSuffix(" and 2 more"))
        #expect(f.evidence.contains("path of i-5") && !f.evidence.contains("path of i-1"))
    }

    @Test("the grouped fingerprint does not depend on how many resources the cause exposes")
    func fingerprintStable() {
        let two = FindingGrouping.group([Self.exposure("i-1"), Self.exposure("i-2")])
        let one = FindingGrouping.group([Self.exposure("i-9")])
        #expect(two.count == 1 && one.count == 1 && two[0].id == one[0].id)
        // A single member keeps its own title and evidence.
        #expect(one[0].title == Self.exposure("i-9").title && one[0].evidence == Self.exposure("i-9").evidence)
    }

    @Test("different rules, different causes and findings without a cause stay apart")
    func keysKeptApart() {
        let other = FindingCause(id: "sg-2:ingress:tcp/22:0.0.0.0/0", resourceId: "sg-2", label: "sg-2", title: "t")
        let findings = [Self.exposure("i-1"), Self.exposure("i-2", cause: other), Self.exposure("i-3", rule: "all-ports-open"),
                        Self.exposure("i-4", cause: nil), Self.exposure("i-5", cause: nil)]
        let grouped = FindingGrouping.group(findings)
        #expect(grouped.count == 5)
        #expect(grouped[3] == findings[3] && grouped[4] == findings[4], "findings without a cause are unchanged")
    }

    @Test("an actively suppressed member leaves its group as its own suppressed finding; all suppressed is one suppressed finding")
    func suppressedMembers() {
        let accepted = AppliedSuppression(reason: "jump host", expires: nil, expired: false)
        var findings = (1...3).map { Self.exposure("i-\($0)") }
        findings[1].suppression = accepted
        let grouped = FindingGrouping.group(findings)
        #expect(grouped.count == 2)
        #expect(grouped[0].resources.map(\.id) == ["i-1", "i-3"] && grouped[0].suppression == nil)
        #expect(grouped[1] == findings[1], "the suppressed resource keeps its per-resource finding and fingerprint")

        let all = findings.map { f in var f = f; f.suppression = accepted; return f }
        let silenced = FindingGrouping.group(all)
        #expect(silenced.count == 1 && silenced[0].resources.count == 3 && silenced[0].suppression == accepted)
    }

    @Test("an expired suppression of a member marks the group, which still gates")
    func expiredMarksGroup() {
        var findings = [Self.exposure("i-1"), Self.exposure("i-2")]
        findings[1].suppression = AppliedSuppression(reason: "old", expires: "2020-01-01", expired: true)
        let grouped = FindingGrouping.group(findings)
        #expect(grouped.count == 1 && grouped[0].suppression?.expired == true && grouped[0].suppression?.isActive == false)
    }

    @Test("a suppression by the cause's security group matches every member")
    func suppressionByCauseResource() throws {
        let s = try Suppression(ruleId: "internet-exposed-port", resource: "sg-1", reason: "lab")
        #expect(s.matches(Self.exposure("i-1")))
        #expect(!s.matches(Self.exposure("i-1", cause: nil)))
    }

    @Test("listings cap the names and say how many more")
    func names() {
        #expect(FindingGrouping.names(["a", "b"]) == "a, b")
        #expect(FindingGrouping.names((1...12).map(String.init)) == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more")
        #expect(FindingGrouping.names(["a", "b", "c"], limit: 2) == "a, b and 1 more")
    }
}
