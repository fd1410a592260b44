import Testing
@testable import AccessAnalysis

@Suite("Action and resource matching")
struct PolicyMatchTests {
    @Test("actions match case-insensitively with * and ? wildcards", arguments: [
        ("s3:GetObject", "s3:GetObject", true),
        ("S3:getobject", "s3:GetObject", true),
        ("s3:Get*", "s3:GetObjectAcl", true),
        ("s3:Get*", "s3:PutObject", false),
        ("s3:*", "s3:ListBucket", true),
        ("s3:*", "s3express:CreateSession", false),
        ("*", "iam:PassRole", true),
        ("iam:?assRole", "iam:PassRole", true),
        ("iam:?assRole", "iam:PPassRole", false),
        ("ec2:*Instances", "ec2:RunInstances", true),
        ("ec2:Describe*s", "ec2:DescribeVpc", false),
    ])
    func actions(pattern: String, action: String, expected: Bool) {
        #expect(PolicyMatch.action(action, matches: pattern) == expected)
    }

    @Test("ARNs match case-sensitively except the service, wildcards span the resource part", arguments: [
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b.txt", true),
        ("arn:aws:S3:::bucket/*", "arn:aws:s3:::bucket/x", true),
        ("arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/x", false),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false),
        ("arn:aws:iam::*:role/admin-?", "arn:aws:iam::111122223333:role/admin-1", true),
        ("arn:aws:iam::*:role/admin-?", "arn:aws:iam::111122223333:role/admin-10", false),
        ("arn:aws:logs:*:*:log-group:app:*", "arn:aws:logs:us-east-1:1:log-group:app:log-stream:x", true),
        ("*", "arn:aws:ec2:us-east-1:1:instance/i-1", true),
        ("arn:aws:s3:::bucket", "*", false),
    ])
    func resources(pattern: String, resource: String, expected: Bool) {
        #expect(PolicyMatch.resource(resource, matches: pattern) == expected)
    }

    @Test("NotAction and NotResource cover everything except what they list")
    func negatedLists() throws {
        let s = try Fixture.policy(#"{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"NotResource":"arn:aws:s3:::secret/*"}"#).statements[0]
        #expect(s.applies(toAction: "s3:GetObject", resource: "arn:aws:s3:::public/a"))
        #expect(!s.applies(toAction: "IAM:CreateUser", resource: "*"))
        #expect(!s.applies(toAction: "s3:GetObject", resource: "arn:aws:s3:::secret/a"))
        #expect(s.applies(toAction: "ec2:RunInstances", resource: "*"))
    }
}
