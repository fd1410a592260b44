@testable import AWSCapture
import Foundation
import Testing

/// Which accounts `snapshot --org` captures, and the option errors it reports.
@Suite struct OrganizationOptionsTests {
    let listed = [
        OrganizationAccount(id: "111111111111", name: "management", status: "ACTIVE"),
        OrganizationAccount(id: "222222222222", name: "prod", status: "ACTIVE"),
        OrganizationAccount(id: "333333333333", name: "closed", status: "SUSPENDED"),
        OrganizationAccount(id: "444444444444", name: "dev", status: "ACTIVE"),
    ]

    @Test("active accounts only, sorted; --exclude removes, --accounts keeps and reports the ones not active or absent")
    func selection() {
        #expect(OrganizationOptions().select(listed).selected.map(\.id) == ["111111111111", "222222222222", "444444444444"])
        #expect(OrganizationOptions(excluded: ["222222222222"]).select(listed).selected.map(\.id) == ["111111111111", "444444444444"])
        let some = OrganizationOptions(accounts: ["444444444444", "333333333333", "999999999999"]).select(listed)
        #expect(some.selected.map(\.id) == ["444444444444"])
        #expect(some.missing == ["333333333333", "999999999999"])
    }

    @Test("role ARNs in the caller's partition")
    func roleArns() {
        let o = OrganizationOptions(roleName: "audit/NetauditAudit")
        #expect(o.roleArn(account: "222222222222", partition: ARNParts.partition("arn:aws-cn:iam::111111111111:user/x"))
                == "arn:aws-cn:iam::222222222222:role/audit/NetauditAudit")
        #expect(ARNParts.partition("not an arn") == "aws")
        #expect(OrganizationOptions().roleArn(account: "1", partition: "aws") == "arn:aws:iam::1:role/OrganizationAccountAccessRole")
    }

    @Test("bad account IDs, both lists, and bad role names are configuration errors naming the option")
    func validation() {
        #expect(throws: CaptureError.configuration("--accounts: '12345' is not a 12-digit AWS account ID")) {
            try OrganizationOptions(accounts: ["12345"]).validate()
        }
        #expect(throws: CaptureError.configuration("--exclude: '22222222222x' is not a 12-digit AWS account ID")) {
            try OrganizationOptions(excluded: ["22222222222x"]).validate()
        }
        #expect(throws: CaptureError.configuration("--accounts and --exclude cannot be combined")) {
            try OrganizationOptions(accounts: ["222222222222"], excluded: ["444444444444"]).validate()
        }
        #expect(throws: CaptureError.self) { try OrganizationOptions(roleName: "bad name").validate() }
        #expect(throws: Never.self) { try OrganizationOptions(roleName: "NetauditAudit", accounts: ["222222222222"]).validate() }
    }

    @Test("the ETA follows the pace of the finished accounts")
    func eta() {
        #expect(ProgressEstimate.remaining(elapsed: 30, done: 0, total: 10) == nil)
        #expect(ProgressEstimate.remaining(elapsed: 30, done: 3, total: 10) == 70)
        #expect(ProgressEstimate.remaining(elapsed: 30, done: 10, total: 10) == 0)
        #expect(ProgressEstimate.remaining(elapsed: 30, done: 11, total: 10) == nil)
    }
}
