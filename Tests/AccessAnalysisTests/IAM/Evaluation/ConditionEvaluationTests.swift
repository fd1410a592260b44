import Testing
@testable import AccessAnalysis

/// Conditions judged in a request context, by the IAM User Guide's "IAM JSON policy elements: Condition
/// operators", "Multivalued context keys" and "IAM policy elements: Variables and tags".
@Suite("Condition operators evaluated in a request context")
struct ConditionEvaluationTests {
    func outcome(_ op: String, _ key: String, _ values: [String], _ context: RequestContext) -> ConditionOutcome {
        Condition(ConditionOperator(op), key: key, values: values).evaluate(in: context)
    }

    static let ctx = RequestContext(values: [
        "aws:SourceIp": ["203.0.113.7"], "aws:SecureTransport": ["false"], "aws:username": ["alice"],
        "aws:PrincipalArn": ["arn:aws:iam::111122223333:role/app"], "s3:max-keys": ["10"],
        "aws:CurrentTime": ["2026-12-02T10:00:00Z"], "aws:TagKeys": ["team", "env"],
    ], absent: ["aws:SourceVpce", "aws:PrincipalOrgID"])

    @Test("each operator family matches its own way", arguments: [
        ("StringEquals", "aws:username", ["alice"], ConditionOutcome.holds),
        ("StringEquals", "aws:username", ["Alice"], .fails),
        ("StringEqualsIgnoreCase", "aws:username", ["ALICE"], .holds),
        ("StringLike", "aws:username", ["al?c*"], .holds),
        ("StringNotLike", "aws:username", ["b*"], .holds),
        ("NumericLessThan", "s3:max-keys", ["11"], .holds),
        ("NumericGreaterThanEquals", "s3:max-keys", ["11"], .fails),
        ("NumericEquals", "s3:max-keys", ["ten"], .fails),
        ("DateLessThan", "aws:CurrentTime", ["2027-01-01"], .holds),
        ("DateGreaterThan", "aws:CurrentTime", ["2026-12-02T11:00:00Z"], .fails),
        ("Bool", "aws:SecureTransport", ["false"], .holds),
        ("IpAddress", "aws:SourceIp", ["203.0.113.0/24"], .holds),
        ("IpAddress", "aws:SourceIp", ["198.51.100.7"], .fails),
        ("NotIpAddress", "aws:SourceIp", ["10.0.0.0/8", "192.168.0.0/16"], .holds),
        ("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/app"], .holds),
        ("ArnEquals", "aws:PrincipalArn", ["arn:aws:iam::111122223333:role/a?p"], .holds),
        ("ArnNotLike", "aws:PrincipalArn", ["arn:aws:iam::111122223333:role/*"], .fails),
        ("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::111122223333"], .fails),
    ])
    func families(op: String, key: String, values: [String], expected: ConditionOutcome) {
        #expect(outcome(op, key, values, Self.ctx) == expected)
    }

    @Test("a key absent from the request: IfExists, ForAllValues and negated operators hold; Null says which")
    func absentKeys() {
        #expect(outcome("StringEquals", "aws:SourceVpce", ["vpce-1"], Self.ctx) == .fails)
        #expect(outcome("StringEqualsIfExists", "aws:SourceVpce", ["vpce-1"], Self.ctx) == .holds)
        #expect(outcome("StringNotEquals", "aws:SourceVpce", ["vpce-1"], Self.ctx) == .holds)
        #expect(outcome("ForAllValues:StringEquals", "aws:PrincipalOrgID", ["o-1"], Self.ctx) == .holds)
        #expect(outcome("ForAnyValue:StringEquals", "aws:PrincipalOrgID", ["o-1"], Self.ctx) == .fails)
        #expect(outcome("Null", "aws:PrincipalOrgID", ["true"], Self.ctx) == .holds)
        #expect(outcome("Null", "aws:username", ["true"], Self.ctx) == .fails)
        #expect(outcome("Null", "aws:username", ["false"], Self.ctx) == .holds)
    }

    @Test("keys the context does not know leave the outcome unknown")
    func unknownKeys() {
        #expect(outcome("StringEquals", "aws:RequestedRegion", ["eu-west-1"], Self.ctx) == .unknown)
        #expect(outcome("Null", "aws:RequestedRegion", ["true"], Self.ctx) == .unknown)
        #expect(outcome("StringEquals", "aws:username", ["${aws:PrincipalTag/team}"], Self.ctx) == .unknown)
    }

    @Test("multivalued keys: ForAnyValue needs one match, ForAllValues needs every value to match")
    func setQualifiers() {
        #expect(outcome("ForAnyValue:StringEquals", "aws:TagKeys", ["team"], Self.ctx) == .holds)
        #expect(outcome("ForAllValues:StringEquals", "aws:TagKeys", ["team"], Self.ctx) == .fails)
        #expect(outcome("ForAllValues:StringEquals", "aws:TagKeys", ["team", "env", "owner"], Self.ctx) == .holds)
        #expect(outcome("ForAnyValue:StringNotEquals", "aws:TagKeys", ["team"], Self.ctx) == .holds)
        #expect(outcome("ForAllValues:StringNotEquals", "aws:TagKeys", ["team"], Self.ctx) == .fails)
    }

    @Test("policy variables take the request's value or their default, and match nothing when absent without one")
    func variables() {
        #expect(outcome("StringEquals", "aws:PrincipalArn", ["arn:aws:iam::111122223333:role/${aws:username}"],
                        RequestContext(values: ["aws:PrincipalArn": ["arn:aws:iam::111122223333:role/alice"], "aws:username": ["alice"]])) == .holds)
        #expect(outcome("StringLike", "aws:username", ["${aws:PrincipalOrgID, 'alice'}"], Self.ctx) == .holds)
        #expect(outcome("StringEquals", "aws:username", ["${aws:SourceVpce}"], Self.ctx) == .fails)
        #expect(PolicyVariables.substitute("a${*}b${$}", in: Self.ctx) == .value("a*b$"))
        // Numeric operators take no variables: the text is compared as written.
        #expect(outcome("NumericEquals", "s3:max-keys", ["${aws:username}"], Self.ctx) == .fails)
    }

    @Test("a statement's conditions must all hold: one failure decides, then one unknown")
    func statements() throws {
        let doc = try Fixture.policy(#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}"#)
        #expect(doc.statements[0].conditions(in: Self.ctx) == .fails)
        #expect(doc.statements[0].conditions(in: RequestContext(values: ["aws:SecureTransport": ["true"]])) == .unknown)
        #expect(doc.statements[0].conditions(in: RequestContext(values: ["aws:SecureTransport": ["true"], "aws:RequestedRegion": ["eu-west-1"]])) == .holds)
    }
}
