import NetModel
import Testing
@testable import Diff

/// Reachability restricted to touched tiers gives the same answer as the full recomputation.
@Suite("Reachability delta")
struct ReachabilityDeltaTests {
    let base: Inventory

    init() throws { base = try Workshop.inventory() }

    private func both(_ new: Inventory) -> (restricted: ReachabilityChanges, full: ReachabilityChanges) {
        let changes = ConfigDiff.compare(base, new)
        let delta = ReachabilityDelta(old: base, new: new, definitions: [], changes: changes)
        var full = delta
        full.impact.global = true
        return (delta.compare(), full.compare())
    }

    @Test("closing the load balancer closes the path through it to its targets")
    func throughLoadBalancer() throws {
        var new = base
        Workshop.editGroup(&new, "sg-07817419de6c0fc46") { $0.ingress.removeAll() }
        let (restricted, full) = both(new)
        #expect(restricted == full)
        #expect(restricted.closed.contains { $0.from == "internet" && $0.to == "demo-app-alb" && $0.ports == [[80, 80]] })
        let via = try #require(restricted.closed.first { $0.from == "internet" && $0.to == "demo-app-asg" })
        #expect(via.via == ["demo-app-alb"] && via.ports.isEmpty)
        #expect(via.title == "internet → demo-app-asg via load balancer demo-app-alb")
    }

    @Test("restricted and full recomputation agree on the exposed database")
    func agree() {
        var new = base
        Workshop.exposeDatabase(&new)
        let (restricted, full) = both(new)
        #expect(restricted == full)
        #expect(!restricted.opened.isEmpty)
    }

    @Test("policy file tiers: a tier selecting nothing in one snapshot is empty, not an error")
    func definedTiers() throws {
        var new = base
        Workshop.exposeDatabase(&new)
        let defs: [(name: String, terms: [String])] = [("db", ["rds"]), ("web", ["alb"]), ("ghost", ["tag:Role=none"])]
        let changes = ConfigDiff.compare(base, new)
        let result = ReachabilityDelta(old: base, new: new, definitions: defs, changes: changes).compare()
        let path = try #require(result.opened.first { $0.from == "internet" && $0.to == "db" })
        #expect(path.causes.contains { $0.contains("ingress rule added: tcp/3306 from 0.0.0.0/0") })
    }
}
