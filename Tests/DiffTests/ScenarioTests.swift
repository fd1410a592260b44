import Findings
import NetModel
import Testing
@testable import Diff

/// The three workshop scenarios: the database exposed, the bastion closed, nothing changed.
@Suite("Workshop diff scenarios")
struct ScenarioTests {
    let base: Inventory

    init() throws { base = try Workshop.inventory() }

    @Test("no change: empty diff, gate passes")
    func noChange() throws {
        let result = try Workshop.diff(base, base)
        #expect(result.changes.isEmpty)
        #expect(result.findings.new.isEmpty && result.findings.resolved.isEmpty)
        #expect(result.findings.unchanged > 0)
        #expect(result.reachability.isEmpty && result.reachability.skipped)
        #expect(result.isEmpty)
        #expect(!result.gating.failed && result.gating.exitCode == 0)
    }

    @Test("database exposed: new critical finding, internet → my-demo-db tcp/3306 caused by the added rule")
    func databaseExposed() throws {
        var new = base
        Workshop.exposeDatabase(&new)
        let result = try Workshop.diff(base, new)

        let group = try #require(result.changes.first { $0.resource == Workshop.dbGroup })
        #expect(group.change == .modified && group.name == "demo-app-db-sg")
        #expect(group.details == ["ingress rule added: tcp/3306 from 0.0.0.0/0"])
        let db = try #require(result.changes.first { $0.kind == "db-instance" })
        #expect(db.details.contains("PubliclyAccessible: false → true"))
        let table = try #require(result.changes.first { $0.resource == Workshop.privateRouteTable })
        #expect(table.details.count == 1)
        #expect(table.details.first?.hasPrefix("route modified: 0.0.0.0/0 via nat") == true)

        #expect(result.findings.new.contains { $0.severity == .critical })
        let path = try #require(result.reachability.opened.first { $0.from == "internet" && $0.to == "my-demo-db" })
        #expect(path.ports.contains { $0[0] <= 3306 && 3306 <= $0[1] })
        #expect(path.severity == .critical)
        #expect(path.causes.contains("\(Workshop.dbGroup) (demo-app-db-sg) ingress rule added: tcp/3306 from 0.0.0.0/0"))
        #expect(path.causes.contains("my-demo-db PubliclyAccessible: false → true"))
        #expect(path.causes.contains { $0.hasPrefix("\(Workshop.dbInterface) (RDSNetworkInterface) public IPs: none → ") })
        #expect(path.causes.contains { $0.hasPrefix("\(Workshop.privateRouteTable) (demo-app-private-rt-1) route modified:") })
        let privatePath = try #require(result.reachability.opened.first { $0.from == "demo-app-bastion-host" && $0.to == "my-demo-db" })
        #expect(privatePath.causes == ["\(Workshop.dbGroup) (demo-app-db-sg) ingress rule added: tcp/3306 from 0.0.0.0/0"])
        #expect(result.gating.failed)
        #expect(result.gating.paths.contains(path.title))
    }

    @Test("bastion SSH removed: resolved finding, internet → bastion closed")
    func bastionClosed() throws {
        var new = base
        Workshop.editGroup(&new, Workshop.bastionGroup) { $0.ingress.removeAll { $0.fromPort == 22 } }
        let result = try Workshop.diff(base, new)
        #expect(result.changes.count == 1)
        #expect(result.changes.first?.details == ["ingress rule removed: tcp/22 from 0.0.0.0/0"])
        #expect(!result.findings.resolved.isEmpty)
        #expect(result.findings.new.isEmpty)
        let closed = try #require(result.reachability.closed.first { $0.from == "internet" && $0.to == "demo-app-bastion-host" })
        #expect(closed.ports == [[22, 22]])
        #expect(closed.causes.contains { $0.contains("demo-app-bastion-host-sg") && $0.contains("ingress rule removed: tcp/22") })
        #expect(result.reachability.opened.isEmpty)
        #expect(!result.gating.failed)
    }

    @Test("gate thresholds: none never fails; critical fails on a critical opened path")
    func thresholds() throws {
        var new = base
        Workshop.exposeDatabase(&new)
        #expect(try !Workshop.diff(base, new, threshold: nil).gating.failed)
        #expect(try Workshop.diff(base, new, threshold: .critical).gating.failed)
    }

    @Test("a web port opened to the internet is high, not critical")
    func webPortIsHigh() throws {
        var new = base
        Workshop.editGroup(&new, Workshop.bastionGroup) { $0.ingress.append(Workshop.rule(443, "0.0.0.0/0")) }
        let result = try Workshop.diff(base, new, threshold: .critical)
        let path = try #require(result.reachability.opened.first { $0.from == "internet" && $0.to == "demo-app-bastion-host" })
        #expect(path.ports == [[443, 443]])
        #expect(path.severity == .high)
        #expect(result.gating.paths.isEmpty)
    }

    @Test("causes are directional: a source's ingress rules do not explain its outgoing paths")
    func directionalCauses() throws {
        var new = base
        Workshop.editGroup(&new, Workshop.bastionGroup) { $0.ingress.removeAll { $0.fromPort == 22 } }
        Workshop.editGroup(&new, Workshop.dbGroup) { $0.ingress.append(Workshop.rule(3306, "0.0.0.0/0")) }
        let result = try Workshop.diff(base, new)
        let opened = try #require(result.reachability.opened.first { $0.from == "demo-app-bastion-host" && $0.to == "my-demo-db" })
        #expect(opened.causes == ["\(Workshop.dbGroup) (demo-app-db-sg) ingress rule added: tcp/3306 from 0.0.0.0/0"])
        #expect(result.findings.new.contains { $0.ruleId == "rds-open-to-world" })
    }
}
