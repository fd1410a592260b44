import Testing
import NetModel
@testable import AccessAnalysis

@Suite("Role trust policies")
struct TrustPolicyAnalysisTests {
    let ownAccount = "111122223333"

    func trustees(_ statements: String...) throws -> [TrustGrant] {
        let text = #"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}"
        return TrustPolicyAnalysis.trustees(of: try Fixture.document(text), roleAccount: ownAccount)
    }

    @Test("Principal * (or AWS *) lets anyone assume the role")
    func anyone() throws {
        for principal in [#""*""#, #"{"AWS":"*"}"#] {
            let grants = try trustees(#"{"Effect":"Allow","Principal":\#(principal),"Action":"sts:AssumeRole"}"#)
            #expect(grants.map(\.trustee) == [.anyone])
            #expect(grants.first?.isOtherAccount == true && grants.first?.isConditional == false)
        }
    }

    @Test("other accounts are told apart from the role's own, by account ID or ARN")
    func accounts() throws {
        let grants = try trustees(#"{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:root","111122223333","arn:aws:iam::444455556666:role/ci"]},"Action":"sts:AssumeRole"}"#)
        #expect(grants.map(\.trustee) == [.account("444455556666"), .account("111122223333"),
                                           .awsPrincipal(arn: "arn:aws:iam::444455556666:role/ci", account: "444455556666")])
        #expect(grants.map(\.isOtherAccount) == [true, false, true])
    }

    @Test("a cross-account grant with an ExternalId condition is conditional and keeps the condition")
    func crossAccountConditional() throws {
        let grant = try #require(try trustees(#"{"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x-42"}}}"#).first)
        #expect(grant.isOtherAccount && grant.isConditional)
        #expect(grant.conditions.map(\.key) == ["sts:ExternalId"])
    }

    @Test("service and federated principals are classified with their assume actions")
    func serviceAndFederated() throws {
        let grants = try trustees(#"{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com"]},"Action":"sts:AssumeRole"}"#,
            #"{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:org/*"}}}"#)
        #expect(grants.map(\.trustee) == [.service("lambda.amazonaws.com"),
                                           .federated("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com")])
        #expect(grants.map(\.actions) == [["sts:AssumeRole"], ["sts:AssumeRoleWithWebIdentity"]])
        #expect(grants.map(\.isConditional) == [false, true])
        #expect(grants.map(\.isOtherAccount) == [false, false])
    }

    @Test("statements not about assuming, and principals denied outright, are left out")
    func filtered() throws {
        let grants = try trustees(#"{"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"sts:TagSession"}"#,
                                  #"{"Effect":"Allow","Principal":{"AWS":["444455556666","777788889999"]},"Action":"sts:*"}"#,
                                  #"{"Effect":"Deny","Principal":{"AWS":"777788889999"},"Action":"sts:AssumeRole"}"#)
        #expect(grants.map(\.trustee) == [.account("444455556666")])
        #expect(grants.first?.actions == TrustPolicyAnalysis.assumeActions)
    }

    @Test("a role from the model is read with its own account; a bad trust policy names the role")
    func fromModel() throws {
        let scope = ResourceScope(account: ownAccount, region: "global")
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}"#
        let role = IAMPrincipal(id: "arn:aws:iam::111122223333:role/ops", scope: scope, kind: .role, name: "ops", trustPolicy: trust)
        #expect(try TrustPolicyAnalysis.trustees(of: role).map(\.isOtherAccount) == [false])
        var broken = role
        broken.trustPolicy = #"{"Statement":[{"Effect":"Allow","Principal":"someone","Action":"sts:AssumeRole"}]}"#
        let error = #expect(throws: PolicyParseError.self) { try TrustPolicyAnalysis.trustees(of: broken) }
        #expect(error?.description.hasPrefix("policy role ops trust policy: statement 1: invalid Principal") == true)
    }

    @Test("Principal * pinned to an organization is access within it, not open; pinned accounts are named")
    func organizationPinned() throws {
        let org = try #require(try trustees(#"{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}"#).first)
        #expect(!org.openAudience.isPublic && org.openAudience.organizations == ["o-a1b2c3d4e5"])
        let accounts = try #require(try trustees(#"{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalAccount":"444455556666"}}}"#).first)
        #expect(accounts.openAudience.otherAccounts == ["444455556666"])
        let open = try #require(try trustees(#"{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Condition":{"Bool":{"aws:SecureTransport":"true"}}}"#).first)
        #expect(open.openAudience.isPublic)
    }

    @Test("Access to AWS accounts owned by third parties: a fixed sts:ExternalId is read off the statement")
    func externalId() throws {
        let g = try #require(try trustees(#"{"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"Unique-1"}}}"#).first)
        #expect(g.externalIds == ["Unique-1"])
        let ifExists = try #require(try trustees(#"{"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"sts:AssumeRole","Condition":{"StringEqualsIfExists":{"sts:ExternalId":"Unique-1"}}}"#).first)
        #expect(ifExists.externalIds.isEmpty)
    }

    @Test("Configuring a role for GitHub OIDC identity provider: without a sub condition every repository can assume the role", arguments: [
        (#"{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}"#, false),
        (#"{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:*"}}"#, false),
        (#"{"StringLike":{"token.actions.githubusercontent.com:sub":"*"}}"#, false),
        (#"{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:*"}}"#, true),
        (#"{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}"#, true),
    ])
    func oidcSubject(condition: String, pinned: Bool) throws {
        let g = try #require(try trustees(#"{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":\#(condition)}"#).first)
        #expect(g.subjectKey == "token.actions.githubusercontent.com:sub")
        #expect(g.pinsSubject == pinned)
    }
}
