import Testing
@testable import AccessAnalysis

@Suite("Policy document parsing")
struct PolicyParserTests {
    @Test("a full statement parses into every element")
    func fullStatement() throws {
        let doc = try Fixture.document("""
        {"Version": "2012-10-17", "Id": "p1", "Statement": [{
          "Sid": "Read", "Effect": "Allow",
          "Principal": {"AWS": ["arn:aws:iam::111122223333:root", 444455556666], "Service": "ec2.amazonaws.com"},
          "Action": ["s3:GetObject", "s3:List*"], "Resource": "arn:aws:s3:::b/*",
          "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1"}, "ForAnyValue:StringLike": {"aws:TagKeys": ["a*", "b"]},
                        "IpAddressIfExists": {"aws:SourceIp": "203.0.113.0/24"}, "Bool": {"aws:SecureTransport": true}}
        }]}
        """)
        #expect(doc.version == "2012-10-17")
        #expect(doc.id == "p1")
        let s = try #require(doc.statements.first)
        #expect(s.sid == "Read")
        #expect(s.effect == .allow)
        #expect(s.principal == .principal(.identities([
            PrincipalIdentity(.aws, "arn:aws:iam::111122223333:root"), PrincipalIdentity(.aws, "444455556666"),
            PrincipalIdentity(.service, "ec2.amazonaws.com")])))
        #expect(s.actions == .only(["s3:GetObject", "s3:List*"]))
        #expect(s.resources == .only(["arn:aws:s3:::b/*"]))
        #expect(s.conditions.count == 4)
        let tagKeys = try #require(s.conditions.first { $0.matchesKey("AWS:TAGKEYS") })
        #expect(tagKeys.op.setQualifier == .forAnyValue)
        #expect(tagKeys.op.base == "StringLike")
        #expect(tagKeys.op.name == "ForAnyValue:StringLike")
        #expect(tagKeys.values == ["a*", "b"])
        let ip = try #require(s.conditions.first { $0.matchesKey("aws:sourceip") })
        #expect(ip.op.ifExists && ip.op.base == "IpAddress")
        #expect(s.conditions.first { $0.matchesKey("aws:SecureTransport") }?.values == ["true"])
    }

    @Test("a single statement object, NotAction, NotResource, NotPrincipal and Principal * parse")
    func negatedElements() throws {
        let doc = try Fixture.document(#"{"Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::1:role/x"}, "NotAction": "iam:*", "NotResource": ["a", "b"]}}"#)
        let s = try #require(doc.statements.first)
        #expect(doc.version == nil)
        #expect(s.effect == .deny)
        #expect(s.principal == .notPrincipal(.identities([PrincipalIdentity(.aws, "arn:aws:iam::1:role/x")])))
        #expect(s.actions == .allExcept(["iam:*"]))
        #expect(s.resources == .allExcept(["a", "b"]))
        let anyone = try Fixture.policy(#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}"#)
        #expect(anyone.statements[0].principal == .principal(.anyone))
    }

    @Test("bad documents give one error naming the source, the statement and the problem", arguments: [
        ("not json", "not valid JSON"),
        (#"["Statement"]"#, "expected a JSON object, found a list"),
        (#"{"Version":"2012-10-17"}"#, "no Statement element"),
        (#"{"Statement":[]}"#, "Statement is an empty list"),
        (#"{"Version":"2020-01-01","Statement":[]}"#, "unsupported Version \"2020-01-01\""),
        (#"{"Statement":[{"Effect":"Permit","Action":"s3:*"}]}"#, "statement 1: Effect must be \"Allow\" or \"Deny\", not \"Permit\""),
        (#"{"Statement":[{"Action":"s3:*"}]}"#, "statement 1: no Effect element"),
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"s3:*","NotAction":"s3:Get*"}]}"#,
         "statement 2: has both Action and NotAction"),
        (#"{"Statement":[{"Effect":"Allow","Resource":"*"}]}"#, "statement 1: has neither Action nor NotAction"),
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","NotResource":"x"}]}"#, "has both Resource and NotResource"),
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Principal":"*","NotPrincipal":"*"}]}"#, "has both Principal and NotPrincipal"),
        (#"{"Statement":[{"Effect":"Allow","Action":42}]}"#, "Action must be a string or a list of strings, found a number"),
        (#"{"Statement":[{"Effect":"Allow","Action":[]}]}"#, "Action is an empty list"),
        (#"{"Statement":[{"Effect":"Allow","Action":"GetObject"}]}"#, "action \"GetObject\" is not \"*\" or \"service:action\""),
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Effects":"Allow"}]}"#, "unknown element \"Effects\""),
        (#"{"Statement":[{"Effect":"Allow","Effect":"Deny","Action":"s3:*"}]}"#, "element \"Effect\" appears more than once"),
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Principal":"everyone"}]}"#, "invalid Principal: a bare string must be \"*\""),
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Principal":{"Aws2":"x"}}]}"#, "unknown principal type \"Aws2\""),
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Condition":{"StringEquals":"x"}}]}"#, "invalid Condition: operator StringEquals"),
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Condition":{"StringEquals":{"k":[]}}}]}"#, "invalid Condition: StringEquals k has an empty list"),
        (#"{"Statement":["Allow"]}"#, "statement 1: expected a JSON object, found a string"),
        // IAM JSON policy elements: Condition operators — IAM refuses unknown operators and Null…IfExists.
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Condition":{"StringEqual":{"k":"v"}}}]}"#, "unknown condition operator \"StringEqual\"; did you mean 'StringEquals'?"),
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Condition":{"ForAnyValue:IpRange":{"k":"v"}}}]}"#, "unknown condition operator \"ForAnyValue:IpRange\""),
        (#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Condition":{"NullIfExists":{"k":"true"}}}]}"#, "Null takes no IfExists"),
    ])
    func badDocuments(json: String, message: String) {
        do {
            _ = try PolicyDocument(parsing: json, source: "role/app inline \"s3\"")
            Issue.record("expected a parse error")
        } catch {
            #expect(error.description.hasPrefix("policy role/app inline \"s3\": "))
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test("condition operators split into qualifier, base and IfExists", arguments: [
        ("StringEquals", nil, "StringEquals", false),
        ("ForAllValues:StringNotLike", SetQualifier.forAllValues, "StringNotLike", false),
        ("forAnyValue:ArnLikeIfExists", .forAnyValue, "ArnLike", true),
        ("NullIfExists", nil, "Null", true),
    ])
    func operators(name: String, qualifier: SetQualifier?, base: String, ifExists: Bool) {
        let op = ConditionOperator(name)
        #expect(op.setQualifier == qualifier)
        #expect(op.base == base)
        #expect(op.ifExists == ifExists)
        #expect(op.name == name)
    }
}
