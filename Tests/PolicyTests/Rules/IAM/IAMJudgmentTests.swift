import Findings
import NetModel
import Testing
@testable import Policy

/// IAM judgments made on the whole policy: conditions, Deny and the principal's own ARN decide the finding.
@Suite("IAM rules: trust conditions, NotAction and escalation conditions")
struct IAMJudgmentTests {
    static let scope = ResourceScope(account: "111122223333", region: "us-east-1")

    static func role(_ name: String, trust: String, inline: String? = nil) -> IAMPrincipal {
        IAMPrincipal(id: "arn:aws:iam::111122223333:role/\(name)", scope: scope, kind: .role, name: name,
                     inlinePolicies: inline.map { [InlinePolicy(name: "inline", document: $0)] } ?? [], trustPolicy: trust)
    }

    static func trust(_ principal: String, action: String = "sts:AssumeRole", condition: String? = nil) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":\#(principal),"Action":"\#(action)""# + (condition.map { #","Condition":\#($0)"# } ?? "") + "}]}"
    }

    static func findings(_ principals: IAMPrincipal..., rule: String) throws -> [Finding] {
        var inv = Inventory()
        inv.iamPrincipals = principals
        return try WorkshopScanTests.scan(inv).findings.filter { $0.ruleId == rule }
    }

    @Test("trust: * pinned to an organization is low (within the organization), * alone is critical")
    func trustOrganization() throws {
        let org = Self.role("org", trust: Self.trust(#""*""#, condition: #"{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#))
        let open = Self.role("open", trust: Self.trust(#""*""#))
        let found = try Self.findings(org, open, rule: "iam-trust-open")
        #expect(found.first { $0.resource.name == "org" }?.severity == .low)
        #expect(found.first { $0.resource.name == "org" }?.title.contains("organization o-a1b2c3d4e5") == true)
        #expect(found.first { $0.resource.name == "open" }?.severity == .critical)
    }

    @Test("trust: another account with a fixed sts:ExternalId is info; without conditions high")
    func trustExternalId() throws {
        let vendor = Self.role("vendor", trust: Self.trust(#"{"AWS":"444455556666"}"#, condition: #"{"StringEquals":{"sts:ExternalId":"Unique-1"}}"#))
        let plain = Self.role("plain", trust: Self.trust(#"{"AWS":"444455556666"}"#))
        let found = try Self.findings(vendor, plain, rule: "iam-trust-open")
        #expect(found.first { $0.resource.name == "vendor" }?.severity == .info)
        #expect(found.first { $0.resource.name == "plain" }?.severity == .high)
    }

    @Test("trust: GitHub OIDC without a sub condition is high even with an aud condition; with a repository subject no finding")
    func trustGitHub() throws {
        let github = #"{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}"#
        let audOnly = Self.role("ci-open", trust: Self.trust(github, action: "sts:AssumeRoleWithWebIdentity",
                                                              condition: #"{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}"#))
        let pinned = Self.role("ci", trust: Self.trust(github, action: "sts:AssumeRoleWithWebIdentity",
                                                        condition: #"{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:*"}}"#))
        let found = try Self.findings(audOnly, pinned, rule: "iam-trust-open")
        let open = try #require(found.first { $0.resource.name == "ci-open" })
        #expect(open.severity == .high && open.evidence.contains { $0.contains("no token.actions.githubusercontent.com:sub condition") })
        #expect(!found.contains { $0.resource.name == "ci" })
    }

    @Test("NotAction on * is reported as every action except the list, not as full admin")
    func notAction() throws {
        let p = Self.role("power", trust: Self.trust(#"{"AWS":"111122223333"}"#),
                          inline: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}]}"#)
        #expect(try Self.findings(p, rule: "iam-full-admin").isEmpty)
        let broad = try #require(try Self.findings(p, rule: "iam-service-wildcard").first)
        #expect(broad.title == "role power is allowed every action except iam:*, organizations:*" && broad.severity == .high)
        // Escalation checks apply to a principal short of admin: Lambda code replacement is open to it.
        #expect(try Self.findings(p, rule: "iam-privilege-escalation").contains { $0.title.contains("replace the code of a function") })
    }

    @Test("a role allowed iam:PutRolePolicy on its own ARN can escalate")
    func ownRolePolicy() throws {
        let p = Self.role("self", trust: Self.trust(#"{"Service":"ec2.amazonaws.com"}"#),
                          inline: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"arn:aws:iam::111122223333:role/self"}]}"#)
        let found = try Self.findings(p, rule: "iam-privilege-escalation")
        #expect(found.map(\.title) == ["role self can escalate privileges: write an inline policy with any permissions on its own role"])
    }

    @Test("workshop: AmazonDynamoDBFullAccess passes roles only to application-autoscaling and DAX, so the Lambda role has no Lambda or Data Pipeline escalation")
    func workshopPassedToService() throws {
        let result = try WorkshopScanTests.scan(try WorkshopScanTests.sample("workshop"))
        #expect(!result.findings.contains { $0.ruleId == "iam-privilege-escalation" && $0.resource.name == "demo-app-lambda-iam-role" })
        #expect(result.findings.contains { $0.ruleId == "iam-passrole-all" && $0.resource.name == "demo-app-lambda-iam-role" })
    }
}
