import AWSImport
import Findings
import Foundation
import NetModel
import Testing
@testable import Policy

/// `alb-http-forwards-with-https` on the `alb-listener-rules` fixture: an internet-facing ALB with HTTP:80 and
/// HTTPS:443 (AWS "Listeners for your Application Load Balancers": HTTP should redirect to HTTPS).
@Suite("Rule alb-http-forwards-with-https")
struct ALBHTTPForwardsWithHTTPSTests {
    static func inventory() throws -> Inventory {
        let fixture = WorkshopScanTests.root.appendingPathComponent("Tests/AWSImportTests/Fixtures/alb-listener-rules").path
        return try Importer().importPaths([fixture]).inventory
    }

    static func findings(_ inv: Inventory) throws -> [Finding] {
        try WorkshopScanTests.scan(inv).findings.filter { $0.ruleId == "alb-http-forwards-with-https" }
    }

    /// The HTTP listener redirecting to HTTPS: default action and every forwarding rule.
    static func redirectHTTP(_ inv: inout Inventory) {
        let redirect = ListenerAction(type: "redirect", redirect: "HTTPS://#{host}:443/#{path}?#{query} (HTTP_301)")
        for j in inv.loadBalancers[0].listeners.indices where inv.loadBalancers[0].listeners[j].port == 80 {
            inv.loadBalancers[0].listeners[j].defaultActions = [redirect]
            inv.loadBalancers[0].listeners[j].rules = inv.loadBalancers[0].listeners[j].rules?.map { rule in
                var r = rule
                if !r.forwardedTargetGroupArns.isEmpty { r.actions = [redirect] }
                return r
            }
        }
    }

    @Test("on: HTTP:80 forwards (default rule and /api/*) while HTTPS:443 exists — low, evidence names the listener and rules, fix redirects")
    func forwardsWithHTTPS() throws {
        let found = try Self.findings(try Self.inventory())
        let f = try #require(found.first)
        #expect(found.count == 1 && f.severity == .low && f.resource.name == "todoapp-alb")
        #expect(f.title == "todoapp-alb's HTTP:80 listener forwards to todoapp-backend-tg, todoapp-frontend-tg instead of redirecting to HTTPS:443")
        #expect(f.evidence.contains("HTTP:80 rule /api/* (priority 100): forward to todoapp-backend-tg"))
        #expect(f.evidence.contains("HTTP:80 default rule: forward to todoapp-frontend-tg"))
        #expect(!f.evidence.contains { $0.contains("priority 300") || $0.contains("priority 400") }, "redirect and fixed-response rules do not forward")
        let cli = try #require(f.fix.cli)
        #expect(cli.contains("aws elbv2 modify-listener --region us-east-1 --listener-arn arn:aws:elasticloadbalancing:us-east-1:111111111111:listener/app/todoapp-alb/50dc6c495c0c9188/f2f7dc8efc522ab2"))
        #expect(cli.contains("Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}"))
        #expect(cli.contains("aws elbv2 modify-rule") && cli.contains("listener-rule/app/todoapp-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/9d1e1b5a0c1f2e3d"))
        #expect(f.fix.terraform?.contains("resource \"aws_lb_listener\"") == true && f.fix.terraform?.contains("protocol    = \"HTTPS\"") == true)
    }

    @Test("a single forwarding rule is enough: default redirects, /api/* still forwards")
    func oneRuleForwards() throws {
        var inv = try Self.inventory()
        Self.redirectHTTP(&inv)
        let api = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/todoapp-backend-tg/1ab2c3d4e5f60789"
        inv.loadBalancers[0].listeners[0].rules?[0].actions = [ListenerAction(type: "forward", targetGroups: [WeightedTargetGroup(arn: api)])]
        let f = try #require(try Self.findings(inv).first)
        #expect(f.evidence.contains("HTTP:80 rule /api/* (priority 100): forward to todoapp-backend-tg") && !f.evidence.contains { $0.contains("default rule") })
    }

    @Test("off: HTTP redirects to HTTPS")
    func redirects() throws {
        var inv = try Self.inventory()
        Self.redirectHTTP(&inv)
        #expect(try Self.findings(inv).isEmpty)
    }

    @Test("off: a first rule matching every request (/*) redirects, so the forwarding rules after it are never reached")
    func catchAllRedirect() throws {
        var inv = try Self.inventory()
        let arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:listener-rule/app/todoapp-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/0001"
        inv.loadBalancers[0].listeners[0].rules?.insert(ListenerRule(arn: arn, priority: "1", conditions: [RuleCondition(field: "path-pattern", values: ["/*"])],
                                                                     actions: [ListenerAction(type: "redirect", redirect: "HTTPS://#{host}:443/#{path}?#{query} (HTTP_301)")]), at: 0)
        #expect(try Self.findings(inv).isEmpty)
    }

    @Test("off: no HTTPS listener, or an internal load balancer")
    func noHTTPSOrInternal() throws {
        var inv = try Self.inventory()
        inv.loadBalancers[0].listeners.removeAll { $0.protocolName == "HTTPS" }
        #expect(try Self.findings(inv).isEmpty)
        var inner = try Self.inventory()
        inner.loadBalancers[0].scheme = "internal"
        #expect(try Self.findings(inner).isEmpty)
    }
}
