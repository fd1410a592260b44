import Testing
@testable import AccessAnalysis

@Suite("Privilege-escalation detection")
struct PrivilegeEscalationTests {
    func paths(_ statements: String...) throws -> [EscalationPath] {
        let text = #"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}"
        let source = PolicySource(name: "p", document: try Fixture.document(text))
        return PermissionAnalysis(policies: [source], actions: try Fixture.actions).privilegeEscalations()
    }

    @Test("single-action methods are detected", arguments: [
        ("iam:CreatePolicyVersion", EscalationMethod.createPolicyVersion),
        ("iam:SetDefaultPolicyVersion", .setDefaultPolicyVersion),
        ("iam:AttachUserPolicy", .attachUserPolicy),
        ("iam:AttachGroupPolicy", .attachGroupPolicy),
        ("iam:PutUserPolicy", .putUserPolicy),
        ("iam:PutGroupPolicy", .putGroupPolicy),
        ("iam:CreateAccessKey", .createAccessKey),
        ("iam:CreateLoginProfile", .createLoginProfile),
        ("iam:AddUserToGroup", .addUserToGroup),
        ("lambda:UpdateFunctionCode", .updateLambdaCode),
        ("glue:UpdateDevEndpoint", .updateGlueDevEndpoint),
    ])
    func singleAction(action: String, method: EscalationMethod) throws {
        let found = try paths(#"{"Effect":"Allow","Action":"\#(action)","Resource":"*"}"#)
        #expect(found.map(\.method) == [method])
        #expect(found.first?.coversAllResources == true && found.first?.isConditional == false)
    }

    @Test("combinations need every action", arguments: [
        (["iam:PassRole", "ec2:RunInstances"], EscalationMethod.passRoleToEC2),
        (["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], .passRoleToLambdaInvoke),
        (["iam:PassRole", "cloudformation:CreateStack"], .passRoleToCloudFormation),
        (["iam:PassRole", "glue:CreateDevEndpoint"], .passRoleToGlueDevEndpoint),
        (["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"], .passRoleToCodeBuild),
        (["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], .passRoleToDataPipeline),
        (["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"], .updateAssumeRolePolicy),
        (["iam:AttachRolePolicy", "sts:AssumeRole"], .attachRolePolicy),
        (["iam:PutRolePolicy", "sts:AssumeRole"], .putRolePolicy),
    ])
    func combinations(actions: [String], method: EscalationMethod) throws {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ",")
        #expect(try paths(#"{"Effect":"Allow","Action":[\#(list)],"Resource":"*"}"#).map(\.method).contains(method))
        let missingLast = actions.dropLast().map { "\"\($0)\"" }.joined(separator: ",")
        #expect(!(try paths(#"{"Effect":"Allow","Action":[\#(missingLast)],"Resource":"*"}"#).map(\.method).contains(method)))
    }

    @Test("each step names its granting statements; scoped and conditional grants are flagged")
    func stepDetails() throws {
        let found = try paths(
            #"{"Sid":"Pass","Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::1:role/admin"}"#,
            #"{"Sid":"Run","Effect":"Allow","Action":"ec2:Run*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}"#)
        let path = try #require(found.first { $0.method == .passRoleToEC2 })
        #expect(path.steps.map { $0.grant.statements.map(\.statement.label) } == [["\"Pass\""], ["\"Run\""]])
        #expect(!path.coversAllResources)
        #expect(path.isConditional)
    }

    @Test("an unconditional Deny on every resource removes the method")
    func deniedStep() throws {
        let found = try paths(#"{"Effect":"Allow","Action":"iam:*","Resource":"*"}"#,
                              #"{"Effect":"Deny","Action":["iam:Create*","iam:Put*","iam:Attach*","iam:Set*","iam:Update*","iam:Add*"],"Resource":"*"}"#)
        #expect(found.isEmpty)
    }

    @Test("administrator access allows every method (the own-role variants give way to assuming the role)")
    func adminHasAll() throws {
        #expect(try paths(#"{"Effect":"Allow","Action":"*","Resource":"*"}"#).count == EscalationMethod.allCases.filter { !$0.targetsOwnRole }.count)
        let asRole = try paths(as: "arn:aws:iam::1:role/r", #"{"Effect":"Allow","Action":"*","Resource":"*"}"#)
        #expect(!asRole.contains(.putOwnRolePolicy) && asRole.contains(.putRolePolicy))
    }

    func paths(as principal: String, _ statements: String...) throws -> [EscalationMethod] {
        let text = #"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}"
        let source = PolicySource(name: "p", document: try Fixture.document(text))
        return PermissionAnalysis(policies: [source], actions: try Fixture.actions, principalArn: principal).privilegeEscalations().map(\.method)
    }

    @Test("Granting permission to pass a role: iam:PassedToService limited to services that cannot run code with the role is no EC2 or Lambda path")
    func passedToService() throws {
        func methods(_ services: String) throws -> [EscalationMethod] {
            try paths(as: "arn:aws:iam::1:user/u",
                      #"{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":\#(services)}}}"#,
                      #"{"Effect":"Allow","Action":["ec2:RunInstances","lambda:CreateFunction","lambda:InvokeFunction"],"Resource":"*"}"#)
        }
        #expect(try methods(#""ecs-tasks.amazonaws.com""#).isEmpty)
        #expect(try methods(#""ec2.amazonaws.com""#) == [.passRoleToEC2])
        #expect(try methods(#"["lambda.amazonaws.com","states.amazonaws.com"]"#) == [.passRoleToLambdaInvoke])
        #expect(try methods(#""*.amazonaws.com""#) == [.passRoleToEC2, .passRoleToLambdaInvoke])
    }

    @Test("IAM policy elements: Variables: credentials actions on user/${aws:username} reach no other user")
    func policyVariableSelf() throws {
        let own = #"{"Effect":"Allow","Action":["iam:CreateAccessKey","iam:UpdateLoginProfile"],"Resource":"arn:aws:iam::111122223333:user/${aws:username}"}"#
        #expect(try paths(as: "arn:aws:iam::111122223333:user/alice", own).isEmpty)
        let others = #"{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"arn:aws:iam::111122223333:user/*"}"#
        #expect(try paths(as: "arn:aws:iam::111122223333:user/alice", others) == [.createAccessKey])
        // Writing one's own inline policy is escalation, scoped to oneself or not.
        #expect(try paths(as: "arn:aws:iam::111122223333:user/alice",
                          #"{"Effect":"Allow","Action":"iam:PutUserPolicy","Resource":"arn:aws:iam::111122223333:user/${aws:username}"}"#) == [.putUserPolicy])
    }

    @Test("a role allowed to rewrite its own policies escalates without sts:AssumeRole")
    func ownRole() throws {
        let role = "arn:aws:iam::111122223333:role/app"
        #expect(try paths(as: role, #"{"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"arn:aws:iam::111122223333:role/app"}"#) == [.putOwnRolePolicy])
        #expect(try paths(as: role, #"{"Effect":"Allow","Action":"iam:AttachRolePolicy","Resource":"*"}"#) == [.attachOwnRolePolicy])
        #expect(try paths(as: role, #"{"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"arn:aws:iam::111122223333:role/other"}"#).isEmpty)
        #expect(try paths(as: role, #"{"Effect":"Allow","Action":["iam:PutRolePolicy","sts:AssumeRole"],"Resource":"*"}"#) == [.putRolePolicy])
        #expect(try paths(as: "arn:aws:iam::111122223333:user/u", #"{"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"*"}"#).isEmpty)
    }
}
