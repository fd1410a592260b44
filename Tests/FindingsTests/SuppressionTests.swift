import Testing
import Foundation
import Findings

@Suite struct SuppressionTests {
    func finding(_ rule: String, id: String, name: String? = nil, arn: String? = nil) -> Finding {
        Finding(ruleId: rule, severity: .high, title: "t",
                resource: ResourceRef(id: id, kind: "security-group", name: name, arn: arn, account: "1", region: "r"),
                detail: "", evidence: [], fix: Fix(summary: "s"))
    }

    @Test func matchesRuleAndResourceByIdArnOrName() throws {
        let byId = try Suppression(ruleId: "NA-SG-*", resource: "sg-01*", reason: "lab")
        let byArn = try Suppression(ruleId: "*", resource: "arn:aws:s3:::public-*", reason: "website")
        let byName = try Suppression(ruleId: "NA-SG-001", resource: "bastion", reason: "jump host")
        #expect(byId.matches(finding("NA-SG-001", id: "sg-0123")))
        #expect(!byId.matches(finding("NA-S3-001", id: "sg-0123")))
        #expect(byArn.matches(finding("NA-S3-001", id: "public-site", arn: "arn:aws:s3:::public-site")))
        #expect(byName.matches(finding("NA-SG-001", id: "sg-9", name: "bastion")))
        #expect(!byName.matches(finding("NA-SG-001", id: "sg-9", name: "web")))
    }

    @Test func applyMarksActiveAndLeavesOthers() throws {
        let s = try Suppression(ruleId: "NA-SG-001", resource: "sg-1", reason: "  accepted risk ", expires: "2027-01-01")
        let (out, expired) = Suppressions.apply([finding("NA-SG-001", id: "sg-1"), finding("NA-SG-001", id: "sg-2")],
                                                [s], today: "2026-11-23")
        #expect(expired.isEmpty)
        #expect(out[0].suppression == AppliedSuppression(reason: "accepted risk", expires: "2027-01-01", expired: false))
        #expect(out[0].suppression?.isActive == true)
        #expect(out[1].suppression == nil)
    }

    @Test func expiryIsInclusiveOfTheExpiryDay() throws {
        let s = try Suppression(ruleId: "*", resource: "*", reason: "temp", expires: "2026-11-23")
        #expect(!s.isExpired(today: "2026-11-22"))
        #expect(s.isExpired(today: "2026-11-23"))
        #expect(s.isExpired(today: "2027-01-01"))
        let (out, expired) = Suppressions.apply([finding("R", id: "x")], [s], today: "2026-11-23")
        #expect(expired == [s])
        #expect(out[0].suppression?.expired == true)
        #expect(out[0].suppression?.isActive == false)
        #expect(expired[0].expiryWarning == "suppression of rule '*' on '*' expired on 2026-11-23 and no longer applies (temp)")
    }

    @Test func activeSuppressionWinsOverExpiredOne() throws {
        let old = try Suppression(ruleId: "*", resource: "x", reason: "old", expires: "2020-01-01")
        let current = try Suppression(ruleId: "*", resource: "x", reason: "current")
        let unrelated = try Suppression(ruleId: "*", resource: "nothing", reason: "gone", expires: "2021-01-01")
        let (out, expired) = Suppressions.apply([finding("R", id: "x")], [old, current, unrelated], today: "2026-11-23")
        #expect(out[0].suppression?.reason == "current")
        #expect(out[0].suppression?.expired == false)
        #expect(expired == [old, unrelated])
    }

    @Test func applyClearsAStaleSuppression() {
        var f = finding("R", id: "x")
        f.suppression = AppliedSuppression(reason: "old run", expires: nil, expired: false)
        #expect(Suppressions.apply([f], [], today: "2026-11-23").findings[0].suppression == nil)
    }

    @Test func validation() {
        #expect(throws: SuppressionError.missingReason(rule: "R", resource: "x")) {
            try Suppression(ruleId: "R", resource: "x", reason: "   ")
        }
        for bad in ["2026-13-01", "2026-1-01", "26-01-01", "2026-01-00", "tomorrow", "2026/01/01"] {
            #expect(throws: SuppressionError.badExpiry(bad)) {
                try Suppression(ruleId: "R", resource: "x", reason: "r", expires: bad)
            }
        }
        #expect(SuppressionError.badExpiry("x").description.contains("YYYY-MM-DD"))
    }

    @Test func decodesFromPolicyShapedJSON() throws {
        let json = #"[{"rule": "NA-SG-*", "resource": "sg-1", "reason": "lab", "expires": "2027-02-01"}, {"reason": "all"}]"#
        let list = try JSONDecoder().decode([Suppression].self, from: Data(json.utf8))
        #expect(list[0].ruleId.pattern == "NA-SG-*")
        #expect(list[0].expires == "2027-02-01")
        #expect(list[1].ruleId.pattern == "*" && list[1].resource.pattern == "*")
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode([Suppression].self, from: Data(#"[{"rule": "R"}]"#.utf8))
        }
        let roundTrip = try JSONDecoder().decode(Suppression.self, from: JSONEncoder().encode(list[0]))
        #expect(roundTrip == list[0])
    }
}
