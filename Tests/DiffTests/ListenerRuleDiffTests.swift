import AWSImport
import Foundation
import NetModel
import Testing
@testable import Diff

/// A load balancer's listener rules in configuration diffs: one rule edited in place is one modification.
@Suite("Listener rule changes")
struct ListenerRuleDiffTests {
    static func inventory() throws -> Inventory {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AWSImportTests/Fixtures/alb-listener-rules").path
        return try Importer().importPaths([fixture]).inventory
    }

    private func change(_ old: Inventory, _ new: Inventory) throws -> ResourceChange {
        try #require(ConfigDiff.compare(old, new).first { $0.resource == old.loadBalancers[0].id })
    }

    @Test("a rule whose path pattern changed is one modification of that rule")
    func ruleEdited() throws {
        let base = try Self.inventory()
        var new = base
        new.loadBalancers[0].listeners[0].rules?[0].conditions = [RuleCondition(field: "path-pattern", values: ["/api/v2/*"])]
        let c = try change(base, new)
        #expect(c.change == .modified)
        #expect(c.details == ["listener rule modified: HTTP 80 rule /api/* (priority 100): forward to todoapp-backend-tg → HTTP 80 rule /api/v2/* (priority 100): forward to todoapp-backend-tg"])
    }

    @Test("a rule added, and a default action changed to a redirect, are reported")
    func ruleAddedAndDefaultChanged() throws {
        let base = try Self.inventory()
        var new = base
        let arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:listener-rule/app/todoapp-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/0000"
        new.loadBalancers[0].listeners[0].rules?.insert(ListenerRule(arn: arn, priority: "50", conditions: [RuleCondition(field: "host-header", values: ["x.example.com"])],
                                                                     actions: [ListenerAction(type: "fixed-response", fixedResponseStatus: "403")]), at: 0)
        new.loadBalancers[0].listeners[0].defaultActions = [ListenerAction(type: "redirect", redirect: "HTTPS://#{host}:443/#{path}?#{query} (HTTP_301)")]
        let c = try change(base, new)
        #expect(c.details.contains("listener rule added: HTTP 80 rule host x.example.com (priority 50): fixed response 403"))
        #expect(c.details.contains("listener modified: HTTP 80 default: forward to todoapp-frontend-tg → HTTP 80 default: redirect to HTTPS://#{host}:443/#{path}?#{query} (HTTP_301)"))
    }
}
