import Testing
@testable import AccessAnalysis

@Suite("Policy evaluation")
struct PolicyEvaluatorTests {
    let readBucket = #"{"Sid":"Read","Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::data/*"}"#

    @Test("an allow decides, and the deciding statement is reported with its policy")
    func allow() throws {
        let evaluator = PolicyEvaluator(policies: [try Fixture.source("inline \"read\"", readBucket)])
        let result = evaluator.evaluate(action: "s3:GetObject", resource: "arn:aws:s3:::data/report.csv")
        #expect(result.decision == .allowed)
        #expect(result.decidingStatements.map(\.description) == ["inline \"read\" \"Read\""])
    }

    @Test("without a matching allow the request is denied by default")
    func defaultDeny() throws {
        let evaluator = PolicyEvaluator(policies: [try Fixture.source("p", readBucket)])
        #expect(evaluator.evaluate(action: "s3:PutObject", resource: "arn:aws:s3:::data/x").decision == .implicitlyDenied)
        #expect(evaluator.evaluate(action: "s3:GetObject", resource: "arn:aws:s3:::other/x").decision == .implicitlyDenied)
        #expect(evaluator.evaluate(action: "s3:GetObject", resource: "arn:aws:s3:::other/x").decidingStatements.isEmpty)
    }

    @Test("an explicit deny in another policy overrides an allow")
    func denyOverrides() throws {
        let evaluator = PolicyEvaluator(policies: [
            try Fixture.source("admin", #"{"Effect":"Allow","Action":"*","Resource":"*"}"#),
            try Fixture.source("guard", #"{"Sid":"NoDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"*"}"#),
        ])
        let result = evaluator.evaluate(action: "s3:DeleteObject", resource: "arn:aws:s3:::data/x")
        #expect(result.decision == .denied)
        #expect(result.decidingStatements.map(\.description) == ["guard \"NoDelete\""])
        #expect(result.allowingStatements.count == 1)
        #expect(evaluator.evaluate(action: "s3:GetObject", resource: "arn:aws:s3:::data/x").decision == .allowed)
    }

    @Test("a conditional allow is reported as allowed under conditions, with its conditions")
    func conditionalAllow() throws {
        let evaluator = PolicyEvaluator(policies: [try Fixture.source("p",
            #"{"Effect":"Allow","Action":"ec2:TerminateInstances","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"dev"}}}"#)])
        let result = evaluator.evaluate(action: "ec2:TerminateInstances", resource: "*")
        #expect(result.decision == .allowedUnderConditions)
        #expect(result.decidingStatements.first?.statement.conditions.first?.key == "aws:ResourceTag/env")
    }

    @Test("a conditional deny does not deny outright but makes the allow conditional")
    func conditionalDeny() throws {
        let evaluator = PolicyEvaluator(policies: [try Fixture.source("p",
            #"{"Effect":"Allow","Action":"s3:*","Resource":"*"}"#,
            #"{"Sid":"OffNetwork","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}"#)])
        let result = evaluator.evaluate(action: "s3:GetObject", resource: "arn:aws:s3:::x/y")
        #expect(result.decision == .allowedUnderConditions)
        #expect(result.decidingStatements.map(\.statement.label) == ["statement 1", "\"OffNetwork\""])
        #expect(evaluator.evaluate(action: "iam:CreateUser", resource: "*").decision == .implicitlyDenied)
    }

    @Test("an unconditional allow beside a conditional one is allowed outright")
    func mixedAllows() throws {
        let evaluator = PolicyEvaluator(policies: [try Fixture.source("p",
            #"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}"#,
            #"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"#)])
        let result = evaluator.evaluate(action: "s3:GetObject", resource: "arn:aws:s3:::b/k")
        #expect(result.decision == .allowed)
        #expect(result.allowingStatements.count == 2)
    }

    @Test("in a request context, conditions that fail drop the statement and conditions that hold make it unconditional")
    func withContext() throws {
        let evaluator = PolicyEvaluator(policies: [try Fixture.source("p",
            #"{"Effect":"Allow","Action":"ec2:TerminateInstances","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"dev"}}}"#,
            #"{"Sid":"TLS","Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#)])
        let dev = RequestContext(values: ["aws:ResourceTag/env": ["dev"], "aws:SecureTransport": ["true"]])
        #expect(evaluator.evaluate(action: "ec2:TerminateInstances", resource: "*", context: dev).decision == .allowed)
        let prod = RequestContext(values: ["aws:ResourceTag/env": ["prod"], "aws:SecureTransport": ["true"]])
        #expect(evaluator.evaluate(action: "ec2:TerminateInstances", resource: "*", context: prod).decision == .implicitlyDenied)
        let plain = RequestContext(values: ["aws:ResourceTag/env": ["dev"], "aws:SecureTransport": ["false"]])
        #expect(evaluator.evaluate(action: "ec2:TerminateInstances", resource: "*", context: plain).decision == .denied)
        #expect(evaluator.evaluate(action: "ec2:TerminateInstances", resource: "*", context: RequestContext()).decision == .allowedUnderConditions)
    }
}
