import AWSImport
import Foundation
import NetModel
import Testing
@testable import Reachability

/// Which listener and rule a request takes to a target (AWS "Listener rules for your Application Load Balancer",
/// "Listeners for your Application Load Balancers"): the ALB of `alb-listener-rules` forwards HTTP:80 /api/* to the
/// backend, everything else (and all of HTTPS:443) to the frontend.
@Suite("Reachability through listener rules")
struct ListenerRulesReachabilityTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AWSImportTests/Fixtures/alb-listener-rules").path

    static func inventory() throws -> Inventory { try Importer().importPaths([fixture]).inventory }

    static func answer(_ inv: Inventory, _ from: String, _ to: String, port: Int) throws -> PairAnswer {
        let solver = Solver(inventory: inv)
        let pairs = solver.answer(from: try solver.selector.resolve(from), to: try solver.selector.resolve(to), proto: .tcp, ports: PortSet(port))
        return try #require(pairs.first)
    }

    /// Rewrites the HTTP:80 rule at `priority` of the fixture's ALB.
    static func editRule(_ inv: inout Inventory, priority: String, _ edit: (inout ListenerRule) -> Void) {
        for i in inv.loadBalancers.indices {
            for j in inv.loadBalancers[i].listeners.indices where inv.loadBalancers[i].listeners[j].port == 80 {
                for k in inv.loadBalancers[i].listeners[j].rules?.indices ?? 0..<0 where inv.loadBalancers[i].listeners[j].rules?[k].priority == priority {
                    edit(&inv.loadBalancers[i].listeners[j].rules![k])
                }
            }
        }
    }

    @Test("internet → todoapp-backend:8000 goes through todoapp-alb, listener tcp/80, rule /api/* (priority 100); HTTPS:443 says it does not forward there")
    func backendThroughPathRule() throws {
        let answer = try Self.answer(try Self.inventory(), "internet", "todoapp-backend", port: 8000)
        let route = try #require(answer.viaLoadBalancers.first)
        #expect(route.loadBalancer == "todoapp-alb" && route.listenerPorts == [80] && route.targetPort == 8000)
        #expect(route.rules == ["listener tcp/80 (HTTP): rule /api/* (priority 100)"])
        let leg = try #require(answer.loadBalancerLegs.first { $0.reachable })
        let hop = try #require(leg.path.first { $0.kind == "load-balancer-rule" })
        #expect(hop.detail == "todoapp-alb listener tcp/80 (HTTP): rule /api/* (priority 100) forwards to todoapp-backend-tg")
        let note = try #require(route.notes.first { $0.hasPrefix("listener tcp/443 (HTTPS) does not forward to todoapp-backend-tg") })
        #expect(note.contains("default rule: forward to todoapp-frontend-tg"))
        // Rule 150 lists the backend at weight 0: it sends nothing there, so only rule 100 is named.
        #expect(!hop.detail.contains("priority 150"))
    }

    @Test("internet → todoapp-frontend:3000 goes through the default rules of both listeners; the OIDC rule says clients sign in first")
    func frontendThroughDefaultRules() throws {
        let answer = try Self.answer(try Self.inventory(), "internet", "todoapp-frontend", port: 3000)
        let route = try #require(answer.viaLoadBalancers.first)
        #expect(route.listenerPorts == [80, 443])
        #expect(route.rules?.contains("listener tcp/80 (HTTP): default rule") == true)
        #expect(route.rules?.contains("listener tcp/443 (HTTPS): rule /admin/*, from 198.51.100.0/24 (priority 10)") == true)
        let hop = try #require(answer.loadBalancerLegs.first { $0.reachable }?.path.first { $0.kind == "load-balancer-rule" })
        #expect(hop.detail.contains("authenticate-oidc (https://idp.example.com) first: only clients that sign in are forwarded"))
        #expect(hop.detail.contains("rule /header X-Canary: on") == false && hop.detail.contains("priority 150") && hop.detail.contains("weight 100 of 100"))
        #expect(!route.notes.contains { $0.contains("does not forward") }, "both listeners forward to the frontend")
    }

    @Test("a source-ip condition narrows the internet clients that get through to the rule's blocks")
    func sourceIpNarrowsClients() throws {
        var inv = try Self.inventory()
        Self.editRule(&inv, priority: "100") { $0.conditions.append(RuleCondition(field: "source-ip", values: ["203.0.113.0/24"])) }
        let answer = try Self.answer(inv, "internet", "todoapp-backend", port: 8000)
        let leg = try #require(answer.loadBalancerLegs.first { $0.reachable })
        #expect(leg.sources == ["203.0.113.0/24"])
        #expect(leg.path.contains { $0.kind == "load-balancer-rule" && $0.detail.contains("only clients from 203.0.113.0/24, source-ip") })
    }

    @Test("a source-ip condition no internet client matches blocks the way, and the blocker names the rule")
    func sourceIpExcludesInternet() throws {
        var inv = try Self.inventory()
        Self.editRule(&inv, priority: "100") { $0.conditions.append(RuleCondition(field: "source-ip", values: ["10.0.0.0/8"])) }
        let answer = try Self.answer(inv, "internet", "todoapp-backend", port: 8000)
        #expect(answer.viaLoadBalancers.isEmpty)
        let leg = try #require(answer.loadBalancerLegs.first)
        #expect(!leg.reachable && leg.blockers.map(\.kind) == ["listener-rule-source-ip"])
        #expect(leg.blockers[0].detail.contains("rule /api/*, from 10.0.0.0/8 (priority 100)") && leg.blockers[0].detail.contains("10.0.0.0/8"))
    }

    @Test("a source-ip condition admits or leaves out a source inside the VPC by its private address",
          arguments: [("10.0.11.0/24", true), ("192.168.0.0/16", false)])
    func sourceIpInsideVPC(block: String, admitted: Bool) throws {
        var inv = try Self.inventory()
        Self.editRule(&inv, priority: "100") { $0.conditions.append(RuleCondition(field: "source-ip", values: [block])) }
        let answer = try Self.answer(inv, "todoapp-frontend", "todoapp-backend", port: 8000)
        #expect(answer.viaLoadBalancers.map(\.loadBalancer) == (admitted ? ["todoapp-alb"] : []))
        if !admitted {
            let blocker = try #require(answer.loadBalancerLegs.first?.blockers.first)
            #expect(blocker.kind == "listener-rule-source-ip" && blocker.detail.contains("[10.0.11.20] is not among them"))
        }
    }

    @Test("a redirect or fixed-response rule sends nothing: with /api/* redirecting, no listener forwards to the backend, and the note says so")
    func redirectSendsNothing() throws {
        var inv = try Self.inventory()
        Self.editRule(&inv, priority: "100") { $0.actions = [ListenerAction(type: "redirect", redirect: "HTTPS://#{host}:443/#{path}?#{query} (HTTP_301)")] }
        let answer = try Self.answer(inv, "internet", "todoapp-backend", port: 8000)
        #expect(answer.viaLoadBalancers.isEmpty && answer.loadBalancerLegs.isEmpty)
        #expect(answer.best.notes.contains { $0.hasPrefix("no listener of todoapp-alb forwards to todoapp-backend-tg") && $0.contains("redirect to HTTPS://") })
    }

    @Test("a rule matching every request (/*) shadows the rules after it: /api/* behind a catch-all redirect is never reached")
    func catchAllShadows() throws {
        var inv = try Self.inventory()
        let arn = "arn:aws:elasticloadbalancing:us-east-1:111111111111:listener-rule/app/todoapp-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/0001"
        inv.loadBalancers[0].listeners[0].rules?.insert(ListenerRule(arn: arn, priority: "1", conditions: [RuleCondition(field: "path-pattern", values: ["/*"])],
                                                                     actions: [ListenerAction(type: "redirect", redirect: "HTTPS://#{host}:443/#{path}?#{query} (HTTP_301)")]), at: 0)
        let answer = try Self.answer(inv, "internet", "todoapp-backend", port: 8000)
        #expect(answer.viaLoadBalancers.isEmpty)
        #expect(answer.best.notes.contains { $0.contains("rule /* (priority 1) matches every request, so the later rules that forward there are never reached") })
        // The frontend is still reached, through HTTPS:443 only.
        #expect(try Self.answer(inv, "internet", "todoapp-frontend", port: 3000).viaLoadBalancers.first?.listenerPorts == [443])
    }

    @Test("without describe-rules output, a target group reached only by rules is unknown, not absent")
    func rulesNotCaptured() throws {
        var inv = try Self.inventory()
        for j in inv.loadBalancers[0].listeners.indices { inv.loadBalancers[0].listeners[j].rules = nil }
        let answer = try Self.answer(inv, "internet", "todoapp-backend", port: 8000)
        #expect(answer.viaLoadBalancers.isEmpty)
        #expect(answer.best.notes.contains { $0.contains("were not captured (elbv2 describe-rules)") && $0.contains("todoapp-backend-tg") })
        // The default actions alone still carry the frontend.
        #expect(try Self.answer(inv, "internet", "todoapp-frontend", port: 3000).viaLoadBalancers.first?.rules == ["listener tcp/80 (HTTP): default rule", "listener tcp/443 (HTTPS): default rule"])
    }
}
