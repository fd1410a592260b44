import Testing
@testable import AccessAnalysis

@Suite("Broad permission facts")
struct PermissionAnalysisTests {
    func analysis(_ statements: String...) throws -> PermissionAnalysis {
        let text = #"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}"
        let source = PolicySource(name: "p", document: try Fixture.document(text))
        return PermissionAnalysis(policies: [source], actions: try Fixture.actions)
    }

    @Test("Allow * on * is full admin")
    func adminStar() throws {
        let grant = try #require(try analysis(#"{"Effect":"Allow","Action":"*","Resource":"*"}"#).fullAdmin())
        #expect(grant.statements.count == 1 && !grant.isConditional)
    }

    @Test("Allow NotAction on * (PowerUserAccess) is every service but IAM, not full admin; scoped resources or actions are not admin")
    func adminNotAction() throws {
        let powerUser = try analysis(#"{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"}"#)
        #expect(powerUser.fullAdmin() == nil)
        #expect(powerUser.allActionsExcept().map(\.excluded) == [["iam:*", "organizations:*", "account:*"]])
        #expect(try analysis(#"{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b/*"}"#).fullAdmin() == nil)
        #expect(try analysis(#"{"Effect":"Allow","Action":"s3:*","Resource":"*"}"#).fullAdmin() == nil)
    }

    @Test("Allow * cut down by a Deny NotAction, or by a Deny of IAM, is not full admin; a Deny of one unrelated action is")
    func adminCutDown() throws {
        let allow = #"{"Effect":"Allow","Action":"*","Resource":"*"}"#
        #expect(try analysis(allow, #"{"Effect":"Deny","NotAction":["s3:*","ec2:Describe*"],"Resource":"*"}"#).fullAdmin() == nil)
        #expect(try analysis(allow, #"{"Effect":"Deny","Action":"iam:*","Resource":"*"}"#).fullAdmin() == nil)
        #expect(try analysis(allow, #"{"Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*"}"#).fullAdmin() != nil)
        #expect(try analysis(allow, #"{"Effect":"Deny","NotAction":"s3:*","Resource":"arn:aws:s3:::b"}"#).fullAdmin() != nil)
    }

    @Test("an unconditional Deny * cancels admin; a conditional one makes it conditional")
    func adminDenied() throws {
        let allow = #"{"Effect":"Allow","Action":"*","Resource":"*"}"#
        #expect(try analysis(allow, #"{"Effect":"Deny","Action":"*","Resource":"*"}"#).fullAdmin() == nil)
        let conditional = try #require(try analysis(allow,
            #"{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}"#).fullAdmin())
        #expect(conditional.isConditional && conditional.conditionalDenies.count == 1)
    }

    @Test("service-wide wildcards are listed per service, case folded, with their statements")
    func serviceWildcards() throws {
        let a = try analysis(#"{"Effect":"Allow","Action":["s3:*","S3:*","dynamodb:*","ec2:Describe*"],"Resource":"*"}"#,
                             #"{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::1:role/x","Condition":{"Bool":{"aws:SecureTransport":"true"}}}"#,
                             #"{"Effect":"Deny","Action":"dynamodb:*","Resource":"*"}"#)
        let wildcards = a.serviceWildcards()
        #expect(wildcards.map(\.service) == ["iam", "s3"])
        #expect(wildcards[0].grant.isConditional && !wildcards[0].grant.coversAllResources)
        #expect(!wildcards[1].grant.isConditional && wildcards[1].grant.statements.count == 1)
    }

    @Test("write and permissions-management actions on * are listed; reads and scoped writes are not")
    func writesOnStar() throws {
        let a = try analysis(#"{"Effect":"Allow","Action":["s3:Get*","s3:PutObject","iam:PassRole"],"Resource":"*"}"#,
                             #"{"Effect":"Allow","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::b/*"}"#)
        let writes = a.writeActionsOnAllResources()
        #expect(writes.map(\.action) == ["iam:PassRole", "s3:PutObject"])
        #expect(writes.map(\.level) == [.permissionsManagement, .write])
    }

    @Test("AWS Service Authorization Reference: a write action with no resource types (only \"*\" applies) is no write on all resources")
    func starOnlyActions() throws {
        let db = try Fixture.actions
        #expect(db.action("ssmmessages:OpenDataChannel")?.supportsResourceLevelPermissions == false)
        #expect(db.action("xray:PutTraceSegments")?.supportsResourceLevelPermissions == false)
        #expect(db.action("s3:PutObject")?.supportsResourceLevelPermissions == true)
        let a = try analysis(#"{"Effect":"Allow","Action":["ssmmessages:*","xray:PutTraceSegments","logs:PutLogEvents"],"Resource":"*"}"#)
        #expect(a.writeActionsOnAllResources().map(\.action) == ["logs:PutLogEvents"])
    }

    @Test("full admin lists every known write and permissions-management action with resource types, less what a Deny removes")
    func adminWrites() throws {
        let db = try Fixture.actions
        let expected = db.allActions.filter { $0.level.isWriteOrPermissionsManagement && $0.supportsResourceLevelPermissions && $0.service != "iam" }
        let writes = try analysis(#"{"Effect":"Allow","Action":"*","Resource":"*"}"#,
                                  #"{"Effect":"Deny","Action":"iam:*","Resource":"*"}"#).writeActionsOnAllResources()
        #expect(writes.count == expected.count)
        #expect(!writes.contains { $0.action.hasPrefix("iam:") })
    }

    @Test("iam:PassRole on * is found through wildcards, and not when scoped or denied")
    func passRole() throws {
        #expect(try analysis(#"{"Effect":"Allow","Action":"iam:Pass*","Resource":"*"}"#).passRoleOnAllResources() != nil)
        #expect(try analysis(#"{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::1:role/app"}"#).passRoleOnAllResources() == nil)
        #expect(try analysis(#"{"Effect":"Allow","Action":"iam:*","Resource":"*"}"#,
                             #"{"Effect":"Deny","Action":"iam:PassRole","Resource":"*"}"#).passRoleOnAllResources() == nil)
        let conditional = try #require(try analysis(
            #"{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}"#
        ).passRoleOnAllResources())
        #expect(conditional.grant.isConditional)
    }

    @Test("the summary gathers every fact for a power-user style policy")
    func summary() throws {
        let summary = try analysis(#"{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}"#,
                                   #"{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}"#).summary()
        #expect(summary.fullAdmin == nil && summary.allActionsExcept.count == 1)
        #expect(summary.serviceWildcards.isEmpty)
        #expect(summary.passRoleOnAllResources?.grant.statements.count == 1)
        #expect(summary.privilegeEscalations.map(\.method).contains(.passRoleToEC2))
        #expect(!summary.privilegeEscalations.map(\.method).contains(.createAccessKey))
        #expect(summary.writeActionsOnAllResources.contains { $0.action == "ec2:RunInstances" })
    }
}
