import Testing
@testable import AccessAnalysis

@Suite("Public bucket policy statements")
struct StatementPublicityTests {
    func verdict(_ statement: String) throws -> StatementPublicity {
        StatementPublicity(try Fixture.policy(statement).statements[0])
    }

    @Test("open principals are public without a restricting condition", arguments: [
        #""*""#, #"{"AWS":"*"}"#, #"{"AWS":["arn:aws:iam::111122223333:root","*"]}"#,
        #"{"Federated":"graph.facebook.com"}"#, #"{"AWS":"arn:aws:iam::*:root"}"#,
    ])
    func openPrincipals(principal: String) throws {
        #expect(try verdict(#"{"Effect":"Allow","Principal":\#(principal),"Action":"s3:PutObject","Resource":"*"}"#).isPublic)
    }

    @Test("fixed principals are not public", arguments: [
        #"{"AWS":"arn:aws:iam::111122223333:role/app"}"#, #"{"AWS":"444455556666"}"#,
        #"{"Service":"cloudtrail.amazonaws.com"}"#, #"{"CanonicalUser":"79a59df900b949e55d96a1e698fbaced"}"#,
    ])
    func fixedPrincipals(principal: String) throws {
        #expect(!(try verdict(#"{"Effect":"Allow","Principal":\#(principal),"Action":"s3:*","Resource":"*"}"#).isPublic))
    }

    @Test("NotPrincipal in an Allow is public")
    func notPrincipal() throws {
        #expect(try verdict(#"{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::1:root"},"Action":"s3:GetObject","Resource":"*"}"#).isPublic)
    }

    @Test("Deny statements are never public")
    func deny() throws {
        #expect(!(try verdict(#"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}"#).isPublic))
    }
}
