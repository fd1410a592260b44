import Testing
@testable import AccessAnalysis

@Suite("Resource policies judged as a whole: public, external, internal")
struct ResourcePolicyAnalysisTests {
    static let owner = "111122223333"
    static let publicRead = #"{"Sid":"Read","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#

    func analysis(_ statements: String...) throws -> ResourcePolicyAnalysis {
        let text = #"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}"
        return ResourcePolicyAnalysis(document: try Fixture.document(text), ownerAccount: Self.owner)
    }

    @Test("an open Allow alone is public")
    func openAllow() throws {
        let a = try analysis(Self.publicRead)
        #expect(a.publicStatements.map(\.statement.label) == [#""Read""#])
    }

    @Test("IAM policy evaluation logic: an unconditional Deny to everyone cancels the Allow it covers")
    func denyAll() throws {
        #expect(try analysis(Self.publicRead, #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}"#).statements.isEmpty)
        #expect(try analysis(Self.publicRead, #"{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"*","Resource":"arn:aws:s3:::b/*"}"#).statements.isEmpty)
    }

    @Test("a Deny that covers only some of the actions or resources leaves the Allow public")
    func partialDeny() throws {
        #expect(try analysis(Self.publicRead, #"{"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"*"}"#).publicStatements.count == 1)
        #expect(try analysis(Self.publicRead, #"{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/private/*"}"#).publicStatements.count == 1)
        #expect(try analysis(Self.publicRead, #"{"Effect":"Deny","Principal":"*","NotAction":"s3:GetObject","Resource":"*"}"#).publicStatements.count == 1)
        #expect(try analysis(Self.publicRead, #"{"Effect":"Deny","Principal":"*","NotAction":"iam:*","Resource":"*"}"#).statements.isEmpty)
    }

    @Test("a Deny to named principals does not narrow the public")
    func denyNamed() throws {
        #expect(try analysis(Self.publicRead, #"{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"*","Resource":"*"}"#).publicStatements.count == 1)
    }

    @Test("IAM policy evaluation logic: a Deny whose conditions all hold for an anonymous outsider keeps the public out")
    func denyHoldingForOutsiders() throws {
        let vpceOrAccount = #"{"Sid":"OnlyInside","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b","aws:PrincipalAccount":"111122223333"}}}"#
        let a = try analysis(Self.publicRead, vpceOrAccount)
        #expect(a.publicStatements.isEmpty)
        #expect(a.statements.first?.restrictions.map(\.key.rawValue).sorted() == ["aws:PrincipalAccount", "aws:SourceVpce"])
        let noOrg = #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Null":{"aws:PrincipalOrgID":"true"}}}"#
        #expect(try analysis(Self.publicRead, noOrg).publicStatements.isEmpty)
        // Plain HTTP only: an anonymous caller over HTTPS still gets in.
        let tls = #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"},"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b"}}}"#
        let open = try analysis(Self.publicRead, tls)
        #expect(open.publicStatements.count == 1)
        #expect(open.publicStatements.first?.conditionalDenies.count == 1)
    }

    @Test("Condition operators: a Deny with NotIpAddress outside a narrow range makes the Allow non-public")
    func denyOutsideRange() throws {
        let a = try analysis(Self.publicRead, #"{"Sid":"OnlyOffice","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}"#)
        let s = try #require(a.statements.first)
        #expect(!s.audience.isPublic && !s.audience.isExternal)
        #expect(s.audience.restrictedBy == ["aws:SourceIp"])
        #expect(s.restrictions.map(\.statement) == [#""OnlyOffice""#] && s.restrictions.allSatisfy(\.fromDeny))
        // A range wider than /8 is no restriction (S3 "The meaning of 'public'").
        #expect(try analysis(Self.publicRead, #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"0.0.0.0/1"}}}"#).publicStatements.count == 1)
    }

    @Test("a Deny outside an organization leaves access within it: external, not public")
    func denyOutsideOrganization() throws {
        let a = try analysis(Self.publicRead, #"{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}"#)
        let s = try #require(a.statements.first)
        #expect(s.audience.organizations == ["o-a1b2c3d4e5"] && s.audience.isExternal)
        #expect(a.externalStatements.count == 1 && a.publicStatements.isEmpty)
    }

    @Test("a Deny under an unrelated condition may not apply: kept as a conditional deny, still public")
    func conditionalDeny() throws {
        let a = try analysis(Self.publicRead, #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#)
        #expect(a.publicStatements.first?.conditionalDenies.count == 1)
    }

    @Test("pinned accounts name the accounts; the owner's own account is internal")
    func pinnedAccounts() throws {
        func audience(_ condition: String) throws -> Audience {
            try #require(try analysis(#"{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*","Condition":\#(condition)}"#).statements.first).audience
        }
        #expect(try audience(#"{"StringEquals":{"aws:SourceAccount":"111122223333"}}"#).isInternal)
        #expect(try audience(#"{"StringEquals":{"aws:PrincipalAccount":["444455556666","111122223333"]}}"#).otherAccounts == ["444455556666"])
        #expect(try audience(#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-east-1:444455556666:alerts"}}"#).otherAccounts == ["444455556666"])
        #expect(try audience(#"{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::some-bucket"}}"#).restrictedBy == ["aws:SourceArn"])
        #expect(try audience(#"{"StringEquals":{"kms:CallerAccount":"444455556666"}}"#).otherAccounts == ["444455556666"])
        #expect(try audience(#"{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}"#).restrictedBy == ["aws:SourceVpce"])
    }

    @Test("named principals: other accounts are external, services and the owner are not")
    func namedPrincipals() throws {
        let a = try analysis(
            #"{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:role/reader","777788889999","arn:aws:iam::111122223333:root"]},"Action":"kms:Decrypt","Resource":"*"}"#,
            #"{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"*"}"#)
        #expect(a.statements.map(\.audience.otherAccounts) == [["444455556666", "777788889999"], []])
        #expect(a.statements.map(\.audience.isExternal) == [true, false])
        #expect(a.statements[1].audience.services == ["sns.amazonaws.com"])
        #expect(a.statements[0].audience.summary == "accounts 444455556666, 777788889999")
    }
}

@Suite("Pattern list inclusion")
struct PatternCoverageTests {
    @Test("action lists", arguments: [
        (PatternList.only(["s3:*"]), PatternList.only(["s3:Get*", "s3:PutObject"]), true),
        (.only(["s3:GetObject"]), .only(["s3:Get*"]), false),
        (.only(["*"]), .allExcept(["iam:*"]), true),
        (.only(["s3:*"]), .allExcept(["iam:*"]), false),
        (.allExcept(["iam:*"]), .only(["s3:GetObject"]), true),
        (.allExcept(["s3:Get*"]), .only(["s3:GetObject"]), false),
        (.allExcept(["s3:GetObject"]), .only(["s3:Get*"]), false),
        (.allExcept(["iam:*"]), .allExcept(["iam:*", "sts:*"]), true),
        (.allExcept(["iam:*", "sts:*"]), .allExcept(["iam:*"]), false),
    ])
    func actions(mine: PatternList, other: PatternList, covered: Bool) {
        #expect(mine.coversActions(of: other) == covered)
    }

    @Test("resource lists: no element means every resource")
    func resources() {
        #expect(PatternList.coversResources(nil, of: .only(["arn:aws:s3:::b/*"])))
        #expect(PatternList.coversResources(.only(["arn:aws:s3:::b/*"]), of: .only(["arn:aws:s3:::b/x/*"])))
        #expect(!PatternList.coversResources(.only(["arn:aws:s3:::b/*"]), of: nil))
    }

}
