import Foundation
import Testing
@testable import AWSImport
import NetModel

/// `aws elbv2 describe-rules` and listeners' `DefaultActions`, mapped as the AWS CLI prints them
/// (AWS "Listener rules for your Application Load Balancer").
@Suite("ELBv2 listener rules and actions")
struct ListenerRulesMapperTests {
    let result: ImportResult
    var inv: Inventory { result.inventory }

    init() throws {
        result = try Importer().importPaths([Fixtures.path("alb-listener-rules")])
    }

    private func listener(_ port: Int) throws -> Listener {
        let lb = try #require(inv.loadBalancers.first { $0.name == "todoapp-alb" })
        return try #require(lb.listeners.first { $0.port == port })
    }

    @Test("rules land on the listener their ARN names, whatever the file is called, in priority order with the default rule last")
    func rulesByArn() throws {
        let http = try listener(80), https = try listener(443)
        #expect(http.rules?.map(\.priority) == ["100", "150", "300", "400", "default"])
        #expect(http.rules?.last?.isDefault == true)
        #expect(https.rules?.map(\.priority) == ["10", "default"])
        #expect(inv.warnings.filter { $0.code != "secret-redacted" }.isEmpty, "unexpected warnings: \(inv.warnings)")
    }

    @Test("conditions: Field with Values and the *Config forms (path, host, header, query string, method, source-ip)")
    func conditions() throws {
        let http = try #require(try listener(80).rules)
        #expect(http[0].conditions == [RuleCondition(field: "path-pattern", values: ["/api/*"])], "Values and PathPatternConfig say the same once")
        #expect(http[0].label == "rule /api/* (priority 100)")
        #expect(http[1].conditions == [RuleCondition(field: "http-header", values: ["on"], headerName: "X-Canary"),
                                       RuleCondition(field: "query-string", values: ["version=2", "beta"]),
                                       RuleCondition(field: "http-request-method", values: ["GET", "HEAD"])])
        #expect(http[2].conditions == [RuleCondition(field: "host-header", values: ["old.todoapp.example.com"])])
        let admin = try #require(try listener(443).rules?.first)
        #expect(admin.conditions.last == RuleCondition(field: "source-ip", values: ["198.51.100.0/24"]))
        #expect(admin.sourcePrefixes == [IPPrefix("198.51.100.0/24")!])
        #expect(admin.label == "rule /admin/*, from 198.51.100.0/24 (priority 10)")
    }

    @Test("actions: forward (one group or weighted, weight 0 sends nothing), redirect as text, fixed-response, authenticate then forward")
    func actions() throws {
        let http = try #require(try listener(80).rules)
        let backend = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/todoapp-backend-tg/1ab2c3d4e5f60789"
        let frontend = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/todoapp-frontend-tg/73e2d6bc24d8a067"
        #expect(http[0].actions == [ListenerAction(type: "forward", targetGroups: [WeightedTargetGroup(arn: backend)])])
        #expect(http[1].actions[0].targetGroups == [WeightedTargetGroup(arn: frontend, weight: 100), WeightedTargetGroup(arn: backend, weight: 0)])
        #expect(http[1].forwardedTargetGroupArns == [frontend])
        #expect(http[1].actionSummary == "forward to todoapp-frontend-tg (weight 100), todoapp-backend-tg (weight 0)")
        #expect(http[2].actions == [ListenerAction(type: "redirect", order: 1, redirect: "HTTPS://todoapp.example.com:443/#{path}?#{query} (HTTP_301)")])
        #expect(http[2].actions[0].redirectsToHTTPS && http[2].forwardedTargetGroupArns.isEmpty)
        #expect(http[3].actions == [ListenerAction(type: "fixed-response", fixedResponseStatus: "200")])
        let admin = try #require(try listener(443).rules?.first)
        #expect(admin.orderedActions.map(\.type) == ["authenticate-oidc", "forward"])
        #expect(admin.preliminaryActions.first?.authenticationProvider == "https://idp.example.com")
        #expect(admin.forwardedTargetGroupArns == [frontend], "authenticate-oidc then forward still forwards")
    }

    @Test("listeners keep their default actions in full; the forwarded target groups are the union over the rules")
    func defaultActions() throws {
        let http = try listener(80), https = try listener(443)
        #expect(http.defaultActions?.map(\.summary) == ["forward to todoapp-frontend-tg"])
        #expect(https.defaultActions?.map(\.summary) == ["forward to todoapp-frontend-tg"], "ForwardConfig alone, without TargetGroupArn")
        #expect(http.forwardedTargetGroupArns.map(TargetGroup.name(fromArn:)) == ["todoapp-backend-tg", "todoapp-frontend-tg"])
        #expect(https.forwardedTargetGroupArns.map(TargetGroup.name(fromArn:)) == ["todoapp-frontend-tg"])
    }

    @Test("an OIDC client secret never reaches the stored documents; the warning names the member, not the value")
    func clientSecretRedacted() throws {
        #expect(!result.rawDocuments.contains { $0.content.contains("fixture-oidc-secret-value") })
        let warning = try #require(inv.warnings.first { $0.code == "secret-redacted" })
        #expect(warning.message.contains("Rules[0].Actions[0].AuthenticateOidcConfig.ClientSecret"))
        #expect(!warning.message.contains("fixture-oidc-secret-value"))
    }

    @Test("rules of a listener the snapshot lacks: a named warning; other services' Rules stay unsupported with their own message")
    func orphansAndOtherRules() throws {
        let orphan = Array(#"{"Rules": [{"RuleArn": "arn:aws:elasticloadbalancing:us-east-1:111111111111:listener-rule/app/gone/0123/4567/89ab", "Priority": "default", "IsDefault": true, "Actions": []}]}"#.utf8)
        let events = Array(#"{"Rules": [{"Name": "nightly", "Arn": "arn:aws:events:us-east-1:111111111111:rule/nightly", "EventBusName": "default", "ScheduleExpression": "rate(1 day)"}]}"#.utf8)
        let files = [InputFile(displayPath: "a.json", account: nil, region: nil, baseName: "a", contents: orphan),
                     InputFile(displayPath: "b.json", account: nil, region: nil, baseName: "b", contents: events)]
        let warnings = try Importer().importFiles(files).inventory.warnings
        let lost = try #require(warnings.first { $0.code == "orphan-listener-rules" })
        #expect(lost.message.contains("listener/app/gone/0123/4567"))
        let other = try #require(warnings.first { $0.code == "unsupported-document" })
        #expect(other.source == "b.json" && other.message.contains("EventBridge rules"))
    }

    @Test("a rule ARN that is not a listener rule's names the member")
    func badArn() {
        let body = Array(#"{"Rules": [{"RuleArn": "arn:aws:elasticloadbalancing:us-east-1:111111111111:rule/x", "Priority": "1"}]}"#.utf8)
        let file = InputFile(displayPath: "r.json", account: nil, region: nil, baseName: "r", contents: body)
        do { _ = try Importer().importFiles([file]); Issue.record("expected an error") } catch {
            #expect(error.description.contains("Rules[0]") && error.description.contains("not a listener rule ARN"))
        }
    }
}
