import Testing
@testable import AccessAnalysis

@Suite("Condition keys that make a public statement non-public")
struct RestrictingConditionKeyTests {
    /// One fixed value per key of AWS's list, with the operator a policy would use.
    static let fixedValues: [(RestrictingConditionKey, String, String)] = [
        (.sourceIp, "IpAddress", "203.0.113.0/24"),
        (.principalOrgID, "StringEquals", "o-a1b2c3d4e5"),
        (.principalOrgPaths, "ForAnyValue:StringLike", "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/"),
        (.sourceOrgID, "StringEquals", "o-a1b2c3d4e5"),
        (.sourceOrgPaths, "ForAnyValue:StringEquals", "o-a1b2c3d4e5/r-ab12/"),
        (.principalAccount, "StringEquals", "111122223333"),
        (.principalArn, "ArnEquals", "arn:aws:iam::111122223333:role/app"),
        (.sourceArn, "ArnLike", "arn:aws:cloudfront::111122223333:distribution/E1ABC"),
        (.sourceVpc, "StringEquals", "vpc-91237329"),
        (.sourceVpce, "StringEquals", "vpce-1a2b3c4d"),
        (.sourceOwner, "StringEquals", "111122223333"),
        (.sourceAccount, "StringEquals", "111122223333"),
        (.kmsKeyId, "StringEquals", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
        (.userId, "StringEquals", "AIDAJQABLZS4A3QDU576Q"),
        (.dataAccessPointArn, "StringEquals", "arn:aws:s3:us-west-2:123456789012:accesspoint/reports"),
        (.dataAccessPointAccount, "StringEquals", "123456789012"),
        (.kmsCallerAccount, "StringEquals", "111122223333"),
    ]

    static func publicStatement(_ op: String, _ key: String, _ values: String) throws -> StatementPublicity {
        let s = try Fixture.policy(#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"\#(op)":{"\#(key)":\#(values)}}}"#).statements[0]
        return StatementPublicity(s)
    }

    @Test("the fixtures cover every key in AWS's list")
    func coversEveryKey() {
        #expect(Set(Self.fixedValues.map(\.0)) == Set(RestrictingConditionKey.allCases))
    }

    @Test("a fixed value of each key makes Principal * non-public", arguments: fixedValues)
    func fixedValueRestricts(key: RestrictingConditionKey, op: String, value: String) throws {
        let verdict = try Self.publicStatement(op, key.rawValue, "\"\(value)\"")
        #expect(!verdict.isPublic)
        #expect(verdict.restrictingConditions.map(\.key) == [key.rawValue])
    }

    @Test("a wildcard or policy variable in the value of each key keeps it public", arguments: fixedValues)
    func wildcardValueIsPublic(key: RestrictingConditionKey, op: String, value: String) throws {
        #expect(try Self.publicStatement(op, key.rawValue, #""*""#).isPublic)
        #expect(try Self.publicStatement(op, key.rawValue, #"["\#(value)", "${aws:username}"]"#).isPublic)
    }

    @Test("keys are matched case-insensitively")
    func caseInsensitiveKey() throws {
        #expect(!(try Self.publicStatement("StringEquals", "AWS:SOURCEVPC", #""vpc-1""#).isPublic))
    }

    @Test("aws:SourceIp is public when broader than /8 (IPv4) or /32 (IPv6)", arguments: [
        ("0.0.0.0/0", true), ("0.0.0.0/1", true), ("1.0.0.0/7", true), ("::/0", true), ("2001::/16", true),
        ("not-an-ip", true), ("10.0.0.0/8", false), ("203.0.113.0/24", false), ("203.0.113.5", false),
        ("172.16.0.0/12", false), ("2001:db8::/32", false), ("2001:db8::1/128", false),
    ])
    func sourceIpBreadth(cidr: String, isPublic: Bool) throws {
        #expect(try Self.publicStatement("IpAddress", "aws:SourceIp", "\"\(cidr)\"").isPublic == isPublic)
    }

    @Test("one broad CIDR among narrow ones keeps the statement public")
    func mixedCidrs() throws {
        #expect(try Self.publicStatement("IpAddress", "aws:SourceIp", #"["203.0.113.0/24","0.0.0.0/1"]"#).isPublic)
        #expect(!(try Self.publicStatement("IpAddress", "aws:SourceIp", #"["203.0.113.0/24","198.51.100.7"]"#).isPublic))
    }

    @Test("aws:userid allows the AROLEID:* pattern but not other wildcards", arguments: [
        ("AROAEXAMPLEID:*", false), ("AROA*:*", true), ("*", true), (":*", true),
    ])
    func userIdPattern(value: String, isPublic: Bool) throws {
        #expect(try Self.publicStatement("StringLike", "aws:userid", "\"\(value)\"").isPublic == isPublic)
    }

    @Test("s3:DataAccessPointArn may wildcard the access point name when the account is fixed", arguments: [
        ("arn:aws:s3:us-west-2:123456789012:accesspoint/*", false),
        ("arn:aws:s3:us-west-2:*:accesspoint/*", true),
        ("arn:aws:s3:us-west-2::accesspoint/x", true),
    ])
    func accessPointArn(value: String, isPublic: Bool) throws {
        #expect(try Self.publicStatement("ArnLike", "s3:DataAccessPointArn", "\"\(value)\"").isPublic == isPublic)
    }

    @Test("operators that do not pin a value do not restrict", arguments: [
        ("StringNotEquals", false), ("StringEqualsIfExists", false), ("ForAllValues:StringEquals", false),
        ("StringNotLike", false), ("Null", false), ("ForAnyValue:StringEquals", true), ("StringLike", true),
        ("StringEqualsIgnoreCase", true),
    ])
    func operators(op: String, restricts: Bool) throws {
        #expect(try Self.publicStatement(op, "aws:SourceVpc", #""vpc-91237329""#).isPublic == !restricts)
    }

    @Test("NotIpAddress on aws:SourceIp does not restrict")
    func notIpAddress() throws {
        #expect(try Self.publicStatement("NotIpAddress", "aws:SourceIp", #""203.0.113.0/24""#).isPublic)
    }

    @Test("the guide's StringLike vpc-* example is public; a key outside the list does not restrict")
    func guideExamples() throws {
        #expect(try Self.publicStatement("StringLike", "aws:SourceVpc", #""vpc-*""#).isPublic)
        #expect(try Self.publicStatement("StringEquals", "aws:RequestedRegion", #""eu-west-1""#).isPublic)
    }
}
